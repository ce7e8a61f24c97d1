package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"
	"runtime"
	"slices"
	"strings"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/lang"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// A snapshot is an index written to disk, so that opening an unchanged
// corpus again does not analyse every article a second time (at 100,000
// articles that is most of the CPU of a start). It is valid only for the
// articles it was built from (found by ID, in any order): LoadSnapshot
// checks a fingerprint of each one.
//
// Format, version snapshotVersion (integers are uvarints unless said):
//
//	file:    magic version meta fwd trailer
//	meta:    ndocs doc… noutlets outlet(str)… bodyTokens titleTokens
//	         nterms term…
//	doc:     id(str) fingerprint(4 bytes) blen tlen outlet fwdlen
//	term:    text(str) count caps ndocs docgap… tf(byte)… ntdocs tdocgap…
//	fwd:     each document's forward index (term IDs), concatenated
//	trailer: metaLen(8) fwdLen(8) metaCRC(4) fwdCRC(4) snapshotEnd
//
// where str is a length and that many bytes, gaps are differences from the
// previous document number (the first from -1), fixed-width integers are
// little endian and CRCs are CRC-32C. Every read is bounds-checked and
// every term ID and document number is checked before it is used, so a
// damaged file is an error, never a panic or a wrong result. The version
// also names the tokeniser: a snapshot made with other tokens is stale
// (version 2: dotted acronyms are one token, "F.B.I." is "fbi").
const snapshotVersion = 2

const (
	snapshotMagic = "parallax search index\n"
	snapshotEnd   = "PXI\n"
	snapTrailer   = 8 + 8 + 4 + 4 + len(snapshotEnd)
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// SnapshotPath is where the index snapshot of a corpus read from src
// lives in the cache folder cacheDir, or "" when it has none: no cache
// folder, or not a corpus of files and folders (the embedded seeds,
// standard input).
func SnapshotPath(cacheDir string, src corpus.Source) string {
	if cacheDir == "" || len(src.Paths) == 0 || slices.Contains(src.Paths, "-") {
		return ""
	}
	return cache.Path(cacheDir, src.Paths, "index")
}

// Fingerprint is what a snapshot remembers of an article to know it again:
// a CRC-32C of what the index reads from it (ID, outlet, title, blocks).
func Fingerprint(a *corpus.Article) uint32 {
	c := uint32(0)
	add := func(s string) {
		c = crc32.Update(c, crcTable, unsafe.Slice(unsafe.StringData(s), len(s)))
		c = crc32.Update(c, crcTable, []byte{0})
	}
	add(a.ID)
	add(a.Outlet)
	add(a.Title)
	for _, b := range a.Blocks {
		add(string(b.Kind))
		add(b.Text)
	}
	return c
}

// WriteSnapshot writes the index to path atomically (a temporary file in
// the same folder, then a rename). Searches may run meanwhile; Add waits.
func (ix *Index) WriteSnapshot(path string) error {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return userfiles.WriteAtomic(path, 0o600, func(w io.Writer) error { return ix.writeSnapshot(w) })
}

// crcWriter counts and checksums what goes through it.
type crcWriter struct {
	w *bufio.Writer
	h hash.Hash32
	n int64
}

func (c *crcWriter) Write(p []byte) (int, error) {
	c.h.Write(p)
	c.n += int64(len(p))
	return c.w.Write(p)
}

func (ix *Index) writeSnapshot(out io.Writer) error {
	bw := bufio.NewWriterSize(out, 1<<20)
	head := binary.AppendUvarint([]byte(snapshotMagic), snapshotVersion)
	if _, err := bw.Write(head); err != nil {
		return err
	}
	cw := &crcWriter{w: bw, h: crc32.New(crcTable)}
	var buf []byte
	flush := func(force bool) error {
		if len(buf) < 1<<16 && !force {
			return nil
		}
		_, err := cw.Write(buf)
		buf = buf[:0]
		return err
	}
	str := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	uv := func(v uint64) { buf = binary.AppendUvarint(buf, v) }
	gaps := func(docs []uint32) error {
		uv(uint64(len(docs)))
		prev := int64(-1)
		for _, d := range docs {
			uv(uint64(int64(d) - prev))
			prev = int64(d)
			if err := flush(false); err != nil {
				return err
			}
		}
		return nil
	}

	uv(uint64(len(ix.docs)))
	for d, a := range ix.docs {
		str(a.ID)
		buf = binary.LittleEndian.AppendUint32(buf, Fingerprint(a))
		uv(uint64(ix.blen[d]))
		uv(uint64(ix.tlen[d]))
		uv(uint64(ix.outlet[d]))
		uv(uint64(len(ix.fwd[d])))
		if err := flush(false); err != nil {
			return err
		}
	}
	uv(uint64(len(ix.outlets)))
	for _, o := range ix.outlets {
		str(o)
	}
	uv(ix.bodyTokens)
	uv(ix.titleTokens)
	uv(uint64(len(ix.terms) - 1))
	for g := 1; g < len(ix.terms); g++ {
		t := &ix.terms[g]
		str(t.text)
		uv(uint64(t.count))
		uv(uint64(t.caps))
		if err := gaps(t.docs); err != nil {
			return err
		}
		buf = append(buf, t.tfs...)
		if err := gaps(t.tdocs); err != nil {
			return err
		}
	}
	if err := flush(true); err != nil {
		return err
	}
	metaLen, metaCRC := cw.n, cw.h.Sum32()

	cw.h.Reset()
	cw.n = 0
	for _, f := range ix.fwd {
		if _, err := cw.Write(f); err != nil {
			return err
		}
	}
	trailer := binary.LittleEndian.AppendUint64(nil, uint64(metaLen))
	trailer = binary.LittleEndian.AppendUint64(trailer, uint64(cw.n))
	trailer = binary.LittleEndian.AppendUint32(trailer, metaCRC)
	trailer = binary.LittleEndian.AppendUint32(trailer, cw.h.Sum32())
	trailer = append(trailer, snapshotEnd...)
	if _, err := bw.Write(trailer); err != nil {
		return err
	}
	return bw.Flush()
}

// ErrStale says that a snapshot was made for other articles than those
// given to LoadSnapshot (a file changed, appeared or went away).
var ErrStale = errors.New("the index snapshot is of other articles")

// LoadSnapshot reads the snapshot at path, written for the articles arts
// (in any order; their IDs must be distinct), as a new Index over them. A missing file is an error satisfying
// errors.Is(err, fs.ErrNotExist); a snapshot of other articles is ErrStale;
// anything else is a damaged or incompatible file.
func LoadSnapshot(path string, arts []*corpus.Article) (*Index, error) {
	f, st, headLen, err := cache.OpenFile(path, snapshotMagic, snapshotVersion)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := st.Size()
	bodyAt := int64(headLen)
	if size < bodyAt+int64(snapTrailer) {
		return nil, errors.New("truncated")
	}
	trailer := make([]byte, snapTrailer)
	if _, err := f.ReadAt(trailer, size-int64(snapTrailer)); err != nil {
		return nil, err
	}
	if string(trailer[snapTrailer-len(snapshotEnd):]) != snapshotEnd {
		return nil, errors.New("truncated")
	}
	metaLen := binary.LittleEndian.Uint64(trailer)
	fwdLen := binary.LittleEndian.Uint64(trailer[8:])
	if metaLen > uint64(size) || fwdLen > uint64(size) || uint64(bodyAt)+metaLen+fwdLen+uint64(snapTrailer) != uint64(size) {
		return nil, errors.New("bad section lengths")
	}
	// Two buffers: the forward index is kept (documents point into it),
	// the rest is decoded and dropped.
	meta := make([]byte, metaLen)
	if _, err := f.ReadAt(meta, bodyAt); err != nil {
		return nil, err
	}
	if crc32.Checksum(meta, crcTable) != binary.LittleEndian.Uint32(trailer[16:]) {
		return nil, errors.New("checksum mismatch")
	}
	fwd := make([]byte, fwdLen)
	if _, err := f.ReadAt(fwd, bodyAt+int64(metaLen)); err != nil {
		return nil, err
	}
	if crc32.Checksum(fwd, crcTable) != binary.LittleEndian.Uint32(trailer[20:]) {
		return nil, errors.New("checksum mismatch")
	}
	return decodeSnapshot(meta, fwd, arts)
}

// snapReader reads a snapshot's meta section; the first error sticks.
type snapReader struct {
	b   []byte
	off int
	err error
}

func (r *snapReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("damaged index snapshot: %s at byte %d", what, r.off)
	}
}

func (r *snapReader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.off += n
	return v
}

// count reads a length of at most limit items.
func (r *snapReader) count(limit int) int {
	v := r.uv()
	if v > uint64(limit) {
		r.fail("implausible count")
		return 0
	}
	return int(v)
}

func (r *snapReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b)-r.off {
		r.fail("truncated")
		return nil
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b
}

func (r *snapReader) str() string { return string(r.bytes(r.count(len(r.b)))) }

// docs reads a list of ascending document numbers below ndocs.
func (r *snapReader) docs(ndocs int) []uint32 {
	n := r.count(ndocs)
	if n == 0 || r.err != nil {
		return nil
	}
	out := make([]uint32, n)
	prev := int64(-1)
	for i := range out {
		gap := r.uv()
		if gap == 0 || gap > uint64(ndocs) {
			r.fail("bad posting")
			return nil
		}
		prev += int64(gap)
		if prev >= int64(ndocs) {
			r.fail("posting beyond the documents")
			return nil
		}
		out[i] = uint32(prev)
	}
	return out
}

func decodeSnapshot(meta, fwd []byte, arts []*corpus.Article) (*Index, error) {
	r := &snapReader{b: meta}
	ndocs := r.count(math.MaxUint32)
	if r.err != nil {
		return nil, r.err
	}
	if ndocs != len(arts) {
		return nil, ErrStale
	}
	byID := make(map[string]*corpus.Article, len(arts))
	for _, a := range arts {
		byID[a.ID] = a
	}
	if len(byID) != len(arts) {
		return nil, fmt.Errorf("%w (articles share an ID, so they cannot be matched to its documents)", ErrStale)
	}
	ix := New()
	ix.docs = make([]*corpus.Article, ndocs)
	ix.blen = make([]uint32, ndocs)
	ix.tlen = make([]uint16, ndocs)
	ix.outlet = make([]uint32, ndocs)
	ix.fwd = make([][]byte, ndocs)
	fps := make([]uint32, ndocs)
	at := 0
	for d := 0; d < ndocs && r.err == nil; d++ {
		a := byID[r.str()]
		if a == nil {
			if r.err != nil {
				break
			}
			return nil, ErrStale
		}
		delete(byID, a.ID) // each article is one document
		ix.docs[d] = a
		if fp := r.bytes(4); r.err == nil {
			fps[d] = binary.LittleEndian.Uint32(fp)
		}
		ix.blen[d] = uint32(min(r.uv(), math.MaxUint32))
		ix.tlen[d] = uint16(min(r.uv(), math.MaxUint16))
		ix.outlet[d] = uint32(min(r.uv(), math.MaxUint32))
		n := r.count(len(fwd) - at)
		ix.fwd[d] = fwd[at : at+n : at+n]
		at += n
	}
	nout := r.count(len(meta))
	for i := 0; i < nout && r.err == nil; i++ {
		name := r.str()
		ix.outlets = append(ix.outlets, name)
		ix.outletID[name] = uint32(i)
	}
	ix.bodyTokens, ix.titleTokens = r.uv(), r.uv()
	nterms := r.count(len(meta))
	if r.err != nil {
		return nil, r.err
	}
	if at != len(fwd) {
		return nil, errors.New("damaged index snapshot: forward index length")
	}
	for d := range ndocs {
		if ix.outlet[d] >= uint32(len(ix.outlets)) {
			return nil, errors.New("damaged index snapshot: outlet out of range")
		}
	}
	ix.terms = make([]term, 1, nterms+1)
	for g := 1; g <= nterms && r.err == nil; g++ {
		t := term{text: r.str()}
		t.count = uint32(min(r.uv(), math.MaxUint32))
		t.caps = uint32(min(r.uv(), math.MaxUint32))
		t.docs = r.docs(ndocs)
		if tfs := r.bytes(len(t.docs)); len(tfs) > 0 {
			t.tfs = slices.Clone(tfs)
		}
		t.tdocs = r.docs(ndocs)
		ix.terms = append(ix.terms, t)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(meta) {
		return nil, errors.New("damaged index snapshot: trailing bytes")
	}
	// On every core: each article must be the one the snapshot was made
	// of, and every term ID of its forward index must name a term.
	nw := min(runtime.GOMAXPROCS(0), max(ndocs/256, 1))
	errs := make([]error, nw)
	parallel(nw, func(k int) {
		for d := k * ndocs / nw; d < (k+1)*ndocs/nw; d++ {
			if fps[d] != Fingerprint(ix.docs[d]) {
				errs[k] = ErrStale
				return
			}
			for f := ix.fwd[d]; len(f) > 0; {
				id, n := binary.Uvarint(f)
				if n <= 0 || id >= uint64(len(ix.terms)) {
					errs[k] = fmt.Errorf("damaged index snapshot: forward index of document %d", d)
					return
				}
				f = f[n:]
			}
		}
	})
	if err := errors.Join(errs...); err != nil {
		if errors.Is(err, ErrStale) {
			return nil, ErrStale
		}
		return nil, err
	}
	// What Add derives from the terms is derived again.
	ids := make([]uint32, 0, nterms)
	seen := make(map[string]bool, nterms)
	for g := 1; g < len(ix.terms); g++ {
		s := ix.terms[g].text
		if s == "" || seen[s] {
			return nil, errors.New("damaged index snapshot: duplicate or empty term")
		}
		seen[s] = true
		ix.vocab.insert(ix.terms, uint32(g), ix.vocab.hashString(s))
		st, _ := lang.Stemmed.Term(s)
		ix.byStem[st] = append(ix.byStem[st], uint32(g))
		key := lang.TranslitKey(s)
		ix.byKey[key] = append(ix.byKey[key], uint32(g))
		ids = append(ids, uint32(g))
	}
	slices.SortFunc(ids, func(a, b uint32) int { return strings.Compare(ix.terms[a].text, ix.terms[b].text) })
	ix.sorted = ids
	return ix, nil
}

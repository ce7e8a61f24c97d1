package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"sort"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// A snapshot is an index written to disk, so that opening an unchanged
// corpus again does not analyse every article a second time. It is laid
// out to be mapped and read lazily (mapped.go): a query reads the
// dictionary, its own posting lists and the forward index of the documents
// it shows, nothing else, so that a one-shot search of 100,000 articles
// costs what it reads rather than what the index holds.
//
// Format, version snapshotVersion:
//
//	file:    magic version(uvarint) pad section… table trailer
//	table:   nsections(4) (off(8) len(8) crc(4) pad(4))…
//	trailer: tableOff(8) tableCRC(4) snapshotEnd
//
// Every section starts at a multiple of 8 bytes so that its fixed-width
// arrays (little endian) can be used in place; the sections, in order, are
// listed by the sec* constants below. A section's CRC-32C covers its bytes
// and is checked when the snapshot is opened, except for the two large ones
// (postings and forward index), whose items carry CRCs of their own that
// are checked when an item is read. Every offset, count, term ID and
// document number is checked before it is used, so a damaged file is an
// error, never a panic or a wrong result. The version also names the
// tokeniser: a snapshot made with other tokens is stale (2: dotted
// acronyms are one token; 3: this mappable layout; 4: marks belong to their
// word and Brahmic vowel signs are no longer folded away).
const snapshotVersion = 4

const (
	snapshotMagic = "parallax search index\n"
	snapshotEnd   = "PXI\n"
	snapTrailer   = 8 + 4 + len(snapshotEnd)
	snapEntry     = 8 + 8 + 4 + 4
)

// The sections of a snapshot, in file order.
const (
	secCounts     = iota // u64: ndocs nterms nstems nkeys noutlets bodyTokens titleTokens
	secBlen              // u32 per document: body length in tokens
	secTlen              // u16 per document: title length in tokens
	secOutlet            // u32 per document: index into the outlets
	secPubSec            // i64 per document: publication time, Unix seconds
	secPubNsec           // u32 per document: and nanoseconds
	secFP                // u32 per document: Fingerprint of the article
	secDocStrOff         // u32, 3 per document + 1: ID, title and path in secDocStr
	secDocStr            // bytes
	secFwdOff            // u64 per document + 1: forward index in secFwd
	secFwdCRC            // u32 per document: CRC-32C of its forward index
	secFwd               // bytes (lazy): term IDs (uvarint), 0 between blocks
	secTermOff           // u32 per term + 1: its text in secTermText (term g is item g-1)
	secTermText          // bytes
	secTermDocs          // u32 per term: documents whose body has it
	secTermTdocs         // u32 per term: documents whose title has it
	secTermCount         // u32 per term: occurrences
	secTermCaps          // u32 per term: occurrences written capitalised
	secPostOff           // u64 per term + 1: postings in secPost
	secPostCRC           // u32 per term: CRC-32C of its postings
	secPost              // bytes (lazy): docgap(uvarint)… tf(byte)… tdocgap(uvarint)…
	secSorted            // u32 per term: term IDs in text order
	secStemStrOff        // stems, sorted: their text, and the term IDs of each
	secStemStr
	secStemIDOff
	secStemIDs
	secKeyStrOff // transliteration keys, likewise
	secKeyStr
	secKeyIDOff
	secKeyIDs
	secOutletOff // u32 per outlet + 1: folded names in secOutletStr
	secOutletStr
	secExtra // the caller's bytes (SnapshotOptions.Extra)
	numSections
)

// lazySection: checked item by item when read, not when opened.
func lazySection(s int) bool { return s == secFwd || s == secPost }

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
// The text of an article listed without it is read for this alone, not
// kept (Article.Text; one that cannot be read has no blocks, and so
// another fingerprint).
func Fingerprint(a *corpus.Article) uint32 {
	blocks, _ := a.Text()
	c := uint32(0)
	add := func(s string) {
		c = crc32.Update(c, cache.CRCTable, unsafe.Slice(unsafe.StringData(s), len(s)))
		c = crc32.Update(c, cache.CRCTable, []byte{0})
	}
	add(a.ID)
	add(a.Outlet)
	add(a.Title)
	for _, b := range blocks {
		add(string(b.Kind))
		add(b.Text)
	}
	return c
}

// WriteSnapshot writes the index to path atomically (a temporary file in
// the same folder, renamed over path), so that a reader never sees half a
// snapshot and a kill at any point leaves the previous one usable. extra is
// kept in the snapshot for the caller (see Index.SnapshotExtra).
func (ix *Index) WriteSnapshot(path string, extra ...byte) error {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	if ix.base != nil && ix.docs == nil {
		return errors.New("an index opened without its articles cannot be written")
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	src := ix.memSource()
	if ix.base != nil {
		src = ix.mergedSource()
	}
	// Not synced: every part is checked before it is used (see
	// snapshotVersion), so a snapshot a crash tore is found and rebuilt,
	// and the save does not wait for 200 MB to reach the disk.
	return userfiles.WriteCacheAtomic(path, 0o600, func(w io.Writer) error {
		if err := writeSnapshot(w, src, extra); err != nil {
			return err
		}
		// A damaged base read while merging is not written on.
		return ix.damage()
	})
}

// snapSource is what a snapshot is written from: an index built in
// memory as it is (memSource), or a layered one with its delta merged into
// its base (mergedSource). term may be called more than once for a term.
type snapSource struct {
	docs                    []*corpus.Article
	fp                      func(d int) uint32
	blen                    []uint32
	tlen                    []uint16
	outlet                  []uint32
	fwd                     func(d int) []byte
	nterms                  int // terms 1..nterms
	text                    func(g uint32) string
	term                    func(g uint32) *term
	byStem, byKey           map[string][]uint32
	sorted                  []uint32
	outlets                 []string
	bodyTokens, titleTokens uint64
}

func (ix *Index) memSource() snapSource {
	return snapSource{
		docs: ix.docs, fp: func(d int) uint32 { return Fingerprint(ix.docs[d]) },
		blen: ix.blen, tlen: ix.tlen, outlet: ix.outlet,
		fwd:    func(d int) []byte { return ix.fwd[d] },
		nterms: len(ix.terms) - 1, text: func(g uint32) string { return ix.terms[g].text },
		term:   func(g uint32) *term { return &ix.terms[g] },
		byStem: ix.byStem, byKey: ix.byKey, sorted: ix.sorted, outlets: ix.outlets,
		bodyTokens: ix.bodyTokens, titleTokens: ix.titleTokens,
	}
}

// snapWriter writes sections, 8-aligned, remembering where each is and
// its checksum.
type snapWriter struct {
	w     *bufio.Writer
	off   uint64
	table []byte
	crc   uint32
	start uint64
	err   error
}

func (s *snapWriter) write(p []byte) {
	if s.err != nil {
		return
	}
	s.crc = crc32.Update(s.crc, cache.CRCTable, p)
	_, s.err = s.w.Write(p)
	s.off += uint64(len(p))
}

func (s *snapWriter) pad() {
	var zero [8]byte
	if r := s.off % 8; r != 0 && s.err == nil {
		_, s.err = s.w.Write(zero[:8-r])
		s.off += 8 - r
	}
}

func (s *snapWriter) begin() {
	s.pad()
	s.start, s.crc = s.off, 0
}

func (s *snapWriter) end() {
	t := binary.LittleEndian.AppendUint64(s.table, s.start)
	t = binary.LittleEndian.AppendUint64(t, s.off-s.start)
	t = binary.LittleEndian.AppendUint32(t, s.crc)
	s.table = binary.LittleEndian.AppendUint32(t, 0)
}

// section writes one section of fixed-width items or bytes.
func (s *snapWriter) section(b []byte) {
	s.begin()
	s.write(b)
	s.end()
}

func u32Bytes(v []uint32) []byte {
	b := make([]byte, 0, 4*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint32(b, x)
	}
	return b
}

func u64Bytes(v []uint64) []byte {
	b := make([]byte, 0, 8*len(v))
	for _, x := range v {
		b = binary.LittleEndian.AppendUint64(b, x)
	}
	return b
}

// stringTable lays out strings as offsets (u32, one more than strings) and
// their bytes.
func stringTable(ss []string) ([]byte, []byte, error) {
	offs := make([]uint32, 0, len(ss)+1)
	var text []byte
	offs = append(offs, 0)
	for _, s := range ss {
		text = append(text, s...)
		if len(text) > math.MaxUint32 {
			return nil, nil, errors.New("index too large for a snapshot")
		}
		offs = append(offs, uint32(len(text)))
	}
	return u32Bytes(offs), text, nil
}

// listTable lays out a map of strings to term ID lists, sorted by string,
// keeping each list's order (the order expand meets the terms in).
func listTable(m map[string][]uint32) (strOff, str, idOff, ids []byte, n int, err error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	strOff, str, err = stringTable(keys)
	offs := make([]uint32, 1, len(keys)+1)
	var all []uint32
	for _, k := range keys {
		all = append(all, m[k]...)
		offs = append(offs, uint32(len(all)))
	}
	return strOff, str, u32Bytes(offs), u32Bytes(all), len(keys), err
}

func writeSnapshot(out io.Writer, ix snapSource, extra []byte) error {
	bw := bufio.NewWriterSize(out, 1<<20)
	s := &snapWriter{w: bw}
	head := binary.AppendUvarint([]byte(snapshotMagic), snapshotVersion)
	if _, err := bw.Write(head); err != nil {
		return err
	}
	s.off = uint64(len(head))
	nd, nt := len(ix.docs), ix.nterms
	stemOff, stemStr, stemIDOff, stemIDs, nstems, err1 := listTable(ix.byStem)
	keyOff, keyStr, keyIDOff, keyIDs, nkeys, err2 := listTable(ix.byKey)
	outOff, outStr, err3 := stringTable(ix.outlets)
	docStr := make([]string, 0, 3*nd)
	for _, a := range ix.docs {
		docStr = append(docStr, a.ID, a.Title, a.Path)
	}
	docOff, docText, err4 := stringTable(docStr)
	texts := make([]string, nt)
	for g := 1; g <= nt; g++ {
		texts[g-1] = ix.text(uint32(g))
	}
	termOff, termText, err5 := stringTable(texts)
	if err := errors.Join(err1, err2, err3, err4, err5); err != nil {
		return err
	}

	s.section(u64Bytes([]uint64{uint64(nd), uint64(nt), uint64(nstems), uint64(nkeys), uint64(len(ix.outlets)), ix.bodyTokens, ix.titleTokens}))
	s.section(u32Bytes(ix.blen))
	tl := make([]byte, 0, 2*nd)
	for _, v := range ix.tlen {
		tl = binary.LittleEndian.AppendUint16(tl, v)
	}
	s.section(tl)
	s.section(u32Bytes(ix.outlet))
	secs, nsecs, fps := make([]uint64, nd), make([]uint32, nd), make([]uint32, nd)
	for d, a := range ix.docs {
		secs[d], nsecs[d], fps[d] = uint64(a.Published.Unix()), uint32(a.Published.Nanosecond()), ix.fp(d)
	}
	s.section(u64Bytes(secs))
	s.section(u32Bytes(nsecs))
	s.section(u32Bytes(fps))
	s.section(docOff)
	s.section(docText)
	fwdOff, fwdCRC := make([]uint64, 1, nd+1), make([]uint32, nd)
	for d := range nd {
		f := ix.fwd(d)
		fwdOff = append(fwdOff, fwdOff[d]+uint64(len(f)))
		fwdCRC[d] = crc32.Checksum(f, cache.CRCTable)
	}
	s.section(u64Bytes(fwdOff))
	s.section(u32Bytes(fwdCRC))
	s.begin()
	for d := range nd {
		s.write(ix.fwd(d))
	}
	s.end()
	s.section(termOff)
	s.section(termText)
	// Postings: encoded once to learn their offsets and checksums (and
	// the counts), which come first in the file, then again to be written.
	ndocs, ntdocs, count, caps := make([]uint32, nt), make([]uint32, nt), make([]uint32, nt), make([]uint32, nt)
	postOff, postCRC := make([]uint64, 1, nt+1), make([]uint32, nt)
	var buf []byte
	encode := func(t *term) []byte {
		buf = appendGaps(buf[:0], t.docs)
		buf = append(buf, t.tfs...)
		return appendGaps(buf, t.tdocs)
	}
	for g := 1; g <= nt; g++ {
		t := ix.term(uint32(g))
		ndocs[g-1], ntdocs[g-1], count[g-1], caps[g-1] = uint32(len(t.docs)), uint32(len(t.tdocs)), t.count, t.caps
		p := encode(t)
		postOff = append(postOff, postOff[g-1]+uint64(len(p)))
		postCRC[g-1] = crc32.Checksum(p, cache.CRCTable)
	}
	s.section(u32Bytes(ndocs))
	s.section(u32Bytes(ntdocs))
	s.section(u32Bytes(count))
	s.section(u32Bytes(caps))
	s.section(u64Bytes(postOff))
	s.section(u32Bytes(postCRC))
	s.begin()
	for g := 1; g <= nt; g++ {
		s.write(encode(ix.term(uint32(g))))
	}
	s.end()
	s.section(u32Bytes(ix.sorted))
	s.section(stemOff)
	s.section(stemStr)
	s.section(stemIDOff)
	s.section(stemIDs)
	s.section(keyOff)
	s.section(keyStr)
	s.section(keyIDOff)
	s.section(keyIDs)
	s.section(outOff)
	s.section(outStr)
	s.section(extra)

	s.pad()
	tableOff := s.off
	table := binary.LittleEndian.AppendUint32(nil, numSections)
	table = append(table, s.table...)
	s.write(table)
	trailer := binary.LittleEndian.AppendUint64(nil, tableOff)
	trailer = binary.LittleEndian.AppendUint32(trailer, crc32.Checksum(table, cache.CRCTable))
	trailer = append(trailer, snapshotEnd...)
	s.write(trailer)
	if s.err != nil {
		return s.err
	}
	return bw.Flush()
}

// appendGaps appends ascending document numbers as differences from the
// previous one (the first from -1).
func appendGaps(b []byte, docs []uint32) []byte {
	prev := int64(-1)
	for _, d := range docs {
		b = binary.AppendUvarint(b, uint64(int64(d)-prev))
		prev = int64(d)
	}
	return b
}

// ErrStale says that a snapshot was made for other articles than those
// given to LoadSnapshot (a file changed, appeared or went away).
var ErrStale = errors.New("the index snapshot is of other articles")

// ErrDamaged is what every error about a damaged snapshot wraps, whether
// it is found when the snapshot is opened or by a search that reads a
// damaged posting list or forward index later.
var ErrDamaged = errors.New("damaged index snapshot")

// errDamaged wraps what is wrong with a damaged snapshot.
func errDamaged(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrDamaged}, args...)...)
}

// LoadSnapshot opens the snapshot at path, written for the articles arts
// (in any order; their IDs must be distinct), as a new Index over them. A
// missing file is an error satisfying errors.Is(err, fs.ErrNotExist); a
// snapshot of other articles is ErrStale; anything else is a damaged or
// incompatible file. The file is mapped and its structure checked, and
// every article's fingerprint (a pass over all their text); posting lists
// and forward indexes are checked and decoded when queries first need
// them: damage found then makes the search return an error wrapping
// ErrDamaged (see Index.Search), never a wrong result.
func LoadSnapshot(path string, arts []*corpus.Article) (*Index, error) {
	return loadSnapshot(path, arts, true)
}

// LoadSnapshotFromHeads is LoadSnapshot for articles known to be the
// snapshot's by where they came from (every one unchanged in the store of
// parsed files since the snapshot was written): it checks what the list
// of articles has (IDs, titles, times), not their text, so that opening
// costs no pass over the text, which need not be loaded. Each article's
// fingerprint is checked when a search first returns it, or when Add
// thaws the index; a mismatch makes that search fail with ErrStale.
func LoadSnapshotFromHeads(path string, arts []*corpus.Article) (*Index, error) {
	return loadSnapshot(path, arts, false)
}

func loadSnapshot(path string, arts []*corpus.Article, checkText bool) (*Index, error) {
	m, ix, err := openIndex(path)
	if err != nil {
		return nil, err
	}
	if err := m.match(ix, arts, checkText); err != nil {
		return nil, err
	}
	return ix, nil
}

// openIndex maps the snapshot at path and makes an Index over it, its
// articles not matched yet.
func openIndex(path string) (*mapped, *Index, error) {
	m, err := openMapped(path)
	if err != nil {
		return nil, nil, err
	}
	ix, err := m.index()
	return m, ix, err
}

// LoadSnapshotUpdated opens the snapshot at path for the articles arts,
// which may differ from those it was made of: the documents whose article
// is among arts (paired by what a list has, as LoadSnapshotFromHeads
// does) are used from the snapshot, those of articles that left the
// corpus are dead, and the articles it does not have are indexed as a
// delta (see layer.go): a reader whose corpus gained a thousand files
// indexes a thousand articles, not the whole corpus again. fresh are
// articles read afresh (their files are new or changed since the store
// had them): never taken for a document of the snapshot, whose text may
// be an older one. A snapshot holding less than half of arts is ErrStale:
// indexing them all is then as quick and leaves no dead documents.
// Errors are otherwise LoadSnapshot's.
func LoadSnapshotUpdated(path string, arts, fresh []*corpus.Article) (*Index, error) {
	m, ix, err := openIndex(path)
	if err != nil {
		return nil, err
	}
	var isFresh map[*corpus.Article]bool
	if len(fresh) > 0 {
		isFresh = make(map[*corpus.Article]bool, len(fresh))
		for _, a := range fresh {
			isFresh[a] = true
		}
	}
	docs, rest := m.pair(arts, nil, isFresh)
	if 2*len(rest) > len(arts) {
		return nil, fmt.Errorf("%w (it has %d of %d articles)", ErrStale, len(arts)-len(rest), len(arts))
	}
	ix.docs = docs
	dead := make([]bool, m.ndocs)
	anyDead := false
	for d, a := range docs {
		if a == nil {
			dead[d], anyDead = true, true
		}
	}
	if anyDead || len(rest) > 0 {
		ix.addMu.Lock()
		ix.newLayer(dead)
		ix.addMu.Unlock()
		ix.Add(rest)
	}
	return ix, nil
}

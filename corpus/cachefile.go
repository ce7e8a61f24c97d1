package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The cache file format, version cacheVersion:
//
//	file:    magic cacheVersion(uvarint) raw… index trailer
//	index:   nroots(uvarint) root(str)… nentries(uvarint) entry…
//	entry:   path(str) size(varint) mod(varint) crc(4 bytes) off(uvarint) len(uvarint)
//	trailer: indexOffset(8 bytes) indexCRC(4 bytes) cacheEnd
//	raw:     skip(str) sum(32 bytes) narticles(uvarint) article…
//	article: suffix textKey format title flags(byte) outlet via dateline
//	         byline url summary published(str, time.MarshalBinary or empty)
//	         nblocks(uvarint) (kind(byte) [kindName(str)] text(str))…
//	         nremoved(uvarint) removed(str)… words(uvarint)
//
// where str is a uvarint length and that many bytes, integers in fixed
// width are little endian, an entry's raw body is the len bytes at off, and
// crc and indexCRC are CRC-32C checksums. The index sits at the end so that
// entries can be written as they are encoded; it is small (a path and a few
// numbers per file), so opening a cache reads the index alone.
//
// Every read is bounds-checked. A damaged index (or trailer) discards the
// whole file; a damaged entry fails its checksum when it is decoded and
// counts as a miss, so its file is read again. Checking each entry as it is
// used spreads the work over the loader's workers.
//
// Articles are decoded as substrings of the file's bytes, which are mapped
// (or read) once and never modified: a warm start allocates the article
// structs and nothing else, and untouched entries cost no memory.

// cacheVersion changes whenever parsing, the Article type or this format
// change in a way that makes old entries wrong (5: the analyser's sentence
// rule, which headlines, headings and derived titles use; 6: articles
// carry their record's or feed item's summary).
const cacheVersion = 6

const (
	cacheMagic   = "parallax corpus cache\n"
	cacheEnd     = "PXC\n"
	trailerSize  = 8 + 4 + len(cacheEnd)
	maxCacheSize = 1 << 40 // beyond any real corpus: a damaged size, not a cache
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Block kinds are stored as one byte; any other kind is stored by name.
var blockKindCodes = []BlockKind{Heading, Paragraph, ListItem, Quote}

const otherKind = 0xFF

// readCacheFile opens a cache file and indexes its entries by path without
// decoding them.
func readCacheFile(path string, roots []string) (map[string]*cacheEntry, error) {
	f, st, bodyAt, err := cache.OpenFile(path, cacheMagic, cacheVersion)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > maxCacheSize {
		return nil, errors.New("implausibly large")
	}
	data, err := cache.ReadAll(f, st.Size())
	if err != nil {
		return nil, err
	}
	return indexCache(data, bodyAt, roots)
}

// indexCache checks the trailer and index of a whole cache file whose raw
// bodies start at bodyStart, and maps each entry's path to its body. data
// is kept, unmodified, by the strings of every entry and article decoded
// from it.
func indexCache(data []byte, bodyStart int, roots []string) (map[string]*cacheEntry, error) {
	if len(data) < bodyStart+trailerSize || string(data[len(data)-len(cacheEnd):]) != cacheEnd {
		return nil, errors.New("truncated")
	}
	trailer := data[len(data)-trailerSize:]
	indexAt := binary.LittleEndian.Uint64(trailer)
	indexEnd := uint64(len(data) - trailerSize)
	if indexAt < uint64(bodyStart) || indexAt > indexEnd {
		return nil, errors.New("bad index offset")
	}
	index := data[indexAt:indexEnd]
	if crc32.Checksum(index, castagnoli) != binary.LittleEndian.Uint32(trailer[8:]) {
		return nil, errors.New("index checksum mismatch")
	}
	// The bytes are never written again, so strings can share them.
	all := unsafe.String(unsafe.SliceData(data), len(data))
	r := &cacheReader{s: all[indexAt:indexEnd]}
	nroots := r.count()
	if r.err == nil && nroots != len(roots) {
		return nil, errors.New("made for other folders")
	}
	for i := 0; i < nroots && r.err == nil; i++ {
		if r.str() != roots[i] {
			return nil, errors.New("made for other folders")
		}
	}
	// Sized up front: growing a map of 100,000 entries rehashes it often.
	entries := make(map[string]*cacheEntry, r.count())
	for r.err == nil && r.off < len(r.s) {
		path := r.str()
		e := &cacheEntry{size: r.varint(), mod: r.varint(), crc: r.uint32()}
		off, n := r.uvarint(), r.uvarint()
		if r.err != nil {
			break
		}
		if off < uint64(bodyStart) || off > indexAt || n > indexAt-off {
			return nil, errors.New("entry out of bounds")
		}
		e.raw = all[off : off+n]
		entries[path] = e
	}
	if r.err != nil {
		return nil, r.err
	}
	return entries, nil
}

// decodeEntry rebuilds the loader's result for job j from an entry's raw
// body, which must match its checksum.
func decodeEntry(raw string, crc uint32, j fileJob) (fileResult, error) {
	if crc32.Update(0, castagnoli, unsafe.Slice(unsafe.StringData(raw), len(raw))) != crc {
		return fileResult{}, errors.New("checksum mismatch")
	}
	r := &cacheReader{s: raw}
	res := fileResult{index: j.index, cached: true}
	if skip := r.str(); skip != "" {
		res.skipped = &Skipped{Path: j.path, Reason: skip}
		return res, r.err
	}
	copy(res.sum[:], r.fixed(sha256.Size))
	n := r.count()
	if r.err != nil {
		return res, r.err
	}
	res.articles = make([]*Article, n)
	res.textKeys = make([]string, n)
	structs := make([]Article, n)
	for i := range structs {
		a := &structs[i]
		a.ID = j.id + r.str()
		a.Path = j.path
		res.textKeys[i] = r.str()
		a.Format = r.str()
		a.Title = r.str()
		a.TitleDerived = r.byte()&1 != 0
		a.Outlet, a.Via, a.Dateline, a.Byline, a.URL, a.Summary = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		if t := r.str(); t != "" && r.err == nil {
			if err := a.Published.UnmarshalBinary([]byte(t)); err != nil {
				return res, fmt.Errorf("bad date: %w", err)
			}
		}
		nb := r.count()
		if r.err != nil {
			return res, r.err
		}
		a.Blocks = make([]Block, nb)
		for k := range a.Blocks {
			code := r.byte()
			if int(code) < len(blockKindCodes) {
				a.Blocks[k].Kind = blockKindCodes[code]
			} else {
				a.Blocks[k].Kind = BlockKind(r.str())
			}
			a.Blocks[k].Text = r.str()
		}
		if nr := r.count(); nr > 0 && r.err == nil {
			a.Removed = make([]string, nr)
			for k := range a.Removed {
				a.Removed[k] = r.str()
			}
		}
		if words := r.uvarint(); words <= uint64(len(raw)) {
			a.Words = int(words)
		} else {
			r.fail(errors.New("bad word count"))
		}
		res.articles[i] = a
	}
	if r.err == nil && r.off != len(r.s) {
		r.err = errors.New("trailing bytes in entry")
	}
	return res, r.err
}

// writeCacheFile writes entries atomically to path, readable by the user
// only (the cache holds what the user reads).
func writeCacheFile(path string, roots []string, entries map[string]*cacheEntry) error {
	return userfiles.WriteAtomic(path, 0o600, func(w io.Writer) error { return writeCache(w, roots, entries) })
}

func writeCache(f io.Writer, roots []string, entries map[string]*cacheEntry) error {
	w := bufio.NewWriterSize(f, 1<<20)
	var head []byte
	head = append(head, cacheMagic...)
	head = binary.AppendUvarint(head, cacheVersion)
	if _, err := w.Write(head); err != nil {
		return err
	}
	off := uint64(len(head))

	paths := make([]string, 0, len(entries))
	for p := range entries {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var index []byte
	index = binary.AppendUvarint(index, uint64(len(roots)))
	for _, root := range roots {
		index = appendStr(index, root)
	}
	var raw []byte
	type placed struct {
		path     string
		e        *cacheEntry
		crc      uint32
		off, len uint64
	}
	var done []placed
	for _, p := range paths {
		e := entries[p]
		body, crc := e.raw, e.crc
		if body == "" {
			var err error
			if raw, err = appendEntry(raw[:0], e); err != nil {
				continue // not cached; the file is read again next time
			}
			body = unsafe.String(unsafe.SliceData(raw), len(raw))
			crc = crc32.Update(0, castagnoli, raw)
		}
		if _, err := w.WriteString(body); err != nil {
			return err
		}
		done = append(done, placed{p, e, crc, off, uint64(len(body))})
		off += uint64(len(body))
	}
	index = binary.AppendUvarint(index, uint64(len(done)))
	for _, d := range done {
		index = appendStr(index, d.path)
		index = binary.AppendVarint(index, d.e.size)
		index = binary.AppendVarint(index, d.e.mod)
		index = binary.LittleEndian.AppendUint32(index, d.crc)
		index = binary.AppendUvarint(index, d.off)
		index = binary.AppendUvarint(index, d.len)
	}
	trailer := binary.LittleEndian.AppendUint64(nil, off)
	trailer = binary.LittleEndian.AppendUint32(trailer, crc32.Checksum(index, castagnoli))
	trailer = append(trailer, cacheEnd...)
	if _, err := w.Write(index); err != nil {
		return err
	}
	if _, err := w.Write(trailer); err != nil {
		return err
	}
	return w.Flush()
}

// appendEntry encodes an entry made in this run.
func appendEntry(b []byte, e *cacheEntry) ([]byte, error) {
	b = appendStr(b, e.skip)
	if e.skip != "" {
		return b, nil
	}
	b = append(b, e.sum[:]...)
	b = binary.AppendUvarint(b, uint64(len(e.articles)))
	for i, a := range e.articles {
		var key string
		if i < len(e.textKeys) {
			key = e.textKeys[i]
		}
		b = appendStr(b, e.suffixes[i])
		b = appendStr(b, key)
		b = appendStr(b, a.Format)
		b = appendStr(b, a.Title)
		var flags byte
		if a.TitleDerived {
			flags |= 1
		}
		b = append(b, flags)
		for _, s := range []string{a.Outlet, a.Via, a.Dateline, a.Byline, a.URL, a.Summary} {
			b = appendStr(b, s)
		}
		if a.Published.IsZero() {
			b = appendStr(b, "")
		} else {
			t, err := a.Published.MarshalBinary()
			if err != nil {
				return b, err
			}
			b = appendStr(b, string(t))
		}
		b = binary.AppendUvarint(b, uint64(len(a.Blocks)))
		for _, bl := range a.Blocks {
			code := byte(otherKind)
			for c, k := range blockKindCodes {
				if bl.Kind == k {
					code = byte(c)
				}
			}
			b = append(b, code)
			if code == otherKind {
				b = appendStr(b, string(bl.Kind))
			}
			b = appendStr(b, bl.Text)
		}
		b = binary.AppendUvarint(b, uint64(len(a.Removed)))
		for _, s := range a.Removed {
			b = appendStr(b, s)
		}
		b = binary.AppendUvarint(b, uint64(max(a.Words, 0)))
	}
	return b, nil
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// cacheReader decodes the format above from a string, checking every
// bound; after the first error every read returns a zero value.
type cacheReader struct {
	s   string
	off int
	err error
}

var errTruncated = errors.New("truncated entry")

func (r *cacheReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *cacheReader) uvarint() uint64 {
	var x uint64
	for shift := 0; r.err == nil; shift += 7 {
		if r.off >= len(r.s) || shift > 63 {
			r.fail(errTruncated)
			break
		}
		c := r.s[r.off]
		r.off++
		x |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
	return 0
}

func (r *cacheReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length or count that must fit in what is left.
func (r *cacheReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.off) {
		r.fail(errTruncated)
		return 0
	}
	return int(n)
}

func (r *cacheReader) fixed(n int) string {
	if r.err != nil || n > len(r.s)-r.off {
		r.fail(errTruncated)
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *cacheReader) uint32() uint32 {
	b := r.fixed(4)
	if len(b) < 4 {
		return 0
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (r *cacheReader) str() string { return r.fixed(r.count()) }

func (r *cacheReader) byte() byte {
	if b := r.fixed(1); b != "" {
		return b[0]
	}
	return 0
}

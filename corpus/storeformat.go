package corpus

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The store's segment files, format version storeVersion:
//
//	file:    magic storeVersion(uvarint) text… heads… index trailer
//	index:   nentries(uvarint) entry…  (sorted by path, each path once)
//	entry:   path(str) size(varint) mod(varint) ctime(varint) ino(uvarint) flags(byte)
//	         headOff headLen(uvarint) headCRC(4 bytes)
//	         textOff textLen(uvarint) textCRC(4 bytes)
//	trailer: indexOffset(8 bytes) indexCRC(4 bytes) segmentEnd
//	head:    skip(str) [sum(32 bytes) narticles(uvarint) article…]
//	article: suffix textKey markKey format title flags(byte) outlet via dateline
//	         byline url summary published(str, time.MarshalBinary or empty)
//	         words(uvarint) textOff(uvarint) textLen(uvarint)
//	text:    nblocks(uvarint) (kind(byte) [kindName(str)] text(str))…
//	         nremoved(uvarint) removed(str)…
//
// where str is a uvarint length and that many bytes, integers in fixed
// width are little endian, and the CRCs are CRC-32C. An entry's size,
// times (mod, ctime: Unix nanoseconds) and inode are its file's version
// (fileVersion) when it was read. An entry with flags
// bit 0 set is a tombstone: its file was removed, and older segments'
// entries for the path no longer count. An article's textOff is relative
// to its entry's text.
//
// The heads (what the list shows, and what dedupe needs) sit together
// after all the text, so that listing touches the heads' pages and the
// index's, never a page of text: text is decoded when an article is opened
// (Article.LoadText) or when a caller asks for it (Options.ListOnly unset).
// Each part has its own checksum, checked before it is decoded: a damaged
// index drops the segment, a damaged head or text is a miss and its file
// is read again. Every read is bounds-checked.
//
// Strings decoded from a segment point into its mapping (see cache.Map):
// a warm start allocates the article structs and nothing else.

// storeVersion changes whenever parsing, the Article type or this format
// change in a way that makes old entries wrong (5: the analyser's sentence
// rule; 6: articles carry their summary; 7: the segmented store, heads
// apart from text; 8: the heads keep the read-mark key of articles
// without a URL, which is made from the text; 9: word counts keep a
// mark in its word, so Devanagari and Tamil are not split at vowel signs;
// 10: file and text sums are XXH3-128, article.Sum, not SHA-256; 11:
// entries keep their file's status change time and inode). The walk
// record (walkrecord.go) is under it too: so must be any change to the
// IDs a walk gives files (idFor, idSet).
const storeVersion = 11

const (
	segmentMagic = "parallax corpus segment\n"
	segmentEnd   = "PXS\n"
	trailerSize  = 8 + 4 + len(segmentEnd)
	maxStoreFile = 1 << 40 // beyond any real corpus: a damaged size, not a store
	flagDead     = 1
)

// Block kinds are stored as one byte; any other kind is stored by name.
var blockKindCodes = []BlockKind{Heading, Paragraph, ListItem, Quote}

const otherKind = 0xFF

// fileVersion is what the store knows a file's bytes by: its size, its
// modification and status change times (Unix nanoseconds) and its inode
// (0 where the system gives none). A file rewritten, touched, or put in
// another's place at the same size and modification time (cp -p, rsync
// -t, an editor's save by rename) changes one of them; what only reads
// it changes none.
type fileVersion struct {
	size, mod, ctime int64
	ino              uint64
}

// versionOf is the version of a file whose status is st.
func versionOf(st userfiles.FileStat) fileVersion {
	return fileVersion{size: st.Size, mod: st.ModNano, ctime: st.ChangeNano, ino: st.Ino}
}

// segEntry is what one file yielded, as one segment holds it.
type segEntry struct {
	path    string
	ver     fileVersion
	dead    bool
	head    string
	text    string
	headCRC uint32
	textCRC uint32
}

// parseSegment checks the trailer and index of a whole segment file whose
// text starts at bodyStart and returns its entries in path order. data is
// kept, unmodified, by the strings of every entry and article decoded from
// it.
func parseSegment(data []byte, bodyStart int) ([]segEntry, error) {
	x, err := checkSegment(data, bodyStart)
	if err != nil {
		return nil, err
	}
	r := &storeReader{s: x.index()}
	// Sized up front, bounded by what the index can hold.
	entries := make([]segEntry, 0, min(r.count(), len(r.s)/8))
	for r.err == nil && r.off < len(r.s) {
		e := x.entry(r)
		if r.err == nil && len(entries) > 0 && entries[len(entries)-1].path >= e.path {
			r.fail(errors.New("index out of order"))
		}
		if r.err == nil {
			entries = append(entries, e)
		}
	}
	return entries, r.err
}

// segmentIndex is a checked segment file: its bytes as a string (they are
// never written again, so strings can share them) and where its body and
// index lie.
type segmentIndex struct {
	all       string
	bodyStart int
	indexAt   uint64
}

// checkSegment checks a segment file's trailer and its index's checksum.
func checkSegment(data []byte, bodyStart int) (segmentIndex, error) {
	if len(data) < bodyStart+trailerSize || string(data[len(data)-len(segmentEnd):]) != segmentEnd {
		return segmentIndex{}, errors.New("truncated")
	}
	trailer := data[len(data)-trailerSize:]
	indexAt := binary.LittleEndian.Uint64(trailer)
	indexEnd := uint64(len(data) - trailerSize)
	if indexAt < uint64(bodyStart) || indexAt > indexEnd {
		return segmentIndex{}, errors.New("bad index offset")
	}
	if crc32.Checksum(data[indexAt:indexEnd], cache.CRCTable) != binary.LittleEndian.Uint32(trailer[8:]) {
		return segmentIndex{}, errors.New("index checksum mismatch")
	}
	return segmentIndex{all: unsafe.String(unsafe.SliceData(data), len(data)), bodyStart: bodyStart, indexAt: indexAt}, nil
}

// index is the segment's index: its entry count, then the entries.
func (x segmentIndex) index() string { return x.all[x.indexAt : len(x.all)-trailerSize] }

// entry decodes the index entry at r, checking that its sections lie
// between the body's start and the index.
func (x segmentIndex) entry(r *storeReader) segEntry {
	section := func() (string, uint32) {
		off, n, crc := r.uvarint(), r.uvarint(), r.uint32()
		if r.err == nil && (off < uint64(x.bodyStart) || off > x.indexAt || n > x.indexAt-off) {
			r.fail(errors.New("entry out of bounds"))
		}
		if r.err != nil {
			return "", 0
		}
		return x.all[off : off+n], crc
	}
	e := segEntry{path: r.str()}
	e.ver = fileVersion{size: r.varint(), mod: r.varint(), ctime: r.varint(), ino: r.uvarint()}
	e.dead = r.byte()&flagDead != 0
	e.head, e.headCRC = section()
	e.text, e.textCRC = section()
	return e
}

// offsets returns where each entry of the index starts, found in one pass
// that decodes no entry: for a segment opened for a few lookups, which
// then decode only the entries they find (entryAt). It checks the bounds
// as storeReader does, in a loop of its own: at 100,000 entries this pass
// was most of a one-shot search's work after start-up.
func (x segmentIndex) offsets() ([]uint32, error) {
	s := x.index()
	if len(s) > 1<<32-1 {
		return nil, errors.New("index too large")
	}
	// skip returns the offset after the uvarint at off and its value, or
	// off -1 where storeReader.uvarint would fail.
	skip := func(off int) (int, uint64) {
		var v uint64
		for shift := 0; shift <= 63; shift += 7 {
			if off >= len(s) {
				return -1, 0
			}
			c := s[off]
			off++
			v |= uint64(c&0x7F) << shift
			if c < 0x80 {
				return off, v
			}
		}
		return -1, 0
	}
	off, n := skip(0)
	if off < 0 || n > uint64(len(s)-off) {
		return nil, errTruncated
	}
	offs := make([]uint32, 0, min(int(n), len(s)/8))
	for off < len(s) {
		offs = append(offs, uint32(off))
		// path (length, bytes), size, mod, ctime, ino, flags, then head
		// and text (offset, length, 4-byte checksum each).
		var pathLen uint64
		if off, pathLen = skip(off); off < 0 || pathLen > uint64(len(s)-off) {
			return nil, errTruncated
		}
		off += int(pathLen)
		for i := 0; i < 10 && off >= 0; i++ {
			switch i {
			case 4: // flags
				off++
			case 7: // the head's checksum
				off += 4
			default:
				off, _ = skip(off)
			}
		}
		if off < 0 || off+4 > len(s) {
			return nil, errTruncated
		}
		off += 4 // the text's checksum
	}
	return offs, nil
}

// pathAt is the path of the entry at off (from offsets).
func (x segmentIndex) pathAt(off uint32) string {
	r := &storeReader{s: x.index(), off: int(off)}
	return r.str()
}

// entryAt decodes the entry at off (from offsets).
func (x segmentIndex) entryAt(off uint32) (segEntry, error) {
	r := &storeReader{s: x.index(), off: int(off)}
	e := x.entry(r)
	return e, r.err
}

// originOf is Article.Origin for the articles parsed from a file whose
// bytes have the SHA-256 sum: the sum's first eight bytes, the top one mixed with
// storeVersion, which changes whenever parsing does, never 0.
func originOf(sum article.Sum) uint64 {
	o := binary.LittleEndian.Uint64(sum[:8]) ^ uint64(storeVersion)<<56
	return max(o, 1)
}

// checksum is the CRC-32C of s.
func checksum(s string) uint32 {
	return crc32.Update(0, cache.CRCTable, unsafe.Slice(unsafe.StringData(s), len(s)))
}

// decodeEntry rebuilds the loader's result for job j from an entry. With
// withText, the articles carry their blocks and removed lines; without,
// they carry a reference to them (see Article.LoadText).
func decodeEntry(e *segEntry, j fileJob, withText bool) (fileResult, error) {
	return decodeEntryText(e, j, withText, nil)
}

// decodeEntryText is decodeEntry for an entry whose text is on disk
// (onDisk non-nil: e.text is not in memory, the articles come without
// their text and read it from there when opened).
func decodeEntryText(e *segEntry, j fileJob, withText bool, onDisk *textOnDisk) (fileResult, error) {
	textLen := uint64(len(e.text))
	if onDisk != nil {
		withText, textLen = false, onDisk.n
	}
	if checksum(e.head) != e.headCRC {
		return fileResult{}, errors.New("checksum mismatch")
	}
	if withText && checksum(e.text) != e.textCRC {
		return fileResult{}, errors.New("checksum mismatch")
	}
	r := &storeReader{s: e.head}
	res := fileResult{index: j.index, cached: true}
	if skip := r.str(); skip != "" {
		res.skipped = &Skipped{Path: j.path, Reason: skip}
		return res, r.err
	}
	copy(res.sum[:], r.fixed(len(res.sum)))
	origin := originOf(res.sum)
	n := r.count()
	if r.err != nil {
		return res, r.err
	}
	var structs []Article
	var refs []textRef
	var src *textSource
	if n == 1 {
		// Most files hold one article: one allocation for all it needs.
		one := &oneArticle{}
		res.articles, res.textKeys, structs, refs, src = one.ptr[:], one.key[:], one.a[:], one.ref[:], &one.src
	} else {
		res.articles, res.textKeys, structs, refs = make([]*Article, n), make([]string, n), make([]Article, n), make([]textRef, n)
		src = new(textSource)
	}
	if !withText {
		*src = textSource{entry: e.text, seg: onDisk, crc: e.textCRC, fileID: j.id, path: j.path, osPath: j.osPath}
	}
	for i := range structs {
		a := &structs[i]
		a.ID = j.id + r.str()
		a.Path = j.path
		a.Origin = origin
		res.textKeys[i] = r.str()
		markKey := r.str()
		a.Format = r.str()
		a.Title = r.str()
		a.TitleDerived = r.byte()&1 != 0
		a.Outlet, a.Via, a.Dateline, a.Byline, a.URL, a.Summary = r.str(), r.str(), r.str(), r.str(), r.str(), r.str()
		if t := r.str(); t != "" && r.err == nil {
			if err := a.Published.UnmarshalBinary([]byte(t)); err != nil {
				return res, fmt.Errorf("bad date: %w", err)
			}
		}
		words, off, size := r.uvarint(), r.uvarint(), r.uvarint()
		if words > textLen || off > textLen || size > textLen-off {
			r.fail(errors.New("bad text bounds"))
		}
		if r.err != nil {
			return res, r.err
		}
		a.Words = int(words)
		if withText {
			if err := decodeText(a, e.text[off:off+size]); err != nil {
				return res, err
			}
		} else {
			refs[i] = textRef{src: src, off: off, n: size}
			a.DeferText(&refs[i], markKey)
		}
		res.articles[i] = a
	}
	if r.err == nil && r.off != len(r.s) {
		r.err = errors.New("trailing bytes in entry")
	}
	return res, r.err
}

// oneArticle is what decodeEntry makes for a file of one article, in one
// allocation.
type oneArticle struct {
	a   [1]Article
	ptr [1]*Article
	key [1]string
	ref [1]textRef
	src textSource
}

// decodeText sets an article's blocks and removed lines from its text part.
func decodeText(a *Article, part string) error {
	r := &storeReader{s: part}
	nb := r.count()
	var blocks []Block
	if nb > 0 {
		blocks = make([]Block, nb)
	}
	for k := range blocks {
		code := r.byte()
		if int(code) < len(blockKindCodes) {
			blocks[k].Kind = blockKindCodes[code]
		} else {
			blocks[k].Kind = BlockKind(r.str())
		}
		blocks[k].Text = r.str()
	}
	var removed []string
	if nr := r.count(); nr > 0 && r.err == nil {
		removed = make([]string, nr)
		for k := range removed {
			removed[k] = r.str()
		}
	}
	if r.err == nil && r.off != len(r.s) {
		r.err = errors.New("trailing bytes in text")
	}
	if r.err != nil {
		return r.err
	}
	a.Blocks, a.Removed = blocks, removed
	return nil
}

// appendEntry encodes what one file yielded in this run as a head and a
// text part.
func appendEntry(head, text []byte, e *madeEntry) ([]byte, []byte, error) {
	head = appendStr(head, e.skip)
	if e.skip != "" {
		return head, text, nil
	}
	head = append(head, e.sum[:]...)
	head = binary.AppendUvarint(head, uint64(len(e.articles)))
	for i, a := range e.articles {
		var key string
		if i < len(e.textKeys) {
			key = e.textKeys[i]
		}
		head = appendStr(head, e.suffixes[i])
		head = appendStr(head, key)
		// The read-mark key: made from the text when there is no URL,
		// so kept for a list that has no text (Article.MarkKey).
		markKey := ""
		if a.URL == "" {
			markKey = a.MarkKey()
		}
		head = appendStr(head, markKey)
		head = appendStr(head, a.Format)
		head = appendStr(head, a.Title)
		var flags byte
		if a.TitleDerived {
			flags |= 1
		}
		head = append(head, flags)
		for _, s := range []string{a.Outlet, a.Via, a.Dateline, a.Byline, a.URL, a.Summary} {
			head = appendStr(head, s)
		}
		if a.Published.IsZero() {
			head = appendStr(head, "")
		} else {
			t, err := a.Published.MarshalBinary()
			if err != nil {
				return head, text, err
			}
			head = appendStr(head, string(t))
		}
		start := len(text)
		text = binary.AppendUvarint(text, uint64(len(a.Blocks)))
		for _, bl := range a.Blocks {
			code := byte(otherKind)
			for c, k := range blockKindCodes {
				if bl.Kind == k {
					code = byte(c)
				}
			}
			text = append(text, code)
			if code == otherKind {
				text = appendStr(text, string(bl.Kind))
			}
			text = appendStr(text, bl.Text)
		}
		text = binary.AppendUvarint(text, uint64(len(a.Removed)))
		for _, s := range a.Removed {
			text = appendStr(text, s)
		}
		head = binary.AppendUvarint(head, uint64(max(a.Words, 0)))
		head = binary.AppendUvarint(head, uint64(start))
		head = binary.AppendUvarint(head, uint64(len(text)-start))
	}
	return head, text, nil
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

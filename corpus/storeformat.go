package corpus

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// The store's segment files, format version storeVersion:
//
//	file:    magic storeVersion(uvarint) text… heads… index trailer
//	index:   nentries(uvarint) entry…  (sorted by path, each path once)
//	entry:   path(str) size(varint) mod(varint) flags(byte)
//	         headOff headLen(uvarint) headCRC(4 bytes)
//	         textOff textLen(uvarint) textCRC(4 bytes)
//	trailer: indexOffset(8 bytes) indexCRC(4 bytes) segmentEnd
//	head:    skip(str) [sum(32 bytes) narticles(uvarint) article…]
//	article: suffix textKey format title flags(byte) outlet via dateline
//	         byline url summary published(str, time.MarshalBinary or empty)
//	         words(uvarint) textOff(uvarint) textLen(uvarint)
//	text:    nblocks(uvarint) (kind(byte) [kindName(str)] text(str))…
//	         nremoved(uvarint) removed(str)…
//
// where str is a uvarint length and that many bytes, integers in fixed
// width are little endian, and the CRCs are CRC-32C. An entry with flags
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
// apart from text).
const storeVersion = 7

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

// segEntry is what one file yielded, as one segment holds it.
type segEntry struct {
	path      string
	size, mod int64 // mod is UnixNano
	dead      bool
	head      string
	text      string
	headCRC   uint32
	textCRC   uint32
}

// parseSegment checks the trailer and index of a whole segment file whose
// text starts at bodyStart and returns its entries in path order. data is
// kept, unmodified, by the strings of every entry and article decoded from
// it.
func parseSegment(data []byte, bodyStart int) ([]segEntry, error) {
	if len(data) < bodyStart+trailerSize || string(data[len(data)-len(segmentEnd):]) != segmentEnd {
		return nil, errors.New("truncated")
	}
	trailer := data[len(data)-trailerSize:]
	indexAt := binary.LittleEndian.Uint64(trailer)
	indexEnd := uint64(len(data) - trailerSize)
	if indexAt < uint64(bodyStart) || indexAt > indexEnd {
		return nil, errors.New("bad index offset")
	}
	if crc32.Checksum(data[indexAt:indexEnd], cache.CRCTable) != binary.LittleEndian.Uint32(trailer[8:]) {
		return nil, errors.New("index checksum mismatch")
	}
	// The bytes are never written again, so strings can share them.
	all := unsafe.String(unsafe.SliceData(data), len(data))
	r := &storeReader{s: all[indexAt:indexEnd]}
	// Sized up front, bounded by what the index can hold.
	entries := make([]segEntry, 0, min(r.count(), len(r.s)/8))
	section := func() (string, uint32) {
		off, n, crc := r.uvarint(), r.uvarint(), r.uint32()
		if r.err == nil && (off < uint64(bodyStart) || off > indexAt || n > indexAt-off) {
			r.fail(errors.New("entry out of bounds"))
		}
		if r.err != nil {
			return "", 0
		}
		return all[off : off+n], crc
	}
	for r.err == nil && r.off < len(r.s) {
		e := segEntry{path: r.str(), size: r.varint(), mod: r.varint()}
		e.dead = r.byte()&flagDead != 0
		e.head, e.headCRC = section()
		e.text, e.textCRC = section()
		if r.err == nil && len(entries) > 0 && entries[len(entries)-1].path >= e.path {
			r.fail(errors.New("index out of order"))
		}
		if r.err == nil {
			entries = append(entries, e)
		}
	}
	return entries, r.err
}

// originOf is Article.Origin for the articles parsed from a file whose
// bytes have the SHA-256 sum: the sum's first eight bytes, the top one mixed with
// storeVersion, which changes whenever parsing does, never 0.
func originOf(sum [sha256.Size]byte) uint64 {
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
	copy(res.sum[:], r.fixed(sha256.Size))
	origin := originOf(res.sum)
	n := r.count()
	if r.err != nil {
		return res, r.err
	}
	res.articles = make([]*Article, n)
	res.textKeys = make([]string, n)
	structs := make([]Article, n)
	var src *textSource
	if !withText {
		src = &textSource{entry: e.text, crc: e.textCRC, fileID: j.id, path: j.path, osPath: j.osPath}
	}
	for i := range structs {
		a := &structs[i]
		a.ID = j.id + r.str()
		a.Path = j.path
		a.Origin = origin
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
		words, off, size := r.uvarint(), r.uvarint(), r.uvarint()
		if words > uint64(len(e.text)) || off > uint64(len(e.text)) || size > uint64(len(e.text))-off {
			r.fail(errors.New("bad text bounds"))
		}
		if r.err != nil {
			return res, r.err
		}
		a.Words = int(words)
		part := e.text[off : off+size]
		if withText {
			if err := decodeText(a, part); err != nil {
				return res, err
			}
		} else {
			a.DeferText(&textRef{src: src, part: part})
		}
		res.articles[i] = a
	}
	if r.err == nil && r.off != len(r.s) {
		r.err = errors.New("trailing bytes in entry")
	}
	return res, r.err
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

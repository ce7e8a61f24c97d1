package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
)

// mapped is a snapshot opened in place (see snapshot.go for the format):
// the file's bytes are mapped, its fixed-width
// arrays used where they lie, and a term's postings decoded the first time
// a query asks for them. The memory is never released: the strings and
// arrays handed out point into it. Snapshots are replaced by renaming a new
// file over the old one, never written in place, so mapped bytes do not
// change under us.
type mapped struct {
	ndocs, nterms int

	blen    []uint32
	tlen    []uint16
	outlet  []uint32
	pubSec  []uint64
	pubNsec []uint32
	fps     []uint32
	docOff  []uint32
	docStr  string
	fwdOff  []uint64
	fwdCRC  []uint32
	fwd     []byte

	termOff           []uint32
	termText          string
	tdocsN, ttdocsN   []uint32
	tcount, tcaps     []uint32
	postOff           []uint64
	postCRC           []uint32
	post              []byte
	sorted            []uint32
	stems, keys       listIndex
	outlets           []string
	bodyTok, titleTok uint64
	extra             []byte

	// fetch gives the article of a document of an index opened without
	// its articles (OpenSnapshotLazy).
	fetch func(DocInfo) (*corpus.Article, error)
	// checked marks the documents whose article's fingerprint was
	// checked (see known): a search checks those it returns, when their
	// text is at hand anyway for the snippets.
	checked []atomic.Bool

	mu  sync.Mutex
	hyd map[uint32]*term // postings decoded so far
}

// listIndex is a sorted table of strings, each with a list of term IDs.
type listIndex struct {
	strOff []uint32
	str    string
	idOff  []uint32
	ids    []uint32
}

func (l *listIndex) n() int { return len(l.strOff) - 1 }

func (l *listIndex) key(i int) string { return l.str[l.strOff[i]:l.strOff[i+1]] }

// find returns the term IDs listed for s.
func (l *listIndex) find(s string) []uint32 {
	i := sort.Search(l.n(), func(i int) bool { return l.key(i) >= s })
	if i == l.n() || l.key(i) != s {
		return nil
	}
	return l.ids[l.idOff[i]:l.idOff[i+1]:l.idOff[i+1]]
}

// littleEndian: the arrays of a mapped snapshot are used in place only on
// a little-endian machine; elsewhere they are decoded into memory.
var littleEndian = func() bool { x := uint16(1); return *(*byte)(unsafe.Pointer(&x)) == 1 }()

// castLE returns the little-endian array b as a []T: in place, or
// decoded by get on a big-endian machine.
func castLE[T uint16 | uint32 | uint64](b []byte, get func([]byte) T) []T {
	var zero T
	size := int(unsafe.Sizeof(zero))
	n := len(b) / size
	if n == 0 {
		return nil
	}
	if littleEndian {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	v := make([]T, n)
	for i := range v {
		v[i] = get(b[size*i:])
	}
	return v
}

func castU16(b []byte) []uint16 { return castLE(b, binary.LittleEndian.Uint16) }
func castU32(b []byte) []uint32 { return castLE(b, binary.LittleEndian.Uint32) }
func castU64(b []byte) []uint64 { return castLE(b, binary.LittleEndian.Uint64) }

func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// openMapped maps the snapshot at path (cache.Map) and checks its
// structure: the trailer, the section table, every section's checksum but
// the lazy ones', and every offset, count and ID of the eager sections.
func openMapped(path string) (*mapped, error) {
	data, headLen, err := cache.MapFile(path, snapshotMagic, snapshotVersion, 0)
	if err != nil {
		return nil, err
	}
	secs, err := sections(data, headLen)
	if err != nil {
		return nil, err
	}
	m := &mapped{hyd: map[uint32]*term{}}
	counts := castU64(secs[secCounts])
	if len(counts) != 7 {
		return nil, errDamaged("counts")
	}
	for _, c := range counts[:5] {
		if c > math.MaxUint32 {
			return nil, errDamaged("implausible count")
		}
	}
	nd, nt := int(counts[0]), int(counts[1])
	m.ndocs, m.nterms, m.bodyTok, m.titleTok = nd, nt, counts[5], counts[6]
	m.blen, m.tlen, m.outlet = castU32(secs[secBlen]), castU16(secs[secTlen]), castU32(secs[secOutlet])
	m.pubSec, m.pubNsec, m.fps = castU64(secs[secPubSec]), castU32(secs[secPubNsec]), castU32(secs[secFP])
	m.docOff, m.docStr = castU32(secs[secDocStrOff]), bytesString(secs[secDocStr])
	m.fwdOff, m.fwdCRC, m.fwd = castU64(secs[secFwdOff]), castU32(secs[secFwdCRC]), secs[secFwd]
	m.termOff, m.termText = castU32(secs[secTermOff]), bytesString(secs[secTermText])
	m.tdocsN, m.ttdocsN = castU32(secs[secTermDocs]), castU32(secs[secTermTdocs])
	m.tcount, m.tcaps = castU32(secs[secTermCount]), castU32(secs[secTermCaps])
	m.postOff, m.postCRC, m.post = castU64(secs[secPostOff]), castU32(secs[secPostCRC]), secs[secPost]
	m.sorted = castU32(secs[secSorted])
	m.stems = listIndex{castU32(secs[secStemStrOff]), bytesString(secs[secStemStr]), castU32(secs[secStemIDOff]), castU32(secs[secStemIDs])}
	m.keys = listIndex{castU32(secs[secKeyStrOff]), bytesString(secs[secKeyStr]), castU32(secs[secKeyIDOff]), castU32(secs[secKeyIDs])}
	m.extra = secs[secExtra]
	if len(m.blen) != nd || len(m.tlen) != nd || len(m.outlet) != nd || len(m.pubSec) != nd ||
		len(m.pubNsec) != nd || len(m.fps) != nd || len(m.fwdCRC) != nd || len(m.docOff) != 3*nd+1 ||
		len(m.fwdOff) != nd+1 || len(m.termOff) != nt+1 || len(m.tdocsN) != nt || len(m.ttdocsN) != nt ||
		len(m.tcount) != nt || len(m.tcaps) != nt || len(m.postOff) != nt+1 || len(m.postCRC) != nt ||
		len(m.sorted) != nt || m.stems.n() != int(counts[2]) || m.keys.n() != int(counts[3]) {
		return nil, errDamaged("section sizes")
	}
	m.checked = make([]atomic.Bool, nd) // nd is bounded by the file's size now
	outOff, outStr := castU32(secs[secOutletOff]), bytesString(secs[secOutletStr])
	if len(outOff) != int(counts[4])+1 || !ascending(outOff, len(outStr)) {
		return nil, errDamaged("outlets")
	}
	for i := range int(counts[4]) {
		m.outlets = append(m.outlets, outStr[outOff[i]:outOff[i+1]])
	}
	for _, o := range m.outlet {
		if int(o) >= len(m.outlets) {
			return nil, errDamaged("outlet out of range")
		}
	}
	if !ascending(m.docOff, len(m.docStr)) || !ascending(m.fwdOff, len(m.fwd)) ||
		!ascending(m.termOff, len(m.termText)) || !ascending(m.postOff, len(m.post)) {
		return nil, errDamaged("offsets")
	}
	// The dictionary must be in text order, each term once: lookups
	// search it by halves.
	for i, id := range m.sorted {
		if id == 0 || int(id) > nt || i > 0 && m.text(m.sorted[i-1]) >= m.text(id) {
			return nil, errDamaged("term order")
		}
	}
	if nt > 0 && m.text(m.sorted[0]) == "" {
		return nil, errDamaged("empty term")
	}
	for _, l := range []*listIndex{&m.stems, &m.keys} {
		if len(l.strOff) == 0 || !ascending(l.strOff, len(l.str)) || len(l.idOff) != len(l.strOff) || !ascending(l.idOff, len(l.ids)) {
			return nil, errDamaged("word tables")
		}
		for i := 1; i < l.n(); i++ {
			if l.key(i-1) >= l.key(i) {
				return nil, errDamaged("word table order")
			}
		}
		for _, id := range l.ids {
			if id == 0 || int(id) > nt {
				return nil, errDamaged("term ID out of range")
			}
		}
	}
	return m, nil
}

// sections checks the trailer and table of a mapped snapshot and returns
// its sections, their checksums checked (lazy ones excepted). The sections
// follow each other in order from the header on, with nothing but zeros to
// align them, so that no byte of the file goes unchecked.
func sections(data []byte, headLen int) ([][]byte, error) {
	if len(data) < snapTrailer || string(data[len(data)-len(snapshotEnd):]) != snapshotEnd {
		return nil, errors.New("truncated")
	}
	trailer := data[len(data)-snapTrailer:]
	tableOff := binary.LittleEndian.Uint64(trailer)
	tableEnd := uint64(len(data) - snapTrailer)
	if tableOff > tableEnd || tableEnd-tableOff != 4+numSections*snapEntry {
		return nil, errDamaged("section table")
	}
	table := data[tableOff:tableEnd]
	if crc32.Checksum(table, cache.CRCTable) != binary.LittleEndian.Uint32(trailer[8:]) {
		return nil, errDamaged("section table checksum")
	}
	if binary.LittleEndian.Uint32(table) != numSections {
		return nil, errDamaged("section count")
	}
	secs := make([][]byte, numSections)
	at := uint64(headLen)
	padding := func(to uint64) bool {
		if to < at || to-at >= 8 {
			return false
		}
		for _, b := range data[at:to] {
			if b != 0 {
				return false
			}
		}
		return true
	}
	for i := range secs {
		e := table[4+i*snapEntry:]
		off, n := binary.LittleEndian.Uint64(e), binary.LittleEndian.Uint64(e[8:])
		if off%8 != 0 || off > tableOff || n > tableOff-off || !padding(off) || binary.LittleEndian.Uint32(e[20:]) != 0 {
			return nil, errDamaged("section %d out of bounds", i)
		}
		at = off + n
		secs[i] = data[off : off+n : off+n]
		if !lazySection(i) && crc32.Checksum(secs[i], cache.CRCTable) != binary.LittleEndian.Uint32(e[16:]) {
			return nil, errDamaged("section %d checksum", i)
		}
	}
	if !padding(tableOff) {
		return nil, errDamaged("section table offset")
	}
	return secs, nil
}

// ascending reports whether offs start at 0, never fall and end at most
// at limit.
func ascending[T uint32 | uint64](offs []T, limit int) bool {
	if len(offs) == 0 || offs[0] != 0 {
		return false
	}
	for i := 1; i < len(offs); i++ {
		if offs[i] < offs[i-1] {
			return false
		}
	}
	return uint64(offs[len(offs)-1]) <= uint64(limit)
}

// text is term id's text, or "" for ids outside the dictionary.
func (m *mapped) text(id uint32) string {
	if id == 0 || int(id) > m.nterms {
		return ""
	}
	g := id - 1
	return m.termText[m.termOff[g]:m.termOff[g+1]]
}

func (m *mapped) docString(d uint32, k int) string {
	i := 3*int(d) + k
	return m.docStr[m.docOff[i]:m.docOff[i+1]]
}

// lookup finds a word in the dictionary by halves.
func (m *mapped) lookup(w string) uint32 {
	i := sort.Search(len(m.sorted), func(i int) bool { return m.text(m.sorted[i]) >= w })
	if i < len(m.sorted) && m.text(m.sorted[i]) == w {
		return m.sorted[i]
	}
	return 0
}

// term returns term id with its postings, decoding them the first time,
// or an error if they are damaged.
func (m *mapped) term(id uint32) (*term, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.hyd[id]; t != nil {
		return t, nil
	}
	t, err := m.decodeTerm(id)
	if err != nil {
		return &term{text: m.text(id)}, err
	}
	m.hyd[id] = t
	return t, nil
}

func (m *mapped) decodeTerm(id uint32) (*term, error) {
	t := &term{}
	if err := m.decodeTermInto(id, t); err != nil {
		return nil, err
	}
	return t, nil
}

// decodeTermInto decodes term id into t, reusing t's slices (a merge
// decodes every term once, into the same buffers). t.tfs points into the
// mapped file.
func (m *mapped) decodeTermInto(id uint32, t *term) error {
	g := id - 1
	t.text, t.count, t.caps = m.text(id), m.tcount[g], m.tcaps[g]
	p := m.post[m.postOff[g]:m.postOff[g+1]]
	if crc32.Checksum(p, cache.CRCTable) != m.postCRC[g] {
		return errDamaged("postings of %q", shownTerm(t.text))
	}
	nb, nt := int(m.tdocsN[g]), int(m.ttdocsN[g])
	var ok bool
	if t.docs, p, ok = decodeGaps(t.docs[:0], p, nb, m.ndocs); !ok || len(p) < nb {
		return errDamaged("postings of %q", shownTerm(t.text))
	}
	t.tfs = nil
	if nb > 0 {
		t.tfs = p[:nb:nb]
	}
	if t.tdocs, p, ok = decodeGaps(t.tdocs[:0], p[nb:], nt, m.ndocs); !ok || len(p) != 0 {
		return errDamaged("postings of %q", shownTerm(t.text))
	}
	return nil
}

// decodeGaps appends n ascending document numbers below ndocs to out (nil
// for none).
func decodeGaps(out []uint32, p []byte, n, ndocs int) ([]uint32, []byte, bool) {
	if n == 0 {
		return out[:0], p, true
	}
	if n > len(p) {
		return nil, p, false
	}
	out = slices.Grow(out[:0], n)[:n]
	prev := int64(-1)
	for i := range out {
		gap, k := binary.Uvarint(p)
		if k <= 0 || gap == 0 || gap > uint64(ndocs) {
			return nil, p, false
		}
		p = p[k:]
		prev += int64(gap)
		if prev >= int64(ndocs) {
			return nil, p, false
		}
		out[i] = uint32(prev)
	}
	return out, p, true
}

// fwdOf returns document d's forward index, its checksum checked. Its
// term IDs are checked where they are used (bodyHits, hasPhrase).
func (m *mapped) fwdOf(d uint32) ([]byte, error) {
	f := m.fwd[m.fwdOff[d]:m.fwdOff[d+1]:m.fwdOff[d+1]]
	if crc32.Checksum(f, cache.CRCTable) != m.fwdCRC[d] {
		return nil, errDamaged("forward index of document %d", d)
	}
	return f, nil
}

// DocInfo is what a snapshot keeps of an article besides its words: enough
// to rank it and to find it again.
type DocInfo struct {
	ID, Title, Path string
	Published       time.Time
	Fingerprint     uint32 // of the article (see Fingerprint)
}

func (m *mapped) info(d uint32) DocInfo {
	return DocInfo{ID: m.docString(d, 0), Title: m.docString(d, 1), Path: m.docString(d, 2),
		Published: m.published(d), Fingerprint: m.fps[d]}
}

// published is document d's publication time.
func (m *mapped) published(d uint32) time.Time {
	return time.Unix(int64(m.pubSec[d]), int64(m.pubNsec[d]))
}

// known reports whether a is the article document d was made of: its
// fingerprint is the one the snapshot keeps. Each document is checked
// once; safe from many searches at once.
func (m *mapped) known(d uint32, a *corpus.Article) bool {
	if m.checked[d].Load() {
		return true
	}
	if Fingerprint(a) != m.fps[d] {
		return false
	}
	m.checked[d].Store(true)
	return true
}

// OpenSnapshotLazy opens the snapshot at path without the articles it was
// made of: a query reads the postings it needs, and fetch is asked for the
// articles of the results it shows (by what the snapshot keeps of them),
// which must be those the snapshot was made of: Search returns ErrStale
// otherwise, and an error naming the damage if it meets any. Whether the
// snapshot is of the corpus as it is now is the caller's to know (see
// SnapshotExtra). Errors are LoadSnapshot's.
func OpenSnapshotLazy(path string, fetch func(DocInfo) (*corpus.Article, error)) (*Index, error) {
	m, err := openMapped(path)
	if err != nil {
		return nil, err
	}
	m.fetch = fetch
	return m.index()
}

// SnapshotExtra returns the bytes the snapshot an index was opened from
// was written with (see WriteSnapshot), or nil.
func (ix *Index) SnapshotExtra() []byte {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.base == nil {
		return nil
	}
	return ix.base.extra
}

// index makes an Index over the mapped snapshot.
func (m *mapped) index() (*Index, error) {
	ix := New()
	ix.base = m
	ix.blen, ix.tlen, ix.outlet = m.blen, m.tlen, m.outlet
	ix.outlets = m.outlets
	for i, o := range m.outlets {
		ix.outletID[o] = uint32(i)
	}
	ix.bodyTokens, ix.titleTokens = m.bodyTok, m.titleTok
	ix.sorted = m.sorted
	return ix, nil
}

// match pairs the documents with the articles arts, which must be those
// the snapshot was made of (ErrStale if not): the same IDs, titles and
// publication times, what a list of articles without their text has.
// With checkText, every article's fingerprint (a checksum of its text) is
// checked too; without, each is checked when a search first returns it,
// as for a snapshot opened without its articles (see
// OpenSnapshotFromHeads). Posting lists and forward indexes are checked
// as they are read.
func (m *mapped) match(ix *Index, arts []*corpus.Article, checkText bool) error {
	if m.ndocs != len(arts) {
		return ErrStale
	}
	byID := make(map[string]int32, len(arts))
	for i, a := range arts {
		byID[a.ID] = int32(i)
	}
	if len(byID) != len(arts) {
		return fmt.Errorf("%w (articles share an ID, so they cannot be matched to its documents)", ErrStale)
	}
	docs, rest := m.pair(arts, byID, nil)
	if len(rest) > 0 {
		return ErrStale
	}
	if checkText {
		nw := min(runtime.GOMAXPROCS(0), max(m.ndocs/256, 1))
		stale := make([]bool, nw)
		parallel(nw, func(k int) {
			for d := k * m.ndocs / nw; d < (k+1)*m.ndocs/nw; d++ {
				if !m.known(uint32(d), docs[d]) {
					stale[k] = true
					return
				}
			}
		})
		if slices.Contains(stale, true) {
			return ErrStale
		}
	}
	ix.docs = docs
	return nil
}

// pair gives each document the article of arts it was made of, by what
// a list has (ID, title, publication time), or nil when none is (the
// article left the corpus, or changed: fresh, read afresh since the
// snapshot, is never paired), and returns the articles left over. byID
// is arts by ID, made here when nil and needed.
func (m *mapped) pair(arts []*corpus.Article, byID map[string]int32, fresh map[*corpus.Article]bool) (docs, rest []*corpus.Article) {
	// The lookups, most of the time a warm start's search waits for after
	// its list, are shared among the cores; that no article is two
	// documents' is checked after. A corpus loads in the order it did
	// when the snapshot was made, so each document is first tried against
	// the article in its own place; only those that differ are looked up
	// by ID (the map was two thirds of the pairing's CPU).
	of := make([]int32, m.ndocs) // each document's article, by index in arts, or -1
	nw := min(runtime.GOMAXPROCS(0), max(m.ndocs/4096, 1))
	same := func(d uint32, i int32) bool {
		return arts[i].ID == m.docString(d, 0) && arts[i].Title == m.docString(d, 1) &&
			arts[i].Published.Equal(m.published(d)) && !fresh[arts[i]]
	}
	missed := make([]bool, nw)
	parallel(nw, func(k int) {
		for d := k * m.ndocs / nw; d < (k+1)*m.ndocs/nw; d++ {
			of[d] = -1
			if d < len(arts) && same(uint32(d), int32(d)) {
				of[d] = int32(d)
			} else {
				missed[k] = true
			}
		}
	})
	if slices.Contains(missed, true) {
		if byID == nil {
			byID = make(map[string]int32, len(arts))
			for i, a := range arts {
				byID[a.ID] = int32(i)
			}
		}
		parallel(nw, func(k int) {
			// Past an article added or gone, the documents are off their
			// places by as many: each is tried where the last one found
			// was, relative to its place, before it is looked up.
			off := 0
			for d := k * m.ndocs / nw; d < (k+1)*m.ndocs/nw; d++ {
				if of[d] >= 0 {
					continue
				}
				if i := d + off; i >= 0 && i < len(arts) && same(uint32(d), int32(i)) {
					of[d] = int32(i)
				} else if i, ok := byID[m.docString(uint32(d), 0)]; ok && same(uint32(d), i) {
					of[d], off = i, int(i)-d
				}
			}
		})
	}
	docs = make([]*corpus.Article, m.ndocs)
	taken := make([]bool, len(arts))
	for d, i := range of {
		if i >= 0 && !taken[i] {
			taken[i], docs[d] = true, arts[i]
		}
	}
	for i, a := range arts {
		if !taken[i] {
			rest = append(rest, a)
		}
	}
	return docs, rest
}

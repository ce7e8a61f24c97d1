package compare

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	"runtime"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// A stored grouping saves a start the whole grouping when the corpus has
// not changed: its events and lines as lists of articles, with what
// cannot be had without the fingerprints (labels, cohesion, spans), and a
// key of each article (articleKey), so that a grouping of other articles
// is never taken for this one. It also keeps what joining new articles
// needs (stories_termstore.go): the terms' statistics and each article's
// fingerprint, names and query terms, so that a join reads no stored
// article's text.
//
//	file:     magic version section(grouping) [section(terms) section(article terms) section(fingerprints)]
//	section:  length(8) crc(4) body
//	grouping: threshold(8) maxDays base joined articles events lines
//	article:  idLen id key(4)
//	event:    labelLen label cohesion(8) first(8) last(8) n member...
//	line:     n event...
//
// Lengths and counts are uvarints, fixed-size fields little endian, each
// section's CRC a CRC-32C of its body. The grouping is read and checked
// first, alone (a warm start reads nothing else); the term sections when a
// join needs them, and the fingerprints of a grouping read back are used
// from the mapped file (stories_fpstore.go). Every read is bounds-checked
// and every section checked against its CRC before it is used; a damaged
// file is an error, never a panic.
const (
	storiesMagic   = "PLXSTORIES\n"
	storiesVersion = 4 // 2: sections, article keys from heads, the terms for joining; 3: terms of words with marks (lang, round 25); 4: fingerprints used in place
	sectionHead    = 8 + 4
)

// ErrStoriesStale: the stored grouping is of other articles (added,
// changed or removed since), or made with other options.
var ErrStoriesStale = errors.New("stored stories are of other articles")

// groupedFingerprint is a CRC-32C of what grouping reads of an article: the
// search index's fingerprint (ID, outlet, title, text), and the summary,
// word count, URL and date, which grouping also weighs.
func groupedFingerprint(a *corpus.Article) uint32 {
	var buf [20]byte // the fingerprint (4), the word count (8), the date (8)
	binary.LittleEndian.PutUint32(buf[:], search.Fingerprint(a))
	binary.LittleEndian.PutUint64(buf[4:], uint64(a.Words))
	binary.LittleEndian.PutUint64(buf[12:], uint64(a.Published.UnixNano()))
	c := crc32.Update(0, cache.CRCTable, buf[:])
	c = crc32.Update(c, cache.CRCTable, []byte(a.Summary+"\x00"+a.URL))
	return c
}

// articleKey is what a stored grouping remembers of an article to know it
// again. For an article the loader made (Article.Origin: the bytes it was
// parsed from), a CRC-32C of its origin and of the fields of its head that
// grouping reads (ID, outlet, title, summary, URL, words, date): no text
// is read, so an article listed without it (corpus.Options.ListOnly) is
// known. For any other article, groupedFingerprint, which reads the text.
func articleKey(a *corpus.Article) uint32 {
	if a.Origin == 0 {
		return groupedFingerprint(a)
	}
	// The fields end to end, each string ended by a zero byte, in one
	// CRC: the CRC of them in turn, in one call instead of eleven (most of
	// them a few bytes, taken a byte at a time), for 100,000 articles
	// matched on every start.
	var stack [512]byte
	buf := append(stack[:0], 1) // never the same bytes as a text fingerprint's
	buf = binary.LittleEndian.AppendUint64(buf, a.Origin)
	buf = binary.LittleEndian.AppendUint64(buf, uint64(a.Words))
	buf = binary.LittleEndian.AppendUint64(buf, uint64(a.Published.UnixNano()))
	for _, s := range [...]string{a.ID, a.Outlet, a.Title, a.Summary, a.URL} {
		buf = append(append(buf, s...), 0)
	}
	return crc32.Update(0, cache.CRCTable, buf)
}

// WriteStories saves the grouping s, made with opt, to path atomically.
// The reader's edits are not part of it (they are applied over it). The
// terms a join needs are saved only with a grouping LoadOrGroupStories
// makes (others keep none): a file without them is read back, and a
// corpus changed since is grouped afresh.
func WriteStories(path string, s *Stories, opt StoryOptions) error {
	return userfiles.WriteFileAtomic(path, encodeStories(s, opt), 0o600)
}

func encodeStories(s *Stories, opt StoryOptions) []byte {
	opt = storyDefaults(opt)
	buf := append([]byte(storiesMagic), byte(storiesVersion))
	at := beginSection(&buf)
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(opt.Threshold))
	buf = binary.AppendUvarint(buf, uint64(opt.MaxDays))
	base, joined := 0, 0
	if s.terms != nil {
		base, joined = s.terms.base, s.terms.joined
	}
	buf = binary.AppendUvarint(buf, uint64(base))
	buf = binary.AppendUvarint(buf, uint64(joined))
	// Articles by their place among the first listings (an article listed
	// twice is stored once).
	stored := make([]int32, len(s.articles))
	var firsts []int32
	for i, a := range s.articles {
		if s.at[a] == int32(i) {
			stored[i] = int32(len(firsts))
			firsts = append(firsts, int32(i))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(firsts)))
	for _, i := range firsts {
		a := s.articles[i]
		buf = appendString(buf, a.ID)
		buf = binary.LittleEndian.AppendUint32(buf, articleKey(a))
	}
	event := make(map[*Story]int, len(s.List))
	buf = binary.AppendUvarint(buf, uint64(len(s.List)))
	for e, st := range s.List {
		event[st] = e
		buf = appendString(buf, st.Label)
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(st.Cohesion))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(unixOrZero(st.First)))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(unixOrZero(st.Last)))
		buf = binary.AppendUvarint(buf, uint64(len(st.Articles)))
		for _, a := range st.Articles {
			buf = binary.AppendUvarint(buf, uint64(stored[s.at[a]]))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(s.Lines)))
	for _, l := range s.Lines {
		buf = binary.AppendUvarint(buf, uint64(len(l.Events)))
		for _, st := range l.Events {
			buf = binary.AppendUvarint(buf, uint64(event[st]))
		}
	}
	endSection(buf, at)
	if s.terms != nil {
		buf = appendTermSections(buf, s, firsts)
	}
	return buf
}

// beginSection leaves room for a section's length and CRC and returns
// where the section starts.
func beginSection(buf *[]byte) int {
	at := len(*buf)
	*buf = append(*buf, make([]byte, sectionHead)...)
	return at
}

// endSection fills in the length and CRC of the section begun at at.
func endSection(buf []byte, at int) {
	body := buf[at+sectionHead:]
	binary.LittleEndian.PutUint64(buf[at:], uint64(len(body)))
	binary.LittleEndian.PutUint32(buf[at+8:], crc32.Checksum(body, cache.CRCTable))
}

// cutSection takes the section at the start of data, checked against its
// CRC, and returns its body and what follows it.
func cutSection(data []byte, what string) (body, rest []byte, err error) {
	if len(data) < sectionHead {
		return nil, nil, fmt.Errorf("%w: truncated %s", errDamaged, what)
	}
	n := binary.LittleEndian.Uint64(data)
	if n > uint64(len(data)-sectionHead) {
		return nil, nil, fmt.Errorf("%w: truncated %s", errDamaged, what)
	}
	body = data[sectionHead : sectionHead+n]
	if crc32.Checksum(body, cache.CRCTable) != binary.LittleEndian.Uint32(data[8:]) {
		return nil, nil, fmt.Errorf("%w: %s checksum", errDamaged, what)
	}
	return body, data[sectionHead+n:], nil
}

func appendString(buf []byte, s string) []byte {
	return append(binary.AppendUvarint(buf, uint64(len(s))), s...)
}

// unixOrZero is t in Unix seconds, 0 for the zero time (no trusted date).
func unixOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.Unix()
}

func timeOrZero(sec int64) time.Time {
	if sec == 0 {
		return time.Time{}
	}
	return time.Unix(sec, 0).UTC()
}

// storyDefaults fills in the options' defaults.
func storyDefaults(opt StoryOptions) StoryOptions {
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultStoryThreshold
	}
	if opt.MaxDays <= 0 {
		opt.MaxDays = DefaultStoryDays
	}
	return opt
}

// storeReader reads a stored grouping's fields, remembering the first
// failure (every later read returns zero values).
type storeReader struct {
	b   []byte
	err error
}

func (r *storeReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", errDamaged, what)
	}
	r.b = nil
}

func (r *storeReader) uvarint(limit uint64, what string) int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > limit {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *storeReader) fixed8(what string) uint64 { return r.fixed(8, what) }

func (r *storeReader) fixed4(what string) uint32 { return uint32(r.fixed(4, what)) }

// fixed reads a little-endian unsigned integer of size bytes (4 or 8).
func (r *storeReader) fixed(size int, what string) uint64 {
	if len(r.b) < size {
		r.fail(what)
		return 0
	}
	var v uint64
	if size == 8 {
		v = binary.LittleEndian.Uint64(r.b)
	} else {
		v = uint64(binary.LittleEndian.Uint32(r.b))
	}
	r.b = r.b[size:]
	return v
}

func (r *storeReader) str(what string) string {
	n := r.uvarint(uint64(len(r.b)), what)
	if r.err == nil && n > len(r.b) {
		r.fail(what)
	}
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// ReadStories reads the grouping stored at path for the articles as,
// grouped with opt. It fails with ErrStoriesStale when the file is of
// other articles or options, with another error when it is missing or
// damaged; either way the caller groups afresh (LoadOrGroupStories). It
// reads no text of an article the loader made, only its head (see
// articleKey): as may be listed without it, and have it loaded by another
// goroutine meanwhile. A grouping read is marked recently used.
func ReadStories(path string, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	g, err := readStored(path)
	if err != nil {
		return nil, err
	}
	s, err := g.stories(as, opt)
	if err == nil {
		cache.MarkUsed(path)
	}
	return s, err
}

// readStored reads and checks the grouping section of the file at path;
// the term sections, which a warm start does not need, are read when
// asked for (storedGrouping.readTerms), from the file at path as long as
// it still holds this grouping.
func readStored(path string) (*storedGrouping, error) {
	data, err := readGrouping(path)
	if err != nil {
		return nil, err
	}
	body, _, err := cutSection(data, "grouping")
	if err != nil {
		return nil, err
	}
	g, err := parseGrouping(body)
	if err != nil {
		return nil, err
	}
	g.path = path
	// Only the section's length and CRC are kept to know the file again:
	// the section itself (7 MB at 100,000 articles) is let go once parsed.
	var head [sectionHead]byte
	copy(head[:], data)
	dataLen := len(data)
	// The file is opened again when the terms or fingerprints are
	// needed rather than held open: another process may replace it
	// meanwhile, and then they are another grouping's.
	g.mapped = func() ([]byte, error) {
		// The grouping section is not read again: its length and CRC,
		// in the mapping, say whether it is this grouping.
		f, _, bodyAt, err := cache.OpenFile(path, storiesMagic, storiesVersion)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		mapped, err := mapStories(f)
		if err != nil {
			return nil, err
		}
		if len(mapped) < bodyAt+dataLen || string(mapped[bodyAt:bodyAt+sectionHead]) != string(head[:]) {
			return nil, errReplaced
		}
		return mapped[bodyAt+dataLen:], nil
	}
	return g, nil
}

// errDamaged: the stories file is damaged or truncated (every such error
// wraps it).
var errDamaged = errors.New("damaged stories file")

// errReplaced: the stories file was replaced by another grouping since its
// grouping was read.
var errReplaced = errors.New("the stored grouping was replaced")

// readGrouping reads the grouping section of the stories file at path,
// length and CRC included, unchecked.
func readGrouping(path string) ([]byte, error) {
	f, st, bodyAt, err := cache.OpenFile(path, storiesMagic, storiesVersion)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fail := func(err error) ([]byte, error) { return nil, err }
	var head [sectionHead]byte
	if _, err := f.ReadAt(head[:], int64(bodyAt)); err != nil {
		return fail(fmt.Errorf("%w: truncated grouping", errDamaged))
	}
	n := binary.LittleEndian.Uint64(head[:])
	if n > uint64(st.Size())-uint64(bodyAt)-sectionHead {
		return fail(fmt.Errorf("%w: truncated grouping", errDamaged))
	}
	data := make([]byte, sectionHead+n)
	if _, err := f.ReadAt(data, int64(bodyAt)); err != nil {
		return fail(err)
	}
	return data, nil
}

// parseStories checks a whole stored grouping held in memory (a test's or
// a fuzzer's): magic, version, the grouping section; the term sections are
// checked when readTerms reads them.
func parseStories(data []byte) (*storedGrouping, error) {
	head := len(storiesMagic) + 1
	if len(data) < head || string(data[:len(storiesMagic)]) != storiesMagic {
		return nil, errors.New("not a stories file")
	}
	if data[len(storiesMagic)] != storiesVersion {
		return nil, fmt.Errorf("stories file made by another version of parallax (format %d, want %d)", data[len(storiesMagic)], storiesVersion)
	}
	body, rest, err := cutSection(data[head:], "grouping")
	if err != nil {
		return nil, err
	}
	g, err := parseGrouping(body)
	if err != nil {
		return nil, err
	}
	g.mapped = func() ([]byte, error) { return rest, nil }
	return g, nil
}

// storedGrouping is a stored grouping as read, before it is matched with
// the articles: articles by their stored index, events as lists of those,
// lines as lists of events.
type storedGrouping struct {
	threshold float64
	maxDays   int
	// base is how many articles the last full grouping grouped, joined how
	// many joined since (see maxJoinedShare).
	base, joined int
	ids          []string
	keys         []uint32 // articleKey of each
	events       []storedEvent
	lines        [][]int32

	// path is the file read ("" for bytes held in memory).
	path string
	// mapped maps the bytes after the grouping section: the terms a join
	// reads and the fingerprints, used where they lie in the mapping (the
	// join read them into memory, 100 MB at 100,000 articles that the
	// joined stories kept alive).
	mapped    func() ([]byte, error)
	termsOnce sync.Once
	terms     *storedTerms
	termsErr  error
}

type storedEvent struct {
	label       string
	cohesion    float64
	first, last time.Time
	members     []int32
}

// parseGrouping checks a grouping section whole (every index in range,
// every article in exactly one event and every event in exactly one line).
func parseGrouping(body []byte) (*storedGrouping, error) {
	r := &storeReader{b: body}
	g := &storedGrouping{threshold: math.Float64frombits(r.fixed8("threshold"))}
	g.maxDays = r.uvarint(math.MaxInt32, "days")
	g.base = r.uvarint(math.MaxInt32, "base")
	g.joined = r.uvarint(math.MaxInt32, "joined")
	n := r.uvarint(uint64(len(r.b)/5), "article count")
	if r.err != nil {
		return nil, r.err
	}
	g.ids, g.keys = make([]string, n), make([]uint32, n)
	for k := range n {
		g.ids[k] = r.str("article ID")
		g.keys[k] = r.fixed4("article key")
	}
	placed := make([]bool, n)
	nevents := r.uvarint(uint64(n), "event count")
	g.events = make([]storedEvent, 0, nevents)
	for range nevents {
		e := storedEvent{label: r.str("label")}
		e.cohesion = math.Float64frombits(r.fixed8("cohesion"))
		e.first = timeOrZero(int64(r.fixed8("first date")))
		e.last = timeOrZero(int64(r.fixed8("last date")))
		m := r.uvarint(uint64(n), "event size")
		if r.err == nil && m == 0 {
			r.fail("empty event")
		}
		e.members = make([]int32, 0, m)
		for range m {
			k := r.uvarint(uint64(n-1), "event member")
			if r.err == nil && placed[k] {
				r.fail("article in two events")
			}
			if r.err != nil {
				return nil, r.err
			}
			placed[k] = true
			e.members = append(e.members, int32(k))
		}
		g.events = append(g.events, e)
	}
	if r.err == nil && slices.Contains(placed, false) {
		r.fail("an article in no event")
	}
	inLine := make([]bool, len(g.events))
	nlines := r.uvarint(uint64(len(g.events)), "line count")
	for range nlines {
		m := r.uvarint(uint64(len(g.events)), "line size")
		if r.err == nil && m == 0 {
			r.fail("empty line")
		}
		line := make([]int32, 0, m)
		for range m {
			e := r.uvarint(uint64(len(g.events)-1), "line event")
			if r.err == nil && inLine[e] {
				r.fail("event in two lines")
			}
			if r.err != nil {
				return nil, r.err
			}
			inLine[e] = true
			line = append(line, int32(e))
		}
		g.lines = append(g.lines, line)
	}
	if r.err == nil && slices.Contains(inLine, false) {
		r.fail("an event in no line")
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	return g, nil
}

// match finds each stored article among as by ID (the same ID twice is
// matched in order) and key (articleKey): at[k] is stored article k's index in
// as, -1 when it is gone or changed. same says whether the stored articles
// are exactly as (an article listed twice in as counts once).
func (g *storedGrouping) match(as []*corpus.Article) (at []int32, same bool) {
	// The keys of articles not from the store read their text: in parallel.
	keys := make([]uint32, len(as))
	parallel(context.Background(), len(as), runtime.GOMAXPROCS(0), func(i int) { keys[i] = articleKey(as[i]) })
	if at, ok := g.matchInPlace(as, keys); ok {
		return at, true
	}
	// The first listings of each ID, in order, as a chain: byID holds the
	// first not yet matched, next[i] the one after i (-1: none). Only an
	// ID met again needs a set of the articles seen (an article listed
	// twice has one ID): no map of every article, no slice an ID.
	byID := make(map[string]int32, len(as))
	next := make([]int32, len(as))
	last := make([]int32, len(as)) // of a chain's head while listing: its last
	var onChains map[*corpus.Article]bool
	firsts := 0
	for i, a := range as {
		next[i] = -1
		h, ok := byID[a.ID]
		if !ok {
			byID[a.ID], last[i] = int32(i), int32(i)
			firsts++
			continue
		}
		if onChains == nil {
			onChains = map[*corpus.Article]bool{}
		}
		onChains[as[h]] = true
		if !onChains[a] {
			onChains[a] = true
			next[last[h]], last[h] = int32(i), int32(i)
			firsts++
		}
	}
	at = make([]int32, len(g.ids))
	found := 0
	for k, id := range g.ids {
		at[k] = -1
		if c, ok := byID[id]; ok && c >= 0 && keys[c] == g.keys[k] {
			at[k], byID[id] = c, next[c]
			found++
		}
	}
	return at, found == firsts && found == len(g.ids)
}

// matchInPlace is match's answer when as are the stored articles in their
// stored order, each once: a corpus lists in the order it did when its
// grouping was stored, and then no map of 100,000 IDs is needed (it was
// most of reading a grouping back). ok is false when as differ anywhere.
func (g *storedGrouping) matchInPlace(as []*corpus.Article, keys []uint32) (at []int32, ok bool) {
	if len(as) != len(g.ids) {
		return nil, false
	}
	for k, id := range g.ids {
		if as[k].ID != id || keys[k] != g.keys[k] {
			return nil, false
		}
	}
	// An article listed twice counts once (match): sorted addresses say
	// whether one is, where a set of them would cost as much as the map.
	addrs := make([]uintptr, len(as))
	for i, a := range as {
		addrs[i] = uintptr(unsafe.Pointer(a))
	}
	slices.Sort(addrs)
	for i := 1; i < len(addrs); i++ {
		if addrs[i] == addrs[i-1] {
			return nil, false
		}
	}
	at = make([]int32, len(as))
	for k := range at {
		at[k] = int32(k)
	}
	return at, true
}

// decodeStories is the grouping of as stored in data (see ReadStories).
func decodeStories(data []byte, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	g, err := parseStories(data)
	if err != nil {
		return nil, err
	}
	return g.stories(as, opt)
}

// sameOptions: the stored grouping was made with opt.
func (g *storedGrouping) sameOptions(opt StoryOptions) bool {
	opt = storyDefaults(opt)
	return g.threshold == opt.Threshold && g.maxDays == opt.MaxDays
}

// stories is the stored grouping as the grouping of as, when it is of
// exactly these articles and options (else ErrStoriesStale).
func (g *storedGrouping) stories(as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	if !g.sameOptions(opt) {
		return nil, ErrStoriesStale
	}
	order, same := g.match(as)
	if !same {
		return nil, ErrStoriesStale
	}
	return g.storiesOf(as, order), nil
}

// storiesOf is the stored grouping as the grouping of as, which are
// exactly its articles (order: each stored article's index in as).
func (g *storedGrouping) storiesOf(as []*corpus.Article, order []int32) *Stories {
	s := &Stories{articles: as, at: make(map[*corpus.Article]int32, len(as)), storyOf: make([]*Story, len(as))}
	for i, a := range as {
		if _, ok := s.at[a]; !ok {
			s.at[a] = int32(i)
		}
	}
	// Events and lines are made on every core: each stored article is in
	// one event (parseGrouping) and at its own place in as (match), so
	// each worker writes its own entries of storyOf.
	ctx, workers := context.Background(), runtime.GOMAXPROCS(0)
	events := make([]*Story, len(g.events))
	parallel(ctx, len(g.events), workers, func(e int) {
		se := g.events[e]
		st := &Story{Label: se.label, Cohesion: se.cohesion, First: se.first, Last: se.last}
		members := make([]int32, len(se.members))
		for x, k := range se.members {
			members[x] = order[k]
			s.storyOf[order[k]] = st
		}
		finishStory(st, as, members)
		events[e] = st
	})
	// An article listed twice shares its first listing's story.
	for i, a := range as {
		s.storyOf[i] = s.storyOf[s.at[a]]
	}
	s.List = slices.Clone(events)
	sortStories(s.List)
	s.Lines = make([]*StoryLine, 0, len(g.lines))
	s.lineOf = make(map[*Story]*StoryLine, len(events))
	lines := make([]*StoryLine, len(g.lines))
	parallel(ctx, len(g.lines), workers, func(k int) {
		line := make([]*Story, len(g.lines[k]))
		for x, e := range g.lines[k] {
			line[x] = events[e]
		}
		if len(line) == 1 {
			// finishStory named the event by its smallest article ID.
			lines[k] = singleLineNamed(line, "l"+line[0].ID[1:])
			return
		}
		lines[k] = makeLine(line)
	})
	for _, l := range lines {
		s.recordLine(l)
	}
	sortLines(s.Lines)
	// What was read is in the stories now: the grouping keeps what
	// reading its fingerprints later needs (readTerms: the IDs' count).
	g.keys, g.events, g.lines = nil, nil, nil
	s.lazy = &lazyFingerprints{g: g, order: order}
	s.damage = &storedDamage{}
	return s
}

// finishStory fills in what a stored event does not keep but its articles
// say: the ID, the outlets, the articles in order (as storyBuilder.build).
func finishStory(st *Story, as []*corpus.Article, g []int32) {
	minID := as[g[0]].ID
	st.Articles = make([]*corpus.Article, len(g))
	outlets := make([]string, len(g))
	for k, i := range g {
		a := as[i]
		st.Articles[k] = a
		minID = min(minID, a.ID)
		outlets[k] = a.Outlet
	}
	st.Outlets = storyOutlets(outlets)
	if len(g) > 1 {
		corpus.SortArticles(st.Articles)
	}
	st.ID = storyID(minID)
}

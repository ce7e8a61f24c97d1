package compare

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// A stored grouping saves a start the whole grouping when the corpus has
// not changed: its events and lines as lists of articles, with what
// cannot be had without the fingerprints (labels, cohesion, spans), and a
// fingerprint of what grouping read of each article, so that a grouping of
// other articles is never taken for this one.
//
//	file:    magic version body crc
//	body:    threshold(8) maxDays articles events lines
//	article: idLen id fingerprint(4)
//	event:   labelLen label cohesion(8) first(8) last(8) n member...
//	line:    n event...
//
// Lengths and counts are uvarints, fixed-size fields little endian, the
// CRC a CRC-32C of everything before it. Every read is bounds-checked; a
// damaged file is an error, never a panic.
const (
	storiesMagic   = "PLXSTORIES\n"
	storiesVersion = 1
)

// ErrStoriesStale: the stored grouping is of other articles (added,
// changed or removed since), or made with other options.
var ErrStoriesStale = errors.New("stored stories are of other articles")

var storeCRC = crc32.MakeTable(crc32.Castagnoli)

// groupedFingerprint is a CRC-32C of what grouping reads of an article: the
// search index's fingerprint (ID, outlet, title, text), and the summary,
// word count, URL and date, which grouping also weighs.
func groupedFingerprint(a *corpus.Article) uint32 {
	var buf [4 + 8 + 8]byte
	binary.LittleEndian.PutUint32(buf[:], search.Fingerprint(a))
	binary.LittleEndian.PutUint64(buf[4:], uint64(a.Words))
	binary.LittleEndian.PutUint64(buf[12:], uint64(a.Published.UnixNano()))
	c := crc32.Update(0, storeCRC, buf[:])
	c = crc32.Update(c, storeCRC, []byte(a.Summary+"\x00"+a.URL))
	return c
}

// WriteStories saves the grouping s, made with opt, to path atomically.
// The reader's edits are not part of it (they are applied over it).
func WriteStories(path string, s *Stories, opt StoryOptions) error {
	return userfiles.WriteFileAtomic(path, encodeStories(s, opt), 0o600)
}

func encodeStories(s *Stories, opt StoryOptions) []byte {
	opt = storyDefaults(opt)
	buf := append([]byte(storiesMagic), byte(storiesVersion))
	buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(opt.Threshold))
	buf = binary.AppendUvarint(buf, uint64(opt.MaxDays))
	buf = binary.AppendUvarint(buf, uint64(len(s.articles)))
	for _, a := range s.articles {
		buf = appendString(buf, a.ID)
		buf = binary.LittleEndian.AppendUint32(buf, groupedFingerprint(a))
	}
	// Events by their place in the list; an article listed twice is in
	// its story once, under its first index.
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
			buf = binary.AppendUvarint(buf, uint64(s.at[a]))
		}
	}
	buf = binary.AppendUvarint(buf, uint64(len(s.Lines)))
	for _, l := range s.Lines {
		buf = binary.AppendUvarint(buf, uint64(len(l.Events)))
		for _, st := range l.Events {
			buf = binary.AppendUvarint(buf, uint64(event[st]))
		}
	}
	return binary.LittleEndian.AppendUint32(buf, crc32.Checksum(buf, storeCRC))
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
		r.err = fmt.Errorf("damaged stories file: %s", what)
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

func (r *storeReader) fixed8(what string) uint64 {
	if len(r.b) < 8 {
		r.fail(what)
		return 0
	}
	v := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return v
}

func (r *storeReader) fixed4(what string) uint32 {
	if len(r.b) < 4 {
		r.fail(what)
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
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
// damaged; either way the caller groups afresh.
func ReadStories(path string, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	f, _, _, err := cache.OpenFile(path, storiesMagic, storiesVersion)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return decodeStories(data, as, opt)
}

// decodeStories checks a stored grouping whole (magic, version, CRC, every
// index in range, every article in exactly one event and every event in
// exactly one line) and makes it the grouping of as.
func decodeStories(data []byte, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	opt = storyDefaults(opt)
	head := len(storiesMagic) + 1
	if len(data) < head+4 || string(data[:len(storiesMagic)]) != storiesMagic {
		return nil, errors.New("not a stories file")
	}
	if data[len(storiesMagic)] != storiesVersion {
		return nil, fmt.Errorf("stories file made by another version of parallax (format %d, want %d)", data[len(storiesMagic)], storiesVersion)
	}
	end := len(data) - 4
	if crc32.Checksum(data[:end], storeCRC) != binary.LittleEndian.Uint32(data[end:]) {
		return nil, errors.New("damaged stories file: checksum")
	}
	r := &storeReader{b: data[head:end]}
	threshold := math.Float64frombits(r.fixed8("threshold"))
	maxDays := r.uvarint(math.MaxInt32, "days")
	n := r.uvarint(uint64(len(r.b)/5), "article count")
	if r.err != nil {
		return nil, r.err
	}
	if threshold != opt.Threshold || maxDays != opt.MaxDays || n != len(as) {
		return nil, ErrStoriesStale
	}
	// Match the stored articles with as by ID (the same ID twice is
	// matched in order) and fingerprint.
	byID := make(map[string][]int32, len(as))
	for i, a := range as {
		byID[a.ID] = append(byID[a.ID], int32(i))
	}
	order := make([]int32, n) // stored index -> index in as
	stale := false
	for k := range order {
		id := r.str("article ID")
		fp := r.fixed4("article fingerprint")
		if r.err != nil {
			return nil, r.err
		}
		at := byID[id]
		if len(at) == 0 || groupedFingerprint(as[at[0]]) != fp {
			stale = true
			continue
		}
		order[k], byID[id] = at[0], at[1:]
	}
	if stale {
		return nil, ErrStoriesStale
	}
	s := &Stories{articles: as, at: make(map[*corpus.Article]int32, len(as)), storyOf: make([]*Story, len(as))}
	for i, a := range as {
		if _, ok := s.at[a]; !ok {
			s.at[a] = int32(i)
		}
	}
	nevents := r.uvarint(uint64(n), "event count")
	events := make([]*Story, 0, nevents)
	for range nevents {
		st := &Story{Label: r.str("label")}
		st.Cohesion = math.Float64frombits(r.fixed8("cohesion"))
		st.First = timeOrZero(int64(r.fixed8("first date")))
		st.Last = timeOrZero(int64(r.fixed8("last date")))
		m := r.uvarint(uint64(n), "event size")
		if r.err == nil && m == 0 {
			r.fail("empty event")
		}
		g := make([]int32, 0, m)
		for range m {
			k := r.uvarint(uint64(n-1), "event member")
			if r.err != nil {
				break
			}
			i := order[k]
			if s.storyOf[i] != nil {
				r.fail("article in two events")
				break
			}
			g = append(g, i)
			s.storyOf[i] = st
		}
		if r.err != nil {
			return nil, r.err
		}
		finishStory(st, as, g)
		events = append(events, st)
	}
	for i, a := range as {
		if s.at[a] == int32(i) && s.storyOf[i] == nil {
			return nil, errors.New("damaged stories file: an article in no event")
		}
	}
	// An article listed twice shares its first listing's story.
	for i, a := range as {
		s.storyOf[i] = s.storyOf[s.at[a]]
	}
	s.List = events
	sortStories(s.List)
	nlines := r.uvarint(uint64(len(events)), "line count")
	s.Lines = make([]*StoryLine, 0, nlines)
	s.lineOf = make(map[*Story]*StoryLine, len(events))
	for range nlines {
		m := r.uvarint(uint64(len(events)), "line size")
		if r.err == nil && m == 0 {
			r.fail("empty line")
		}
		line := make([]*Story, 0, m)
		for range m {
			e := r.uvarint(uint64(len(events)-1), "line event")
			if r.err != nil {
				return nil, r.err
			}
			if _, ok := s.lineOf[events[e]]; ok || containsStory(line, events[e]) {
				r.fail("event in two lines")
				return nil, r.err
			}
			line = append(line, events[e])
		}
		if r.err != nil {
			return nil, r.err
		}
		s.addLine(line)
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes")
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(s.lineOf) != len(events) {
		return nil, errors.New("damaged stories file: an event in no line")
	}
	sortLines(s.Lines)
	s.lazy = &lazyFingerprints{}
	return s, nil
}

func containsStory(list []*Story, st *Story) bool {
	for _, x := range list {
		if x == st {
			return true
		}
	}
	return false
}

// finishStory fills in what a stored event does not keep but its articles
// say: the ID, the outlets, the articles in order (as storyBuilder.build).
func finishStory(st *Story, as []*corpus.Article, g []int32) {
	minID := as[g[0]].ID
	var outlets []string
	for _, i := range g {
		a := as[i]
		st.Articles = append(st.Articles, a)
		minID = min(minID, a.ID)
		outlets = append(outlets, a.Outlet)
	}
	st.Outlets = storyOutlets(outlets)
	corpus.SortArticles(st.Articles)
	st.ID = storyID(minID)
}

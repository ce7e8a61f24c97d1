package compare

import (
	"cmp"
	"context"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// Story is a group of articles about the same event.
type Story struct {
	// ID is stable for the same corpus: derived from the smallest article
	// ID in the story.
	ID string `json:"id"`
	// Label is the title of the story's most central article.
	Label    string            `json:"label"`
	Articles []*corpus.Article `json:"-"`
	Outlets  []string          `json:"outlets"`
	// Cohesion is the mean similarity of the articles to the story centre
	// (1 for a single article).
	Cohesion float64 `json:"cohesion"`
	// First and Last bound the dates grouping trusts (see articleDates),
	// inclusive (a day given without a time ends at 23:59:59 UTC); zero
	// when it trusts none.
	First, Last time.Time `json:"-"`
}

// IDs returns the story's article IDs.
func (s *Story) IDs() []string {
	out := make([]string, len(s.Articles))
	for i, a := range s.Articles {
		out[i] = a.ID
	}
	return out
}

// StoryOptions tune grouping. The zero value uses the defaults.
type StoryOptions struct {
	// Threshold is the least similarity (cosine of tf-idf fingerprints)
	// for two articles to be linked; 0 means DefaultStoryThreshold.
	Threshold float64
	// MaxDays: articles whose publication dates are further apart are
	// never linked (when both are dated); 0 means DefaultStoryDays.
	MaxDays int
	// Workers fingerprints articles in parallel; 0 means GOMAXPROCS.
	Workers int
}

// Grouping defaults.
const (
	DefaultStoryThreshold = 0.26
	DefaultStoryDays      = 7
	fingerprintTerms      = 128 // heaviest terms kept per article
	indexTerms            = 10  // of which the heaviest are indexed for candidates
	queryTerms            = 20  // and looked up in the index: a pair needs two of one's query terms among the other's indexed ones
	minSharedIndexTerms   = 2   // candidate pairs share at least this many
	uniqueTermWeight      = 0.35
	// minSharedNames: an event has actors and places; two articles about
	// it name at least two of the same, unless they are strongly similar
	// (strongLink), when one will do.
	minSharedNames = 2
	strongLink     = 0.4
	// sameNewsCycle: reports of one event appear within a day or so of
	// each other; after that, similarity counts less and less until
	// MaxDays (Yang et al., TDT 1998: events are bursty, follow-ups come
	// later and say new things about the same people).
	sameNewsCycle = 36 * time.Hour
	// groupLinkage: two groups merge only when their articles are on
	// average this share of the threshold similar (average linkage), so a
	// follow-up linked to one report does not join the whole story.
	groupLinkage = 0.8
	// linkageSample caps the articles of each group compared when merging.
	linkageSample = 8
)

// Stories is the grouping of a corpus into stories.
type Stories struct {
	List     []*Story // largest first
	articles []*corpus.Article
	at       map[*corpus.Article]int32 // index in articles
	storyOf  []*Story                  // by index in articles
	fps      []fingerprint             // by index in articles
	// Lines are the story lines the stories (events) belong to, largest
	// first; every story is in exactly one.
	Lines  []*StoryLine
	lineOf map[*Story]*StoryLine
	// What regrouping needs again (the reader's edits, stories_edits.go):
	// the number of terms, each article's trusted dates, and which
	// articles the reader placed.
	nterms int
	dates  []when
	pinned map[*corpus.Article]bool
	// lazy is set on a grouping read from its file (stories_store.go),
	// which has no fingerprints until something needs them.
	lazy *lazyFingerprints
	// damage is what reading them found wrong in the file (nil on a
	// grouping made here).
	damage *storedDamage
	// terms is what a grouping made here keeps to be stored for joining
	// (stories_termstore.go); nil on one read back or edited.
	terms *groupTerms
}

// lazyFingerprints reads a stored grouping's fingerprints and term count
// once, the first time they are needed, and makes the dates once, the
// first time an edit needs them: g is the grouping read, order each
// stored article's index in the articles.
type lazyFingerprints struct {
	once, datesOnce sync.Once
	g               *storedGrouping
	order           []int32
}

// fingerprints are the articles' fingerprints; they and s.nterms are read
// only after it (a stored grouping reads them here, once).
func (s *Stories) fingerprints() []fingerprint {
	if s.lazy != nil {
		s.lazy.once.Do(s.readFingerprints)
	}
	return s.fps
}

// readFingerprints gives a grouping read back the fingerprints stored with
// it, used in the mapped file (storedFingerprints). A file whose
// fingerprints cannot be read (replaced since by a grouping of other
// articles, or damaged) costs the fingerprints made again from the
// articles' text, as grouping makes them (read, not kept, for articles
// listed without it: see countTerms).
func (s *Stories) readFingerprints() {
	l := s.lazy
	fps, nterms, err := l.g.storedFingerprints()
	if err == nil {
		s.fps = make([]fingerprint, len(s.articles))
		for k, i := range l.order {
			s.fps[i] = fps[k]
		}
		for i, a := range s.articles {
			s.fps[i] = s.fps[s.at[a]] // an article listed twice
		}
		s.nterms = nterms
		return
	}
	ctx := context.Background()
	counts := countTerms(ctx, s.articles, 0)
	stats := termStats{hashes: counts.hashes, sorted: len(counts.hashes), df: counts.df, docs: len(s.articles)}
	counts.hashes = nil
	s.nterms = len(stats.hashes)
	var query *queryTable
	var names *termLists
	s.fps, query, names = makeFingerprints(ctx, counts, counts.workers)
	if errors.Is(err, errDamaged) && l.g.path != "" {
		// Damaged, not replaced: stored again whole, with the
		// fingerprints made here, so that the next start does not make
		// them again; and told once (StoredDamage).
		s.damage.mu.Lock()
		s.damage.err = err
		s.damage.mu.Unlock()
		s.terms = &groupTerms{termStats: stats, query: query, names: names, base: l.g.base, joined: l.g.joined}
		saveStories(l.g.path, s, StoryOptions{Threshold: l.g.threshold, MaxDays: l.g.maxDays})
	}
}

// storedDamage is the damage found in a stored grouping's fingerprints,
// to be told once: shared by the grouping read back and those its edits
// make.
type storedDamage struct {
	mu   sync.Mutex
	err  error
	told bool
}

// StoredDamage is, the first time it is asked after the fingerprints were
// read (a comparison, the picker, an edit), the damage found in them in
// the stored file, nil otherwise and ever after: the fingerprints were
// then made from the articles' text and the file stored again.
func (s *Stories) StoredDamage() error {
	if s == nil || s.damage == nil {
		return nil
	}
	d := s.damage
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.told || d.err == nil {
		return nil
	}
	d.told = true
	return d.err
}

// storyDates are the articles' trusted dates (articleDates), which only
// edits need again: a stored grouping makes them the first time, not with
// the fingerprints, which a comparison needs without them.
func (s *Stories) storyDates() []when {
	if s.lazy != nil {
		s.lazy.datesOnce.Do(func() { s.dates = articleDates(s.articles) })
	}
	return s.dates
}

// Prepare reads now what a stored grouping reads the first time it is
// needed (the fingerprints the candidates to compare with and the
// reader's edits use, from its file: no article's text is read): a
// background job after a warm start, so that the first comparison does
// not wait. A grouping made afresh has it already.
func (s *Stories) Prepare() { s.fingerprints() }

// Of returns the story an article belongs to, or nil.
func (s *Stories) Of(a *corpus.Article) *Story {
	if i, ok := s.at[a]; ok {
		return s.storyOf[i]
	}
	return nil
}

// ByID returns the story with this ID, or nil.
func (s *Stories) ByID(id string) *Story {
	for _, st := range s.List {
		if st.ID == id {
			return st
		}
	}
	return nil
}

// Similarity returns the similarity of two articles (see the function
// Similarity): the figure shown for the pair everywhere.
func (s *Stories) Similarity(a, b *corpus.Article) float64 { return Similarity(a, b) }

// linkage is the fingerprint similarity of two articles of the grouped
// corpus (0..1), which grouping links on: cheap for every candidate pair,
// but dependent on the corpus (its term weights), so never shown.
func (s *Stories) linkage(a, b *corpus.Article) float64 {
	i, ok := s.at[a]
	j, ok2 := s.at[b]
	if !ok || !ok2 {
		return 0
	}
	fps := s.fingerprints()
	return fps[i].cosine(fps[int(j)])
}

// Candidate is an article to compare with, and how similar it is.
type Candidate struct {
	Article    *corpus.Article
	Similarity float64
	SameStory  bool
}

// Candidates lists articles to compare a with: its story's articles first,
// then others, each group by similarity, at most n (n <= 0: all). The
// fingerprints pick the closest few cheaply; the similarity shown is the
// one of the function Similarity, and orders them.
func (s *Stories) Candidates(a *corpus.Article, n int) []Candidate {
	i, ok := s.at[a]
	if !ok {
		return nil
	}
	fps := s.fingerprints()
	st, fa := s.storyOf[i], fps[i]
	var out []Candidate
	for j, b := range s.articles {
		if b == a || s.at[b] != int32(j) {
			continue // a itself, or an article listed twice
		}
		sim := fa.cosine(fps[j])
		same := s.storyOf[j] == st
		if sim > 0 || same {
			out = append(out, Candidate{b, sim, same})
		}
	}
	order := func(out []Candidate) {
		slices.SortFunc(out, func(x, y Candidate) int {
			if x.SameStory != y.SameStory {
				if x.SameStory {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(y.Similarity, x.Similarity), strings.Compare(x.Article.ID, y.Article.ID))
		})
	}
	order(out)
	// Rescore a pool a little larger than asked for, so the pair figure,
	// not the fingerprint, decides the order at the cut.
	if n > 0 {
		out = out[:min(len(out), max(n, candidatePool))]
	}
	bag := bagOfArticle(a)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(out))
	for w := range workers {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := w; k < len(out); k += workers {
				out[k].Similarity = textSimilarity(bag, bagOfArticle(out[k].Article))
			}
		}(w)
	}
	wg.Wait()
	order(out)
	if n > 0 {
		out = out[:min(len(out), n)]
	}
	return out
}

// candidatePool: the fewest candidates rescored with the pair similarity.
const candidatePool = 20

// GroupStories groups articles about the same event. Candidate pairs come
// from an inverted index of each article's heaviest (rare, repeated) terms,
// so the work grows with the number of articles, not its square; linked
// pairs are then merged, heaviest link first, as long as the two groups'
// centres stay similar (so a chain of loosely related articles does not
// snowball into one story).
func GroupStories(as []*corpus.Article, opt StoryOptions) *Stories {
	st, _ := GroupStoriesContext(context.Background(), as, opt)
	return st
}

// GroupStoriesContext is GroupStories that gives up soon after ctx is done
// (a grouping superseded by newer articles), returning ctx's error.
//
// Memory: terms are numbered densely (32 bits, in the order of their
// hashes), bags are packed as varints and released as fingerprints are
// made, fingerprints are allocated in large chunks and names, query terms
// and postings live in flat slices; the returned Stories hold about 1 KB an
// article, nearly all of it fingerprints (BENCHMARKS.md has the figures).
func GroupStoriesContext(ctx context.Context, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	s, err := groupFrom(ctx, as, opt)
	if s != nil {
		s.terms = nil // kept only to be stored (LoadOrGroupStories)
	}
	return s, err
}

// groupFrom groups as: fingerprints, candidate pairs, merged into events
// and lines.
func groupFrom(ctx context.Context, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	opt = storyDefaults(opt)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	counts := countTerms(ctx, as, workers)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	stats := termStats{hashes: counts.hashes, sorted: len(counts.hashes), df: counts.df, docs: len(as)}
	counts.hashes = nil
	fps, query, names := makeFingerprints(ctx, counts, workers)
	counts = nil
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	t := &groupTerms{termStats: stats, query: query, names: names, base: len(as)}
	return groupTermed(ctx, as, opt, fps, t, nil, nil, nil, nil)
}

// groupTermed groups as by their fingerprints and terms t: candidate pairs
// (only those with an article of only, when only is given), merged into
// events and lines. The events of initial and the lines of initialLines
// (article indices) are joined to begin with (a stored grouping,
// stories_join.go), whose stored events keep tells (see keptEvents). The
// grouping keeps t to be stored.
func groupTermed(ctx context.Context, as []*corpus.Article, opt StoryOptions, fps []fingerprint, t *groupTerms, only []bool, initial, initialLines [][]int32, keep *keptEvents) (*Stories, error) {
	nterms := len(t.hashes)
	rare := rareTerms(t.df, t.docs)
	dates := articleDates(as)
	edges, lineEdges := candidateEdges(ctx, as, dates, fps, t.names, rare, t.query, nterms, opt, only)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rare = nil
	groups := mergeEdges(dates, fps, initial, edges, opt.Threshold, time.Duration(opt.MaxDays)*24*time.Hour)
	edges = nil
	s := buildStoriesKeeping(as, fps, groups, nterms, keep)
	s.buildLines(groups, mergeLines(fps, groups, initialLines, lineEdges), dates)
	s.nterms, s.dates, s.terms = nterms, dates, t
	return s, nil
}

// checkEvery is how many articles a worker handles between looks at ctx.
const checkEvery = 256

// parallel runs f(0..n-1) on workers goroutines, worker w taking w,
// w+workers, ..., stopping early when ctx is done.
func parallel(ctx context.Context, n, workers int, f func(i int)) {
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				f(i)
			}
		}(w)
	}
	wg.Wait()
}

// mergeEdges joins linked articles into groups, strongest link first; two
// groups merge only when their articles are on average similar enough
// (average linkage over a sample of each group), so a chain of loosely
// related articles does not snowball into one story. Groups come in the
// order of their first article, members ascending. The groups of initial
// (a stored grouping's, stories_join.go) are joined to begin with.
func mergeEdges(dates []when, fps []fingerprint, initial [][]int32, edges []edge, threshold float64, window time.Duration) [][]int32 {
	n := len(dates)
	uf := newUnionFind(n)
	members := make([][]int32, n)
	for _, g := range initial {
		for _, i := range g[1:] {
			uf.union(int(g[0]), int(i))
		}
		members[uf.find(int(g[0]))] = g[:len(g):len(g)] // a merge appends to a copy
	}
	for _, e := range edges {
		ra, rb := uf.find(int(e.a)), uf.find(int(e.b))
		if ra == rb {
			continue
		}
		ma, mb := members[ra], members[rb]
		if ma == nil {
			ma = []int32{int32(ra)}
		}
		if mb == nil {
			mb = []int32{int32(rb)}
		}
		if len(ma)+len(mb) > 2 { // two single articles: the edge is their linkage
			var sum float64
			pairs := 0
			sa, sb := sample(ma), sample(mb)
			for _, x := range sa {
				fx := fps[x]
				for _, y := range sb {
					sum += fx.cosine(fps[y]) * timeFactor(dates[x], dates[y], window)
					pairs++
				}
			}
			if sum/float64(pairs) < threshold*groupLinkage {
				continue
			}
		}
		uf.union(ra, rb)
		r := uf.find(ra)
		if len(ma) < len(mb) {
			ma, mb = mb, ma
		}
		members[ra], members[rb] = nil, nil
		members[r] = append(ma, mb...)
	}
	members = nil
	// Group number of each root, in the order roots are first met.
	group := make([]int32, n)
	for i := range group {
		group[i] = -1
	}
	var sizes []int32
	for i := 0; i < n; i++ {
		r := uf.find(i)
		if group[r] < 0 {
			group[r] = int32(len(sizes))
			sizes = append(sizes, 0)
		}
		sizes[group[r]]++
	}
	flat := make([]int32, n)
	out := make([][]int32, len(sizes))
	at := 0
	for g, size := range sizes {
		out[g] = flat[at : at : at+int(size)]
		at += int(size)
	}
	for i := 0; i < n; i++ {
		g := group[uf.find(i)]
		out[g] = append(out[g], int32(i))
	}
	return out
}

// sample picks up to linkageSample members of a group, spread evenly.
func sample(m []int32) []int32 {
	if len(m) <= linkageSample {
		return m
	}
	out := make([]int32, linkageSample)
	for k := range out {
		out[k] = m[k*len(m)/linkageSample]
	}
	return out
}

func buildStories(as []*corpus.Article, fps []fingerprint, groups [][]int32, nterms int) *Stories {
	return buildStoriesKeeping(as, fps, groups, nterms, nil)
}

// keptEvents are the stored events a join began with (stories_join.go):
// a group that is exactly one of them, neither joined nor left by an
// article, keeps its stored label and cohesion rather than have its
// centre computed again.
type keptEvents struct {
	of     []int32 // by article: the stored event it began in, or -1
	events []storedEvent
}

// kept returns the stored event group g is exactly, if it is one. A
// stored event's articles left are joined to begin with (mergeEdges), so
// the group holding one holds them all: it is the event when all its
// articles are the event's.
func (k *keptEvents) kept(g []int32) (*storedEvent, bool) {
	if k == nil {
		return nil, false
	}
	e := k.of[g[0]]
	if e < 0 {
		return nil, false
	}
	for _, i := range g {
		if k.of[i] != e {
			return nil, false
		}
	}
	return &k.events[e], true
}

// buildStoriesKeeping is buildStories reusing what the stored events of
// keep say of the groups that are exactly one of them.
func buildStoriesKeeping(as []*corpus.Article, fps []fingerprint, groups [][]int32, nterms int, keep *keptEvents) *Stories {
	s := &Stories{
		articles: as,
		at:       make(map[*corpus.Article]int32, len(as)),
		storyOf:  make([]*Story, len(as)),
		fps:      fps,
	}
	for i, a := range as {
		s.at[a] = int32(i)
	}
	b := storyBuilder{as: as, fps: fps, nterms: nterms}
	s.List = make([]*Story, 0, len(groups))
	for _, g := range groups {
		var st *Story
		if e, ok := keep.kept(g); ok {
			st = &Story{Label: e.label, Cohesion: e.cohesion}
			finishStory(st, as, g)
		} else {
			st = b.build(g)
		}
		s.List = append(s.List, st)
		for _, i := range g {
			s.storyOf[i] = st
		}
	}
	sortStories(s.List)
	return s
}

// storyBuilder makes stories from groups of article indices, reusing its
// buffers from one to the next.
type storyBuilder struct {
	as      []*corpus.Article
	fps     []fingerprint
	nterms  int
	centre  []float64 // by term, for groups of more than one article
	used    []uint32  // terms set in centre
	outlets []string
}

// build makes the story of one group: its centre article (the most similar
// to the others) labels it, its smallest article ID names it.
func (b *storyBuilder) build(g []int32) *Story {
	as, fps := b.as, b.fps
	st := &Story{Cohesion: 1, Articles: make([]*corpus.Article, 0, len(g))}
	best, bestSum := g[0], math.Inf(-1)
	if len(g) > 1 {
		if b.centre == nil {
			b.centre = make([]float64, b.nterms)
		}
		centre := b.centre
		for _, i := range g {
			for _, x := range fps[i] {
				if centre[x.t] == 0 {
					b.used = append(b.used, x.t)
				}
				centre[x.t] += float64(x.w)
			}
		}
		var total float64
		for _, i := range g {
			c := 0.0
			for _, x := range fps[i] {
				c += float64(x.w) * centre[x.t]
			}
			if c > bestSum || c == bestSum && as[i].ID < as[best].ID {
				best, bestSum = i, c
			}
			total += c
		}
		var norm float64
		for _, t := range b.used {
			norm += centre[t] * centre[t]
			centre[t] = 0
		}
		b.used = b.used[:0]
		if norm > 0 {
			st.Cohesion = total / float64(len(g)) / math.Sqrt(norm)
		}
	}
	minID := as[g[0]].ID
	b.outlets = b.outlets[:0]
	for _, i := range g {
		a := as[i]
		st.Articles = append(st.Articles, a)
		minID = min(minID, a.ID)
		b.outlets = append(b.outlets, a.Outlet)
	}
	st.Outlets = storyOutlets(b.outlets)
	corpus.SortArticles(st.Articles)
	st.ID = storyID(minID)
	st.Label = label(as[best])
	return st
}

// storyOutlets are a story's outlets, sorted, each once, never nil; the
// argument is reordered.
func storyOutlets(outlets []string) []string {
	out := outlets[:0]
	for _, o := range outlets {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	slices.Sort(out)
	out = slices.Clone(slices.Compact(out))
	if out == nil {
		out = []string{}
	}
	return out
}

// storyID names a story by its smallest article ID.
func storyID(minID string) string { return groupID('s', minID) }

// groupID is a story's or a line's ID: kind, then 48 bits of the hash of
// its smallest article ID in twelve hex digits (as "%c%012x" would print
// them: a grouping read back names 120,000 stories and lines, and Sprintf
// was a tenth of that).
func groupID(kind byte, minID string) string {
	const digits = "0123456789abcdef"
	var b [13]byte
	b[0] = kind
	h := hashTerm(minID) >> 16
	for i := 12; i > 0; i-- {
		b[i] = digits[h&0xf]
		h >>= 4
	}
	return string(b[:])
}

// sortStories orders stories largest first, then the latest first article,
// then by ID.
func sortStories(list []*Story) {
	// A grouping read back is in this order already: one pass says so
	// (the stable sort took a tenth of reading 60,000 stories back).
	if !slices.IsSortedFunc(list, storyOrder) {
		slices.SortStableFunc(list, storyOrder)
	}
}

// storyOrder is the stories' order: largest first, then latest first.
func storyOrder(a, b *Story) int {
	return cmp.Or(cmp.Compare(len(b.Articles), len(a.Articles)),
		b.Articles[0].Published.Compare(a.Articles[0].Published),
		strings.Compare(a.ID, b.ID))
}

// label is a story's readable name: its central article's title, cut at a
// word boundary.
func label(a *corpus.Article) string {
	t := strings.TrimSpace(a.Title)
	if t == "" {
		t = a.ID
	}
	const max = 90
	if len([]rune(t)) <= max {
		return t
	}
	r := []rune(t)[:max]
	cut := strings.LastIndexByte(string(r), ' ')
	if cut < max/2 {
		return string(r) + "…"
	}
	return string(r)[:cut] + "…"
}

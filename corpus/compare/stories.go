package compare

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
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
	List      []*Story // largest first
	byArticle map[*corpus.Article]*Story
	fps       map[*corpus.Article]fingerprint
}

// Of returns the story an article belongs to, or nil.
func (s *Stories) Of(a *corpus.Article) *Story { return s.byArticle[a] }

// ByID returns the story with this ID, or nil.
func (s *Stories) ByID(id string) *Story {
	for _, st := range s.List {
		if st.ID == id {
			return st
		}
	}
	return nil
}

// Similarity returns the fingerprint similarity of two articles of the
// grouped corpus (0..1).
func (s *Stories) Similarity(a, b *corpus.Article) float64 {
	return s.fps[a].cosine(s.fps[b])
}

// Candidate is an article to compare with, and how similar it is.
type Candidate struct {
	Article    *corpus.Article
	Similarity float64
	SameStory  bool
}

// Candidates lists articles to compare a with: its story's articles first,
// then others, each group by similarity, at most n (n <= 0: all).
func (s *Stories) Candidates(a *corpus.Article, n int) []Candidate {
	st := s.Of(a)
	var out []Candidate
	for b := range s.fps {
		if b == a {
			continue
		}
		sim := s.Similarity(a, b)
		same := st != nil && s.Of(b) == st
		if sim > 0 || same {
			out = append(out, Candidate{b, sim, same})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].SameStory != out[j].SameStory {
			return out[i].SameStory
		}
		if out[i].Similarity != out[j].Similarity {
			return out[i].Similarity > out[j].Similarity
		}
		return out[i].Article.ID < out[j].Article.ID
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// fingerprint is an article's heaviest terms with L2-normalised tf-idf
// weights, sorted by term.
type fingerprint struct {
	terms   []uint64
	weights []float32
}

func (f fingerprint) cosine(g fingerprint) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(f.terms) && j < len(g.terms) {
		switch {
		case f.terms[i] < g.terms[j]:
			i++
		case f.terms[i] > g.terms[j]:
			j++
		default:
			dot += float64(f.weights[i]) * float64(g.weights[j])
			i++
			j++
		}
	}
	return dot
}

// termCount is one content term of an article and how often it occurs.
type termCount struct {
	t uint64
	n int32
}

// bag is what grouping reads from one article: its term counts and the
// terms it writes capitalised inside a sentence (names: who and where).
type bag struct {
	counts []termCount
	names  []uint64 // sorted, unique
}

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
func GroupStoriesContext(ctx context.Context, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	if opt.Threshold <= 0 {
		opt.Threshold = DefaultStoryThreshold
	}
	if opt.MaxDays <= 0 {
		opt.MaxDays = DefaultStoryDays
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	bags := countTerms(ctx, as, workers)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	df := documentFrequencies(bags, workers)
	names := make([][]uint64, len(as))
	for i, b := range bags {
		names[i] = b.names
	}
	maxPosting := int32(max(64, len(as)/50))
	fps := make([]fingerprint, len(as))
	indexed := make([][]uint64, len(as))
	parallel(ctx, len(as), workers, func(i int) {
		fps[i], indexed[i] = makeFingerprint(bags[i], df, float64(len(as)), maxPosting)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	index := map[uint64][]int32{}
	for i, ts := range indexed {
		for _, t := range ts[:min(len(ts), indexTerms)] {
			index[t] = append(index[t], int32(i))
		}
	}
	edges := candidateEdges(ctx, as, fps, names, index, indexed, opt)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	groups := mergeEdges(as, fps, edges, opt.Threshold, time.Duration(opt.MaxDays)*24*time.Hour)
	return buildStories(as, fps, groups), nil
}

// checkEvery is how many articles a worker handles between looks at ctx.
const checkEvery = 256

// documentFrequencies counts the articles each term occurs in; each worker
// counts its own share of the term space.
func documentFrequencies(bags []bag, workers int) dfTable {
	parts := make([]map[uint64]int32, workers)
	var wg sync.WaitGroup
	for w := range parts {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			m := map[uint64]int32{}
			for _, b := range bags {
				for _, c := range b.counts {
					if int(c.t%uint64(workers)) == w {
						m[c.t]++
					}
				}
			}
			parts[w] = m
		}(w)
	}
	wg.Wait()
	if workers == 1 {
		return plainDF(parts[0])
	}
	return shardedDF(parts)
}

// shardedDF reads a term's frequency from the shard that counted it.
type shardedDF []map[uint64]int32

func (s shardedDF) get(t uint64) int32 { return s[t%uint64(len(s))][t] }

type tw struct {
	t uint64
	w float64
}

// makeFingerprint weighs an article's terms by tf-idf, keeps the heaviest
// and picks the ones to index (seen in 2..maxPosting articles).
func makeFingerprint(b bag, df dfTable, n float64, maxPosting int32) (fingerprint, []uint64) {
	ws := make([]tw, 0, len(b.counts))
	for _, tc := range b.counts {
		d := df.get(tc.t)
		idf := math.Log((1+n)/(1+float64(d))) + 1
		w := (1 + math.Log(float64(tc.n))) * idf
		if d < 2 {
			// A word no other article uses cannot link this one to
			// anything; weighing it down keeps long articles, full of
			// their own detail, from looking unlike their story.
			w *= uniqueTermWeight
		}
		ws = append(ws, tw{tc.t, w})
	}
	slices.SortFunc(ws, func(x, y tw) int {
		if x.w != y.w {
			return cmp.Compare(y.w, x.w)
		}
		return cmp.Compare(x.t, y.t)
	})
	var index []uint64 // the indexed terms first, then the rest of the query terms
	for _, x := range ws {
		if len(index) == queryTerms {
			break
		}
		if d := df.get(x.t); d >= 2 && d <= maxPosting {
			index = append(index, x.t)
		}
	}
	if len(ws) > fingerprintTerms {
		ws = ws[:fingerprintTerms]
	}
	slices.SortFunc(ws, func(x, y tw) int { return cmp.Compare(x.t, y.t) })
	var norm float64
	for _, x := range ws {
		norm += x.w * x.w
	}
	norm = math.Sqrt(norm)
	fp := fingerprint{make([]uint64, len(ws)), make([]float32, len(ws))}
	for k, x := range ws {
		fp.terms[k], fp.weights[k] = x.t, float32(x.w/norm)
	}
	return fp, index
}

// dfTable answers document frequencies.
type dfTable interface{ get(t uint64) int32 }

type plainDF map[uint64]int32

func (p plainDF) get(t uint64) int32 { return p[t] }

// parallel runs f(0..n-1) on workers goroutines, stopping early when ctx
// is done.
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

type edge struct {
	a, b int32
	sim  float32
}

// candidateEdges scores the pairs that share at least two indexed terms
// and two names, keeping those at or above the threshold.
func candidateEdges(ctx context.Context, as []*corpus.Article, fps []fingerprint, names [][]uint64, index map[uint64][]int32, query [][]uint64, opt StoryOptions) []edge {
	// Sorted query and indexed terms per article, to tell which side of a
	// pair finds it.
	sortedQuery := make([][]uint64, len(as))
	sortedIndex := make([][]uint64, len(as))
	for i, q := range query {
		sortedQuery[i] = slices.Sorted(slices.Values(q))
		sortedIndex[i] = slices.Sorted(slices.Values(q[:min(len(q), indexTerms)]))
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxGap := time.Duration(opt.MaxDays) * 24 * time.Hour
	out := make([][]edge, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			count := make([]uint8, len(as))
			var touched []int32
			for i := w; i < len(as); i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				for _, t := range query[i] {
					for _, j := range index[t] {
						if int(j) == i {
							continue
						}
						if count[j] == 0 {
							touched = append(touched, j)
						}
						if count[j] < 255 {
							count[j]++
						}
					}
				}
				for _, j := range touched {
					// Each pair once: from the smaller index, or from the
					// larger when the smaller does not find it.
					once := int(j) > i || countCommon(sortedQuery[j], sortedIndex[i]) < minSharedIndexTerms
					if once && count[j] >= minSharedIndexTerms && withinDays(as[i], as[j], maxGap) {
						s := fps[i].cosine(fps[j]) * timeFactor(as[i], as[j], maxGap)
						need := minSharedNames
						if s >= strongLink {
							need = 1
						}
						if s >= opt.Threshold && countCommon(names[i], names[j]) >= need {
							out[w] = append(out[w], edge{int32(min(i, int(j))), int32(max(i, int(j))), float32(s)})
						}
					}
					count[j] = 0
				}
				touched = touched[:0]
			}
		}(w)
	}
	wg.Wait()
	var all []edge
	for _, e := range out {
		all = append(all, e...)
	}
	sort.Slice(all, func(x, y int) bool {
		if all[x].sim != all[y].sim {
			return all[x].sim > all[y].sim
		}
		if all[x].a != all[y].a {
			return all[x].a < all[y].a
		}
		return all[x].b < all[y].b
	})
	return all
}

// timeFactor weighs the similarity of two articles by their distance in
// time: 1 within one news cycle, then falling linearly to 0 at the window's
// end; 1 when either is undated.
func timeFactor(a, b *corpus.Article, window time.Duration) float64 {
	if !a.HasDate() || !b.HasDate() {
		return 1
	}
	d := a.Published.Sub(b.Published)
	if d < 0 {
		d = -d
	}
	if d <= sameNewsCycle || window <= sameNewsCycle {
		return 1
	}
	return max(0, 1-float64(d-sameNewsCycle)/float64(window-sameNewsCycle))
}

func withinDays(a, b *corpus.Article, gap time.Duration) bool {
	if !a.HasDate() || !b.HasDate() {
		return true
	}
	d := a.Published.Sub(b.Published)
	return d <= gap && -d <= gap
}

// mergeEdges joins linked articles into groups, strongest link first; two
// groups merge only when their articles are on average similar enough
// (average linkage over a sample of each group), so a chain of loosely
// related articles does not snowball into one story.
func mergeEdges(as []*corpus.Article, fps []fingerprint, edges []edge, threshold float64, window time.Duration) [][]int {
	n := len(fps)
	uf := newUnionFind(n)
	members := make([][]int32, n)
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
		if len(ma) > 1 || len(mb) > 1 {
			var sum float64
			pairs := 0
			for _, x := range sample(ma) {
				for _, y := range sample(mb) {
					sum += fps[x].cosine(fps[y]) * timeFactor(as[x], as[y], window)
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
	byRoot := map[int][]int{}
	var roots []int
	for i := 0; i < n; i++ {
		r := uf.find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	out := make([][]int, len(roots))
	for k, r := range roots {
		out[k] = byRoot[r]
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

func mapCosine(a, b map[uint64]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func buildStories(as []*corpus.Article, fps []fingerprint, groups [][]int) *Stories {
	s := &Stories{byArticle: make(map[*corpus.Article]*Story, len(as)), fps: make(map[*corpus.Article]fingerprint, len(as))}
	for i, a := range as {
		s.fps[a] = fps[i]
	}
	for _, g := range groups {
		st := &Story{Cohesion: 1}
		// The centre: the article most similar to the others.
		best, bestSum := g[0], -1.0
		if len(g) > 1 {
			centre := map[uint64]float64{}
			for _, i := range g {
				for k, t := range fps[i].terms {
					centre[t] += float64(fps[i].weights[k])
				}
			}
			var total float64
			for _, i := range g {
				c := 0.0
				for k, t := range fps[i].terms {
					c += float64(fps[i].weights[k]) * centre[t]
				}
				if c > bestSum || c == bestSum && as[i].ID < as[best].ID {
					best, bestSum = i, c
				}
				total += c
			}
			var norm float64
			for _, w := range centre {
				norm += w * w
			}
			if norm > 0 {
				st.Cohesion = total / float64(len(g)) / math.Sqrt(norm)
			}
		}
		minID := as[g[0]].ID
		outlets := map[string]bool{}
		for _, i := range g {
			a := as[i]
			st.Articles = append(st.Articles, a)
			if a.ID < minID {
				minID = a.ID
			}
			if o := strings.TrimSpace(a.Outlet); o != "" && !outlets[o] {
				outlets[o] = true
				st.Outlets = append(st.Outlets, o)
			}
		}
		sort.Strings(st.Outlets)
		if st.Outlets == nil {
			st.Outlets = []string{}
		}
		corpus.SortArticles(st.Articles)
		st.ID = fmt.Sprintf("s%012x", hashTerm(minID)>>16)
		st.Label = label(as[best])
		s.List = append(s.List, st)
		for _, a := range st.Articles {
			s.byArticle[a] = st
		}
	}
	sort.SliceStable(s.List, func(i, j int) bool {
		a, b := s.List[i], s.List[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		if !a.Articles[0].Published.Equal(b.Articles[0].Published) {
			return a.Articles[0].Published.After(b.Articles[0].Published)
		}
		return a.ID < b.ID
	})
	return s
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

// countTerms builds the term bags of the articles in parallel: title (twice,
// it names the event) and body, content words stemmed, demonyms mapped to
// their country.
func countTerms(ctx context.Context, as []*corpus.Article, workers int) []bag {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]bag, len(as))
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Each worker numbers the words it meets, so counting is an
			// array increment rather than a map update.
			type known struct {
				h  uint64
				id int32
			}
			stems := map[string]known{}
			idOf := map[uint64]int32{}
			var hashes []uint64
			var counts []int32
			var touched []int32
			var buf []byte
			for i := w; i < len(as); i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				a := as[i]
				var b bag
				add := func(text string, times int32, headline bool) {
					buf = lang.EachWord(text, buf, func(word []byte, start int) {
						k, ok := stems[string(word)]
						if !ok {
							key := string(word)
							k = known{storyTerm(key), -1}
							if k.h != 0 {
								// Words with one term ("Ukrainian",
								// "Ukraine") share its number.
								id, seen := idOf[k.h]
								if !seen {
									id = int32(len(hashes))
									idOf[k.h] = id
									hashes = append(hashes, k.h)
									counts = append(counts, 0)
								}
								k.id = id
							}
							stems[key] = k
						}
						if k.id < 0 {
							return
						}
						if counts[k.id] == 0 {
							touched = append(touched, k.id)
						}
						counts[k.id] += times
						if !headline && capitalisedInside(text, start) {
							b.names = append(b.names, k.h)
						}
					})
				}
				add(a.Title, 2, true)
				for _, bl := range a.Blocks {
					add(bl.Text, 1, bl.Kind == corpus.Heading)
				}
				b.names = sortUnique(b.names)
				b.counts = make([]termCount, 0, len(touched))
				for _, id := range touched {
					b.counts = append(b.counts, termCount{hashes[id], counts[id]})
					counts[id] = 0
				}
				touched = touched[:0]
				out[i] = b
			}
		}(w)
	}
	wg.Wait()
	return out
}

// capitalisedInside: the word at i starts with a capital and does not open
// a sentence, quote or clause.
func capitalisedInside(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsUpper(r) {
		return false
	}
	for i > 0 {
		p, size := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case p == ' ' || p == '\t':
			i -= size
			continue
		case unicode.IsLetter(p) || unicode.IsDigit(p) || p == ',' || p == ';' || p == '-' || p == '—' || p == '–':
			return true
		}
		return false
	}
	return false
}

// storyTerm maps a folded token to its term hash, 0 for words that carry
// nothing (stop words, single letters, bare numbers).
func storyTerm(f string) uint64 {
	if len(f) < 2 || stopwords[f] || isNumeric(f) {
		return 0
	}
	if c, ok := demonyms[f]; ok {
		return hashTerm("@" + foldName(c))
	}
	if p, ok := gazetteer[f]; ok {
		return hashTerm("@" + foldName(p.canon))
	}
	return hashTerm(stem(f))
}

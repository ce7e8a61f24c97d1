package compare

// The grouping as it was before term numbering and compact bags (uint64
// term hashes, maps), kept as the oracle the new grouping must agree with
// (stories_oracle_test.go).

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

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// oldStories is the grouping of a corpus into stories.
type oldStories struct {
	List      []*Story // largest first
	byArticle map[*corpus.Article]*Story
	fps       map[*corpus.Article]oldFingerprint
}

// Of returns the story an article belongs to, or nil.
func (s *oldStories) Of(a *corpus.Article) *Story { return s.byArticle[a] }

// grouped corpus (0..1).
func (s *oldStories) Similarity(a, b *corpus.Article) float64 {
	return s.fps[a].cosine(s.fps[b])
}

// weights, sorted by term.
type oldFingerprint struct {
	terms   []uint64
	weights []float32
}

func (f oldFingerprint) cosine(g oldFingerprint) float64 {
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

// oldTermCount is one content term of an article and how often it occurs.
type oldTermCount struct {
	t uint64
	n int32
}

// oldBag is what grouping reads from one article: its term counts and the
// terms it writes capitalised inside a sentence (names: who and where).
type oldBag struct {
	counts []oldTermCount
	names  []uint64 // sorted, unique
}

// GroupStories groups articles about the same event. Candidate pairs come
// from an inverted index of each article's heaviest (rare, repeated) terms,
// so the work grows with the number of articles, not its square; linked
// pairs are then merged, heaviest link first, as long as the two groups'
// centres stay similar (so a chain of loosely related articles does not

// oldGroupStoriesContext is GroupStories that gives up soon after ctx is done
// (a grouping superseded by newer articles), returning ctx's error.
func oldGroupStoriesContext(ctx context.Context, as []*corpus.Article, opt StoryOptions) (*oldStories, error) {
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
	bags := oldCountTerms(ctx, as, workers)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	df := oldDocumentFrequencies(bags, workers)
	names := make([][]uint64, len(as))
	for i, b := range bags {
		names[i] = b.names
	}
	maxPosting := int32(max(64, len(as)/50))
	fps := make([]oldFingerprint, len(as))
	indexed := make([][]uint64, len(as))
	oldParallel(ctx, len(as), workers, func(i int) {
		fps[i], indexed[i] = oldMakeFingerprint(bags[i], df, float64(len(as)), maxPosting)
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
	edges := oldCandidateEdges(ctx, as, fps, names, index, indexed, opt)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	groups := oldMergeEdges(as, fps, edges, opt.Threshold, time.Duration(opt.MaxDays)*24*time.Hour)
	return oldBuildStories(as, fps, groups), nil
}

// oldDocumentFrequencies counts the articles each term occurs in; each worker
// counts its own share of the term space.
func oldDocumentFrequencies(bags []oldBag, workers int) oldDfTable {
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
		return oldPlainDF(parts[0])
	}
	return oldShardedDF(parts)
}

// oldShardedDF reads a term's frequency from the shard that counted it.
type oldShardedDF []map[uint64]int32

func (s oldShardedDF) get(t uint64) int32 { return s[t%uint64(len(s))][t] }

type oldTw struct {
	t uint64
	w float64
}

// oldMakeFingerprint weighs an article's terms by tf-idf, keeps the heaviest
// and picks the ones to index (seen in 2..maxPosting articles).
func oldMakeFingerprint(b oldBag, df oldDfTable, n float64, maxPosting int32) (oldFingerprint, []uint64) {
	ws := make([]oldTw, 0, len(b.counts))
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
		ws = append(ws, oldTw{tc.t, w})
	}
	slices.SortFunc(ws, func(x, y oldTw) int {
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
	slices.SortFunc(ws, func(x, y oldTw) int { return cmp.Compare(x.t, y.t) })
	var norm float64
	for _, x := range ws {
		norm += x.w * x.w
	}
	norm = math.Sqrt(norm)
	fp := oldFingerprint{make([]uint64, len(ws)), make([]float32, len(ws))}
	for k, x := range ws {
		fp.terms[k], fp.weights[k] = x.t, float32(x.w/norm)
	}
	return fp, index
}

// oldDfTable answers document frequencies.
type oldDfTable interface{ get(t uint64) int32 }

type oldPlainDF map[uint64]int32

func (p oldPlainDF) get(t uint64) int32 { return p[t] }

// oldParallel runs f(0..n-1) on workers goroutines, stopping early when ctx
// is done.
func oldParallel(ctx context.Context, n, workers int, f func(i int)) {
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

type oldEdge struct {
	a, b int32
	sim  float32
}

// oldCandidateEdges scores the pairs that share at least two indexed terms
// and two names, keeping those at or above the threshold.
func oldCandidateEdges(ctx context.Context, as []*corpus.Article, fps []oldFingerprint, names [][]uint64, index map[uint64][]int32, query [][]uint64, opt StoryOptions) []oldEdge {
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
	out := make([][]oldEdge, workers)
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
							out[w] = append(out[w], oldEdge{int32(min(i, int(j))), int32(max(i, int(j))), float32(s)})
						}
					}
					count[j] = 0
				}
				touched = touched[:0]
			}
		}(w)
	}
	wg.Wait()
	var all []oldEdge
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

// groups merge only when their articles are on average similar enough
// (average linkage over a sample of each group), so a chain of loosely
// related articles does not snowball into one story.
func oldMergeEdges(as []*corpus.Article, fps []oldFingerprint, edges []oldEdge, threshold float64, window time.Duration) [][]int {
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

func oldBuildStories(as []*corpus.Article, fps []oldFingerprint, groups [][]int) *oldStories {
	s := &oldStories{byArticle: make(map[*corpus.Article]*Story, len(as)), fps: make(map[*corpus.Article]oldFingerprint, len(as))}
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

// oldCountTerms builds the term bags of the articles in oldParallel: title (twice,
// it names the event) and body, content words stemmed, demonyms mapped to
// their country.
func oldCountTerms(ctx context.Context, as []*corpus.Article, workers int) []oldBag {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := make([]oldBag, len(as))
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
			for i := w; i < len(as); i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				a := as[i]
				var b oldBag
				add := func(text string, times int32, headline bool) {
					lang.EachToken(text, func(word []byte, start, _ int) {
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
				b.counts = make([]oldTermCount, 0, len(touched))
				for _, id := range touched {
					b.counts = append(b.counts, oldTermCount{hashes[id], counts[id]})
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

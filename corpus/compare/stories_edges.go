package compare

import (
	"cmp"
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

type edge struct {
	a, b int32
	sim  float32
}

// postings is the inverted index of the articles' indexed terms: the
// articles indexing term t, ascending, are arts[start[t]:start[t+1]].
type postings struct {
	start []int32
	arts  []int32
}

func newPostings(q *queryTable, nterms int) *postings {
	return postingsOf(len(q.ni), nterms, q.indexOf)
}

// postingsOf is the inverted index of the term lists of articles 0..n-1
// (nil lists are left out).
func postingsOf(n, nterms int, list func(i int) []uint32) *postings {
	p := &postings{start: make([]int32, nterms+1)}
	for i := 0; i < n; i++ {
		for _, t := range list(i) {
			p.start[t+1]++
		}
	}
	for t := 0; t < nterms; t++ {
		p.start[t+1] += p.start[t]
	}
	p.arts = make([]int32, p.start[nterms])
	next := slices.Clone(p.start[:nterms])
	for i := 0; i < n; i++ {
		for _, t := range list(i) {
			p.arts[next[t]] = int32(i)
			next[t]++
		}
	}
	return p
}

func (p *postings) of(t uint32) []int32 { return p.arts[p.start[t]:p.start[t+1]] }

// candidateEdges scores the pairs that share at least two indexed terms.
// Event edges: similar within the time window (time-weighted) and sharing
// two names (one when strongly similar). Line edges, whatever the time
// between them: similar enough and sharing at least lineNames rare names,
// the people and places an ongoing story keeps coming back to. Both come
// strongest first. With only (the new articles joining a stored grouping,
// stories_join.go), only the pairs of at least one of those are scored,
// found from their side: the same pairs a full pass finds, since a pair is
// a candidate when either's query terms meet the other's indexed ones.
func candidateEdges(ctx context.Context, as []*corpus.Article, dates []when, fps []fingerprint, names *termLists, rare []bool, q *queryTable, nterms int, opt StoryOptions, only []bool) (events, lines []edge) {
	index := newPostings(q, nterms)
	// byQuery: the other side of the new articles' pairs with articles
	// that do not look for theirs (their query terms among its indexed).
	var byQuery *postings
	if only != nil {
		byQuery = postingsOf(len(as), nterms, func(j int) []uint32 {
			if only[j] {
				return nil
			}
			return q.queryOf(j)
		})
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	maxGap := time.Duration(opt.MaxDays) * 24 * time.Hour
	out := make([][]edge, workers)
	outLines := make([][]edge, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			count := make([]uint8, len(as))
			var rev []uint8 // with byQuery: how many of i's indexed terms j queries
			if byQuery != nil {
				rev = make([]uint8, len(as))
			}
			var touched []int32
			for i := w; i < len(as); i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				if only != nil && !only[i] {
					continue
				}
				for _, t := range q.queryOf(i) {
					for _, j := range index.of(t) {
						if int(j) == i {
							continue
						}
						if count[j] == 0 {
							touched = append(touched, j)
						}
						count[j]++ // at most queryTerms
					}
				}
				if byQuery != nil {
					for _, t := range q.indexOf(i) {
						for _, j := range byQuery.of(t) {
							if count[j] == 0 && rev[j] == 0 {
								touched = append(touched, j)
							}
							rev[j]++ // at most indexTerms
						}
					}
				}
				fi := fps[i]
				for _, j := range touched {
					// Each pair once: from the smaller index, or from the
					// larger when the smaller does not find it.
					once := int(j) > i || countCommon(q.queryOf(int(j)), q.indexOf(i)) < minSharedIndexTerms ||
						only != nil && !only[j] // j does not look for its pairs
					if once && (count[j] >= minSharedIndexTerms || rev != nil && rev[j] >= minSharedIndexTerms) {
						raw := fi.cosine(fps[j])
						a, b := int32(min(i, int(j))), int32(max(i, int(j)))
						if withinDays(dates[i], dates[j], maxGap) {
							s := raw * timeFactor(dates[i], dates[j], maxGap)
							need := minSharedNames
							if s >= strongLink {
								need = 1
							}
							if s >= opt.Threshold && countCommon(names.of(i), names.of(int(j))) >= need {
								out[w] = append(out[w], edge{a, b, float32(s)})
							}
						}
						if raw >= lineThreshold && sharesNames(names.of(i), names.of(int(j)), rare) {
							outLines[w] = append(outLines[w], edge{a, b, float32(raw)})
						}
					}
					count[j] = 0
					if rev != nil {
						rev[j] = 0
					}
				}
				touched = touched[:0]
			}
		}(w)
	}
	wg.Wait()
	return flattenEdges(out), flattenEdges(outLines)
}

// flattenEdges joins the workers' edges, strongest first.
func flattenEdges(out [][]edge) []edge {
	n := 0
	for _, e := range out {
		n += len(e)
	}
	all := make([]edge, 0, n)
	for _, e := range out {
		all = append(all, e...)
	}
	slices.SortFunc(all, func(x, y edge) int {
		return cmp.Or(cmp.Compare(y.sim, x.sim), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	return all
}

// sharesNames: two articles share at least lineNames rare names, and at
// least lineNameShare of the rarer-named one's rare names (a long article
// names many people in passing; what counts is whether the two are about
// the same ones).
func sharesNames(a, b []uint32, rare []bool) bool {
	n := countRare(a, b, rare)
	if n < lineNames {
		return false
	}
	na, nb := 0, 0
	for _, t := range a {
		if rare[t] {
			na++
		}
	}
	for _, t := range b {
		if rare[t] {
			nb++
		}
	}
	return float64(n) >= lineNameShare*float64(min(na, nb))
}

// countRare counts the values two sorted slices share that are rare.
func countRare(a, b []uint32, rare []bool) int {
	return countShared(a, b, func(v uint32) bool { return rare[v] })
}

// timeFactor weighs the similarity of two articles by their distance in
// time: 1 within one news cycle, then falling linearly to 0 at the window's
// end; 1 when either date is unknown or not trusted.
func timeFactor(a, b when, window time.Duration) float64 {
	d, ok := a.gap(b)
	if !ok || d <= sameNewsCycle || window <= sameNewsCycle {
		return 1
	}
	return max(0, 1-float64(d-sameNewsCycle)/float64(window-sameNewsCycle))
}

func withinDays(a, b when, gap time.Duration) bool {
	d, ok := a.gap(b)
	return !ok || d <= gap
}

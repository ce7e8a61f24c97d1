package search

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// exhaustive is the oracle for Index.run: it checks every document against
// every clause and scores every match, the straightforward way, with the
// same BM25 terms added in query order.
func (ix *Index) exhaustive(cq *compiled, limit int) ([]scored, int) {
	n := ix.ndocs()
	N := float64(n)
	idf := func(df int) float32 { return float32(math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5))) }
	avgB := float32(ix.bodyTokens) / float32(n)
	avgT := float32(ix.titleTokens) / float32(n)
	kb, kbl := float32(k1*(1-bm25b)), float32(k1*bm25b)/max(avgB, 1)
	kt1, ktl := 1+float32(k1*(1-bm25b)), float32(k1*bm25b)/max(avgT, 1)
	find := func(docs []uint32, d uint32) int {
		if j, ok := slices.BinarySearch(docs, d); ok {
			return j
		}
		return -1
	}
	// has reports whether document d contains a word of a clause.
	has := func(c *cclause, m *wordMatch, d uint32) bool {
		for _, id := range m.ids {
			t := ix.term(id)
			if !c.Title && find(t.docs, d) >= 0 || find(t.tdocs, d) >= 0 {
				return true
			}
		}
		return false
	}
	sc := &scratch{}
	var all []scored
	for d := uint32(0); int(d) < n; d++ {
		ok := true
		for ci := range cq.clauses {
			c := &cq.clauses[ci]
			for wi := range c.words {
				ok = ok && has(c, &c.words[wi], d)
			}
			if ok && len(c.words) > 1 {
				ok = ix.hasPhrase(d, c, sc)
			}
		}
		for ci := range cq.excludes {
			c := &cq.excludes[ci]
			if len(c.words) == 1 && has(c, &c.words[0], d) || len(c.words) > 1 && ix.hasPhrase(d, c, sc) {
				ok = false
			}
		}
		if len(cq.q.Outlets) > 0 {
			o := ix.outlets[ix.outlet[d]]
			ok = ok && slices.ContainsFunc(cq.q.Outlets, func(p string) bool { return strings.HasPrefix(o, p) })
		}
		if !ok {
			continue
		}
		var s float32
		for ci := range cq.clauses {
			c := &cq.clauses[ci]
			for wi := range c.words {
				m := &c.words[wi]
				// The word being typed scores its best completion.
				var best float32
				add := func(v float32) {
					if m.prefix != "" {
						best = max(best, v)
					} else {
						s += v
					}
				}
				for i, id := range m.ids {
					t := ix.term(id)
					if j := find(t.docs, d); !c.Title && j >= 0 {
						tf := float32(t.tfs[j])
						add(m.weights[i] * idf(len(t.docs)) * (k1 + 1) * tf / (tf + kb + kbl*float32(ix.blen[d])))
					}
					if find(t.tdocs, d) >= 0 {
						add(m.weights[i] * titleBoost * idf(len(t.tdocs)) * (k1 + 1) / (kt1 + ktl*float32(ix.tlen[d])))
					}
				}
				if m.prefix != "" {
					s += best
				}
			}
		}
		all = append(all, scored{d, s})
	}
	slices.SortFunc(all, func(a, b scored) int {
		if ix.better(a, b) {
			return -1
		}
		return 1
	})
	if limit >= 0 && len(all) > limit {
		return all[:limit], len(all)
	}
	return all, len(all)
}

// oracleQueries draws queries the way a reader types them, over the whole
// query language.
func oracleQueries(as []*corpus.Article, count int, seed uint64) []string {
	r := rand.New(rand.NewPCG(seed, 3))
	words := func() []string {
		for {
			a := as[r.IntN(len(as))]
			toks := lang.Tokens(a.Blocks[r.IntN(len(a.Blocks))].Text)
			if len(toks) < 5 {
				continue
			}
			k := 1 + r.IntN(3)
			i := r.IntN(len(toks) - k)
			var ws []string
			for _, t := range toks[i : i+k] {
				ws = append(ws, t.Text)
			}
			return ws
		}
	}
	prefix := func(w string) string {
		rs := []rune(w)
		return string(rs[:min(len(rs), 1+r.IntN(4))])
	}
	var qs []string
	for len(qs) < count {
		ws := words()
		var q string
		switch r.IntN(9) {
		case 0, 1: // typing
			ws[len(ws)-1] = prefix(ws[len(ws)-1])
			q = strings.Join(ws, " ")
		case 2: // plain
			q = strings.Join(ws, " ")
		case 3: // a phrase, then a word being typed
			q = `"` + strings.Join(ws, " ") + `" ` + prefix(words()[0])
		case 4: // exclusions
			q = strings.Join(ws, " ") + " -" + words()[0] + ` -"` + strings.Join(words(), " ") + `"`
		case 5: // outlet
			o := as[r.IntN(len(as))].Outlet
			q = "outlet:" + o[:1+r.IntN(len(o))] + " " + prefix(ws[0])
		case 6: // title
			a := as[r.IntN(len(as))]
			tw := lang.Tokens(a.Title)
			if len(tw) == 0 {
				continue
			}
			q = "title:" + prefix(tw[r.IntN(len(tw))].Text) + " " + strings.Join(ws, " ")
		case 7: // exclusion only, or a misspelling
			if r.IntN(2) == 0 {
				q = "-" + ws[0]
			} else {
				q = ws[0] + "x " + prefix(words()[0])
			}
		case 8: // the same word twice, and a prefix of it
			q = ws[0] + " " + prefix(ws[0])
		}
		qs = append(qs, q)
	}
	return qs
}

func checkOracle(t *testing.T, ix *Index, qs []string, limits []int) {
	t.Helper()
	for qi, q := range qs {
		pq, err := ParseQuery(q, true)
		if err != nil || pq.Empty() {
			continue
		}
		limit := limits[qi%len(limits)]
		ix.mu.RLock()
		cq := ix.compile(pq)
		got, total, err := ix.run(context.Background(), cq, limit)
		want, wantTotal := ix.exhaustive(cq, limit)
		ix.mu.RUnlock()
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if total != wantTotal || !slices.Equal(got, want) {
			t.Fatalf("%q (limit %d): got total %d %v\nwant total %d %v", q, limit, total, got, wantTotal, want)
		}
	}
}

// TestOracle checks the optimised search (cached sets, MaxScore pruning)
// against the exhaustive scorer: the same number of matches and the same
// top results in the same order with the same scores, over generated
// queries of every kind, on an index searched while it grows (so that
// cached sets are extended), with duplicated articles (tied scores).
func TestOracle(t *testing.T) {
	n := 1500
	if testing.Short() {
		n = 600
	}
	as := gen.Articles(n, 7)
	// Duplicates score the same: their order comes from dates, then
	// index order.
	for i := 0; i < 40; i++ {
		c := *as[i*7]
		if i%2 == 0 {
			c.Published = c.Published.Add(time.Duration(i) * time.Hour)
		}
		as = append(as, &c)
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
	ix := New()
	qs := oracleQueries(as, 600, 1)
	limits := []int{20, 20, 5, 1, 50, -1}
	for i := 0; i < len(as); {
		step := len(as)/3 + 1
		ix.Add(as[i:min(i+step, len(as))])
		i += step
		checkOracle(t, ix, qs[:200], limits)
	}
	checkOracle(t, ix, qs, limits)
	for c := 'a'; c <= 'z'; c++ {
		checkOracle(t, ix, []string{string(c), "the " + string(c), string(c) + " -the"}, limits)
	}
}

func TestOracleSeedsAndFixture(t *testing.T) {
	seeds := loadSeeds(t)
	fix := fixture()
	var qs []string
	for _, w := range []string{"Umerov", "Umer", "U", "Witkoff", "tough but", `"tough but constructive"`, "title:kremlin", "-Umerov", "outlet:kyiv", "Zelensky", "Kiyv", "talks", "ta", "t", "the", "th", "harbour", `-"after a long" harbour`, "北京", "путин"} {
		qs = append(qs, w, w+" the", "-the "+w, w+" outlet:e")
	}
	checkOracle(t, seeds, qs, []int{20, 1, 2, -1})
	checkOracle(t, fix, qs, []int{20, 1, 2, -1})
}

// TestConcurrentCachedSets: searches that share and extend the cached
// sets of common terms, and the spelling index, while batches are added
// (run with -race); every search agrees with the exhaustive scorer on the
// articles it saw.
func TestConcurrentCachedSets(t *testing.T) {
	as := gen.Articles(400, 3)
	qs := []string{"the", "th", "t", "said the", "a", "co", "-the in", "tje", "presidnet", "title:th"}
	ix := New()
	ix.Add(as[:100])
	done := make(chan bool)
	errs := make(chan string, 4)
	for g := 0; g < 3; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 60; k++ {
				q := qs[(k+g)%len(qs)]
				pq, _ := ParseQuery(q, true)
				ix.mu.RLock()
				cq := ix.compile(pq)
				got, total, _ := ix.run(context.Background(), cq, 10)
				want, wantTotal := ix.exhaustive(cq, 10)
				ix.mu.RUnlock()
				if total != wantTotal || !slices.Equal(got, want) {
					errs <- q
					return
				}
			}
		}()
	}
	for i := 100; i < len(as); i += 50 {
		ix.Add(as[i : i+50])
	}
	for g := 0; g < 3; g++ {
		<-done
	}
	close(errs)
	for q := range errs {
		t.Errorf("%q: differs from the exhaustive scorer", q)
	}
}

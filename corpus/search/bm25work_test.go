package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// Tests of the work a search does: what MaxScore's bounds and pruning leave
// to score, which sets it caches, how often it polls its context; exact
// results cannot show these (see MUTATION.md, round 27). The file sorts
// before the slow oracle and layer tests, so that a mutation run stops at
// these fast ones.

// runScored runs query q (typing: its last word a prefix) and returns the
// hits' IDs and how many documents were scored exactly.
func runScored(t *testing.T, ix *Index, ctx context.Context, q string, typing bool, limit int) ([]string, int, error) {
	t.Helper()
	pq, err := ParseQuery(q, typing)
	if err != nil {
		t.Fatal(err)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	sc := &scratch{}
	top, _, err := ix.runWith(ctx, ix.compile(pq), limit, sc)
	var got []string
	for _, s := range top {
		_, id := ix.rankKey(s.doc)
		got = append(got, id)
	}
	return got, sc.scored, err
}

// zebraCorpus: two articles titled about a zebra, which tie on the title
// (two tokens each), the second with the better body ("Zebra zebra.", a
// shorter body with the word twice), then filler articles that mention a
// zebra in passing in longer bodies, with other titles.
func zebraCorpus(filler int) *Index {
	as := []*corpus.Article{
		art("other", "a.example", "Zebra sighting", "A zebra was seen near the old quarry on Sunday."),
		art("top", "b.example", "Zebra crossing", "Zebra zebra."),
	}
	for i := range filler {
		as = append(as, art(fmt.Sprint("f", i), "c.example", "Road news",
			"Traffic was slow near the zebra crossing on the main road through the town today."))
	}
	for i := range 5 {
		as = append(as, art(fmt.Sprint("n", i), "d.example", "Weather", "Rain fell across the north."))
	}
	ix := New()
	ix.Add(as)
	return ix
}

// TestPruningLeavesTheBestToScore: with the best result asked for, the
// title list (the largest bound) fills the heap with one of the two title
// matches (a tie); the body list can add little, so only those two are
// looked up in it, and only the one whose body lifts it above the other is
// scored exactly. Each corpus makes the body list's lookup take another
// way: a scan of the list (20 postings), a galloping search (40), the
// cached set of a common term (72).
func TestPruningLeavesTheBestToScore(t *testing.T) {
	for _, filler := range []int{18, 38, 70} {
		ix := zebraCorpus(filler)
		ctx := context.Background()
		got, scored, err := runScored(t, ix, ctx, "zebra", false, 1)
		if err != nil || !slices.Equal(got, []string{"top"}) || scored != 1 {
			t.Errorf("filler %d, limit 1: %v, %d scored (%v); want [top], 1", filler, got, scored, err)
		}
		got, scored, err = runScored(t, ix, ctx, "zebra", false, 2)
		if err != nil || !slices.Equal(got, []string{"top", "other"}) || scored != 2 {
			t.Errorf("filler %d, limit 2: %v, %d scored (%v); want [top other], 2", filler, got, scored, err)
		}
		// Every match when all are asked for.
		got, scored, err = runScored(t, ix, ctx, "zebra", false, -1)
		if err != nil || len(got) != filler+2 || got[0] != "top" || scored != filler+2 {
			t.Errorf("filler %d, every match: %d hits, %d scored (%v)", filler, len(got), scored, err)
		}
	}
}

// TestCommonTermSetsCached: a search keeps the sets of the common lists it
// read, a term's body and title postings apart.
func TestCommonTermSetsCached(t *testing.T) {
	var as []*corpus.Article
	for i := range 80 {
		title := "Zebra news"
		if i%10 == 0 {
			title = "Road news" // 72 titles with the word, 80 bodies
		}
		as = append(as, art(fmt.Sprint("z", i), "a.example", title, strings.Repeat("A zebra crossed. ", 1+i%3)))
	}
	ix := New()
	ix.Add(as)
	if _, err := ix.Search(context.Background(), "zebra", Options{Limit: 3}); err != nil {
		t.Fatal(err)
	}
	id := ix.lookup("zebra")
	tm := ix.term(id)
	if len(tm.docs) != 80 || len(tm.tdocs) != 72 {
		t.Fatalf("zebra in %d bodies and %d titles, want 80 and 72", len(tm.docs), len(tm.tdocs))
	}
	for _, c := range []struct {
		title bool
		n     int
	}{{false, 80}, {true, 72}} {
		key := uint64(id) << 1
		if c.title {
			key |= 1
		}
		if e := ix.cache.sets.m[key]; e == nil || e.n != c.n || e.set.count() != c.n {
			t.Errorf("title %v: cached set %+v, want %d postings", c.title, e, c.n)
		}
	}
}

// pollCounter counts how often a search asks whether it was cancelled; it
// says so from the ask numbered cancelAt on (0: never).
type pollCounter struct {
	context.Context
	asked, cancelAt int
}

func (c *pollCounter) Err() error {
	c.asked++
	if c.cancelAt > 0 && c.asked >= c.cancelAt {
		return context.Canceled
	}
	return nil
}

// TestSearchPollsItsContextSparingly: a search asks its context every
// fourth word it matches, every 1,024 documents the phrase filter checks,
// and every eighth list it scores, so that a stale search ends soon
// without the asking costing more than the work; a context cancelled
// before a search that polls ends it with context.Canceled.
func TestSearchPollsItsContextSparingly(t *testing.T) {
	var as []*corpus.Article
	for i := range 2100 {
		// Words of t: the typed "t" stands for 21 terms, each a body and
		// a title list or two.
		w := fmt.Sprintf("t%c%c", 'a'+i%3, 'a'+i%7)
		as = append(as, art(fmt.Sprint("p", i), "a.example", "Harbour "+w,
			fmt.Sprintf("The harbour strike %s ended quietly on day %c after talks.", w, 'a'+i%26)))
	}
	ix := New()
	ix.Add(as)
	lists := func(q string, typing bool) (nlists, nwords int) {
		pq, _ := ParseQuery(q, typing)
		ix.mu.RLock()
		defer ix.mu.RUnlock()
		l, w, _ := ix.plan(ix.compile(pq))
		return len(l), len(w)
	}
	for _, c := range []struct {
		q      string
		typing bool
		limit  int
		docs   int // documents the phrase filter checks
	}{
		{"t", true, -1, 0},   // every match
		{"t", true, 1, 0},    // MaxScore, stopping early
		{"t", true, 5000, 0}, // MaxScore that cannot prune
		{"the harbour strike ended quietly", false, 3, 0},
		{`"harbour strike"`, false, 3, 2100},
		{"harbour -zebra", false, 3, 0}, // a one-word exclusion is no phrase to check
	} {
		nl, nw := lists(c.q, c.typing)
		want := nw/4 + c.docs/1024 + nl/8
		if nl < 16 && c.typing {
			t.Fatalf("%q: %d lists, want 16 or more", c.q, nl)
		}
		// A poll may ask twice (the test and its answer), as may a
		// mutation tool's rewritten condition; asking at every word, list
		// or document is far more.
		pc := &pollCounter{Context: context.Background()}
		if _, _, err := runScored(t, ix, pc, c.q, c.typing, c.limit); err != nil || pc.asked < want || pc.asked > 2*want {
			t.Errorf("%q limit %d: asked %d times (%v), want %d polls (%d words, %d lists)", c.q, c.limit, pc.asked, err, want, nw, nl)
		}
		if want == 0 {
			continue // too little work to poll: it ends soon anyway
		}
		pc = &pollCounter{Context: context.Background(), cancelAt: 1}
		if _, _, err := runScored(t, ix, pc, c.q, c.typing, c.limit); !errors.Is(err, context.Canceled) {
			t.Errorf("%q limit %d, cancelled: %v, want context.Canceled", c.q, c.limit, err)
		}
	}
}

// TestListBounds: MaxScore's bound of a list is never below what it adds
// to any of its documents, and a title list's (a title counts its term
// once) is exact: the score of its shortest title.
func TestListBounds(t *testing.T) {
	for name, ix := range map[string]*Index{"bm25": bm25Corpus(), "ranking": rankingCorpus(), "zebra": zebraCorpus(18)} {
		for _, q := range []string{"harbour", "strike", "harbour strike", "ceasefire", "the", "zebra", "news", "t", "s"} {
			pq, _ := ParseQuery(q, true)
			ix.mu.RLock()
			lists, _, p := ix.plan(ix.compile(pq))
			for i := range lists {
				l := &lists[i]
				var most float32
				for j, d := range l.docs {
					most = max(most, p.score(l, j, d))
				}
				if most > l.ub || l.tfs == nil && most != l.ub {
					t.Errorf("%s %q: list %d (title %v): bound %g, largest score %g", name, q, i, l.tfs == nil, l.ub, most)
				}
			}
			ix.mu.RUnlock()
		}
	}
}

package compare

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// cancellingSource gives each article a short report and cancels the
// grouping's context at the first load, counting the loads.
type cancellingSource struct {
	cancel context.CancelFunc
	loads  atomic.Int32
}

func (s *cancellingSource) LoadText(a *corpus.Article) error {
	if s.loads.Add(1) == 1 {
		s.cancel()
	}
	a.Blocks = []corpus.Block{{Kind: corpus.Paragraph, Text: "Officials in " + a.ID + " said the bridge would reopen on Monday."}}
	return nil
}

// A grouping superseded while it reads the articles' texts stops reading
// them within checkEvery articles a worker, and answers ctx's error.
func TestStoriesCancelledWhileReadingTexts(t *testing.T) {
	for _, workers := range []int{1, 2} {
		ctx, cancel := context.WithCancel(context.Background())
		src := &cancellingSource{cancel: cancel}
		var as []*corpus.Article
		for i := range 4 * checkEvery * workers {
			a := &corpus.Article{ID: fmt.Sprintf("town%04d", i), Title: "Bridge to reopen"}
			a.DeferText(src, "")
			as = append(as, a)
		}
		st, err := GroupStoriesContext(ctx, as, StoryOptions{Workers: workers})
		if !errors.Is(err, context.Canceled) || st != nil {
			t.Fatalf("%d workers: %v, %v", workers, st, err)
		}
		if n := int(src.loads.Load()); n > checkEvery*workers {
			t.Errorf("%d workers: %d texts read after the grouping was cancelled at the first", workers, n)
		}
	}
}

// parallel calls f once for each index, and after ctx is done, at most
// until the worker's next look at it (every checkEvery of its indices).
func TestStoriesParallelStops(t *testing.T) {
	var calls [3 * checkEvery]atomic.Int32
	parallel(context.Background(), len(calls), 2, func(i int) { calls[i].Add(1) })
	for i := range calls {
		if n := calls[i].Load(); n != 1 {
			t.Fatalf("f(%d) called %d times", i, n)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	var even atomic.Int32
	parallel(ctx, 3*checkEvery, 2, func(i int) {
		if i%2 == 0 { // worker 0's: it looked at ctx before f(0), next at f(2*checkEvery)
			even.Add(1)
			cancel()
		}
	})
	if n := even.Load(); n > checkEvery {
		t.Errorf("worker 0 went on for %d calls after ctx was done", n)
	}
}

// Scoring candidate pairs with a done context scores none; with a live
// one, the week's events are linked (each pair once, the smaller index
// first).
func TestStoriesCandidateEdgesCancelled(t *testing.T) {
	as := week()
	counts := countTerms(context.Background(), as, 1)
	nterms, rare := len(counts.hashes), rareTerms(counts.df, len(as))
	fps, q, names := makeFingerprints(context.Background(), counts, 1)
	opt := storyDefaults(StoryOptions{Workers: 1})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if ev, lines := candidateEdges(ctx, as, articleDates(as), fps, names, rare, q, nterms, opt, nil); len(ev)+len(lines) != 0 {
		t.Errorf("a done context scored %d pairs", len(ev)+len(lines))
	}
	ev, _ := candidateEdges(context.Background(), as, articleDates(as), fps, names, rare, q, nterms, opt, nil)
	var got []string
	for _, e := range ev {
		got = append(got, as[e.a].ID+" "+as[e.b].ID)
	}
	// No link across the ten days between the sinking and the charging,
	// nor between the sinking and the summit.
	want := "summit_politico summit_ft, inquiry_ap inquiry_kathimerini, ferry_wire ferry_bbc, ferry_bbc ferry_guardian, ferry_wire ferry_guardian"
	if strings.Join(got, ", ") != want {
		t.Errorf("event links, strongest first:\n%s\nwant\n%s", strings.Join(got, ", "), want)
	}
}

// Joining new articles scores, of all pairs, exactly those with a new
// article, as a full pass does: a pair is a candidate when either's query
// terms meet the other's indexed ones, so a new article's pair is found
// from the stored side too (byQuery).
func TestStoriesJoinPassFindsTheFullPassPairs(t *testing.T) {
	as, _ := generateCorpus(250, 9)
	counts := countTerms(context.Background(), as, 2)
	nterms, rare := len(counts.hashes), rareTerms(counts.df, len(as))
	fps, q, names := makeFingerprints(context.Background(), counts, 2)
	dates := articleDates(as)
	for _, workers := range []int{1, 2} {
		opt := storyDefaults(StoryOptions{Workers: workers})
		only := make([]bool, len(as))
		for i := range only {
			only[i] = i%7 == 3
		}
		ev, lines := candidateEdges(context.Background(), as, dates, fps, names, rare, q, nterms, opt, nil)
		jev, jlines := candidateEdges(context.Background(), as, dates, fps, names, rare, q, nterms, opt, only)
		touching := func(es []edge) []edge {
			var out []edge
			for _, e := range es {
				if only[e.a] || only[e.b] {
					out = append(out, e)
				}
			}
			return out
		}
		if got, want := fmt.Sprint(jev), fmt.Sprint(touching(ev)); got != want || len(jev) < 20 {
			t.Errorf("%d workers: join pass event links (%d)\n%s\nwant (%d)\n%s", workers, len(jev), got, len(touching(ev)), want)
		}
		if got, want := fmt.Sprint(jlines), fmt.Sprint(touching(lines)); got != want || len(jlines) < 20 {
			t.Errorf("%d workers: join pass line links (%d), want %d", workers, len(jlines), len(touching(lines)))
		}
	}
}

// Two articles are in one story line when they share at least two rare
// names and at least half the rare names of the one naming fewer: a
// roundup naming many people in passing is not about each of them. Names
// seen in one article only (not rare) count for nothing.
func TestStoriesLineNamesRule(t *testing.T) {
	rare := []bool{true, true, true, true, true, true, true, true, false, false} // terms 0..7 rare, 8 and 9 not
	for _, c := range []struct {
		a, b []uint32
		want bool
	}{
		{[]uint32{0, 1, 2, 8, 9}, []uint32{0, 1, 3, 4, 5, 6, 7}, true}, // 2 of the first's 3
		{[]uint32{0, 1, 3, 4, 5, 6, 7}, []uint32{0, 1, 2, 8, 9}, true}, // either way round
		{[]uint32{0, 1, 2, 3}, []uint32{0, 1, 4, 5, 6, 7}, true},       // 2 of 4: half
		{[]uint32{0, 1, 2, 3, 4}, []uint32{0, 1, 5, 6, 7}, false},      // 2 of 5
		{[]uint32{0, 1, 2, 3, 4}, []uint32{0, 1, 2, 5, 6, 7}, true},    // 3 of 5
		{[]uint32{0, 8, 9}, []uint32{0, 8, 9}, false},                  // one rare name
		{[]uint32{0, 1}, []uint32{0, 1}, true},
		{[]uint32{2, 8}, []uint32{3, 8}, false},
	} {
		if got := sharesNames(c.a, c.b, rare); got != c.want {
			t.Errorf("sharesNames(%v, %v) = %v", c.a, c.b, got)
		}
	}
}

// A name, for grouping, is a word written with a capital inside a
// sentence: after a word, a figure, a comma, a semicolon or a dash (with
// any spaces or tabs between), not at the start of the text, a sentence,
// a quotation or a bracket, nor after a colon; and not a word in lower
// case.
func TestStoriesCapitalisedInside(t *testing.T) {
	for _, c := range []struct {
		text, word string
		want       bool
	}{
		{"Mitsotakis flew to Lesbos.", "Mitsotakis", false},
		{"The prime minister flew to Lesbos.", "Lesbos", true},
		{"Rescued: 290. Missing 22, Alexiou said.", "Alexiou", true},
		{"In 2026 Greece mourned.", "Greece", true},
		{"The ship sank. Survivors were taken away.", "Survivors", false},
		{"He said: Survivors were taken away.", "Survivors", false},
		{"“Survivors were taken away,” he said.", "Survivors", false},
		{"The port (Mytilene) reopened.", "Mytilene", false},
		{"Divers reached it; Alexiou said so.", "Alexiou", true},
		{"Ships – Navy frigates – searched.", "Navy", true},
		{"Ships — Navy frigates — searched.", "Navy", true},
		{"Greek-Turkish talks", "Turkish", true},
		{"Ships\t\tNavy frigates", "Navy", true},
		{"Crete ferries and lesbos ferries", "lesbos", false},
		{"Ελλάδα και Λέσβος σήμερα", "Λέσβος", true},
	} {
		i := strings.Index(c.text, c.word)
		if got := capitalisedInside(c.text, i); got != c.want {
			t.Errorf("%q in %q: %v", c.word, c.text, got)
		}
	}
}

// Verbatim copies of the wire report make links of exactly equal
// strength; the links come out in one order whatever the number of
// workers (strongest first, then by article), so the grouping, which
// merges in that order, cannot depend on it.
func TestStoriesTiedLinksInOneOrder(t *testing.T) {
	as := week()
	for _, id := range []string{"copy_b", "copy_a"} {
		c := *as[0]
		c.ID, c.Outlet = id, "Syndicated "+id
		as = append(as, &c)
	}
	counts := countTerms(context.Background(), as, 1)
	nterms, rare := len(counts.hashes), rareTerms(counts.df, len(as))
	fps, q, names := makeFingerprints(context.Background(), counts, 1)
	var first string
	for workers := 1; workers <= 4; workers++ {
		opt := storyDefaults(StoryOptions{Workers: workers})
		ev, lines := candidateEdges(context.Background(), as, articleDates(as), fps, names, rare, q, nterms, opt, nil)
		ties := 0
		for _, es := range [][]edge{ev, lines} {
			for k := 1; k < len(es); k++ {
				x, y := es[k-1], es[k]
				if x.sim == y.sim {
					ties++
					if x.a > y.a || x.a == y.a && x.b >= y.b {
						t.Errorf("%d workers: tied links out of order: %v before %v", workers, x, y)
					}
				}
			}
		}
		if ties < 3 {
			t.Fatalf("fixture: %d tied links", ties)
		}
		got := fmt.Sprint(ev, lines)
		if workers == 1 {
			first = got
		} else if got != first {
			t.Errorf("%d workers link otherwise than one", workers)
		}
	}
}

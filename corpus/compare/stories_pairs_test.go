package compare

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// A pair of articles is a candidate when either one's query terms (its
// heaviest linking terms) meet at least minSharedIndexTerms of the other's
// indexed ones (the heaviest of those), and each candidate is scored once.
// The table below is of five articles, every pair alike enough and naming
// the same two people: a short new brief (0) whose two linking terms are
// both indexed; a long stored report (1) that has them among its query
// terms but indexes others, so only its side finds the pair; a stored
// report (2) whose query terms meet one of the brief's indexed terms, and
// one (3) that shares one indexed term with it each way (neither a
// candidate); and a second brief (4) that both sides find. Joining the
// brief to the stored four (stories_join.go: only the new article's pairs,
// found from its side and from the stored articles' query terms) gives
// exactly the full pass's pairs with it. The threshold is inclusive.
func TestStoriesCandidatePairsFromEitherSide(t *testing.T) {
	type terms struct{ query, index []uint32 }
	arts := []terms{
		{query: []uint32{10, 11}, index: []uint32{10, 11}},
		{query: []uint32{10, 11, 20, 21}, index: []uint32{20, 21}},
		{query: []uint32{10, 30, 31}, index: []uint32{30, 31}},
		{query: []uint32{10, 40}, index: []uint32{10, 40}},
		{query: []uint32{10, 11}, index: []uint32{10, 11}},
	}
	n, nterms := len(arts), 100
	q := &queryTable{query: make([]uint32, n*queryTerms), index: make([]uint32, n*indexTerms), nq: make([]uint8, n), ni: make([]uint8, n)}
	names := &termLists{off: make([]uint32, n+1)}
	fps := make([]fingerprint, n)
	as := make([]*corpus.Article, n)
	for i, a := range arts {
		copy(q.query[i*queryTerms:], a.query)
		copy(q.index[i*indexTerms:], a.index)
		q.nq[i], q.ni[i] = uint8(len(a.query)), uint8(len(a.index))
		names.terms = append(names.terms, 90, 91)
		names.off[i+1] = uint32(len(names.terms))
		fps[i] = fingerprint{{50, 0.75}, {uint32(60 + i), 0.5}} // any two: 0.5625
		as[i] = &corpus.Article{ID: fmt.Sprint(i)}
	}
	rare := make([]bool, nterms)
	rare[90], rare[91] = true, true
	dates := make([]when, n) // undated
	for _, workers := range []int{1, 2, 3} {
		opt := storyDefaults(StoryOptions{Workers: workers})
		ev, lines := candidateEdges(context.Background(), as, dates, fps, names, rare, q, nterms, opt, nil)
		want := "[{0 1 0.5625} {0 4 0.5625} {1 4 0.5625}]"
		if got := fmt.Sprint(ev); got != want {
			t.Errorf("%d workers: event links %s, want %s", workers, got, want)
		}
		if got := fmt.Sprint(lines); got != want {
			t.Errorf("%d workers: line links %s, want %s", workers, got, want)
		}
		only := []bool{true, false, false, false, false}
		ev, lines = candidateEdges(context.Background(), as, dates, fps, names, rare, q, nterms, opt, only)
		want = "[{0 1 0.5625} {0 4 0.5625}]"
		if got := fmt.Sprint(ev); got != want {
			t.Errorf("%d workers: joining the brief, event links %s, want %s", workers, got, want)
		}
		if got := fmt.Sprint(lines); got != want {
			t.Errorf("%d workers: joining the brief, line links %s, want %s", workers, got, want)
		}
	}
	// The threshold is the least similarity linked: at exactly the pairs'
	// similarity they are linked, just above it not (line links do not
	// depend on it).
	for _, c := range []struct {
		threshold float64
		want      string
	}{{0.5625, "[{0 1 0.5625} {0 4 0.5625} {1 4 0.5625}]"}, {0.5626, "[]"}} {
		ev, lines := candidateEdges(context.Background(), as, dates, fps, names, rare, q, nterms, StoryOptions{Threshold: c.threshold, MaxDays: 7, Workers: 1}, nil)
		if got := fmt.Sprint(ev); got != c.want {
			t.Errorf("threshold %v: event links %s, want %s", c.threshold, got, c.want)
		}
		if got := fmt.Sprint(lines); got != "[{0 1 0.5625} {0 4 0.5625} {1 4 0.5625}]" {
			t.Errorf("threshold %v: line links %s", c.threshold, got)
		}
	}
}

// Two groups merge when their articles are, on average, at least
// groupLinkage of the threshold alike, each article of a small group
// counted once: a report alike to two of a story's three reports (0.64)
// but not the third (0.16) averages 0.48 against a bar of 0.5 and stays
// out; one exactly at the bar against both of a story's two joins it.
func TestStoriesMergeAverageOverEachMember(t *testing.T) {
	const threshold = 0.625 // the bar: 0.5
	if threshold*groupLinkage != 0.5 {
		t.Fatalf("fixture: bar %v", threshold*groupLinkage)
	}
	fps := []fingerprint{
		{{50, 0.64}, {60, 0.8}}, {{50, 0.64}, {60, 0.8}}, {{50, 0.16}, {60, 0.8}}, // a story of three
		{{50, 1}},                                      // alike to two of them
		{{50, 0.5}, {60, 0.8}}, {{50, 0.5}, {60, 0.8}}, // a story of two
		{{50, 1}}, // 0.5 to each
	}
	edges := []edge{{0, 1, 0.9}, {4, 5, 0.89}, {0, 2, 0.74}, {0, 3, 0.64}, {4, 6, 0.5}}
	groups := mergeEdges(make([]when, len(fps)), fps, nil, edges, threshold, 7*24*time.Hour)
	if got, want := fmt.Sprint(groups), "[[0 1 2] [3] [4 5 6]]"; got != want {
		t.Errorf("groups %s, want %s", got, want)
	}
}

// Terms link articles (are query or indexed terms) when seen in at least
// two articles and at most 64 (under 3,200 articles; docs/50 beyond): in
// a season of 66 match reports, each with its own words, the words of
// "Relegation looms for the loser" in 64 of them link, those of "A win
// keeps them in the premiership" in 65 do not, and a report's own words
// never do.
func TestStoriesLinkingTermsAtMostSixtyFourArticles(t *testing.T) {
	var as []*corpus.Article
	for k := range 66 {
		own := fmt.Sprintf("%c%c", 'a'+k/26, 'a'+k%26)
		body := "The home side battled " + own + "grove rovers in the rain at " + own + "field."
		if k < 65 {
			body += " A win keeps them in the premiership."
		}
		if k < 64 {
			body += " Relegation looms for the loser."
		}
		as = append(as, newsItem(fmt.Sprintf("match%02d", k), "Sports Desk", "", "Match report "+own, body))
	}
	counts := countTerms(context.Background(), as, 1)
	termOf := func(w string) uint32 {
		i, ok := slices.BinarySearch(counts.hashes, storyTerm(w))
		if !ok {
			t.Fatalf("no term %q", w)
		}
		return uint32(i)
	}
	relegation, premiership := termOf("relegation"), termOf("premiership")
	if d := counts.df; d[relegation] != 64 || d[premiership] != 65 {
		t.Fatalf("fixture: relegation in %d articles, premiership in %d", d[relegation], d[premiership])
	}
	_, q, _ := makeFingerprints(context.Background(), counts, 1)
	linking := []uint32{relegation, termOf("looms"), termOf("loser")}
	slices.Sort(linking)
	for i := range as {
		want := "[]"
		if i < 64 {
			want = fmt.Sprint(linking)
		}
		if got := fmt.Sprint(q.queryOf(i)); got != want {
			t.Errorf("%s: query terms %s, want %s", as[i].ID, got, want)
		}
		if got := fmt.Sprint(q.indexOf(i)); got != want {
			t.Errorf("%s: indexed terms %s, want %s", as[i].ID, got, want)
		}
	}
}

// An article whose body is under thinBody (100) words is also read by its
// summary; one of 100 words is read by its title and body alone.
func TestStoriesSummaryReadForThinBodiesOnly(t *testing.T) {
	body := func(words int) string {
		var ws []string
		for k := range words {
			ws = append(ws, []string{"Crews", "cleared", "fallen", "trees", "from", "the", "coast", "road", "overnight."}[k%9])
		}
		return strings.Join(ws, " ")
	}
	thin := newsItem("thin", "Local Radio", "2026-03-14T08:00:00Z", "Storm damage", body(99))
	thin.Summary = "A hovercraft service replaces the ferry."
	full := newsItem("full", "Local Radio", "2026-03-14T09:00:00Z", "Storm damage", body(100))
	full.Summary = "A zeppelin tour was cancelled."
	if thin.Words != 99 || full.Words != 100 {
		t.Fatalf("fixture: %d and %d words", thin.Words, full.Words)
	}
	counts := countTerms(context.Background(), []*corpus.Article{thin, full}, 1)
	for w, want := range map[string]bool{"hovercraft": true, "zeppelin": false, "coast": true} {
		if _, got := slices.BinarySearch(counts.hashes, storyTerm(w)); got != want {
			t.Errorf("%q read: %v, want %v", w, got, want)
		}
	}
}

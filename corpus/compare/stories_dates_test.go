package compare

import (
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// Dates are weighed against the evidence: a timestamp one outlet gives
// three unrelated articles is its crawl time; a URL's date wins over a date
// field that disagrees with it; a date-only value is a whole day.
func TestArticleDates(t *testing.T) {
	crawl := time.Date(2017, 9, 30, 6, 12, 0, 0, time.UTC)
	at := func(outlet, url string, t time.Time) *corpus.Article {
		return &corpus.Article{Outlet: outlet, URL: url, Published: t}
	}
	dayOf := func(y int, m time.Month, d int) when {
		x := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix()
		return when{x, x + day, true}
	}
	as := []*corpus.Article{
		at("herald.example", "", crawl),
		at("herald.example", "", crawl.Add(20*time.Second)),
		at("herald.example", "", crawl),
		at("other.example", "", crawl),
		at("wire.example", "https://wire.example/2017/09/03/test", time.Date(2018, 9, 3, 4, 45, 0, 0, time.UTC)),
		at("wire.example", "https://wire.example/2017/09/03/test", time.Date(2017, 9, 3, 4, 45, 0, 0, time.UTC)),
		at("paper.example", "", time.Date(2017, 7, 4, 0, 0, 0, 0, time.UTC)),
		at("paper.example", "https://paper.example/2017/07/04/x.html", time.Time{}),
		at("paper.example", "https://paper.example/2017/02/31/x.html", time.Time{}),
		at("herald.example", "https://herald.example/2017/04/07/x", crawl),
	}
	want := []when{
		{}, {}, {}, // one outlet's crawl time
		{crawl.Unix(), crawl.Unix(), true}, // another outlet's article at that time
		dayOf(2017, 9, 3),                  // the URL's day over a date field a year off
		{time.Date(2017, 9, 3, 4, 45, 0, 0, time.UTC).Unix(), time.Date(2017, 9, 3, 4, 45, 0, 0, time.UTC).Unix(), true},
		dayOf(2017, 7, 4), // date only
		dayOf(2017, 7, 4), // undated, dated by its URL
		{},                // no such day
		dayOf(2017, 4, 7), // a crawl time, but the URL knows the day
	}
	got := articleDates(as)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("article %d (%s %s %v): %+v, want %+v", i, as[i].Outlet, as[i].URL, as[i].Published, got[i], want[i])
		}
	}
}

// Lines join events by similarity and shared names, never by time alone:
// two events on the same day about different things stay in two lines;
// two events months apart that share their people and words join one.
func TestMergeLines(t *testing.T) {
	fp := func(ws map[uint32]float32) fingerprint {
		var f fingerprint
		for term := uint32(0); term < 8; term++ {
			if w, ok := ws[term]; ok {
				f = append(f, termWeight{term, w})
			}
		}
		return f
	}
	fps := []fingerprint{
		fp(map[uint32]float32{1: 0.8, 2: 0.6}),  // event 0: missile launch, July
		fp(map[uint32]float32{1: 0.6, 2: 0.8}),  // event 0
		fp(map[uint32]float32{1: 0.7, 3: 0.71}), // event 1: nuclear test, September
		fp(map[uint32]float32{5: 1}),            // event 2: a football match, July
	}
	groups := [][]int32{{0, 1}, {2}, {3}}
	edges := []edge{{1, 2, float32(fps[1].cosine(fps[2]))}}
	lines := mergeLines(fps, groups, nil, edges)
	if len(lines) != 2 || len(lines[0]) != 2 || len(lines[1]) != 1 || lines[1][0] != 2 {
		t.Errorf("lines %v, want [[0 1] [2]]", lines)
	}
	// An edge whose groups are not on average alike does not join them.
	weak := []fingerprint{fps[0], fp(map[uint32]float32{1: 0.3, 6: 0.95}), fp(map[uint32]float32{6: 1})}
	lines = mergeLines(weak, [][]int32{{0}, {1}, {2}}, nil, []edge{{1, 2, 0.95}, {0, 1, 0.24}})
	if len(lines) != 2 {
		t.Errorf("chained lines %v, want the first apart", lines)
	}
}

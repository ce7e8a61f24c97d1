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

package compare

import (
	"strconv"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// when is what grouping believes about an article's date: a span of time
// (an instant, or a whole day when only the day is known), or nothing when
// the article is undated or its date is not to be trusted. Dates are
// evidence, not a gate: a date grouping does not believe neither splits
// nor joins stories.
type when struct {
	lo, hi int64 // Unix seconds, lo <= hi
	known  bool
}

const day = 24 * 60 * 60

// gap is the time between two spans (0 when they overlap); ok is false
// when either is unknown.
func (w when) gap(v when) (d time.Duration, ok bool) {
	if !w.known || !v.known {
		return 0, false
	}
	switch {
	case v.lo > w.hi:
		return time.Duration(v.lo-w.hi) * time.Second, true
	case w.lo > v.hi:
		return time.Duration(w.lo-v.hi) * time.Second, true
	}
	return 0, true
}

// crawlStampMin is how many articles of one outlet sharing one timestamp
// to the minute make it a crawl time: newsrooms do not publish three
// stories in the same minute, scrapers stamp every page they fetch in one
// run with the run's time.
const crawlStampMin = 3

// urlDate finds a date path in a URL: /2016/11/13/ (or at the end).
var urlDate = lazyre.New(`/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|-|$)`)

// articleDates weighs each article's date against the evidence: the date
// in its URL, and the outlet's other articles (a crawl time repeated
// across them is no publication date). A date-only value, or a URL's date,
// is a day, not an instant.
func articleDates(as []*corpus.Article) []when {
	type stamp struct {
		outlet string
		minute int64
	}
	shared := map[stamp]int{}
	for _, a := range as {
		if a.HasDate() && !dateOnly(a.Published) {
			shared[stamp{outletKey(a), a.Published.Unix() / 60}]++
		}
	}
	out := make([]when, len(as))
	for i, a := range as {
		var w when
		if a.HasDate() {
			t := a.Published.Unix()
			switch {
			case dateOnly(a.Published):
				w = when{t, t + day, true}
			case shared[stamp{outletKey(a), t / 60}] < crawlStampMin:
				w = when{t, t, true}
			}
		}
		if u, ok := dayOfURL(a.URL); ok {
			// The URL names the day the page was filed under; a date field
			// that disagrees with it by more than a day (time zones aside)
			// is wrong, or a crawl or update time.
			if _, agree := w.gap(u); !agree || outside(w, u, day) {
				w = u
			}
		}
		out[i] = w
	}
	return out
}

// outside reports whether w lies more than slack from u.
func outside(w, u when, slack int64) bool {
	d, _ := w.gap(u)
	return int64(d/time.Second) > slack
}

// dateOnly: a date given without a time of day parses to midnight.
func dateOnly(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

func outletKey(a *corpus.Article) string {
	if o := strings.ToLower(strings.TrimSpace(a.Outlet)); o != "" {
		return o
	}
	return a.Path
}

// dayOfURL reads the day a URL's path names, as a day span in UTC.
func dayOfURL(u string) (when, bool) {
	m := urlDate.FindStringSubmatch(u)
	if m == nil {
		return when{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2017/02/31
		return when{}, false
	}
	return when{t.Unix(), t.Unix() + day, true}, true
}

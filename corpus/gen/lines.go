package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// lineSpec is what the events of one story line share: their main actors,
// their place and their subject (a missile programme whose launches are a
// month apart; a court case from indictment to verdict).
type lineSpec struct {
	people []int
	city   int
	topic  int
}

// continueIn makes ev an event of the line: the line's actors lead it,
// in its place, about its subject. Each event keeps its own numbers,
// quotes and facts, so two events of one line say different things.
func (l *lineSpec) continueIn(ev *event) {
	if l == nil {
		return
	}
	copy(ev.people, l.people)
	ev.cities[0] = l.city
	ev.topic = l.topic
}

// Label says which event and which story line a generated article belongs to.
type Label struct {
	ID          string
	Event, Line int
	// TrueDate is the article's real publication time; Published may
	// differ (see Lines).
	TrueDate time.Time
}

// Lines generates about n articles in story lines: each line has 1 to 5
// events spread over up to three months, led by the same people in the
// same place, each event reported by 2 to 5 outlets within three days.
// Dates are noisy as scraped dates are: a few outlets stamp every article
// with the time they were crawled (one timestamp shared by unrelated
// articles), some give the day only, and some articles carry a date a year
// off while their URL (/YYYY/MM/DD/) has the right one. Every article has
// a URL; Labels are in the articles' order.
func Lines(n int, seed int64) ([]*corpus.Article, []Label) {
	p := &plan{w: newWorld(seed), seed: seed}
	r := rand.New(rand.NewPCG(uint64(seed), 3))
	start := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	span := int64(3 * 365 * 24 * time.Hour)
	type slotLine struct{ line, event int }
	var owner []slotLine
	for line := 0; len(p.slots) < n; line++ {
		l := &lineSpec{city: r.IntN(len(p.w.cities)), topic: r.IntN(len(p.w.topicNouns))}
		for len(l.people) < 2 {
			if x := r.IntN(len(p.w.people)); !containsInt(l.people, x) {
				l.people = append(l.people, x)
			}
		}
		date := start.Add(time.Duration(r.Int64N(span)))
		for k, events := 0, 1+r.IntN(5); k < events && len(p.slots) < n; k++ {
			size := min(2+r.IntN(4), n-len(p.slots))
			e := len(p.events)
			p.events = append(p.events, eventSpec{size: size, seed: r.Uint64(), date: date, line: l})
			for m := 0; m < size; m++ {
				p.slots = append(p.slots, slot{e, m})
				owner = append(owner, slotLine{line, e})
			}
			date = date.Add(time.Duration(4+r.IntN(30)) * 24 * time.Hour)
		}
	}
	order := r.Perm(len(p.slots))
	slots, owners := make([]slot, len(order)), make([]slotLine, len(order))
	for i, k := range order {
		slots[i], owners[i] = p.slots[k], owner[k]
	}
	p.slots = slots
	width := max(4, len(fmt.Sprint(len(p.slots)-1)))
	for i := range p.slots {
		p.ids = append(p.ids, fmt.Sprintf("%0*d_%016x", width, i, r.Uint64()))
	}
	out := make([]*corpus.Article, len(p.slots))
	parallel(len(out), func(i int) { out[i] = p.article(i).a })

	// Noisy dates, decided per outlet and per article in corpus order.
	crawlers := map[string]time.Time{} // outlet → its crawl stamp
	labels := make([]Label, len(out))
	for i, a := range out {
		truth := a.Published
		labels[i] = Label{ID: a.ID, Event: owners[i].event, Line: owners[i].line, TrueDate: truth}
		slug := strings.ToLower(strings.Join(strings.Fields(a.Title), "-"))
		a.URL = fmt.Sprintf("https://%s/%s/%s", a.Outlet, truth.Format("2006/01/02"), slug)
		if _, ok := crawlers[a.Outlet]; !ok {
			var stamp time.Time
			if r.Float64() < 0.15 {
				stamp = start.Add(time.Duration(r.Int64N(span))).Truncate(time.Minute)
			}
			crawlers[a.Outlet] = stamp
		}
		switch x := r.Float64(); {
		case !crawlers[a.Outlet].IsZero():
			a.Published = crawlers[a.Outlet]
		case x < 0.2:
			a.Published = time.Date(truth.Year(), truth.Month(), truth.Day(), 0, 0, 0, 0, time.UTC)
		case x < 0.25:
			a.Published = truth.AddDate(1, 0, 0)
		}
	}
	return out, labels
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

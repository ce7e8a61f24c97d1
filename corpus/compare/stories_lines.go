package compare

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// StoryLine is an ongoing story: the events, follow-ups and reactions that
// belong together across weeks or months (a missile programme's launches,
// a court case from indictment to verdict). Its events are joined by
// similarity and shared rare names, never by time alone.
type StoryLine struct {
	// ID is stable for the same corpus, derived from the smallest article
	// ID in the line ("l…"; an event's is "s…").
	ID string
	// Label is the label of the line's largest event (the earliest of
	// equals).
	Label    string
	Articles []*corpus.Article // by date, as in a story
	Outlets  []string
	Events   []*Story // by first date, undated last
}

// Lines joining events.
const (
	// lineThreshold: two articles of different events link their events
	// into one line when this similar (without any weight for time)...
	lineThreshold = 0.2
	// ...and when they share this many rare names (seen in 2..maxPosting
	// articles): an ongoing story keeps coming back to the same people
	// and places, and a shared topic alone is not a story.
	lineNames     = 2
	lineNameShare = 0.5
)

// rareTerms marks the terms that can link articles: seen in at least two
// and at most maxPosting of n articles (the same bound as the index).
func rareTerms(df []int32, n int) []bool {
	maxPosting := int32(max(64, n/50))
	out := make([]bool, len(df))
	for t, d := range df {
		out[t] = d >= 2 && d <= maxPosting
	}
	return out
}

// mergeLines joins events (groups of article indices) into lines along the
// line edges, strongest first, as long as the two lines' articles stay on
// average similar (average linkage over a sample, as for events), so that
// a chain of loosely related events does not snowball. It returns each
// line's events, as indices into groups. The events of the articles of
// each of initial (a stored grouping's lines, stories_join.go) are joined to
// begin with.
func mergeLines(fps []fingerprint, groups [][]int32, initial [][]int32, edges []edge) [][]int32 {
	eventOf := make([]int32, len(fps))
	for g, m := range groups {
		for _, i := range m {
			eventOf[i] = int32(g)
		}
	}
	uf := newUnionFind(len(groups))
	members := make([][]int32, len(groups)) // by root: articles, then events
	owned := make([]bool, len(groups))      // members[g] is ours to append to, not groups[g]
	events := make([][]int32, len(groups))
	for g := range groups {
		members[g] = groups[g]
		events[g] = []int32{int32(g)}
	}
	// join makes two lines (roots) one.
	join := func(ra, rb int) {
		uf.union(ra, rb)
		r := uf.find(ra)
		ma, mb := members[ra], members[rb]
		ea, eb := events[ra], events[rb]
		members[ra], members[rb], events[ra], events[rb] = nil, nil, nil, nil
		// In order, a then b (sample strides over it); a line joined
		// event by event grows in place, not copied at each join (the
		// copies were most of a join's memory at 100,000 articles).
		if !owned[ra] || cap(ma) < len(ma)+len(mb) {
			ma = append(make([]int32, 0, 2*(len(ma)+len(mb))), ma...)
		}
		members[r], owned[r] = append(ma, mb...), true
		events[r] = append(ea, eb...)
	}
	for _, l := range initial {
		for _, i := range l[1:] {
			ra, rb := uf.find(int(eventOf[l[0]])), uf.find(int(eventOf[i]))
			if ra == rb {
				continue
			}
			join(ra, rb)
		}
	}
	for _, e := range edges {
		ra, rb := uf.find(int(eventOf[e.a])), uf.find(int(eventOf[e.b]))
		if ra == rb {
			continue
		}
		var sum float64
		pairs := 0
		for _, x := range sample(members[ra]) {
			for _, y := range sample(members[rb]) {
				sum += fps[x].cosine(fps[y])
				pairs++
			}
		}
		if sum/float64(pairs) < lineThreshold*groupLinkage {
			continue
		}
		join(ra, rb)
	}
	var out [][]int32
	for g := range groups {
		if uf.find(g) == g {
			out = append(out, events[g])
		}
	}
	return out
}

// buildLines makes the story lines from the events of each line, and sets
// each event's date span from the dates grouping trusts.
func (s *Stories) buildLines(groups [][]int32, lines [][]int32, dates []when) {
	for _, g := range groups {
		setSpan(s.storyOf[g[0]], g, dates)
	}
	s.Lines = make([]*StoryLine, 0, len(lines))
	s.lineOf = make(map[*Story]*StoryLine, len(groups))
	for _, evs := range lines {
		events := make([]*Story, len(evs))
		for k, g := range evs {
			events[k] = s.storyOf[groups[g][0]]
		}
		l := makeLine(events)
		for _, st := range l.Events {
			s.lineOf[st] = l
		}
		s.Lines = append(s.Lines, l)
	}
	sortLines(s.Lines)
}

// setSpan sets a story's First and Last from the trusted dates of its
// articles (indices g).
func setSpan(st *Story, g []int32, dates []when) {
	st.First, st.Last = time.Time{}, time.Time{}
	for _, i := range g {
		if w := dates[i]; w.known {
			lo, hi := time.Unix(w.lo, 0).UTC(), time.Unix(w.hi, 0).UTC()
			if w.hi > w.lo {
				hi = hi.Add(-time.Second) // a day ends the second before the next
			}
			if st.First.IsZero() || lo.Before(st.First) {
				st.First = lo
			}
			if hi.After(st.Last) {
				st.Last = hi
			}
		}
	}
}

// makeLine makes the story line of these events: its articles by date,
// its outlets, its events by date, the label of its largest event and an
// ID from its smallest article ID.
func makeLine(events []*Story) *StoryLine {
	if len(events) == 1 {
		return singleLine(events)
	}
	return mergedLine(events)
}

// mergedLine is makeLine of any number of events: their articles and
// outlets merged and sorted.
func mergedLine(events []*Story) *StoryLine {
	l := &StoryLine{Events: events}
	var outlets []string
	minID := ""
	for _, st := range events {
		l.Articles = append(l.Articles, st.Articles...)
		outlets = append(outlets, st.Outlets...)
		for _, a := range st.Articles {
			if minID == "" || a.ID < minID {
				minID = a.ID
			}
		}
	}
	slices.Sort(outlets)
	l.Outlets = slices.Compact(outlets)
	if l.Outlets == nil {
		l.Outlets = []string{}
	}
	corpus.SortArticles(l.Articles)
	sort.SliceStable(l.Events, func(i, j int) bool { return eventBefore(l.Events[i], l.Events[j]) })
	largest := l.Events[0]
	for _, st := range l.Events[1:] {
		if len(st.Articles) > len(largest.Articles) {
			largest = st
		}
	}
	l.Label = largest.Label
	l.ID = groupID('l', minID)
	return l
}

// singleLine is makeLine of one event, most lines: a story's articles
// are in corpus.SortArticles order and its outlets sorted, each once
// (storyBuilder.build, finishStory), so the line's are its story's, not
// sorted again nor copied (a stored grouping read back makes a line per
// event; neither is ever changed in place: StoryLine.Story shares a
// line's likewise).
func singleLine(events []*Story) *StoryLine {
	minID := ""
	for _, a := range events[0].Articles {
		if minID == "" || a.ID < minID {
			minID = a.ID
		}
	}
	return singleLineNamed(events, groupID('l', minID))
}

// singleLineNamed is singleLine with its ID known: a line of one event is
// named as its event is, by the smallest article ID, so where the event's
// ID was just made from it (finishStory), the line's is that ID's hex.
func singleLineNamed(events []*Story, id string) *StoryLine {
	st := events[0]
	l := &StoryLine{Events: events, Articles: st.Articles, Outlets: st.Outlets, Label: st.Label, ID: id}
	if l.Outlets == nil {
		l.Outlets = []string{}
	}
	return l
}

// sortLines orders lines largest first, then by ID.
func sortLines(lines []*StoryLine) {
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if len(a.Articles) != len(b.Articles) {
			return len(a.Articles) > len(b.Articles)
		}
		return a.ID < b.ID
	})
}

// eventBefore orders events by their first trusted date, undated last,
// then by ID.
func eventBefore(a, b *Story) bool {
	switch {
	case a.First.IsZero() != b.First.IsZero():
		return b.First.IsZero()
	case !a.First.Equal(b.First):
		return a.First.Before(b.First)
	}
	return strings.Compare(a.ID, b.ID) < 0
}

// LineOf returns the story line an event belongs to, or nil.
func (s *Stories) LineOf(st *Story) *StoryLine { return s.lineOf[st] }

// LineByID returns the story line with this ID, or nil.
func (s *Stories) LineByID(id string) *StoryLine {
	for _, l := range s.Lines {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// Story returns the whole line as one story (its ID, label, articles and
// outlets), for what works on a story: coverage widened from an event to
// its line. Its Cohesion is not measured (0).
func (l *StoryLine) Story() *Story {
	st := &Story{ID: l.ID, Label: l.Label, Articles: l.Articles, Outlets: l.Outlets}
	for _, e := range l.Events {
		if !e.First.IsZero() && (st.First.IsZero() || e.First.Before(st.First)) {
			st.First = e.First
		}
		if e.Last.After(st.Last) {
			st.Last = e.Last
		}
	}
	return st
}

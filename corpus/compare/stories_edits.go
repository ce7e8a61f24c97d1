package compare

import (
	"maps"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// StoryEdit is the reader's say on one article's story, kept by article
// ID: it belongs in the story of another article (With), or in a story of
// its own (Alone). The reader's say wins over grouping, and outlives it:
// it is applied again to every new grouping.
type StoryEdit struct {
	With  string `json:"with,omitempty"`  // ID of an article whose story this one joins
	Alone bool   `json:"alone,omitempty"` // a story (and story line) of its own
}

// WithEdits returns the grouping with the reader's edits (by article ID)
// applied; s itself is left as it was. An edit naming an article that is
// not in the grouping is passed over (it applies again once the article is
// back). Joining follows chains (a joins b's story, b joins c's): a chain
// that comes back on itself ends in a story of its own. A story keeps its
// story line; an article split off starts a line of its own. Costs a pass
// over the articles; only the stories and lines the edits touch are
// rebuilt, the others are shared with s.
func (s *Stories) WithEdits(edits map[string]StoryEdit) *Stories {
	if s == nil || len(edits) == 0 {
		return s
	}
	index := make(map[string]int32, 2*len(edits))
	for i, a := range s.articles {
		if _, ok := edits[a.ID]; ok && s.at[a] == int32(i) {
			index[a.ID] = int32(i)
		}
	}
	for _, e := range edits {
		if e.With != "" {
			index[e.With] = -1
		}
	}
	for i, a := range s.articles {
		if j, ok := index[a.ID]; ok && j < 0 && s.at[a] == int32(i) {
			index[a.ID] = int32(i)
		}
	}
	// valid: the edit applies (its article and any article it joins are here).
	valid := func(i int32) (StoryEdit, bool) {
		e, ok := edits[s.articles[i].ID]
		if !ok {
			return e, false
		}
		if e.Alone {
			return e, true
		}
		j, ok := index[e.With]
		return e, ok && j >= 0 && j != i
	}
	// root is where article i ends up: an article the reader left where
	// grouping put it (alone false: in its story), or one that stands
	// alone (alone true: the story of its own).
	root := func(i int32) (r int32, alone bool) {
		seen := map[int32]bool{}
		for {
			e, ok := valid(i)
			switch {
			case !ok:
				return i, false
			case e.Alone:
				return i, true
			case seen[i]:
				// A cycle: its smallest article stands for it, whichever
				// article it was entered from.
				r := i
				for j := index[e.With]; j != i; j = index[edits[s.articles[j].ID].With] {
					r = min(r, j)
				}
				return r, true
			}
			seen[i] = true
			i = index[e.With]
		}
	}
	moved := map[int32]bool{}
	for id, i := range index {
		if _, ok := edits[id]; ok && i >= 0 {
			if _, ok := valid(i); ok {
				moved[i] = true
			}
		}
	}
	if len(moved) == 0 {
		return s
	}
	// What changes: the stories articles leave, those they join, and the
	// stories of their own; every other story and line is kept as it is.
	touched := map[*Story][]int32{} // story -> its articles that stay
	own := map[int32][]int32{}      // root -> articles standing alone with it
	joins := map[*Story][]int32{}
	pinned := make(map[*corpus.Article]bool, len(moved))
	for _, i := range sortedKeys(moved) {
		pinned[s.articles[i]] = true
		touched[s.storyOf[i]] = nil
		r, alone := root(i)
		if alone {
			own[r] = append(own[r], i)
		} else {
			st := s.storyOf[r]
			touched[st] = nil
			joins[st] = append(joins[st], i)
		}
	}
	for st := range touched {
		var g []int32
		for _, a := range st.Articles {
			if i := s.at[a]; !moved[i] {
				g = append(g, i)
			}
		}
		touched[st] = append(g, joins[st]...)
	}
	fps, dates := s.fingerprints(), s.storyDates()
	out := &Stories{articles: s.articles, at: s.at, fps: fps, nterms: s.nterms, dates: dates, pinned: pinned, damage: s.damage,
		storyOf: slices.Clone(s.storyOf), lineOf: maps.Clone(s.lineOf)}
	b := storyBuilder{as: s.articles, fps: fps, nterms: s.nterms}
	remade := map[*Story]*Story{} // old story -> new, nil when emptied
	place := func(g []int32) *Story {
		slices.Sort(g)
		st := b.build(g)
		setSpan(st, g, dates)
		for _, i := range g {
			out.storyOf[i] = st
		}
		return st
	}
	for _, old := range sortedStories(touched) {
		remade[old] = nil
		if g := touched[old]; len(g) > 0 {
			remade[old] = place(g)
		}
	}
	var fresh []*Story
	for _, r := range sortedKeys(boolKeys(own)) {
		fresh = append(fresh, place(own[r]))
	}
	// Stories: those kept, the remade, the new; lines likewise.
	for _, st := range s.List {
		if nst, ok := remade[st]; !ok {
			out.List = append(out.List, st)
		} else if nst != nil {
			out.List = append(out.List, nst)
		}
	}
	out.List = append(out.List, fresh...)
	sortStories(out.List)
	for _, l := range s.Lines {
		changed := false
		var events []*Story
		for _, e := range l.Events {
			nst, ok := remade[e]
			changed = changed || ok
			if !ok {
				nst = e
			}
			if nst != nil {
				events = append(events, nst)
			}
		}
		if !changed {
			out.Lines = append(out.Lines, l)
			continue
		}
		for _, e := range l.Events {
			delete(out.lineOf, e)
		}
		if len(events) > 0 {
			out.addLine(events)
		}
	}
	for _, st := range fresh {
		out.addLine([]*Story{st})
	}
	sortLines(out.Lines)
	return out
}

// addLine makes the line of events and records it.
func (s *Stories) addLine(events []*Story) { s.recordLine(makeLine(events)) }

// recordLine records a line made.
func (s *Stories) recordLine(l *StoryLine) {
	for _, e := range l.Events {
		s.lineOf[e] = l
	}
	s.Lines = append(s.Lines, l)
}

// sortedStories are the keys of m by ID, so that building is the same on
// every run.
func sortedStories[V any](m map[*Story]V) []*Story {
	out := make([]*Story, 0, len(m))
	for st := range m {
		out = append(out, st)
	}
	slices.SortFunc(out, func(a, b *Story) int { return strings.Compare(a.ID, b.ID) })
	return out
}

func boolKeys[V any](m map[int32]V) map[int32]bool {
	out := make(map[int32]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

func sortedKeys(m map[int32]bool) []int32 {
	out := make([]int32, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// Pinned reports whether the reader placed the article in its story (an
// edit applied by WithEdits). A nil grouping has none.
func (s *Stories) Pinned(a *corpus.Article) bool { return s != nil && s.pinned[a] }

// PinnedIDs are the IDs of those of as the reader placed in their story.
func (s *Stories) PinnedIDs(as []*corpus.Article) []string {
	if s == nil || len(s.pinned) == 0 {
		return nil
	}
	var out []string
	for _, a := range as {
		if s.pinned[a] {
			out = append(out, a.ID)
		}
	}
	return out
}

package compare

import (
	"slices"

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
// over the articles and their fingerprints, like building the stories.
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
	// The groups: every story less the articles moved, in its line.
	var groups [][]int32
	var lineOf []int // by group: index in s.Lines, -1 for a line of its own
	groupOf := make(map[*Story]int, len(s.List))
	for li, l := range s.Lines {
		for _, st := range l.Events {
			var g []int32
			for _, a := range st.Articles {
				if i := s.at[a]; !moved[i] {
					g = append(g, i)
				}
			}
			groupOf[st] = len(groups)
			groups = append(groups, g)
			lineOf = append(lineOf, li)
		}
	}
	own := map[int32]int{}
	pinned := make(map[*corpus.Article]bool, len(moved))
	for _, i := range sortedKeys(moved) {
		r, alone := root(i)
		g := groupOf[s.storyOf[r]]
		if alone {
			var ok bool
			if g, ok = own[r]; !ok {
				g = len(groups)
				own[r] = g
				groups = append(groups, nil)
				lineOf = append(lineOf, -1)
			}
		}
		groups[g] = append(groups[g], i)
		pinned[s.articles[i]] = true
	}
	// Drop emptied stories; lines as lists of the groups kept.
	lines := make([][]int32, len(s.Lines))
	kept := groups[:0]
	for g, m := range groups {
		if len(m) == 0 {
			continue
		}
		slices.Sort(m)
		k := int32(len(kept))
		kept = append(kept, m)
		if li := lineOf[g]; li >= 0 {
			lines[li] = append(lines[li], k)
		} else {
			lines = append(lines, []int32{k})
		}
	}
	lines = slices.DeleteFunc(lines, func(l []int32) bool { return len(l) == 0 })
	out := buildStories(s.articles, s.fps, kept, s.nterms)
	out.buildLines(kept, lines, s.dates)
	out.nterms, out.dates, out.pinned = s.nterms, s.dates, pinned
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

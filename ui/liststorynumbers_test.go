package ui

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// sortedByStoryKeys is the story order as a sort states it (what regroup
// did before it ordered in one pass): each item keyed by its group's first
// place (a line of several events, else a story of several articles, else
// its own), its story's first place, then its own place.
func sortedByStoryKeys(st *compare.Stories, items []*item) []*item {
	first := map[*compare.Story]int{}
	firstLine := map[*compare.StoryLine]int{}
	count := map[*compare.Story]int{}
	events := map[*compare.StoryLine]int{}
	for i, it := range items {
		if s := st.Of(it.a); s != nil {
			if _, ok := first[s]; !ok {
				first[s] = i
				if l := st.LineOf(s); l != nil {
					events[l]++
					if _, ok := firstLine[l]; !ok {
						firstLine[l] = i
					}
				}
			}
			count[s]++
		}
	}
	type keyed struct {
		k  [3]int
		it *item
	}
	keys := make([]keyed, len(items))
	for i, it := range items {
		k := [3]int{i, i, i}
		if s := st.Of(it.a); s != nil {
			if l := st.LineOf(s); l != nil && events[l] > 1 {
				k[0], k[1] = firstLine[l], first[s]
			} else if count[s] > 1 {
				k[0], k[1] = first[s], first[s]
			}
		}
		keys[i] = keyed{k, it}
	}
	slices.SortFunc(keys, func(x, y keyed) int { return slices.Compare(x.k[:], y.k[:]) })
	out := make([]*item, len(keys))
	for i, k := range keys {
		out[i] = k.it
	}
	return out
}

// TestStoryOrderAsSorted checks the one-pass story order against the sort
// on generated coverage (stories, lines of several events, articles
// alone), in each sort of the list and with parts of the list filtered out
// (stories with only some of their articles shown, events of a line
// missing).
func TestStoryOrderAsSorted(t *testing.T) {
	arts := gen.Articles(1500, 7)
	st := compare.GroupStories(arts, compare.StoryOptions{})
	if len(st.Lines) == 0 || len(st.List) == len(arts) {
		t.Fatalf("the fixture needs lines and stories of several articles: %d lines, %d stories of %d articles", len(st.Lines), len(st.List), len(arts))
	}
	all := make([]*item, len(arts))
	for i, a := range arts {
		all[i] = newItem(a)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	nested, grouped := 0, 0
	for _, keep := range []float64{1, 0.7, 0.3} {
		for mode := range sortModes {
			items := slices.DeleteFunc(slices.Clone(all), func(*item) bool { return rng.Float64() >= keep })
			sortItems(items, mode)
			want := sortedByStoryKeys(st, items)
			n := newStoryNumbers(st, items)
			got, of := n.order(slices.Clone(items))
			if !slices.Equal(got, want) {
				t.Fatalf("keep %.1f, sort by %s: the one-pass order differs from the sorted one", keep, mode)
			}
			for i, it := range got {
				s := st.Of(it.a)
				if of[i] < 0 != (s == nil) || of[i] >= 0 && st.List[of[i]] != s {
					t.Fatalf("keep %.1f, sort by %s: item %d's story number is wrong", keep, mode, i)
				}
				if of[i] >= 0 && n.nested(of[i]) {
					nested++
				} else if of[i] >= 0 && n.count[of[i]] > 1 {
					grouped++
				}
			}
		}
	}
	if nested == 0 || grouped == 0 {
		t.Fatalf("the fixture shows %d articles under lines and %d under stories: both are needed", nested, grouped)
	}
	t.Logf("%d articles under lines, %d under stories of their own", nested, grouped)
}

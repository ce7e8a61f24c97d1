package compare

import (
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

const (
	seedA = "000_b8494e57d3896bdc"
	seedB = "001_9e7bb833f3267a33"
	seedC = "002_4efbf8bebd05baf7"
)

// checkGrouping asserts what every grouping keeps: each article in exactly
// one story, no story empty, each story in exactly one line, a line's
// articles those of its events.
func checkGrouping(t *testing.T, s *Stories, as []*corpus.Article) {
	t.Helper()
	seen := map[*corpus.Article]int{}
	for _, st := range s.List {
		if len(st.Articles) == 0 {
			t.Errorf("empty story %s", st.ID)
		}
		for _, a := range st.Articles {
			seen[a]++
			if s.Of(a) != st {
				t.Errorf("%s listed in %s but Of says %v", a.ID, st.ID, s.Of(a))
			}
		}
		if s.LineOf(st) == nil {
			t.Errorf("story %s in no line", st.ID)
		}
	}
	for _, a := range as {
		if seen[a] != 1 {
			t.Errorf("%s is in %d stories", a.ID, seen[a])
		}
	}
	inLines := 0
	for _, l := range s.Lines {
		n := 0
		for _, e := range l.Events {
			n += len(e.Articles)
			if s.LineOf(e) != l {
				t.Errorf("event %s listed in line %s but LineOf says otherwise", e.ID, l.ID)
			}
		}
		if n != len(l.Articles) {
			t.Errorf("line %s: %d articles, its events have %d", l.ID, len(l.Articles), n)
		}
		inLines += len(l.Events)
	}
	if inLines != len(s.List) {
		t.Errorf("%d events in lines, %d stories", inLines, len(s.List))
	}
}

func byID(as []*corpus.Article, id string) *corpus.Article {
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func TestWithEdits(t *testing.T) {
	as := load(t, "../../seeds", "testdata/stories")
	auto := GroupStories(as, StoryOptions{})
	a, quake := byID(as, seedA), byID(as, "quake_a")
	if auto.Of(a) == auto.Of(quake) || len(auto.Of(a).Articles) != 5 {
		t.Fatal("fixture: the seeds are one story of five, the quake another")
	}
	for _, tc := range []struct {
		name  string
		edits map[string]StoryEdit
		check func(t *testing.T, s *Stories)
	}{
		{"move into another story", map[string]StoryEdit{seedA: {With: "quake_a"}}, func(t *testing.T, s *Stories) {
			if s.Of(a) != s.Of(quake) || len(s.Of(quake).Articles) != 3 {
				t.Errorf("the seed did not join the quake story: %v", s.Of(a).IDs())
			}
			if seeds := s.Of(byID(as, seedB)); len(seeds.Articles) != 4 || slices.Contains(seeds.Articles, a) {
				t.Errorf("the seeds story kept the article moved out: %v", seeds.IDs())
			}
			if !s.Pinned(a) || s.Pinned(quake) {
				t.Error("only the article moved is pinned by the reader")
			}
			if got := s.PinnedIDs(s.Of(quake).Articles); !slices.Equal(got, []string{seedA}) {
				t.Errorf("PinnedIDs = %v", got)
			}
		}},
		{"split into a story of its own", map[string]StoryEdit{seedA: {Alone: true}}, func(t *testing.T, s *Stories) {
			st := s.Of(a)
			if len(st.Articles) != 1 || len(s.LineOf(st).Events) != 1 || len(s.LineOf(st).Articles) != 1 {
				t.Errorf("split article: story %v, line of %d events", st.IDs(), len(s.LineOf(st).Events))
			}
			if st.Label != a.Title {
				t.Errorf("label %q, want the article's title", st.Label)
			}
		}},
		{"a story emptied is dropped", map[string]StoryEdit{"football": {With: seedA}}, func(t *testing.T, s *Stories) {
			if len(s.List) != len(auto.List)-1 || len(s.Of(a).Articles) != 6 {
				t.Errorf("%d stories (was %d), seeds story %d articles", len(s.List), len(auto.List), len(s.Of(a).Articles))
			}
		}},
		{"chains are followed", map[string]StoryEdit{"football": {With: "putin_india"}, "putin_india": {With: "quake_b"}}, func(t *testing.T, s *Stories) {
			if st := s.Of(quake); len(st.Articles) != 4 || s.Of(byID(as, "football")) != st {
				t.Errorf("chain: quake story %v", st.IDs())
			}
		}},
		{"a cycle is a story of its own", map[string]StoryEdit{seedA: {With: "quake_a"}, "quake_a": {With: seedA}}, func(t *testing.T, s *Stories) {
			if st := s.Of(a); len(st.Articles) != 2 || s.Of(quake) != st {
				t.Errorf("cycle: story %v, want the two alone together", st.IDs())
			}
		}},
		{"an edit naming an absent article waits", map[string]StoryEdit{seedA: {With: "gone"}, "gone": {Alone: true}}, func(t *testing.T, s *Stories) {
			if s != auto {
				t.Error("edits that apply to nothing changed the grouping")
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := auto.WithEdits(tc.edits)
			checkGrouping(t, s, as)
			tc.check(t, s)
			if len(auto.Of(a).Articles) != 5 || auto.Pinned(a) {
				t.Error("WithEdits changed the grouping it was given")
			}
		})
	}
}

// Edits are kept by article ID, so they apply to a new grouping of more
// articles just as they did to the old one.
func TestWithEditsOutlivesRegrouping(t *testing.T) {
	as := load(t, "../../seeds", "testdata/stories")
	edits := map[string]StoryEdit{seedC: {Alone: true}}
	before := GroupStories(as[:len(as)-1], StoryOptions{}).WithEdits(edits)
	after := GroupStories(as, StoryOptions{}).WithEdits(edits)
	for _, s := range []*Stories{before, after} {
		if st := s.Of(byID(as, seedC)); st == nil || len(st.Articles) != 1 || !s.Pinned(st.Articles[0]) {
			t.Errorf("the split article is not alone and pinned: %v", st)
		}
		if s.Of(byID(as, seedA)) == s.Of(byID(as, seedC)) {
			t.Error("the split article is back in the seeds story")
		}
	}
}

// The stories and lines WithEdits rebuilds are those building the whole
// grouping from its groups would make (IDs, labels, spans, cohesion, line
// membership), on a generated corpus with edits of every kind.
func TestWithEditsMatchesAFullRebuild(t *testing.T) {
	as := generated(3_000)
	auto := GroupStories(as, StoryOptions{})
	edits := map[string]StoryEdit{}
	for k := 0; k < 60; k++ {
		a, b := as[(k*97)%len(as)], as[(k*389+11)%len(as)]
		switch k % 3 {
		case 0:
			edits[a.ID] = StoryEdit{Alone: true}
		default:
			edits[a.ID] = StoryEdit{With: b.ID}
		}
	}
	s := auto.WithEdits(edits)
	checkGrouping(t, s, as)
	// The same groups and lines, built whole.
	index := map[*Story]int32{}
	var groups [][]int32
	for _, st := range s.List {
		var g []int32
		for _, a := range st.Articles {
			g = append(g, s.at[a])
		}
		slices.Sort(g)
		index[st] = int32(len(groups))
		groups = append(groups, g)
	}
	var lines [][]int32
	for _, l := range s.Lines {
		var evs []int32
		for _, e := range l.Events {
			evs = append(evs, index[e])
		}
		lines = append(lines, evs)
	}
	whole := buildStories(s.articles, s.fps, groups, s.nterms)
	whole.buildLines(groups, lines, s.dates)
	if len(whole.List) != len(s.List) || len(whole.Lines) != len(s.Lines) {
		t.Fatalf("%d stories, %d lines; whole: %d, %d", len(s.List), len(s.Lines), len(whole.List), len(whole.Lines))
	}
	for k, st := range s.List {
		w := whole.List[k]
		if st.ID != w.ID || st.Label != w.Label || !st.First.Equal(w.First) || !st.Last.Equal(w.Last) ||
			st.Cohesion != w.Cohesion || !slices.Equal(st.IDs(), w.IDs()) || !slices.Equal(st.Outlets, w.Outlets) {
			t.Fatalf("story %d: %+v\nwhole: %+v", k, st, w)
		}
	}
	for k, l := range s.Lines {
		w := whole.Lines[k]
		if l.ID != w.ID || l.Label != w.Label || len(l.Events) != len(w.Events) || !slices.Equal(articleIDsOf(l.Articles), articleIDsOf(w.Articles)) {
			t.Fatalf("line %d: %s %q (%d events)\nwhole: %s %q (%d events)", k, l.ID, l.Label, len(l.Events), w.ID, w.Label, len(w.Events))
		}
		for e := range l.Events {
			if l.Events[e].ID != w.Events[e].ID {
				t.Fatalf("line %s: event %d is %s, whole %s", l.ID, e, l.Events[e].ID, w.Events[e].ID)
			}
		}
	}
	if n := len(s.pinned); n == 0 || n > len(edits) {
		t.Errorf("%d articles pinned for %d edits", n, len(edits))
	}
}

func articleIDsOf(as []*corpus.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

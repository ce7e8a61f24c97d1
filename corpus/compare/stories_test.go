package compare

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

func storyOf(s *Stories, id string) *Story {
	for _, st := range s.List {
		for _, a := range st.Articles {
			if a.ID == id {
				return st
			}
		}
	}
	return nil
}

// The five seeds are one story; articles with the same people but other
// events (Rubio on China, Witkoff on Gaza, Zelenskyy's aide resigning,
// Putin in India) and other topics (football) stay apart; two outlets'
// reports of one earthquake form their own story.
func TestStoriesSeedsAndContrasts(t *testing.T) {
	as := load(t, "../../seeds", "testdata/stories")
	s := GroupStories(as, StoryOptions{})
	seeds := storyOf(s, "000_b8494e57d3896bdc")
	if seeds == nil || len(seeds.Articles) != 5 {
		t.Fatalf("seeds story: %+v", seeds)
	}
	for _, a := range seeds.Articles {
		if !strings.HasPrefix(a.ID, "00") {
			t.Errorf("%s joined the seeds story", a.ID)
		}
	}
	quake := storyOf(s, "quake_a")
	if quake == nil || len(quake.Articles) != 2 || storyOf(s, "quake_b") != quake {
		t.Errorf("the two earthquake reports should form one story: %+v", quake)
	}
	for _, id := range []string{"rubio_china_trade", "witkoff_gaza", "zelensky_corruption", "putin_india", "football"} {
		if st := storyOf(s, id); st == nil || len(st.Articles) != 1 {
			t.Errorf("%s should stand alone: %v", id, st.IDs())
		}
	}
	if len(s.List) != 7 {
		t.Errorf("want 7 stories, got %d", len(s.List))
	}
	if s.List[0] != seeds || seeds.Label == "" || len(seeds.Outlets) < 3 {
		t.Errorf("largest story first, labelled, with outlets: %+v", s.List[0])
	}
	// Candidates for comparison: same story first, by similarity.
	c := s.Candidates(seeds.Articles[0], 6)
	for k := 0; k < 4; k++ {
		if !c[k].SameStory || (k > 0 && c[k].Similarity > c[k-1].Similarity) {
			t.Fatalf("candidates out of order: %+v", c)
		}
	}
	if len(c) > 4 && c[4].SameStory {
		t.Errorf("only four other articles share the story")
	}
}

// Story ids and membership do not depend on the input order.
func TestStoriesDeterministic(t *testing.T) {
	as := load(t, "../../seeds", "testdata/stories")
	first := GroupStories(as, StoryOptions{})
	want := map[string]string{}
	for _, st := range first.List {
		for _, a := range st.Articles {
			want[a.ID] = st.ID
		}
	}
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 5; round++ {
		shuffled := append([]*corpus.Article(nil), as...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := GroupStories(shuffled, StoryOptions{Workers: 1 + round%3})
		for _, st := range got.List {
			for _, a := range st.Articles {
				if want[a.ID] != st.ID {
					t.Fatalf("round %d: %s in %s, want %s", round, a.ID, st.ID, want[a.ID])
				}
			}
		}
	}
}

func TestStoriesTimeWindow(t *testing.T) {
	as := load(t, "testdata/stories")
	var a, b *corpus.Article
	for _, x := range as {
		switch x.ID {
		case "quake_a":
			a = x
		case "quake_b":
			c := *x
			c.Published = c.Published.AddDate(0, 1, 0) // a month later
			b = &c
		}
	}
	s := GroupStories([]*corpus.Article{a, b}, StoryOptions{})
	if len(s.List) != 2 {
		t.Errorf("articles a month apart are not one event: %d stories", len(s.List))
	}
}

// On a generated corpus with known clusters, grouping recovers them: few
// clusters split, none merged.
func TestStoriesGenerated(t *testing.T) {
	as, truth := generateCorpus(1000, 7)
	s := GroupStories(as, StoryOptions{})
	merged, pure := 0, 0
	for _, st := range s.List {
		seen := map[int]bool{}
		for _, a := range st.Articles {
			seen[truth[a.ID]] = true
		}
		if len(seen) > 1 {
			merged++
		} else {
			pure++
		}
	}
	if merged > 0 {
		t.Errorf("%d stories mix generated clusters", merged)
	}
	clusters := map[int]bool{}
	for _, c := range truth {
		clusters[c] = true
	}
	if got, want := len(s.List), len(clusters); got > want*11/10 {
		t.Errorf("%d stories for %d clusters: too many splits", got, want)
	}
}

func TestLabel(t *testing.T) {
	long := &corpus.Article{Title: strings.Repeat("word ", 40)}
	if l := label(long); len([]rune(l)) > 91 || !strings.HasSuffix(l, "…") {
		t.Errorf("label %q", l)
	}
	if label(&corpus.Article{ID: "x"}) != "x" {
		t.Error("untitled article is labelled by its id")
	}
}

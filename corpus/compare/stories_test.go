package compare

import (
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

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

// eventOf names the event of a fixture: the file name without its outlet
// number ("ecb_rate_3" → "ecb_rate"); the seeds are one event, as are the
// two earthquake reports; other contrast stories are their own.
func eventOf(id string) string {
	switch {
	case strings.HasPrefix(id, "00"):
		return "seeds"
	case strings.HasPrefix(id, "quake_"):
		return "quake"
	}
	if k := strings.LastIndexByte(id, '_'); k > 0 && k == len(id)-2 {
		return id[:k]
	}
	return id
}

// Twenty-three short reports of ten events by two to five outlets
// (testdata/events), with the seeds and the older contrast stories. The
// hard negatives: the same people at another event (Lagarde's hearing five
// days after the ECB's hike; Macron's government vote after his China
// visit; Real Madrid signing a defender three days after the final), the
// same place at another event (a general strike in Athens two days after a
// wildfire near it), the same company (an FAA audit of Boeing days after
// its strike ended). Each event must be exactly one story.
func TestStoriesEvents(t *testing.T) {
	as := load(t, "testdata/events", "testdata/stories", "../../seeds")
	s := GroupStories(as, StoryOptions{})
	want := map[string]map[string]bool{} // event → article ids
	for _, a := range as {
		e := eventOf(a.ID)
		if want[e] == nil {
			want[e] = map[string]bool{}
		}
		want[e][a.ID] = true
	}
	for _, st := range s.List {
		e := eventOf(st.Articles[0].ID)
		for _, a := range st.Articles {
			if eventOf(a.ID) != e {
				t.Errorf("story %v mixes events %s and %s", st.IDs(), e, eventOf(a.ID))
				break
			}
		}
		if len(st.Articles) != len(want[e]) {
			t.Errorf("event %s split: story %v, want %d articles", e, st.IDs(), len(want[e]))
		}
	}
	if len(s.List) != len(want) {
		t.Errorf("%d stories for %d events", len(s.List), len(want))
	}
}

func TestTimeFactor(t *testing.T) {
	day := 24 * time.Hour
	base := time.Date(2025, 12, 11, 12, 0, 0, 0, time.UTC).Unix()
	at := func(d time.Duration) when {
		x := base + int64(d/time.Second)
		return when{x, x, true}
	}
	for _, tt := range []struct {
		d    time.Duration
		want float64
	}{{0, 1}, {30 * time.Hour, 1}, {36 * time.Hour, 1}, {102 * time.Hour, 0.5}, {7 * day, 0}, {-102 * time.Hour, 0.5}} {
		if got := timeFactor(at(0), at(tt.d), 7*day); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("timeFactor(%v) = %.3f, want %.3f", tt.d, got, tt.want)
		}
	}
	if timeFactor(at(0), when{}, 7*day) != 1 {
		t.Error("an undated article is not penalised")
	}
	// A day, not an instant: a day whose middle is 102 hours before
	// counts from its end, 90 hours before.
	dayOf := when{base - 102*3600 - 12*3600, base - 102*3600 + 12*3600, true}
	if got := timeFactor(at(0), dayOf, 7*day); math.Abs(got-(1-float64(90-36)/float64(168-36))) > 1e-9 {
		t.Errorf("date-only timeFactor = %.3f", got)
	}
}

// Average linkage: B links to A strongly and to C above the threshold, but
// C has nothing of A, so C does not join A and B's story (single linkage
// would chain all three).
func TestMergeAverageLinkage(t *testing.T) {
	var fps []fingerprint
	for _, ws := range []map[uint32]float32{{1: 1}, {1: 0.937, 2: 0.35}, {2: 1}} {
		var f fingerprint
		for _, t := range []uint32{1, 2} {
			if w, ok := ws[t]; ok {
				f = append(f, termWeight{t, w})
			}
		}
		fps = append(fps, f)
	}
	dates := make([]when, 3)
	edges := []edge{{0, 1, float32(fps[0].cosine(fps[1]))}, {1, 2, float32(fps[1].cosine(fps[2]))}}
	if edges[1].sim < DefaultStoryThreshold {
		t.Fatalf("fixture: B–C must be a link, got %.3f", edges[1].sim)
	}
	groups := mergeEdges(dates, fps, nil, edges, DefaultStoryThreshold, 7*24*time.Hour)
	if len(groups) != 2 {
		t.Errorf("want {a b} {c}, got %v", groups)
	}
}

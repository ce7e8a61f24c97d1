package compare

import (
	"context"
	"fmt"
	"math"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// joinMargin is how much pairwise F1 joining new articles to a stored
// grouping may lose against grouping everything afresh.
const joinMargin = 0.05

// The oracle: a grouping of most articles (nine in ten), stored, joined by
// the rest (new articles, one changed, one removed), scores on the
// labelled truth within joinMargin of a full regrouping, events and lines
// alike: the mean pairwise F1 over a few orders of the articles (which
// ones are new), since the labelled fixture is small and one order moves
// F1 by a pair or two either way.
func TestJoinStoriesMatchesRegrouping(t *testing.T) {
	gen, truth := generateCorpus(1500, 11)
	genTruth := map[string]string{}
	for id, c := range truth {
		genTruth[id] = fmt.Sprint(c)
	}
	lines, events, lineTruth := linesFixture(t)
	for _, c := range []struct {
		name    string
		as      []*corpus.Article
		truth   map[string]string
		ofLines bool
		orders  int
	}{
		{"generated events", gen, genTruth, false, 1},
		{"labelled events", lines, events, false, 8},
		{"labelled lines", lines, lineTruth, true, 8},
	} {
		t.Run(c.name, func(t *testing.T) {
			of := groupOf
			if c.ofLines {
				of = lineOfArticle
			}
			var joinedF1, fullF1 float64
			for order := range c.orders {
				j, f := joinAndRegroup(t, c.as, c.truth, int64(order), of)
				t.Logf("order %d: joined P %.3f R %.3f F1 %.3f; regrouped P %.3f R %.3f F1 %.3f",
					order, j.precision(), j.recall(), j.f1(), f.precision(), f.recall(), f.f1())
				joinedF1 += j.f1() / float64(c.orders)
				fullF1 += f.f1() / float64(c.orders)
			}
			t.Logf("mean F1: joined %.3f, regrouped %.3f", joinedF1, fullF1)
			if joinedF1 < fullF1-joinMargin {
				t.Errorf("joined F1 %.3f, regrouped %.3f: more than %.2f lost", joinedF1, fullF1, joinMargin)
			}
		})
	}
}

// joinAndRegroup stores the grouping of nine in ten of as (in the order
// of seed), then groups them all, one changed and one removed, by joining
// the stored grouping and afresh, and scores both.
func joinAndRegroup(t *testing.T, in []*corpus.Article, labels map[string]string, seed int64, of func(*Stories) map[string]string) (joined, full pairScore) {
	t.Helper()
	as := append([]*corpus.Article(nil), in...)
	rand.New(rand.NewSource(seed)).Shuffle(len(as), func(i, j int) { as[i], as[j] = as[j], as[i] })
	cut := len(as) * 9 / 10
	path := filepath.Join(t.TempDir(), "stories-x.cache")
	if _, _, err := LoadOrGroupStories(context.Background(), path, as[:cut], StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	// One stored article changes (a new copy), one is removed.
	now := append([]*corpus.Article(nil), as[1:]...)
	changed := *now[0]
	now[0] = &changed
	truth := map[string]string{}
	for _, a := range now {
		truth[a.ID] = labels[a.ID]
	}
	st, from, err := LoadOrGroupStories(context.Background(), path, now, StoryOptions{})
	if err != nil || from != StoriesJoined {
		t.Fatalf("from %v, err %v: want joined", from, err)
	}
	checkGrouping(t, st, now)
	return scorePairs(of(st), truth), scorePairs(of(GroupStories(now, StoryOptions{})), truth)
}

// A story first seen in one stored article and then reported by new ones:
// its own words, unique to that article when it was stored (weighed down,
// not indexed), link it to the new reports once they use them too, as in
// a full grouping (refitLinking).
func TestJoinStoriesRelinksStoredArticle(t *testing.T) {
	as, truth := generateCorpus(600, 17)
	members := map[int][]*corpus.Article{}
	for _, a := range as {
		members[truth[a.ID]] = append(members[truth[a.ID]], a)
	}
	tried := 0
	for c := range len(members) {
		m := members[c]
		if len(m) < 5 || tried == 3 {
			continue
		}
		tried++
		later := map[*corpus.Article]bool{}
		for _, a := range m[1:] {
			later[a] = true
		}
		var stored []*corpus.Article
		for _, a := range as {
			if !later[a] {
				stored = append(stored, a)
			}
		}
		path := filepath.Join(t.TempDir(), "stories-x.cache")
		if _, _, err := LoadOrGroupStories(context.Background(), path, stored, StoryOptions{}); err != nil {
			t.Fatal(err)
		}
		st, from, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
		if err != nil || from != StoriesJoined {
			t.Fatalf("from %v, err %v", from, err)
		}
		want := GroupStories(as, StoryOptions{})
		if got, full := len(st.Of(m[0]).Articles), len(want.Of(m[0]).Articles); got != full {
			t.Errorf("story of %s: %d articles joined, %d grouped afresh", m[0].ID, got, full)
		}
	}
	if tried == 0 {
		t.Fatal("no story of five")
	}
}

// checkLabels asserts that every story is labelled by one of its articles.
func checkLabels(t *testing.T, s *Stories) {
	t.Helper()
	for _, st := range s.List {
		found := false
		for _, a := range st.Articles {
			found = found || label(a) == st.Label
		}
		if !found {
			t.Errorf("story %s labelled %q, none of its articles", st.ID, st.Label)
		}
	}
}

// A join keeps the label and cohesion of the stored events it leaves as
// they were, and makes them again for the others: each is what the
// joined grouping's own fingerprints make of its articles, and an event
// whose labelling article is gone is labelled by one still there.
func TestJoinStoriesLabels(t *testing.T) {
	as, path := storedFixture(t)
	stored, _, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var big *Story
	for _, st := range stored.List {
		if big == nil || len(st.Articles) > len(big.Articles) {
			big = st
		}
	}
	var gone *corpus.Article
	for _, a := range big.Articles {
		if label(a) == big.Label {
			gone = a
		}
	}
	extra, _ := generateCorpus(5, 77)
	for _, a := range extra {
		a.ID = "new/" + a.ID
	}
	var now []*corpus.Article
	for _, a := range as {
		if a != gone {
			now = append(now, a)
		}
	}
	now = append(now, extra...)
	st, from, err := LoadOrGroupStories(context.Background(), path, now, StoryOptions{})
	if err != nil || from != StoriesJoined {
		t.Fatalf("from %v, err %v", from, err)
	}
	checkGrouping(t, st, now)
	checkLabels(t, st)
	b := storyBuilder{as: st.articles, fps: st.fps, nterms: st.nterms}
	for _, story := range st.List {
		var g []int32
		for _, a := range story.Articles {
			g = append(g, st.at[a])
		}
		slices.Sort(g)
		want := b.build(g)
		if story.Label != want.Label || math.Abs(story.Cohesion-want.Cohesion) > 1e-6 {
			t.Errorf("story %s: %q %.6f, made again %q %.6f", story.ID, story.Label, story.Cohesion, want.Label, want.Cohesion)
		}
	}
}

// When a stored grouping is joined, and when the corpus is grouped afresh
// instead: most articles kept, and the articles joined since the last full
// grouping (these included) at most maxJoinedShare of those it grouped.
func TestJoinable(t *testing.T) {
	for _, c := range []struct {
		base, joined, kept, n int
		want                  bool
	}{
		{1000, 0, 1000, 1100, true},  // 100 new
		{1000, 0, 1000, 1250, true},  // a quarter new: the limit
		{1000, 0, 1000, 1251, false}, // past it
		{1000, 200, 1200, 1250, true},
		{1000, 200, 1200, 1251, false}, // joined before, and now, past it
		{1000, 0, 990, 1000, true},     // ten changed or replaced
		{1000, 0, 400, 1000, false},    // mostly new
		{1000, 0, 0, 10, false},        // none kept
		{0, 0, 5, 5, true},             // nothing new (read back, not joined)
		{0, 0, 5, 6, false},            // a grouping stored without a base
		{4000, 0, 500, 1000, true},     // exactly half kept: the least
		{100000, 0, 400, 1000, false},  // fewer kept, however few new against the base
		{1000, 0, 0, 0, false},         // no articles
	} {
		g := &storedGrouping{base: c.base, joined: c.joined}
		if got := g.joinable(c.kept, c.n); got != c.want {
			t.Errorf("base %d joined %d: %d of %d kept: joinable %v, want %v", c.base, c.joined, c.kept, c.n, got, c.want)
		}
	}
}

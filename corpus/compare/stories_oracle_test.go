package compare

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// The grouping must give exactly the stories the old one gave (uint64 term
// hashes in maps, stories_old_test.go): the same stories in the same order,
// with the same articles, labels and outlets, and the same similarities.
func TestStoriesMatchOracle(t *testing.T) {
	fixtures := load(t, "testdata/events", "testdata/stories", "../../seeds")
	gen, _ := generateCorpus(3000, 11)
	for _, c := range []struct {
		name string
		as   []*corpus.Article
	}{{"fixtures", fixtures}, {"generated", gen}} {
		for _, workers := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("%s/%d", c.name, workers), func(t *testing.T) {
				opt := StoryOptions{Workers: workers}
				got, err := GroupStoriesContext(context.Background(), c.as, opt)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := oldGroupStoriesContext(context.Background(), c.as, opt)
				if len(got.List) != len(want.List) {
					t.Fatalf("%d stories, want %d", len(got.List), len(want.List))
				}
				for k, g := range got.List {
					w := want.List[k]
					if fmt.Sprint(g.ID, g.Label, g.IDs(), g.Outlets) != fmt.Sprint(w.ID, w.Label, w.IDs(), w.Outlets) {
						t.Fatalf("story %d: %s %q %v %v, want %s %q %v %v", k, g.ID, g.Label, g.IDs(), g.Outlets, w.ID, w.Label, w.IDs(), w.Outlets)
					}
					if math.Abs(g.Cohesion-w.Cohesion) > 1e-9 {
						t.Errorf("story %s: cohesion %v, want %v", g.ID, g.Cohesion, w.Cohesion)
					}
				}
				for i := 0; i < len(c.as); i += 7 {
					a := c.as[i]
					if got.Of(a).ID != want.Of(a).ID {
						t.Fatalf("%s: story %s, want %s", a.ID, got.Of(a).ID, want.Of(a).ID)
					}
					for j := 0; j < len(c.as); j += 13 {
						b := c.as[j]
						if g, w := got.linkage(a, b), want.Similarity(a, b); g != w {
							t.Fatalf("similarity %s %s: %v, want %v", a.ID, b.ID, g, w)
						}
					}
				}
			})
		}
	}
}

package compare

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parallax-reader/parallax/corpus"
)

// storiesReport writes a grouping out in full: every story (ID, label,
// outlets, cohesion, articles), the story of every seventh article, and the
// linkage (the fingerprint similarity grouping links on) of a grid of
// article pairs (step is the grid's spacing).
func storiesReport(s *Stories, as []*corpus.Article, step int) string {
	list := s.List
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles, %d stories\n", len(as), len(list))
	for _, st := range list {
		fmt.Fprintf(&b, "story %s %q cohesion %.10f outlets %v\n  %s\n", st.ID, st.Label, st.Cohesion, st.Outlets, strings.Join(st.IDs(), " "))
	}
	for i := 0; i < len(as); i += 7 {
		fmt.Fprintf(&b, "of %s: %s\n", as[i].ID, s.Of(as[i]).ID)
	}
	for i := 0; i < len(as); i += step {
		for j := 0; j < len(as); j += step + 6 {
			fmt.Fprintf(&b, "similarity %s %s: %.17g\n", as[i].ID, as[j].ID, s.linkage(as[i], as[j]))
		}
	}
	return b.String()
}

// The grouping of the fixtures and of a generated corpus, with one, two and
// three workers, is the golden one: the stories the grouping gave when
// term numbering and compact bags replaced uint64 term hashes in maps (the
// previous implementation agreed with it exactly; it is kept as this
// file's testdata, not as code). Regenerate only deliberately, with
// -update, when a change to the grouping is meant.
func TestStoriesGolden(t *testing.T) {
	fixtures := load(t, "testdata/events", "testdata/stories", "../../seeds")
	gen, _ := generateCorpus(3000, 11)
	for _, c := range []struct {
		name string
		as   []*corpus.Article
		step int
	}{{"fixtures", fixtures, 7}, {"generated", gen, 151}} {
		t.Run(c.name, func(t *testing.T) {
			var first string
			for _, workers := range []int{1, 2, 3} {
				s, err := GroupStoriesContext(context.Background(), c.as, StoryOptions{Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				report := storiesReport(s, c.as, c.step)
				if workers == 1 {
					first = report
					golden.RequireEqual(t, report)
				} else if report != first {
					t.Errorf("%d workers group otherwise than one", workers)
				}
			}
		})
	}
}

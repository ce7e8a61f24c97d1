package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// Grouped by story (z), a story line of several events shows a header of
// its own (events, articles, date span) with its events' headers indented
// under it and their articles under those; the line's articles are
// adjacent, event by event.
func TestGroupedListNestsEventsInLines(t *testing.T) {
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{"../corpus/compare/testdata/lines"}}, corpus.Options{})
	if err != nil || len(c.Articles) == 0 {
		t.Fatal(err)
	}
	hs := articlesHarness(t, c.Articles, 160, 60)
	hs.press("z")
	st := hs.m.sh.lib.Stories()
	g := &hs.m.list.group
	lines := 0
	for k, r := range g.rows {
		if r.line == nil {
			continue
		}
		lines++
		// The rows after a line's header: its events' headers, each
		// followed by that event's articles, until the next line.
		events := 0
		for _, next := range g.rows[k+1:] {
			if next.line != nil || next.item >= 0 && st.LineOf(st.Of(hs.m.list.items[next.item].a)) != r.line {
				break
			}
			if next.item < 0 {
				events++
				if st.LineOf(next.story) != r.line {
					t.Fatalf("event %q under line %q", next.story.Label, r.line.Label)
				}
			} else if it := hs.m.list.items[next.item]; !strings.HasPrefix(hs.m.list.treePrefix(next.item), "  ") {
				t.Errorf("%s is not indented under its line", it.a.ID)
			}
		}
		if events != g.events[r.line] || events < 2 {
			t.Errorf("line %q: %d event headers, want %d (at least 2)", r.line.Label, events, g.events[r.line])
		}
	}
	if lines == 0 {
		t.Fatal("no story line of several events shown")
	}
	if v := hs.view(); !strings.Contains(v, " · 4 events · 12 articles · 4 Jul") {
		t.Errorf("no line header with events and a date span:\n%s", v)
	}
}

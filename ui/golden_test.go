package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden views at the two reference sizes. Run `go test ./ui -update` to
// rewrite them after an intended change, and read the diff.
func TestGoldenViews(t *testing.T) {
	type step struct {
		name string
		keys []string
	}
	steps := []step{
		{"list", nil},
		{"article", []string{"enter"}},
		{"article_scrolled", []string{"enter", " ", "j"}},
		{"article_boilerplate", []string{"j", "j", "enter", "B"}},
		{"sorted_by_outlet", []string{"s", "j"}},
		{"help_list", []string{"?"}},
		{"help_article", []string{"enter", "?"}},
		{"report", []string{"!"}},
		{"bookmarks", []string{"j", "*", "G", "*", "g"}},
		{"bookmarks_only", []string{"j", "*", "G", "*", "'"}},
		{"bookmarks_only_empty", []string{"'"}},
		{"unread_only", []string{"enter", "esc", "U", "j"}},
		{"article_bookmarked", []string{"j", "*", "enter", "U"}},
		{"search_hints", []string{"/"}},
		{"search", []string{"/", "t", "a", "l", "k", "s"}},
		{"search_invalid", []string{"/", "e", "n", "v", "o", "y", "\""}},
		{"search_opened", []string{"/", "e", "n", "v", "o", "y", "enter"}},
		{"find", []string{"enter", "/", "t", "a", "l", "k", "s", "enter", "n"}},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		for _, st := range steps {
			t.Run(fmtSize(size.w, size.h)+"/"+st.name, func(t *testing.T) {
				hs := articlesHarness(t, sampleArticles(), size.w, size.h)
				hs.press(st.keys...)
				golden.RequireEqual(t, hs.view())
			})
		}
	}
}

func TestGoldenEmptyAndSmall(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		hs := articlesHarness(t, nil, 80, 24)
		golden.RequireEqual(t, hs.view())
	})
	t.Run("too_small", func(t *testing.T) {
		hs := articlesHarness(t, sampleArticles(), 30, 6)
		golden.RequireEqual(t, hs.view())
	})
}

func fmtSize(w, h int) string { return itoa(w) + "x" + itoa(h) }

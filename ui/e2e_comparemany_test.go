package ui

import (
	"path/filepath"
	"testing"
)

// TestCompareManyEndToEndInTmux compares every outlet of the four-outlet
// fixture from the story view in the real binary: a pair at a time at 120
// columns, cycled with >, then in columns once the terminal is wide.
func TestCompareManyEndToEndInTmux(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("..", "corpus", "compare", "testdata", "storyview"))
	if err != nil {
		t.Fatal(err)
	}
	s := startReader(t, "comparemany", 120, 40, t.TempDir(), []string{"NO_COLOR="}, fixture)
	s.waitFor(`1/4 · 4 unread`)
	s.keys("v")
	s.waitFor(`Story · `)
	s.keys("C")
	s.waitFor(`(?s)pair 1 of 3: A \(.*\) with B .*% similar`)
	s.requireFits(120, 40)
	s.keys(">")
	s.waitFor(`pair 2 of 3: A \(.*\) with B`)
	s.tmux("resize-window", "-t", s.name, "-x", "260", "-y", "40")
	s.waitFor(`(?s)4 articles side by side · \d+ facts, \d+ reported by all 4`)
	s.requireFits(260, 40)
	s.keys("Escape") // back where the story panes were opened from: the list
	s.waitFor(`1/4 · \d+ unread`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

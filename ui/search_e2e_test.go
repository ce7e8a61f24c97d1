package ui

import (
	"strings"
	"testing"
)

// TestSearchEndToEndInTmux searches the seeds in the real binary: type a
// name, see the matches, open one at its first hit, step through the hits,
// then go back to the results and to the list.
func TestSearchEndToEndInTmux(t *testing.T) {
	s := startReader(t, "search", 80, 24, "", nil)

	s.waitFor(`1/5 · 5 unread`)
	s.keys("/")
	s.waitFor(`type to search 5 articles`)
	s.tmux("send-keys", "-t", s.name, "-l", "umer") // a prefix already finds him
	s.waitFor(`3 matches`)
	s.tmux("send-keys", "-t", s.name, "-l", "ov")
	screen := s.waitFor(`/ umerov\s`)
	if !strings.Contains(screen, "3 matches") || strings.Count(screen, "Umerov") < 3 {
		t.Fatalf("results for umerov:\n%s", screen)
	}
	s.requireFits(80, 24)

	s.keys("Down", "Up", "Enter")
	s.waitFor(`result 1/3 · hit 1/\d+`)
	s.keys("n")
	s.waitFor(`result 1/3 · hit 2/\d+`)
	s.keys("Escape")
	s.waitFor(`3 matches`)
	s.keys("Escape")
	screen = s.waitFor(`1/5 · 4 unread`)
	if strings.Contains(screen, "/ umerov") {
		t.Fatalf("search still shown after esc:\n%s", screen)
	}

	// Find inside an article, on a wide terminal.
	s.tmux("resize-window", "-t", s.name, "-x", "160", "-y", "45")
	s.keys("Enter", "/")
	s.tmux("send-keys", "-t", s.name, "-l", "ukrain")
	s.waitFor(`/ukrain.*hit 1/\d+`)
	s.requireFits(160, 45)
	s.keys("Enter", "N")
	s.waitFor(`hit (\d+)/\d+ · n/N`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

package ui

import (
	"strings"
	"testing"
)

// TestCompareEndToEndInTmux opens a comparison of the seeds in the real
// binary, jumps between passages, switches sides, opens coverage and comes
// back to the list.
func TestCompareEndToEndInTmux(t *testing.T) {
	dir := t.TempDir()
	s := startReader(t, "cmp", 160, 45, dir, []string{"NO_COLOR="})

	s.waitFor(`1/5 · 5 unread`)
	// The first article by date is global.espreso.tv (seed 000); c compares
	// it with the closest of its story, the Fundacion Rapala rewrite.
	s.keys("c")
	// Wait for the whole frame: the header can be on screen before the
	// status line that follows it.
	screen := s.waitFor(`(?s)B  Fundacion Rapala.*passage 1/`)
	for _, want := range []string{"A  global.espreso.tv", "% similar", "% of A is in B", "a rewrite", "passage 1/"} {
		if !strings.Contains(screen, want) {
			t.Fatalf("comparison lacks %q:\n%s", want, screen)
		}
	}
	s.requireFits(160, 45)

	s.keys("]")
	s.waitFor(`shared passage 2 of \d+`)
	s.keys("]")
	s.waitFor(`shared passage 3 of \d+`)
	s.keys("[")
	s.waitFor(`shared passage 2 of \d+`)
	s.keys("}")
	s.waitFor(`only in (A|B) \(.*\): passage \d+ of \d+`)
	s.keys("u")
	s.waitFor(`showing differences only`)
	s.keys("u", "u")
	s.waitFor(`showing all passages`)

	// Narrow: one side at a time, and it says so.
	s.tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
	s.waitFor(`one side at a time below 100 columns`)
	s.requireFits(80, 24)
	s.keys("Tab")
	s.waitFor(`showing B \(Fundacion Rapala\)`)
	s.tmux("resize-window", "-t", s.name, "-x", "160", "-y", "45")
	s.waitFor(`A  global.espreso.tv .*│ B  Fundacion Rapala|B  Fundacion Rapala .*│ A  global.espreso.tv`)

	s.keys("Escape")
	s.waitFor(`1/5 · \d+ unread`)
	s.keys("o")
	s.waitFor(`Coverage · `)
	s.waitFor(`Quotes \d+`)
	s.keys("Escape")
	s.waitFor(`1/5 · \d+ unread`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

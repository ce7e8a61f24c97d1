package ui

import (
	"strings"
	"testing"
)

// TestIndicTextKeepsTheScreenInTmux opens two Hindi reports of one flood in
// the real binary. Terminals give a Devanagari vowel sign or conjunct more
// columns than grapheme-aware measures do; a line measured short overflows,
// the terminal wraps it and every line below moves down, the title bar off
// the top. The header must stay on the first row in the list, the article
// and the comparison, at 80x24 and 160x45.
func TestIndicTextKeepsTheScreenInTmux(t *testing.T) {
	s := startReader(t, "indic", 80, 24, "", []string{"NO_COLOR="}, "testdata/indic")
	firstRow := func(where string) {
		t.Helper()
		lines := strings.Split(s.screen(), "\n")
		if !strings.HasPrefix(lines[0], " Parallax · ") {
			t.Fatalf("%s: the title bar left the first row (a line overflowed):\n%s", where, s.screen())
		}
	}
	s.waitFor(`1/2 · 2 unread`)
	firstRow("list")
	s.keys("Enter")
	s.waitFor(`चेतावनी दी है।`)
	firstRow("article at 80x24")
	s.tmux("resize-window", "-t", s.name, "-x", "160", "-y", "45")
	s.waitFor(`(?s)Words.*│.*चेतावनी दी है।`)
	firstRow("list and article at 160x45")
	s.keys("c")
	s.waitFor(`(?s)% similar.*≡`)
	firstRow("comparison at 160x45")
	s.tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
	s.waitFor(`one side at a time below 100 columns`)
	firstRow("comparison at 80x24")
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

package ui

import (
	"path/filepath"
	"regexp"
	"testing"
)

// TestStoryViewEndToEndInTmux opens the story view of the four-outlet
// fixture in the real binary, jumps to the omissions, opens the first
// one's passage in its article and comes back.
func TestStoryViewEndToEndInTmux(t *testing.T) {
	fixture, err := filepath.Abs(filepath.Join("..", "corpus", "compare", "testdata", "storyview"))
	if err != nil {
		t.Fatal(err)
	}
	s := startReader(t, "storyview", 120, 40, t.TempDir(), []string{"NO_COLOR="}, fixture)
	s.waitFor(`1/4 · 4 unread`)
	s.keys("v")
	s.waitFor(`(?s)Story · .*4 outlets · 4 articles · 5 facts shared by most · 1 disagreement.*headlines · 1/\d+`)
	s.requireFits(120, 40)
	s.keys("5")
	screen := s.waitFor(`(?s)gpwire\.com leaves out.*omissions · \d+/\d+`)
	if !regexp.MustCompile(`7\.0  civicledger\.org`).MatchString(screen) {
		t.Fatalf("the wire's heaviest omission is not the ledger's quote:\n%s", screen)
	}
	s.keys("Enter")
	s.waitFor(`Council backs Dock Street shelter for asylum seekers`)
	s.waitFor(`These are families with small children`)
	s.keys("Escape")
	s.waitFor(`omissions · \d+/\d+`)
	s.keys("Escape")
	s.waitFor(`1/4 · \d+ unread`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

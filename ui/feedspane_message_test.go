package ui

import (
	"strings"
	"testing"
)

// With no feeds the view says what to do in full, wrapped to the pane,
// at every size where it fits on screen.
func TestFeedsViewWrapsItsMessage(t *testing.T) {
	for _, w := range []int{40, 80, 140} {
		hs := seedsHarness(t, w, 24)
		hs.press("F")
		var words []string
		for _, l := range strings.Split(ansiStrip(hs.view()), "\n") {
			if len([]rune(l)) > w {
				t.Errorf("width %d: line wider than the screen: %q", w, l)
			}
			words = append(words, strings.Fields(l)...)
		}
		text := strings.Join(words, " ")
		if want := "No feeds: the reader is not showing your news (parallax feeds add URL, then parallax)."; !strings.Contains(text, want) {
			t.Errorf("width %d: message cut:\n%s", w, hs.view())
		}
	}
}

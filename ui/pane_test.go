package ui

import (
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// TestRegisteredPanesKeepTheContract: every registered pane, opened as a
// reader would, is laid out to exactly the main area, names itself for
// `?`, has key hints, and is routed to by the root through the contract
// alone (its view is the frame's body).
func TestRegisteredPanesKeepTheContract(t *testing.T) {
	// The keys that open each pane from the list ("" for the list itself).
	open := map[mode]string{
		modeList: "", modeArticle: "enter", modeSearch: "/", modeHelp: "?", modeReport: "!",
		modeCompare: "c", modePicker: "C", modeCoverage: "o", modeFeeds: "F", modeStoryView: "v",
		modeMoveStory: "A",
	}
	for _, md := range paneModes {
		if _, ok := open[md]; !ok {
			t.Fatalf("mode %d is registered but this test does not open it", md)
		}
	}
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		hs := seedsHarness(t, size[0], size[1])
		for _, md := range paneModes {
			hs.selectID(seedEspreso)
			if open[md] != "" {
				hs.press(open[md])
			}
			hs.requireMode(md)
			p := hs.m.paneFor(md)
			// The pane is shown at the size the layout gave it.
			var at *placed
			for _, pl := range hs.m.placements() {
				if pl.p == p {
					at = &pl
				}
			}
			if at == nil {
				t.Fatalf("%dx%d mode %d: its pane is not shown", size[0], size[1], md)
			}
			v := p.View()
			if len(v) != at.h {
				t.Fatalf("%dx%d mode %d: view has %d lines, its box %d", size[0], size[1], md, len(v), at.h)
			}
			for i, l := range v {
				if w := lipgloss.Width(l); w != at.w {
					t.Fatalf("%dx%d mode %d: line %d is %d wide, want %d", size[0], size[1], md, i, w, at.w)
				}
			}
			if p.Title() == "" || len(p.KeyMap(hs.m.sh.keys).ShortHelp()) == 0 {
				t.Fatalf("mode %d: no title or key hints", md)
			}
			if md == modeList {
				continue
			}
			hs.press("esc")
			if hs.m.mode == md {
				hs.press("esc") // a kept filter or find is cleared first
			}
			hs.requireMode(modeList)
		}
	}
}

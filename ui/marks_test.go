package ui

import (
	"strings"
	"testing"
)

// TestMarksMeanOneThing: no two marks share a glyph.
func TestMarksMeanOneThing(t *testing.T) {
	seen := map[string]string{}
	for name, m := range map[string]string{
		"unread": markUnread, "bookmark": markBookmark, "derived title": MarkDerived,
		"copied": markCopied, "reworded": markReworded, "left only": markLeftOnly, "right only": markRightOnly,
		"has it": MarkHas, "has it not": MarkNone, "only outlet": MarkOnly, "figures disagree": markClash,
	} {
		if other, ok := seen[m]; ok {
			t.Fatalf("%q means both %s and %s", m, name, other)
		}
		seen[m] = name
	}
}

// TestEachPaneExplainsItsMarks: `?` in each pane explains the marks that
// pane draws, and not another pane's.
func TestEachPaneExplainsItsMarks(t *testing.T) {
	hs := seedsHarness(t, 120, 40)
	help := func() string {
		hs.t.Helper()
		hs.press("?")
		hs.requireMode(modeHelp)
		text := strings.Join(strings.Fields(strings.Join(hs.m.pagerShown().body.lines, " ")), " ") // unwrapped
		hs.press("esc")
		return text
	}
	check := func(pane, text string, want, not []string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s help does not explain %q", pane, w)
			}
		}
		for _, n := range not {
			if strings.Contains(text, n) {
				t.Errorf("%s help explains %q, a mark it does not draw", pane, n)
			}
		}
	}
	list := help()
	check("list", list, []string{MarkDerived + " before a title", markUnread + " marks articles", markBookmark + " marks bookmarks"},
		[]string{MarkHas, markCopied, MarkOnly})
	hs.selectID(seedEspreso)
	hs.press("o")
	hs.requireMode(modeCoverage)
	check("coverage", help(), []string{MarkHas + " the outlet has it", MarkOnly + " only this outlet", markClash + " the outlets give figures"},
		[]string{markUnread, markCopied, "Read marks"})
	hs.press("esc")
	hs.compareSeeds(seedEspreso, seedRapala)
	check("comparison", help(), []string{markCopied + " both sides", markReworded + " both have it", markLeftOnly + " only the left", markRightOnly + " only the right"},
		[]string{markUnread, MarkHas, "Read marks"})
}

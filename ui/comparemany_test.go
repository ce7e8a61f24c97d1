package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/corpus"
)

// C in the story view compares every outlet at once: in columns where the
// terminal is wide enough, a pair at a time below.
func TestCompareManyFromStoryView(t *testing.T) {
	hs := storyViewHarness(t, 260, 40) // 4 columns of 60 and 3 gutters fit
	hs.press("v", "C")
	if hs.m.mode != modeCompare {
		t.Fatalf("mode %v after C, want the comparison", hs.m.mode)
	}
	p := hs.m.comparison()
	if len(p.many) != 4 || !p.columns() || p.mlay == nil {
		t.Fatalf("many %d columns %v laid %v", len(p.many), p.columns(), p.mlay != nil)
	}
	hs.requireContains("4 articles side by side")
	for _, a := range p.many {
		hs.requireContains(outletName(a))
	}
	// Every sentence of every article is in one row: the fact rows are
	// compare's N-way rows.
	if p.mlay.rows != len(p.mc.Rows) || p.mlay.all == 0 {
		t.Errorf("rows %d of %d, %d reported by all", p.mlay.rows, len(p.mc.Rows), p.mlay.all)
	}
	top := p.moff
	hs.press("j")
	if p.moff != top+1 {
		t.Errorf("j in columns: offset %d, want %d", p.moff, top+1)
	}
	// Pair keys do nothing in columns but say why.
	hs.press(">")
	if p.pair != 1 {
		t.Errorf("> in columns moved to pair %d", p.pair)
	}
	// Too narrow for four columns: one pair at a time, the first article
	// against the second, and >/< cycle.
	hs.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if p.columns() {
		t.Fatal("still in columns at 120 wide")
	}
	if p.lay == nil || p.a != p.many[0] || p.b != p.many[1] {
		t.Fatalf("pair view not ready: lay %v a %v b %v", p.lay != nil, p.a == p.many[0], p.b == p.many[1])
	}
	hs.requireContains("pair 1 of 3")
	for _, tc := range []struct {
		key  string
		pair int
	}{{">", 2}, {">", 3}, {">", 1}, {"<", 3}, {"<", 2}} {
		hs.press(tc.key)
		if p.pair != tc.pair || p.b != p.many[tc.pair] || p.a != p.many[0] || p.lay == nil {
			t.Fatalf("after %s: pair %d (b is many[pair]: %v), want %d", tc.key, p.pair, p.b == p.many[p.pair], tc.pair)
		}
		hs.requireContains("pair " + itoa(tc.pair) + " of 3")
	}
	// Wide again: the columns come back.
	hs.send(tea.WindowSizeMsg{Width: 260, Height: 40})
	if !p.columns() || p.mlay == nil {
		t.Fatal("columns did not come back at 260 wide")
	}
	hs.press("esc")
	if hs.m.mode == modeCompare {
		t.Error("esc did not leave the comparison")
	}
}

// Narrow from the start: the N-way comparison opens on the first pair.
func TestCompareManyNarrowOpensPairs(t *testing.T) {
	hs := storyViewHarness(t, 100, 30)
	hs.press("v", "C")
	p := hs.m.comparison()
	if p.columns() || p.pair != 1 || p.lay == nil || p.b != p.many[1] {
		t.Fatalf("columns %v pair %d laid %v", p.columns(), p.pair, p.lay != nil)
	}
	hs.requireContains("pair 1 of 3")
	// ? names the pair keys.
	help := compareHelp{hs.m.sh.keys, false, true}.FullHelp()
	found := false
	for _, row := range help {
		for _, b := range row {
			if b.Help().Key == ">" {
				found = true
			}
		}
	}
	if !found {
		t.Error("the help of an N-way comparison lacks the pair keys")
	}
	// A two-article comparison is unchanged: no pair line.
	hs.press("esc")
	hs.selectID("wire")
	hs.press("c")
	if p.many != nil || strings.Contains(hs.view(), "pair 1 of") {
		t.Error("a comparison of two articles shows pairs")
	}
}

// Golden views of a three-article comparison of the seeds: a pair at a
// time at 80x24 (first pair and the next), columns at 200x50. Run
// `go test ./ui -run TestGoldenCompareMany -update` after an intended
// change, and read the diff.
func TestGoldenCompareMany(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"pairs", 80, 24, nil},
		{"nextpair", 80, 24, []string{">"}},
		{"columns", 200, 50, nil},
	} {
		t.Run(fmtSize(tc.w, tc.h)+"/"+tc.name, func(t *testing.T) {
			hs := seedsHarness(t, tc.w, tc.h)
			items := hs.m.list.items
			if len(items) < 3 {
				t.Fatalf("%d seed articles", len(items))
			}
			hs.send(compareManyMsg{arts: []*corpus.Article{items[0].a, items[1].a, items[2].a}})
			hs.press(tc.keys...)
			golden.RequireEqual(t, hs.view())
		})
	}
}

// ? in an N-way comparison explains the columns' marks and the pair keys.
func TestCompareManyHelpExplains(t *testing.T) {
	hs := storyViewHarness(t, 100, 40)
	hs.press("v", "C", "?")
	// Words only: the help wraps its lines.
	text := strings.Join(strings.Fields(ansiStrip(hs.view())), " ")
	for _, want := range []string{"pair at a time", "next / previous pair", "only this article does"} {
		if !strings.Contains(text, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

// In the picker, space marks candidates and enter compares them all with
// the article the picker was opened on.
func TestPickerMarksSeveralToCompare(t *testing.T) {
	hs := storyViewHarness(t, 100, 30)
	hs.press("C")
	if hs.m.mode != modePicker {
		t.Fatalf("mode %v after C", hs.m.mode)
	}
	pk := hs.m.panes[modePicker].(*pickerPane)
	if len(pk.cands) < 3 {
		t.Fatalf("%d candidates", len(pk.cands))
	}
	first, second := pk.cands[0].Article, pk.cands[1].Article
	hs.press(" ")
	hs.requireContains("1 article marked")
	hs.press(" ")           // marks the second
	hs.press("k", "k", " ") // unmarks the first
	hs.requireContains("1 article marked")
	hs.press("k", " ") // marks the first again: now after the second
	hs.requireContains("2 articles marked")
	if !strings.Contains(ansiStrip(hs.view()), markChosen) {
		t.Error("marked rows show no mark")
	}
	hs.press("enter")
	p := hs.m.comparison()
	if hs.m.mode != modeCompare || len(p.many) != 3 {
		t.Fatalf("mode %v, %d articles after enter", hs.m.mode, len(p.many))
	}
	if p.many[0] != pk.a || p.many[1] != second || p.many[2] != first {
		t.Errorf("compared %s %s %s, want %s %s %s", p.many[0].ID, p.many[1].ID, p.many[2].ID, pk.a.ID, second.ID, first.ID)
	}
	hs.requireContains("pair 1 of 2")
	// Nothing marked: enter compares the selected one, a pair as before.
	hs.press("esc", "C", "enter")
	if p.many != nil || p.b != pk.cands[0].Article {
		t.Errorf("enter without marks: many %d, b %v", len(p.many), p.b)
	}
}

// While the columns are computed the pane shows a spinner and says it is
// busy; the result replaces it.
func TestCompareManyColumnsSpinner(t *testing.T) {
	hs := storyViewHarness(t, 260, 40)
	hs.press("v")
	p := hs.m.comparison()
	p.SetSize(260, 38)
	cmd := p.startMany(hs.m.panes[modeStoryView].(*storyViewPane).outletArticles())
	if !p.Busy() {
		t.Fatal("not busy while comparing")
	}
	p.SetSpin("⠋")
	if v := ansiStrip(strings.Join(p.View(), "\n")); !strings.Contains(v, "⠋ comparing…") || len(p.View()) != 38 {
		t.Errorf("no spinner while comparing (%d lines):\n%s", len(p.View()), v)
	}
	hs.run(cmd)
	if p.Busy() || p.mlay == nil {
		t.Error("still busy after the result")
	}
}

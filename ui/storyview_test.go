package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
)

// storyViewHarness opens the four-outlet fixture of corpus/compare (one
// council vote told by a wire, a partisan site, a newspaper and a civic
// blog) and selects the wire's article.
func storyViewHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	dir := filepath.Join("..", "corpus", "compare", "testdata", "storyview")
	files := map[string]string{}
	for _, n := range []string{"wire.txt", "frontier.txt", "metro.txt", "ledger.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		files[n] = string(b)
	}
	hs := fixtureHarness(t, files, w, h)
	hs.selectID("wire")
	return hs
}

func TestStoryViewOpensAndJumps(t *testing.T) {
	hs := storyViewHarness(t, 100, 30)
	hs.press("v")
	if hs.m.mode != modeStoryView {
		t.Fatalf("mode %v after v", hs.m.mode)
	}
	hs.requireContains("Story · ")
	hs.requireContains("1 Headlines and leads")
	p := hs.m.panes[modeStoryView].(*storyViewPane)
	if p.lay == nil {
		t.Fatal("no layout")
	}
	// 5 jumps to the omissions: the wire's first one is Ruiz's quote in
	// the ledger.
	hs.press("5")
	it := p.lay.items[p.sel]
	if it.section != svOmits || it.outlet != 0 {
		t.Fatalf("after 5: item %+v", it)
	}
	omitted := p.v.Docs[it.doc].Sentences[it.sentence].Text
	if !strings.Contains(omitted, "These are families with small children") {
		t.Errorf("first omission of the wire: %q", omitted)
	}
	hs.requireContains("gpwire.com leaves out")
	// enter opens it in its article, at the passage.
	hs.press("enter")
	if hs.m.mode != modeArticle {
		t.Fatalf("mode %v after enter", hs.m.mode)
	}
	if got := hs.m.article.it.a.ID; got != p.v.Docs[it.doc].Article.ID {
		t.Errorf("opened %s, want %s", got, p.v.Docs[it.doc].Article.ID)
	}
	// Leaving the article goes back to the story view, selection kept.
	hs.press("esc")
	if hs.m.mode != modeStoryView || p.lay.items[p.sel] != it {
		t.Errorf("back in mode %v at %+v, want the story view at %+v", hs.m.mode, p.lay.items[p.sel], it)
	}
	// tab goes to the next section; shift+tab back.
	hs.press("tab")
	if s := p.lay.items[p.sel].section; s != svDisagree {
		t.Errorf("tab from omissions: section %d", s)
	}
	hs.press("shift+tab")
	if s := p.lay.items[p.sel].section; s != svOmits {
		t.Errorf("shift+tab back: section %d", s)
	}
	// c compares the selected outlet with another: the picker.
	hs.press("c")
	if hs.m.mode != modePicker {
		t.Errorf("mode %v after c, want the picker", hs.m.mode)
	}
}

func TestStoryViewMarkdown(t *testing.T) {
	hs := storyViewHarness(t, 100, 30)
	hs.press("v")
	p := hs.m.panes[modeStoryView].(*storyViewPane)
	_, md := storyViewMarkdown(p.story, p.v, hs.m.sh.now())
	for _, want := range []string{
		"# Story: ",
		"## Headlines and leads",
		"- **gpwire.com** (2026-01-13 22:10 UTC, first, 251 words): Ohio city approves migrant shelter in 7-2 vote",
		"| frontierdaily.com | illegal immigrants | 4 |",
		"- **frontierdaily.com**: Tom Brandt ×2 (**only**), Councilman Dale Hoffman (Republican) ×2",
		"### frontierdaily.com leaves out",
		"- **!** people — gpwire.com: 250 people",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(md)
	}
}

// Golden views of the story view: stacked at 80x24 and 160x45, outlets in
// columns at 200x50. Run `go test ./ui -run TestGoldenStoryView -update`
// to rewrite them after an intended change, and read the diff.
func TestGoldenStoryView(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"open", []string{"v"}},
		{"omissions", []string{"v", "5"}},
		{"framing", []string{"v", "2", "j"}},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}, {200, 50}} {
		for _, st := range steps {
			t.Run(fmtSize(size.w, size.h)+"/"+st.name, func(t *testing.T) {
				hs := storyViewHarness(t, size.w, size.h)
				hs.press(st.keys...)
				golden.RequireEqual(t, hs.view())
			})
		}
	}
}

func TestStoryViewTooSmall(t *testing.T) {
	hs := storyViewHarness(t, 100, 30)
	hs.press("v")
	hs.send(tea.WindowSizeMsg{Width: 30, Height: 8})
	hs.requireContains("too small")
}

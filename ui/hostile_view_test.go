package ui

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// osc is a window-title and a clipboard write, the sequences that do harm.
const osc = "\x1b]0;PWNED\x07\x1b]52;c;UFdORUQ=\x07\u009b2J"

// A crafted cache entry (valid checksums, so the corpus does not clean it
// again) and a hostile folder name reach the UI with escapes intact; no
// frame may carry them to the terminal, whatever pane shows them.
func TestCraftedStringsNeverReachTheTerminal(t *testing.T) {
	sh := testShared(t)
	hs := &harness{t: t}
	cfg := Config{Source: corpus.Source{Paths: []string{"/news" + osc + "\nforged"}}}
	hs.m = newModel(cfg, sh)
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	a := &corpus.Article{
		ID: "crafted" + osc, Title: "Crafted" + osc + " title", Outlet: "Outlet" + osc,
		Byline: "By" + osc, Path: "/news/crafted" + osc + ".txt",
		Blocks: []corpus.Block{para("Body" + osc + " text of the crafted entry.")},
	}
	hs.send(loadBatchMsg{gen: hs.m.load.gen, items: []*item{newItem(a)}, read: 2, total: 2,
		skipped: []corpus.Skipped{{Path: "/news/bad" + osc + "\nskipped forged.txt", Reason: "empty file" + osc}}, done: true})
	check := func(where string) {
		t.Helper()
		v := sgr.ReplaceAllString(hs.view(), "") // styling is the only escape allowed
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "PWNED"} {
			if strings.Contains(v, bad) {
				t.Fatalf("%s: the frame holds %q:\n%q", where, bad, v)
			}
		}
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(strings.TrimSpace(l), "forged") || strings.HasPrefix(strings.TrimSpace(l), "skipped forged") {
				t.Fatalf("%s: a newline in a name made a line of its own: %q", where, l)
			}
		}
	}
	check("list")
	if !strings.Contains(hs.view(), "Crafted title") {
		t.Fatalf("the text must survive without its escapes:\n%s", hs.view())
	}
	hs.press("enter")
	check("article")
	hs.press("esc", "!")
	check("load report")
}

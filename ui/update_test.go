package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// Order of sampleArticles by date: gamma, beta, alpha, epsilon, delta.
var byDate = []string{"gamma", "beta", "alpha", "epsilon", "delta"}

func (hs *harness) selectedID() string {
	if it := hs.m.list.selected(); it != nil {
		return it.a.ID
	}
	return ""
}

func (hs *harness) requireSelected(id string) {
	hs.t.Helper()
	if got := hs.selectedID(); got != id {
		hs.t.Fatalf("selected %q, want %q", got, id)
	}
}

func (hs *harness) requireMode(m mode) {
	hs.t.Helper()
	if hs.m.mode != m {
		hs.t.Fatalf("mode %d, want %d", hs.m.mode, m)
	}
}

func TestListMovementKeys(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want string
	}{
		{nil, "gamma"},
		{[]string{"j"}, "beta"},
		{[]string{"down"}, "beta"},
		{[]string{"j", "j", "k"}, "beta"},
		{[]string{"j", "up"}, "gamma"},
		{[]string{"k"}, "gamma"}, // stays at the top
		{[]string{"G"}, "delta"},
		{[]string{"end"}, "delta"},
		{[]string{"G", "j"}, "delta"}, // stays at the bottom
		{[]string{"G", "g"}, "gamma"},
		{[]string{"G", "home"}, "gamma"},
		{[]string{"pgdown"}, "delta"}, // a page is longer than five rows
		{[]string{"G", "pgup"}, "gamma"},
		{[]string{"ctrl+d"}, "delta"},
		{[]string{"G", "ctrl+u"}, "gamma"},
		{[]string{"jj"}, "alpha"}, // runes that arrive together are separate presses
	} {
		t.Run(strings.Join(tc.keys, ","), func(t *testing.T) {
			hs := articlesHarness(t, sampleArticles(), 80, 24)
			hs.press(tc.keys...)
			hs.requireSelected(tc.want)
			hs.requireMode(modeList)
		})
	}
}

func TestListPagingOnShortTerminal(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 8) // 6 body rows: header + 5 rows
	hs.press("ctrl+d")                                // half of 5 rows
	hs.requireSelected("alpha")
	hs.press("pgdown")
	hs.requireSelected("delta")
}

func TestOpenKeys(t *testing.T) {
	for _, k := range []string{"enter", "l", "right"} {
		t.Run(k, func(t *testing.T) {
			hs := articlesHarness(t, sampleArticles(), 80, 24)
			hs.press("j", k)
			hs.requireMode(modeArticle)
			if hs.m.article.it == nil || hs.m.article.it.a.ID != "beta" {
				t.Fatal("article pane does not show the selected article")
			}
			hs.requireContains("A very long headline")
			hs.requireContains("2/5")
			if !hs.m.sh.lib.Marks.Has(hs.m.article.it.key) {
				t.Fatal("opening must mark the article read")
			}
		})
	}
}

func TestOpeningPersistsReadMark(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter")
	// The save ran in a command; a fresh open of the state file sees it.
	again, warn := userstate.OpenReads()
	if warn != nil {
		t.Fatal(warn)
	}
	if !again.Has(userstate.ArticleKey(sampleArticles()[2])) { // gamma
		t.Fatal("read mark was not saved")
	}
	if hs.m.list.unread != 4 {
		t.Fatalf("unread = %d, want 4", hs.m.list.unread)
	}
}

func TestToggleReadInList(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	key := hs.m.list.selected().key
	hs.press("m")
	if !hs.m.sh.lib.Marks.Has(key) {
		t.Fatal("m did not mark read")
	}
	hs.requireContains("marked as read")
	hs.requireContains("4 unread")
	if strings.Contains(strings.Split(hs.view(), "\n")[2], "●") {
		t.Fatal("the read row still shows the unread mark")
	}
	hs.press("m")
	if hs.m.sh.lib.Marks.Has(key) {
		t.Fatal("second m did not mark unread")
	}
	hs.requireContains("5 unread")
	if again, _ := userstate.OpenReads(); again.Has(key) {
		t.Fatal("unread state was not saved")
	}
}

func TestToggleReadInArticle(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter", "m")
	if hs.m.sh.lib.Marks.Has(hs.m.article.it.key) {
		t.Fatal("m in the article should mark it unread again")
	}
	hs.requireMode(modeArticle)
}

func TestSortCycles(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	order := func() string {
		ids := make([]string, len(hs.m.list.items))
		for i, it := range hs.m.list.items {
			ids[i] = it.a.ID
		}
		return strings.Join(ids, " ")
	}
	if got := order(); got != strings.Join(byDate, " ") {
		t.Fatalf("default order %q", got)
	}
	hs.press("s")
	if got, want := order(), "alpha epsilon delta beta gamma"; got != want { // no outlet last
		t.Fatalf("by outlet: %q, want %q", got, want)
	}
	hs.requireContains("sorted by outlet")
	hs.requireSelected("gamma") // the selection follows the article
	hs.press("s")
	if got, want := order(), "beta alpha epsilon delta gamma"; got != want {
		t.Fatalf("by title: %q, want %q", got, want)
	}
	hs.press("s")
	if got := order(); got != strings.Join(byDate, " ") {
		t.Fatalf("back to date: %q", got)
	}
}

func TestQuitKeys(t *testing.T) {
	for _, tc := range []struct {
		name string
		keys []string
		quit bool
	}{
		{"q in list", []string{"q"}, true},
		{"ctrl+c in list", []string{"ctrl+c"}, true},
		{"ctrl+c in article", []string{"enter", "ctrl+c"}, true},
		{"ctrl+c in help", []string{"?", "ctrl+c"}, true},
		{"ctrl+c in report", []string{"!", "ctrl+c"}, true},
		{"q in article goes back", []string{"enter", "q"}, false},
		{"q in help closes", []string{"?", "q"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hs := articlesHarness(t, sampleArticles(), 80, 24)
			hs.press(tc.keys...)
			if hs.quit != tc.quit {
				t.Fatalf("quit = %v, want %v", hs.quit, tc.quit)
			}
		})
	}
}

func TestArticleBackKeys(t *testing.T) {
	for _, k := range []string{"esc", "q", "h", "left", "backspace"} {
		t.Run(k, func(t *testing.T) {
			hs := articlesHarness(t, sampleArticles(), 80, 24)
			hs.press("j", "enter", k)
			hs.requireMode(modeList)
			hs.requireSelected("beta")
			if hs.quit {
				t.Fatal("back must not quit")
			}
		})
	}
}

func TestArticleScrollKeys(t *testing.T) {
	open := func(t *testing.T) *harness {
		hs := articlesHarness(t, sampleArticles(), 80, 12)
		hs.press("j", "j", "enter") // alpha, the longest
		if len(hs.m.article.body.lines) <= hs.m.article.body.h*2 {
			t.Fatalf("fixture too short to scroll: %d lines in %d rows", len(hs.m.article.body.lines), hs.m.article.body.h)
		}
		return hs
	}
	page := func(hs *harness) int { return hs.m.article.body.page() }
	for _, tc := range []struct {
		keys []string
		want func(hs *harness) int
	}{
		{[]string{"j"}, func(*harness) int { return 1 }},
		{[]string{"down", "down"}, func(*harness) int { return 2 }},
		{[]string{"j", "j", "k"}, func(*harness) int { return 1 }},
		{[]string{"j", "up"}, func(*harness) int { return 0 }},
		{[]string{" "}, page},
		{[]string{"pgdown"}, page},
		{[]string{"f"}, page},
		{[]string{" ", " ", "b"}, page},
		{[]string{" ", " ", "pgup"}, page},
		{[]string{"d"}, func(hs *harness) int { return hs.m.article.body.h / 2 }},
		{[]string{"ctrl+d", "u"}, func(*harness) int { return 0 }},
		{[]string{"ctrl+d", "ctrl+u"}, func(*harness) int { return 0 }},
		{[]string{"G"}, func(hs *harness) int { return hs.m.article.body.maxOffset() }},
		{[]string{"end"}, func(hs *harness) int { return hs.m.article.body.maxOffset() }},
		{[]string{"G", "g"}, func(*harness) int { return 0 }},
		{[]string{"G", "home"}, func(*harness) int { return 0 }},
	} {
		t.Run(strings.Join(tc.keys, ","), func(t *testing.T) {
			hs := open(t)
			hs.press(tc.keys...)
			if got, want := hs.m.article.body.offset, tc.want(hs); got != want {
				t.Fatalf("offset %d, want %d", got, want)
			}
		})
	}
}

func TestArticleScrollPercentInStatus(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 12)
	hs.press("j", "j", "enter")
	if strings.Contains(hs.view(), "100%") {
		t.Fatal("top of a long article is not 100%")
	}
	hs.press("G")
	hs.requireContains("3/5 · 100%")
}

func TestNextPreviousArticle(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter", "]")
	if hs.m.article.it.a.ID != "beta" {
		t.Fatalf("] opened %q", hs.m.article.it.a.ID)
	}
	hs.requireSelected("beta") // back in the list, the reader is on the same row
	hs.press("]", "[")
	if hs.m.article.it.a.ID != "beta" {
		t.Fatalf("[ opened %q", hs.m.article.it.a.ID)
	}
	hs.press("[", "[")
	hs.requireContains("this is the first article")
	hs.press("G", "]", "]", "]", "]", "]")
	hs.requireContains("this is the last article")
	for _, it := range hs.m.list.items {
		if !hs.m.sh.lib.Marks.Has(it.key) {
			t.Fatalf("%s was opened with ] but not marked read", it.a.ID)
		}
	}
}

func TestBoilerplateToggle(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("j", "j", "enter") // alpha has two removed lines
	hs.requireContains("2 lines of site boilerplate removed · B shows")
	if strings.Contains(strings.Join(hs.m.article.body.lines, "\n"), "Subscribe to our newsletter") {
		t.Fatal("removed lines shown before B")
	}
	hs.press("B")
	hs.requireContains("B hides")
	body := strings.Join(hs.m.article.body.lines, "\n")
	if !strings.Contains(body, "Subscribe to our newsletter") || !strings.Contains(body, "Share this article") {
		t.Fatal("B did not show the removed lines")
	}
	hs.press("B")
	if strings.Contains(strings.Join(hs.m.article.body.lines, "\n"), "Subscribe to our newsletter") {
		t.Fatal("second B did not hide them")
	}
	hs.press("esc", "k", "enter", "B") // beta has none
	hs.requireContains("no boilerplate was removed")
}

func TestHelpIsContextSensitive(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("?")
	hs.requireMode(modeHelp)
	hs.requireContains("Keys: list")
	hs.requireContains("sort: date/outlet/title")
	hs.press("esc")
	hs.requireMode(modeList)

	hs.press("enter", "?")
	hs.requireContains("Keys: article")
	hs.requireContains("next article")
	if strings.Contains(hs.view(), "sort: date") {
		t.Fatal("article help shows list keys")
	}
	hs.press("?") // ? closes help too
	hs.requireMode(modeArticle)
}

func TestHelpScrolls(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 40, 10)
	hs.press("?")
	for _, tc := range []struct {
		key  string
		down bool
	}{{"j", true}, {"k", false}, {" ", true}, {"b", false}, {"G", true}, {"g", false}, {"down", true}, {"up", false}, {"pgdown", true}, {"pgup", false}, {"end", true}, {"home", false}} {
		before := hs.m.pagerShown().body.offset
		hs.press(tc.key)
		if moved := hs.m.pagerShown().body.offset - before; (moved > 0) != tc.down || moved == 0 {
			t.Fatalf("%q moved help by %d", tc.key, moved)
		}
	}
}

func TestLoadReport(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.requireContains("1 skipped (!)")
	hs.press("!")
	hs.requireMode(modeReport)
	hs.requireContains("/news/ukraine-talks/photo.jpg")
	hs.requireContains("binary file, not text")
	hs.press("!")
	hs.requireMode(modeList)
}

func TestTabSwitchesFocusWhenWide(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 140, 16)
	hs.requireContains("Negotiators in Geneva say the draft plan has changed since") // preview (the body, not the title)
	if hs.m.sh.lib.Marks.Has(hs.m.list.selected().key) {
		t.Fatal("a preview must not mark the article read")
	}
	hs.press("j", "j")
	if hs.m.article.it.a.ID != "alpha" {
		t.Fatal("the preview does not follow the selection")
	}
	hs.press("tab")
	hs.requireMode(modeArticle)
	if !hs.m.sh.lib.Marks.Has(hs.m.list.selected().key) {
		t.Fatal("focusing the article opens it")
	}
	hs.press("j")
	if hs.m.article.body.offset != 1 {
		t.Fatal("keys go to the focused article")
	}
	hs.press("shift+tab")
	hs.requireMode(modeList)
	hs.press("j")
	hs.requireSelected("epsilon")
}

func TestStaleRenderIsDropped(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter")
	want := hs.m.article.want
	before := strings.Join(hs.m.article.body.lines, "\n")
	hs.send(renderedMsg{key: want, seq: hs.m.article.seq - 1, lines: []string{"STALE"}})
	if strings.Join(hs.m.article.body.lines, "\n") != before {
		t.Fatal("a result with an old sequence number replaced the body")
	}
	other := want
	other.id = "beta"
	hs.send(renderedMsg{key: other, seq: hs.m.article.seq, lines: []string{"OTHER"}})
	if strings.Contains(hs.view(), "OTHER") {
		t.Fatal("a result for another article was shown")
	}
}

func TestStaleLoadBatchIsDropped(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.send(loadBatchMsg{gen: hs.m.load.gen + 100, items: []*item{newItem(&corpus.Article{ID: "ghost", Title: "Ghost"})}})
	if len(hs.m.list.items) != 5 {
		t.Fatal("a batch from another load was merged")
	}
}

func TestTransientMessageClearsOnNextKey(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("s")
	hs.requireContains("sorted by outlet")
	hs.press("j")
	if strings.Contains(hs.view(), "sorted by outlet") {
		t.Fatal("message outlived the next key")
	}
}

func TestResizeRerendersArticle(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter")
	hs.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	if hs.m.article.want.width != 60 || !hs.m.article.ready {
		t.Fatalf("article not re-rendered for the new width: %+v ready=%v", hs.m.article.want, hs.m.article.ready)
	}
	for _, l := range hs.m.article.body.lines {
		if w := len([]rune(l)); w > 60 {
			t.Fatalf("line wider than the pane after resize: %q", l)
		}
	}
	hs.send(tea.WindowSizeMsg{Width: 150, Height: 40})
	if !hs.m.frame.wide || hs.m.frame.list.w == 0 {
		t.Fatal("wide terminal shows the list beside the article")
	}
}

func TestMouseWheel(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 140, 20)
	wheel := func(x int, b tea.MouseButton) {
		hs.send(tea.MouseMsg{X: x, Y: 5, Button: b, Action: tea.MouseActionPress})
	}
	wheel(5, tea.MouseButtonWheelDown)
	hs.requireSelected("beta")
	wheel(5, tea.MouseButtonWheelUp)
	hs.requireSelected("gamma")
	hs.press("G", "g", "j", "j") // alpha: long enough to scroll
	wheel(120, tea.MouseButtonWheelDown)
	if hs.m.article.body.offset != 3 {
		t.Fatalf("wheel over the article scrolled it to %d", hs.m.article.body.offset)
	}
	hs.requireSelected("alpha")
}

func TestTooSmallTerminal(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 30, 5)
	hs.requireContains("Terminal too small")
	hs.press("j", "enter", "?") // ignored, no panic
	hs.requireContains("Terminal too small")
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.requireContains("Envoys report progress")
	hs.send(tea.WindowSizeMsg{Width: 30, Height: 5})
	hs.press("q")
	if !hs.quit {
		t.Fatal("q quits from the too-small screen")
	}
}

func TestPreviewHoldsPreviousArticleUntilRendered(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 140, 30)
	before := hs.m.article.view()
	// Switch without running the render command, as on a busy machine.
	cmd := hs.m.article.show(hs.m.list.items[1])
	if cmd == nil {
		t.Fatal("an uncached article needs a render command")
	}
	if got := hs.m.article.view(); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Fatal("the pane should keep showing the previous article while the next renders")
	}
	hs.run(cmd)
	if got := strings.Join(hs.m.article.view(), "\n"); !strings.Contains(got, "A very long headline") {
		t.Fatalf("the new article did not replace the held one:\n%s", got)
	}
	requireFits(t, strings.Join(hs.m.article.view(), "\n"), hs.m.article.w, hs.m.article.h, "article pane")
}

func TestGroupedKeysActInOrder(t *testing.T) {
	// "q!" arriving together in an article: back to the list, then the
	// report, which returns to the list.
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter", "q!")
	hs.requireMode(modeReport)
	hs.press("esc")
	hs.requireMode(modeList)
	// "lj": open, then scroll the article (not move the list).
	hs.press("lj")
	hs.requireMode(modeArticle)
	hs.requireSelected("gamma")
}

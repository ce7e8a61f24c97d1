package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/storyedits"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// fixedNow is the clock of every UI test.
var fixedNow = time.Date(2025, 12, 3, 9, 30, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	if os.Getenv(killChildEnv) != "" {
		killChild() // a child of TestStateSurvivesKill; never returns
	}
	lipgloss.SetColorProfile(termenv.Ascii)
	// Every harness start settles: a collection and a return of memory
	// to the system each would only slow the tests (settle_test.go counts
	// them instead).
	freeOSMemory = func() {}
	code := m.Run()
	removeE2EBinary()
	os.Exit(code)
}

// harness drives a Model the way the Bubble Tea runtime would, but
// synchronously: every command is run and its messages fed back until there
// is nothing left to do.
type harness struct {
	t      *testing.T
	m      Model
	quit   bool
	timers []tea.Msg // messages scheduled with sh.after, delivered on demand
}

// testShared is a shared context with ASCII styles, an explicit glamour
// style, a fixed clock and read marks in a temporary state directory.
func testShared(t *testing.T) *shared {
	t.Helper()
	return testSharedIn(t, t.TempDir(), t.TempDir())
}

// testSharedIn is testShared with the folders for the reader's state and
// its temporary files given: tests that build thousands of models (one per
// terminal size) reuse them rather than make two folders for each.
func testSharedIn(t *testing.T, stateDir, tempDir string) *shared {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", stateDir)
	marks, warn := userstate.OpenReads()
	if warn != nil {
		t.Fatal(warn)
	}
	sh := newShared(newStyles(true, false), "ascii", termenv.Ascii, func() time.Time { return fixedNow }, marks)
	sh.renderer = testRenderer // glamour renderers are slow to build; share them
	if sh.lib.Bookmarks, warn = userstate.OpenBookmarks(); warn != nil {
		t.Fatal(warn)
	}
	if sh.lib.Edits, warn = storyedits.Open(storyedits.Path()); warn != nil {
		t.Fatal(warn)
	}
	sh.sys = refusingSystem(t, tempDir)
	return sh
}

var testRenderer = newRenderer(termenv.Ascii)

func newHarness(t *testing.T, src corpus.Source, w, h int) *harness {
	t.Helper()
	return startHarness(t, Config{Source: src}, w, h)
}

// startHarness starts the reader with cfg and runs its load to the end.
func startHarness(t *testing.T, cfg Config, w, h int) *harness {
	t.Helper()
	sh := testShared(t)
	hs := &harness{t: t}
	sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { hs.timers = append(hs.timers, msg); return nil }
	}
	hs.m = newModel(cfg, sh)
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(hs.m.Init())
	return hs
}

// seedsHarness opens the repository's seed articles.
func seedsHarness(t *testing.T, w, h int) *harness {
	return newHarness(t, corpus.Source{FS: os.DirFS(filepath.Join("..", "seeds")), FSName: "seeds"}, w, h)
}

// fixtureHarness opens articles written into a temporary folder.
func fixtureHarness(t *testing.T, files map[string]string, w, h int) *harness {
	t.Helper()
	fs := fstest.MapFS{}
	for name, body := range files {
		fs[name] = &fstest.MapFile{Data: []byte(body)}
	}
	return newHarness(t, corpus.Source{FS: fs, FSName: "fixture"}, w, h)
}

func (hs *harness) send(msg tea.Msg) {
	hs.t.Helper()
	nm, cmd := hs.m.Update(msg)
	hs.m = nm.(Model)
	hs.run(cmd)
}

func (hs *harness) run(cmd tea.Cmd) {
	hs.t.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case nil:
	case tea.QuitMsg:
		hs.quit = true
	case tea.BatchMsg:
		for _, c := range msg {
			hs.run(c)
		}
	default:
		if reflect.TypeOf(msg).String() == "tea.sequenceMsg" {
			hs.t.Fatal("harness does not run tea.Sequence")
		}
		hs.send(msg)
	}
}

// press sends keys by name ("j", "enter", "ctrl+c", "pgdown", ...).
func (hs *harness) press(keys ...string) {
	hs.t.Helper()
	for _, k := range keys {
		hs.send(keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "ctrl+c": tea.KeyCtrlC, "ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU,
		" ": tea.KeySpace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func (hs *harness) view() string { return hs.m.View() }

func (hs *harness) selectedTitle() string {
	if it := hs.m.list.selected(); it != nil {
		return it.a.Title
	}
	return ""
}

func (hs *harness) requireContains(want string) {
	hs.t.Helper()
	if v := hs.view(); !strings.Contains(v, want) {
		hs.t.Fatalf("view does not contain %q:\n%s", want, v)
	}
}

// articlesHarness opens exactly arts, delivered as one finished load, so that
// views do not depend on how files are parsed.
func articlesHarness(t *testing.T, arts []*corpus.Article, w, h int) *harness {
	t.Helper()
	return configuredHarness(t, Config{}, nil, arts, w, h)
}

// configuredHarness is articlesHarness with reader settings and a chance to
// change the shared context (fake clipboard, story lookup) before start.
func configuredHarness(t *testing.T, cfg Config, setup func(*shared), arts []*corpus.Article, w, h int) *harness {
	t.Helper()
	return harnessOn(t, testShared(t), cfg, setup, arts, w, h)
}

// harnessOn is configuredHarness on a shared context of the test's making.
func harnessOn(t *testing.T, sh *shared, cfg Config, setup func(*shared), arts []*corpus.Article, w, h int) *harness {
	t.Helper()
	if setup != nil {
		setup(sh)
	}
	hs := &harness{t: t}
	sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { hs.timers = append(hs.timers, msg); return nil }
	}
	cfg.Source = corpus.Source{Paths: []string{"/news/ukraine-talks"}}
	hs.m = newModel(cfg, sh)
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	items := itemsOf(arts)
	hs.send(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(arts) + 1, total: len(arts) + 1,
		skipped: []corpus.Skipped{{Path: "/news/ukraine-talks/photo.jpg", Reason: "binary file, not text"}}, done: true})
	return hs
}

func para(s string) corpus.Block { return corpus.Block{Kind: corpus.Paragraph, Text: s} }

// sampleArticles is a small corpus that exercises every column and header
// field: long and derived titles, a missing outlet and date, boilerplate.
func sampleArticles() []*corpus.Article {
	body := func(n int, lead string) []corpus.Block {
		bs := []corpus.Block{para(lead)}
		for i := 0; i < n; i++ {
			bs = append(bs, para(fmt.Sprintf("Paragraph %d. Delegates met for several hours and described the talks as difficult but useful; officials said the next round would follow within days, and that a draft would circulate among allies before any announcement.", i+1)))
		}
		return bs
	}
	d := func(day, hour int) time.Time { return time.Date(2025, 12, day, hour, 15, 0, 0, time.UTC) }
	arts := []*corpus.Article{
		{ID: "alpha", Title: "Envoys report progress after marathon talks in Florida", Outlet: "Daily Courier",
			Published: d(1, 13), Byline: "Ann Reporter", Via: "Wire Service", Dateline: "HALLANDALE, Florida",
			Blocks:  append([]corpus.Block{{Kind: corpus.Heading, Text: "What was agreed"}}, body(6, "The delegations emerged after five hours with what both sides called progress.")...),
			Removed: []string{"Subscribe to our newsletter", "Share this article"}},
		{ID: "beta", Title: "A very long headline that keeps going well past the width of any sensible list column so that it must be cut short", Outlet: "The Morning Ledger of Record and Commerce",
			Published: d(2, 8), Blocks: append(body(3, "Officials on both sides described the meeting as tough."),
				corpus.Block{Kind: corpus.ListItem, Text: "Security guarantees"},
				corpus.Block{Kind: corpus.ListItem, Text: "Territorial questions"},
				corpus.Block{Kind: corpus.Quote, Text: "We may ruin the potential solution if it becomes public."})},
		{ID: "gamma", Title: "Negotiators in Geneva say the draft plan has changed", TitleDerived: true,
			Published: d(2, 20), Blocks: body(2, "Negotiators in Geneva say the draft plan has changed since last week.")},
		{ID: "delta", Title: "Markets shrug off the diplomatic news", Outlet: "Finance Now", Blocks: body(1, "Markets barely moved.")},
		{ID: "epsilon", Title: "Kremlin awaits US envoy", Outlet: "Eastern Wire", Published: time.Date(2024, 11, 30, 23, 0, 0, 0, time.UTC),
			Blocks: body(4, "The envoy is expected in Moscow next week.")},
	}
	for _, a := range arts {
		for _, b := range a.Blocks {
			a.Words += corpus.CountWords(b.Text)
		}
	}
	return arts
}

func itoa(n int) string { return fmt.Sprint(n) }

// emptySource is a corpus with nothing in it.
func emptySource() corpus.Source { return corpus.Source{FS: fstest.MapFS{}, FSName: "empty"} }

// pagerShown is the pager of the mode shown (help or the load report).
func (m Model) pagerShown() *pagerPane { return m.panes[m.mode].(*pagerPane) }

// coverage is the coverage pane.
func (m Model) coverage() *coveragePane { return m.panes[modeCoverage].(*coveragePane) }

// comparison is the comparison pane.
func (m Model) comparison() *comparePane { return m.panes[modeCompare].(*comparePane) }

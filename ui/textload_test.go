package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui/library"
)

// storedText is an article's text as the store keeps it for an article
// listed without it: LoadText puts it in place and counts the loads.
type storedText struct {
	blocks  []corpus.Block
	removed []string
	loads   atomic.Int32
}

func (s *storedText) LoadText(a *corpus.Article) error {
	s.loads.Add(1)
	a.Blocks, a.Removed = s.blocks, s.removed
	return nil
}

// listedArticles are sampleArticles as the store lists them (with a URL
// each, as fetched news has): without their texts, which their sources
// hold.
func listedArticles() ([]*corpus.Article, map[string]*storedText) {
	arts := sampleArticles()
	srcs := map[string]*storedText{}
	for _, a := range arts {
		a.URL = "https://example.org/" + a.ID
		src := &storedText{blocks: a.Blocks, removed: a.Removed}
		a.Blocks, a.Removed = nil, nil
		a.DeferText(src, "")
		srcs[a.ID] = src
	}
	return arts, srcs
}

// listedHarness opens arts as one finished load, as articlesHarness does,
// but keeps the commands the load returns (the background load of texts,
// renderings ahead of need) instead of running them: the texts are not
// in memory until the test runs them.
func listedHarness(t *testing.T, arts []*corpus.Article, w, h int) (*harness, tea.Cmd) {
	t.Helper()
	return listedHarnessWith(t, arts, "", w, h)
}

// listedHarnessWith is listedHarness with the stored grouping at
// storiesStore (compare.StoriesPath; "" keeps none).
func listedHarnessWith(t *testing.T, arts []*corpus.Article, storiesStore string, w, h int) (*harness, tea.Cmd) {
	t.Helper()
	sh := testShared(t)
	hs := &harness{t: t}
	sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { hs.timers = append(hs.timers, msg); return nil }
	}
	hs.m = newModel(Config{Source: corpus.Source{Paths: []string{"/news"}}}, sh)
	hs.m.sh.lib.UseStoriesStore(storiesStore)
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	items := make([]*item, len(arts))
	for i, a := range arts {
		items[i] = newItem(a)
	}
	return hs, hs.keep(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(arts), total: len(arts), done: true})
}

// runAside runs cmd's commands beside the update loop, as Bubble Tea
// does (runEach), and delivers their messages when all have ended, for
// the test to hand to Update.
func runAside(cmd tea.Cmd) <-chan []tea.Msg {
	ch := make(chan []tea.Msg, 1)
	go func() {
		var out []tea.Msg
		for msg := range runEach(cmd) {
			out = append(out, msg)
		}
		ch <- out
	}()
	return ch
}

// keep updates the model with msg and returns its command unrun.
func (hs *harness) keep(msg tea.Msg) tea.Cmd {
	nm, cmd := hs.m.Update(msg)
	hs.m = nm.(Model)
	return cmd
}

// An article opened before its text is in memory shows a loading line
// (and a header without what needs the text) until the rendering, which
// loads the text, arrives; then it shows the text. The background load
// shows its progress in the status line until it ends.
func TestArticleOpenedBeforeItsTextShowsItOnceLoaded(t *testing.T) {
	arts, srcs := listedArticles()
	hs, load := listedHarness(t, arts, 80, 24)
	hs.requireContains("texts 0%")
	for _, a := range arts {
		if a.HasText() {
			t.Fatalf("%s has its text before any command ran", a.ID)
		}
	}

	open := hs.keep(keyMsg("enter"))
	sel := hs.m.list.selected().a
	if hs.m.mode != modeArticle {
		t.Fatalf("mode %v after enter", hs.m.mode)
	}
	hs.requireContains("loading the text…")
	if v := hs.view(); strings.Contains(v, "min read") || strings.Contains(v, "Paragraph 1.") {
		t.Fatalf("the header or body of %s shows its text before it is loaded:\n%s", sel.ID, v)
	}

	// The background load runs beside the update loop, as under Bubble
	// Tea: its commands in another goroutine while the rendering, which
	// loads the selected text itself, comes back to Update (run with -race).
	aside := runAside(load)
	hs.run(open)
	if v := hs.view(); strings.Contains(v, "loading the text") || !strings.Contains(v, "min read") || !strings.Contains(v, "Paragraph 1.") {
		t.Fatalf("%s once its text is loaded:\n%s", sel.ID, v)
	}
	if n := srcs[sel.ID].loads.Load(); n != 1 {
		t.Errorf("%s's text loaded %d times", sel.ID, n)
	}

	for _, msg := range <-aside { // the background load's results: the next batches, then the note goes
		hs.send(msg)
	}
	for _, a := range arts {
		if !a.HasText() || srcs[a.ID].loads.Load() != 1 {
			t.Errorf("%s: text %v, loaded %d times", a.ID, a.HasText(), srcs[a.ID].loads.Load())
		}
	}
	if v := hs.view(); strings.Contains(v, "texts ") {
		t.Errorf("the status line still shows the load of texts:\n%s", v)
	}
}

// A batch of texts loaded in the background reaches the article pane: a
// header built before its article's text was in memory is built again
// with what needs the text (reading time, boilerplate removed), and B,
// which shows the boilerplate, waits for the text rather than say there
// is none.
func TestTextsLoadedReachesTheArticlePane(t *testing.T) {
	arts, _ := listedArticles()
	hs, _ := listedHarness(t, arts, 80, 24)
	for hs.m.list.selected().a.ID != "alpha" { // the one with boilerplate removed
		hs.keep(keyMsg("j"))
	}
	hs.keep(keyMsg("enter")) // its rendering is never run
	hs.keep(keyMsg("B"))
	hs.requireContains("still loading")
	if v := hs.view(); strings.Contains(v, "boilerplate") || strings.Contains(v, "min read") {
		t.Fatalf("header before the text:\n%s", v)
	}

	a := hs.m.list.selected().a
	if err := a.LoadText(); err != nil { // as a batch of the background load does
		t.Fatal(err)
	}
	hs.keep(library.TextsLoaded{N: 1})
	hs.requireContains("min read")
	hs.requireContains("2 lines of site boilerplate removed")
}

// The read-mark key of an article without a URL is made of its text: one
// listed without its text gets the key the whole article has, from the
// store's heads without loading the text, or from the text when the store
// kept none.
func TestReadMarkKeyOfAnArticleListedWithoutItsText(t *testing.T) {
	whole := sampleArticles()[0]
	want := userstate.ArticleKey(whole)
	for _, tc := range []struct {
		stored string
		loads  int32
	}{{want, 0}, {"", 1}} {
		listed := sampleArticles()[0]
		src := &storedText{blocks: listed.Blocks, removed: listed.Removed}
		listed.Blocks, listed.Removed = nil, nil
		listed.DeferText(src, tc.stored)
		if got := newItem(listed).key; got != want || src.loads.Load() != tc.loads {
			t.Errorf("stored key %q: key %q, text loaded %d times; want %q, %d", tc.stored, got, src.loads.Load(), want, tc.loads)
		}
	}
}

// A warm start lists the articles the store serves without their texts,
// searches them from the snapshot, loads the texts in the background and
// then groups them: the same searches, articles and stories as the cold
// start that filled the store.
func TestWarmStartListsThenLoadsTexts(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, 40, 3); err != nil {
		t.Fatal(err)
	}
	cold := startHarness(t, Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}, 100, 30)
	warm := startHarness(t, Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}, 100, 30)
	ca, wa := cold.m.sh.lib.Articles(), warm.m.sh.lib.Articles()
	if loaded, total := warm.m.sh.lib.Texts.Counts(); loaded != len(wa) || total != len(wa) || warm.m.sh.lib.Texts.Loading() {
		t.Fatalf("the warm start loaded %d of %d texts in the background, want all %d", loaded, total, len(wa))
	}
	if loaded, total := cold.m.sh.lib.Texts.Counts(); total != 0 || loaded != 0 {
		t.Errorf("the cold start, which parsed every file, loaded %d of %d texts in the background", loaded, total)
	}
	if !warm.m.sh.lib.Index.FromSnapshot() {
		t.Error("the warm start's search index did not come from the snapshot")
	}
	if len(ca) != len(wa) || len(ca) == 0 {
		t.Fatalf("%d articles cold, %d warm", len(ca), len(wa))
	}
	coldByID := map[string]*corpus.Article{}
	for _, a := range ca {
		coldByID[a.ID] = a
	}
	for _, a := range wa { // in load order, which is not the same each time
		c := coldByID[a.ID]
		if !a.HasText() || c == nil || search.Fingerprint(a) != search.Fingerprint(c) {
			t.Fatalf("warm %s (text %v) differs from the cold start's", a.ID, a.HasText())
		}
	}
	word := strings.Fields(ca[len(ca)/2].Blocks[0].Text)[3]
	if got, want := snippets(t, warm, word), snippets(t, cold, word); got != want || want == "" {
		t.Errorf("search %q warm:\n%s\ncold:\n%s", word, got, want)
	}
	cs, ws := cold.m.sh.lib.Stories(), warm.m.sh.lib.Stories()
	if cs == nil || ws == nil || len(cs.List) != len(ws.List) {
		t.Errorf("stories cold %v, warm %v", cs, ws)
	}
}

// snippets are the IDs and snippets of a search's results, a line each.
func snippets(t *testing.T, hs *harness, q string) string {
	t.Helper()
	res, err := hs.m.sh.lib.Index.Search().Search(context.Background(), q, search.Options{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, h := range res.Hits {
		b.WriteString(h.Article.ID + ": " + h.Snippet + "\n")
	}
	return b.String()
}

package ui

import (
	"context"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/userstate"
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

// listedHarnessWith is listedHarness with the reader's caches (the
// stored grouping at compare.StoriesPath(cacheDir, newsSource)) in
// cacheDir ("" keeps none).
func listedHarnessWith(t *testing.T, arts []*corpus.Article, cacheDir string, w, h int) (*harness, tea.Cmd) {
	t.Helper()
	sh := testShared(t)
	hs := &harness{t: t}
	sh.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { hs.timers = append(hs.timers, msg); return nil }
	}
	hs.m = newModel(Config{Source: newsSource, Load: corpus.Options{CacheDir: cacheDir}}, sh)
	t.Cleanup(hs.m.Close)
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	items := itemsOf(arts)
	return hs, hs.keep(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(arts), total: len(arts), done: true})
}

// newsSource is the folder listedHarness's articles are said to come from.
var newsSource = corpus.Source{Paths: []string{"/news"}}

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
// loads the text, arrives; then it shows the text. Nothing else loads a
// text: the start's commands (the preview of the selection) load the
// selected article's alone, and the status line shows no load of texts.
func TestArticleOpenedBeforeItsTextShowsItOnceLoaded(t *testing.T) {
	arts, _ := listedArticles()
	hs, load := listedHarness(t, arts, 80, 24)
	if v := hs.view(); strings.Contains(v, "texts ") {
		t.Fatalf("the status line shows a load of texts:\n%s", v)
	}
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

	// The start's commands run beside the update loop, as under Bubble
	// Tea, while the rendering, which loads the selected text itself,
	// comes back to Update (run with -race).
	aside := runAside(load)
	hs.run(open)
	if v := hs.view(); strings.Contains(v, "loading the text") || !strings.Contains(v, "min read") || !strings.Contains(v, "Paragraph 1.") {
		t.Fatalf("%s once its text is loaded:\n%s", sel.ID, v)
	}
	for _, msg := range <-aside {
		hs.keep(msg)
	}
	// Opening renders the next article ahead (the likeliest to be read
	// next): it and the opened one hold their texts, no other.
	next := hs.m.list.neighbour(+1)
	for _, a := range arts {
		want := a == sel || next != nil && a == next.a
		if a.HasText() != want {
			t.Errorf("%s holds its text: %v, want %v", a.ID, a.HasText(), want)
		}
	}
}

// A header built before its article's text was in memory is built again
// with what needs the text (reading time, boilerplate removed) when the
// rendering, which loads it, arrives; B, which shows the boilerplate,
// waits for the text rather than say there is none.
func TestTextArrivesInTheArticlePane(t *testing.T) {
	arts, _ := listedArticles()
	hs, _ := listedHarness(t, arts, 80, 24)
	for hs.m.list.selected().a.ID != "alpha" { // the one with boilerplate removed
		hs.keep(keyMsg("j"))
	}
	open := hs.keep(keyMsg("enter")) // its rendering is not run yet
	hs.keep(keyMsg("B"))
	hs.requireContains("still loading")
	if v := hs.view(); strings.Contains(v, "boilerplate") || strings.Contains(v, "min read") {
		t.Fatalf("header before the text:\n%s", v)
	}
	hs.run(open)
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
// searches them from the snapshot and shows the stored stories, and loads
// no text but the ones it shows: the selected article's (rendered ahead),
// then the one opened (and the next, rendered ahead), then the two
// compared. It finds what the cold start that filled the store finds,
// and its articles are the cold start's.
func TestWarmStartLoadsOnlyTheTextsItShows(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, 40, 3); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}
	cold := startHarness(t, cfg, 100, 30)
	warm := startHarness(t, cfg, 100, 30)
	ca, wa := cold.m.sh.lib.Articles(), warm.m.sh.lib.Articles()
	if !warm.m.sh.lib.Index.FromSnapshot() {
		t.Error("the warm start's search index did not come from the snapshot")
	}
	if cs, ws := cold.m.sh.lib.Stories(), warm.m.sh.lib.Stories(); cs == nil || ws == nil || len(cs.List) != len(ws.List) {
		t.Fatalf("stories cold %v, warm %v", cs, ws)
	}
	if len(ca) != len(wa) || len(ca) == 0 {
		t.Fatalf("%d articles cold, %d warm", len(ca), len(wa))
	}
	shown := map[*corpus.Article]bool{warm.m.list.selected().a: true} // the preview
	holding := func(when string) {
		t.Helper()
		for _, a := range wa {
			if a.HasText() != shown[a] {
				t.Errorf("%s: %s holds its text: %v, want %v", when, a.ID, a.HasText(), shown[a])
			}
		}
	}
	holding("at start")

	warm.press("j", "enter")
	shown[warm.m.list.selected().a] = true
	if next := warm.m.list.neighbour(+1); next != nil {
		shown[next.a] = true
	}
	holding("an article opened")

	warm.press("esc", "c")
	cp := warm.m.panes[modeCompare].(*comparePane)
	if warm.m.mode != modeCompare || cp.a == nil || cp.b == nil {
		t.Fatalf("no comparison: mode %v", warm.m.mode)
	}
	shown[cp.a], shown[cp.b] = true, true
	holding("two articles compared")

	coldByID := map[string]*corpus.Article{}
	for _, a := range ca {
		coldByID[a.ID] = a
	}
	for _, a := range wa { // in load order, which is not the same each time
		c := coldByID[a.ID]
		if c == nil || search.Fingerprint(a) != search.Fingerprint(c) {
			t.Fatalf("warm %s differs from the cold start's", a.ID)
		}
	}
	word := strings.Fields(ca[len(ca)/2].Blocks[0].Text)[3]
	if got, want := snippets(t, warm, word), snippets(t, cold, word); got != want || want == "" {
		t.Errorf("search %q warm:\n%s\ncold:\n%s", word, got, want)
	}
}

// A warm start where the snapshot and the stored stories are of fewer
// articles (files added since) takes the new ones into both: the index
// opens its snapshot and indexes the new articles as a delta, written as
// the next snapshot once the start has settled; the new articles are
// searchable and grouped, and the texts read from the store for it are
// not kept.
func TestWarmStartWithNewArticlesIndexesAndGroupsThem(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, 40, 3); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}
	startHarness(t, cfg, 100, 30) // fills the store, the snapshot and the stored stories
	if err := gen.Write(filepath.Join(dir, "later"), 6, 9); err != nil {
		t.Fatal(err)
	}
	warm := startHarness(t, cfg, 100, 30)
	if x := warm.m.sh.lib.Index; !x.FromSnapshot() || !x.Search().Changed() || x.Behind() {
		t.Errorf("index from the snapshot %v, with a delta %v, behind %v", x.FromSnapshot(), x.Search().Changed(), x.Behind())
	}
	st := warm.m.sh.lib.Stories()
	if st == nil {
		t.Fatal("no stories")
	}
	selected := warm.m.list.selected().a
	var added []*corpus.Article
	for _, a := range warm.m.sh.lib.Articles() {
		if st.Of(a) == nil {
			t.Errorf("%s is in no story", a.ID)
		}
		if strings.HasPrefix(a.ID, "later/") {
			added = append(added, a) // parsed now: it holds the text it was parsed from
			continue
		}
		if a.HasText() && a != selected {
			t.Errorf("%s holds its text after indexing and grouping", a.ID)
		}
	}
	if len(added) == 0 {
		t.Fatal("no article added")
	}
	// Every new article is found by a word of its text.
	for _, a := range added {
		blocks, _ := a.Text()
		word := strings.Fields(blocks[0].Text)[3]
		res, err := warm.m.sh.lib.Index.Search().Search(context.Background(), word, search.Options{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range res.Hits {
			found = found || h.Article == a
		}
		if !found {
			t.Errorf("%s not found by %q", a.ID, word)
		}
	}
	if !warm.m.load.settled || !warm.m.sh.lib.Index.Saved() {
		t.Fatalf("settled %v, the merged index saved %v", warm.m.load.settled, warm.m.sh.lib.Index.Saved())
	}
	path := search.SnapshotPath(cacheDir, cfg.Source)
	if _, err := search.LoadSnapshot(path, warm.m.sh.lib.Articles()); err != nil {
		t.Errorf("the next snapshot is not of the corpus as it is: %v", err)
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

// Copying an article without a URL from the list (y) copies its text as
// Markdown even though nothing has loaded it, and leaves it unloaded.
func TestCopyFromTheListReadsTheText(t *testing.T) {
	arts, srcs := listedArticles()
	for _, a := range arts {
		a.URL = ""
	}
	hs, _ := listedHarness(t, arts, 80, 24)
	var copied []string
	hs.m.sh.sys.copy = func(s string) error { copied = append(copied, s); return nil }
	hs.keep(keyMsg("j")) // its preview is not rendered
	a := hs.m.list.selected().a
	hs.run(hs.keep(keyMsg("y")))
	body := srcs[a.ID].blocks[0].Text
	if len(copied) != 1 || !strings.Contains(copied[0], corpus.EscapeMarkdown(body)) {
		t.Fatalf("copied %q, want %s's text (%q)", copied, a.ID, body)
	}
	if a.HasText() {
		t.Errorf("%s holds its text after a copy", a.ID)
	}
}

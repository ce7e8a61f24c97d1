package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/store"
)

// searchArticles is sampleArticles plus a long article with a rare word
// ("zebra") twice, far down its body.
func searchArticles() []*corpus.Article {
	arts := sampleArticles()
	var blocks []corpus.Block
	for i := 0; i < 40; i++ {
		text := fmt.Sprintf("Filler paragraph %d about harbour logistics and shipping schedules for the coming season.", i+1)
		if i == 24 || i == 33 {
			text += " A zebra was seen near the cranes."
		}
		blocks = append(blocks, para(text))
	}
	z := &corpus.Article{ID: "zeta", Title: "Harbour strike ends", Outlet: "Port News",
		Published: time.Date(2025, 11, 20, 10, 0, 0, 0, time.UTC), Blocks: blocks}
	for _, b := range blocks {
		z.Words += corpus.CountWords(b.Text)
	}
	return append(arts, z)
}

// typeText types s one key at a time.
func (hs *harness) typeText(s string) {
	hs.t.Helper()
	for _, r := range s {
		hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

func (hs *harness) requireTotal(query string, total int) {
	hs.t.Helper()
	r := hs.m.search.res
	if r == nil || hs.m.search.query != query || r.Total != total {
		got := -1
		if r != nil {
			got = r.Total
		}
		hs.t.Fatalf("results for %q: %d, want %d for %q", hs.m.search.query, got, total, query)
	}
}

func (hs *harness) requireStatusLine(want string) {
	hs.t.Helper()
	if !strings.Contains(hs.m.statusText, want) {
		hs.t.Fatalf("status line %q does not contain %q", hs.m.statusText, want)
	}
}

func TestSearchAsYouType(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	hs.requireMode(modeSearch)
	hs.requireContains("type to search 6 articles")
	hs.requireContains(`"exact phrase"`) // the query language, before anything is typed

	hs.typeText("env") // the last word is a prefix while typing
	hs.requireTotal("env", 2)
	hs.requireContains("2 matches")
	hs.requireContains("Kremlin awaits US envoy")
	hs.requireContains("Envoys report progress")
	hs.requireStatusLine("1/2")

	hs.typeText("oy")
	hs.requireTotal("envoy", 2)
	hs.typeText(" zzzq")
	hs.requireTotal("envoy zzzq", 0)
	hs.requireContains("no matches")
	hs.press("backspace", "backspace", "backspace", "backspace", "backspace")
	hs.requireTotal("envoy", 2)

	// Keys that mean something elsewhere are text here.
	hs.typeText(" q?!")
	hs.requireMode(modeSearch)
	if v := hs.m.search.input.Value(); v != "envoy q?!" {
		t.Fatalf("bar holds %q", v)
	}
}

func TestSearchMovesThroughResults(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	hs.typeText("envoy")
	first := hs.m.search.selectedArticle()
	for _, k := range []tea.KeyMsg{{Type: tea.KeyDown}, {Type: tea.KeyCtrlN}} {
		hs.send(k)
		if hs.m.search.sel != 1 {
			t.Fatalf("%s: selection %d, want 1", k, hs.m.search.sel)
		}
		hs.send(tea.KeyMsg{Type: tea.KeyCtrlP})
		if hs.m.search.sel != 0 || hs.m.search.selectedArticle() != first {
			t.Fatalf("ctrl+p: selection %d", hs.m.search.sel)
		}
	}
	hs.press("up") // stays on the first
	if hs.m.search.sel != 0 {
		t.Fatal("moved above the first result")
	}
}

// collect runs cmd and returns the messages it produces, batches opened.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

func TestSearchDropsStaleResults(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	nm, older := hs.m.Update(keyMsg("z"))
	hs.m = nm.(Model)
	staleSeq := hs.m.search.seq
	nm, newer := hs.m.Update(keyMsg("e"))
	hs.m = nm.(Model)
	hs.run(newer)
	hs.requireTotal("ze", 1)

	// The newer keystroke cancelled the older search: it delivers nothing.
	for _, msg := range collect(older) {
		if _, ok := msg.(searchResultsMsg); ok {
			t.Fatalf("a cancelled search delivered results: %#v", msg)
		}
	}
	// Results of an older search that arrive late are dropped.
	hs.send(searchResultsMsg{seq: staleSeq, query: "z", res: &search.Results{Total: 99}})
	hs.requireTotal("ze", 1)
	// So are results that arrive after the search closed.
	hs.press("esc")
	hs.send(searchResultsMsg{seq: staleSeq, query: "z", res: &search.Results{Total: 99}})
	if hs.m.search.res != nil {
		t.Fatal("results kept after the search closed")
	}
}

func TestSearchInvalidQueryKeepsResults(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	hs.typeText(`envoy "mosc`)
	hs.requireTotal("envoy ", 2) // the last valid query
	hs.requireContains("unbalanced quote")
	hs.requireContains("Kremlin awaits US envoy")
	hs.typeText(`ow"`)
	hs.requireTotal(`envoy "moscow"`, 1)
	if hs.m.search.errText != "" {
		t.Fatalf("error kept: %q", hs.m.search.errText)
	}
}

func TestSearchOpensAtFirstHit(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.m.sh.styles.Hits = testPaint // make the highlights visible
	hs.press("/")
	hs.typeText("zebra")
	hs.requireTotal("zebra", 1)
	hs.press("enter")
	hs.requireMode(modeArticle)
	hs.requireSelected("zeta")
	hs.requireStatusLine("result 1/1 · hit 1/2")
	if hs.m.article.body.offset == 0 {
		t.Fatal("the article did not scroll to the first hit")
	}
	currentLine := func() string {
		for _, l := range strings.Split(hs.view(), "\n") {
			if strings.Contains(l, testPaint.current) {
				return readable(l)
			}
		}
		t.Fatalf("no current hit on screen:\n%s", readable(hs.view()))
		return ""
	}
	if l := currentLine(); !strings.Contains(l, "{zebra]") {
		t.Fatalf("current hit line %q", l)
	}
	hs.requireContains("Filler paragraph 25")
	first := hs.m.article.body.offset

	hs.press("n")
	hs.requireStatusLine("hit 2/2")
	if l := currentLine(); !strings.Contains(l, "{zebra]") {
		t.Fatalf("n: current hit line %q", l)
	}
	hs.requireContains("Filler paragraph 34")
	if hs.m.article.body.offset <= first {
		t.Fatal("n did not scroll down to the second hit")
	}
	hs.press("n")
	hs.requireStatusLine("hit 1/2")
	hs.requireContains("back at the first hit")
	hs.press("N")
	hs.requireStatusLine("hit 2/2")
	hs.requireContains("back at the last hit") // N at the first hit wraps and says so
	hs.press("N")
	hs.requireStatusLine("hit 1/2")
	if hs.m.article.body.offset != first {
		t.Fatalf("back at the first hit, offset %d, want %d", hs.m.article.body.offset, first)
	}
}

func TestSearchEscRestoresList(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 8) // 5 rows of 6 articles
	hs.press("G", "k")
	sel, off := hs.m.list.sel, hs.m.list.offset
	if off == 0 {
		t.Fatal("test needs a scrolled list")
	}
	before := hs.view()

	hs.press("/")
	hs.typeText("envoy")
	hs.press("down", "enter") // opening a result moves the list selection
	hs.requireMode(modeArticle)
	hs.press("esc")
	hs.requireMode(modeSearch)
	hs.requireTotal("envoy", 2)
	if hs.m.search.sel != 1 {
		t.Fatalf("back in the results on %d, want 1", hs.m.search.sel)
	}
	hs.press("esc")
	hs.requireMode(modeList)
	if hs.m.list.sel != sel || hs.m.list.offset != off {
		t.Fatalf("list at %d (offset %d), want %d (offset %d)", hs.m.list.sel, hs.m.list.offset, sel, off)
	}
	if hs.m.article.hits != nil {
		t.Fatal("hits still highlighted after the search closed")
	}
	// Only the read mark of the opened article differs.
	if got := strings.Count(hs.view(), "●"); got != strings.Count(before, "●")-1 {
		t.Fatalf("list changed:\n%s\nwas:\n%s", hs.view(), before)
	}
}

func TestSearchStepsThroughResults(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	hs.typeText("envoy")
	second := hs.m.search.res.Hits[1].Article.ID
	hs.press("enter", "]")
	hs.requireSelected(second)
	hs.requireStatusLine("result 2/2")
	if h := hs.m.article.hits; h == nil || len(h.body)+len(h.title) == 0 {
		t.Fatal("the next result has no hits highlighted")
	}
	hs.press("]")
	hs.requireContains("this is the last result")
}

func TestFindInArticle(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	for hs.selectedID() != "zeta" {
		hs.press("j")
	}
	hs.press("enter", "/")
	if !hs.m.article.typing() {
		t.Fatal("/ did not open the find bar")
	}
	hs.typeText("zebr")
	hs.requireStatusLine("hit 1/2")
	hs.requireContains("/zebr")
	hs.typeText("a?") // ? is text here, not help
	hs.requireMode(modeArticle)
	hs.requireContains("/zebra?")
	hs.press("enter")
	if hs.m.article.typing() {
		t.Fatal("enter did not leave the find bar")
	}
	hs.press("n")
	hs.requireStatusLine("hit 2/2")
	hs.press("esc") // clears the find, stays in the article
	hs.requireMode(modeArticle)
	if hs.m.article.hits != nil || hs.m.article.find.active {
		t.Fatal("esc did not clear the find")
	}
	if strings.Contains(hs.m.statusText, "hit ") {
		t.Fatalf("status still shows hits: %q", hs.m.statusText)
	}
	hs.press("/")
	hs.typeText("qqxqq")
	hs.requireContains("no match")
	hs.press("enter") // nothing to keep: the bar closes
	if hs.m.article.find.active {
		t.Fatal("the find bar stayed open with no hits")
	}
	hs.press("esc")
	hs.requireMode(modeList)
}

func TestFindAfterSearchComesBackToSearchHits(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 80, 24)
	hs.press("/")
	hs.typeText("zebra")
	hs.press("enter", "/")
	hs.typeText("filler")
	if n := len(hs.m.article.hits.body); n != 40 {
		t.Fatalf("find: %d hits, want 40", n)
	}
	hs.press("esc")
	if hs.m.article.hits == nil || len(hs.m.article.hits.body) != 2 {
		t.Fatal("esc did not bring back the search's hits")
	}
	hs.requireMode(modeArticle)
}

func TestSearchWhileIndexing(t *testing.T) {
	hs := newHarness(t, emptySource(), 80, 24)
	hs.press("/")
	hs.typeText("zebra")
	hs.requireContains("no matches")

	// A batch arrives; until the index has it, the bar says so.
	items := []*item{newItem(searchArticles()[5])}
	nm, cmd := hs.m.Update(loadBatchMsg{gen: hs.m.load.gen, items: items, read: 1, total: 2})
	hs.m = nm.(Model)
	hs.requireContains("indexing…")
	hs.run(cmd) // indexes the batch, then searches again
	hs.requireTotal("zebra", 1)
	hs.send(loadBatchMsg{gen: hs.m.load.gen, read: 2, total: 2, done: true})
	if strings.Contains(hs.view(), "indexing") {
		t.Fatalf("still indexing after the load:\n%s", hs.view())
	}
}

func TestSearchPreviewWhenWide(t *testing.T) {
	hs := articlesHarness(t, searchArticles(), 140, 40)
	hs.press("/")
	hs.typeText("envoy")
	want := hs.m.search.res.Hits[0].Article
	if hs.m.article.it == nil || hs.m.article.it.a != want || hs.m.article.hits == nil {
		t.Fatal("the preview does not show the first result with its hits")
	}
	hs.send(tea.KeyMsg{Type: tea.KeyCtrlN})
	if hs.m.article.it.a != hs.m.search.res.Hits[1].Article {
		t.Fatal("the preview did not follow the selection")
	}
	hs.typeText(" zzzq")
	if hs.m.article.it != nil {
		t.Fatal("the preview still shows an article when nothing matches")
	}
}

func TestSearchAsksForMoreResultsNearTheEnd(t *testing.T) {
	hs := articlesHarness(t, gen.Articles(300, 1), 80, 24)
	hs.press("/")
	hs.typeText("said")
	total := hs.m.search.res.Total
	if total <= searchPage || len(hs.m.search.res.Hits) != searchPage {
		t.Fatalf("%d matches, %d shown: the test needs more than a page", total, len(hs.m.search.res.Hits))
	}
	for i := 0; i < searchPage; i++ {
		hs.press("down")
	}
	if n := len(hs.m.search.res.Hits); n <= searchPage || hs.m.search.sel != searchPage {
		t.Fatalf("after moving past the first page: %d results, selection %d", n, hs.m.search.sel)
	}
	hs.requireStatusLine(fmt.Sprintf("%d/", searchPage+1))
	hs.typeText("x") // a new query starts with one page again
	if hs.m.search.limit != searchPage {
		t.Fatalf("limit %d after a new query", hs.m.search.limit)
	}
}

func TestSearchNamesTheSpellingsUsed(t *testing.T) {
	arts := searchArticles()
	arts = append(arts, &corpus.Article{ID: "wit", Title: "Envoy travels", Outlet: "C", Blocks: []corpus.Block{
		para("Steve Witkoff flew to Moscow; Witkoff met officials.")}})
	hs := articlesHarness(t, arts, 100, 24)
	hs.press("/")
	hs.typeText("witkof ") // a finished word with no exact hits: close spellings
	hs.requireTotal("witkof ", 1)
	hs.requireContains("also searched: Witkoff") // written as the article writes it
}

// TestReaderRanksAsTheCommandLine: the reader's search and `parallax
// search` (a plain search of the same index) list the same articles in the
// same order for the same query; the position counts every match.
func TestReaderRanksAsTheCommandLine(t *testing.T) {
	hs := seedsHarness(t, 100, 40)
	for _, q := range []string{"talks", "peace", "ukraine war", "umerov", "kremlin test", "florida"} {
		want, err := hs.m.sh.lib.Index.Search().Search(context.Background(), q, search.Options{Limit: searchPage})
		if err != nil {
			t.Fatal(err)
		}
		hs.press("/")
		for _, r := range q {
			hs.send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}) // a space too, as terminals send it
		}
		got := hs.m.search.res
		if got == nil || len(got.Hits) != len(want.Hits) {
			t.Fatalf("%q: reader %v, command line %d results", q, got, len(want.Hits))
		}
		for i := range got.Hits {
			if got.Hits[i].Article != want.Hits[i].Article {
				t.Errorf("%q: result %d is %s in the reader, %s on the command line", q, i+1, got.Hits[i].Article.ID, want.Hits[i].Article.ID)
			}
		}
		if pos := hs.m.search.Position(); pos != "1/"+formatCount(want.Total) {
			t.Errorf("%q: position %q beside %s", q, pos, resultCount(want.Total))
		}
		hs.press("esc")
	}
}

// Opening the search while the load waits for the index snapshot ends the
// wait, so that what has loaded is searchable at once.
func TestSearchOpenedWhileHolding(t *testing.T) {
	sh := testShared(t)
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := os.WriteFile(path, []byte("a snapshot"), 0o600); err != nil {
		t.Fatal(err)
	}
	sh.lib.Index = store.NewIndex(path)
	x := sh.lib.Index
	p := newSearchPane(sh)
	x.LoadBatch(p.register([]*item{newItem(&corpus.Article{ID: "a", Title: "Harbour talks"})}, -1), nil, false)
	if !x.Holding() {
		t.Fatal("not waiting for the snapshot")
	}
	cmd := p.open(listPlace{})
	if x.Holding() || cmd == nil {
		t.Fatal("opening the search did not end the wait")
	}
}

// A search that finds the index snapshot damaged (a part checked as it is
// read) tells the reader once and starts building the index again.
func TestSearchFindsSnapshotDamaged(t *testing.T) {
	sh := testShared(t)
	arts := searchArticles()
	path := filepath.Join(t.TempDir(), "index-test.cache")
	built := search.New()
	built.Add(arts)
	if err := search.SaveSnapshot(built, path); err != nil {
		t.Fatal(err)
	}
	sh.lib.Index = store.NewIndex(path)
	x := sh.lib.Index
	p := newSearchPane(sh)
	items := itemsOf(arts)
	read, ok := x.LoadBatch(p.register(items, -1), nil, true)[0]().(store.SnapshotRead)
	if !ok || read.Err() != nil {
		t.Fatalf("snapshot not read: %v", read.Err())
	}
	x.SnapshotLoaded(read)
	damaged := x.Search()
	failed := searchResultsMsg{seq: p.seq, query: "zebra", err: fmt.Errorf("%w: postings of %q", search.ErrDamaged, "zebra"), ix: damaged}
	p, cmd := p.update(failed)
	var said, rebuilt bool
	for _, msg := range collect(cmd) {
		switch msg := msg.(type) {
		case statusMsg:
			said = strings.Contains(msg.text, "damaged") && strings.Contains(msg.text, "rebuilt")
		case store.Indexed:
			rebuilt = true
		}
	}
	if !said || !rebuilt || x.Search() == damaged || x.FromSnapshot() {
		t.Fatalf("a damaged snapshot found by a search: said %v, rebuilt %v", said, rebuilt)
	}
	if _, cmd := p.update(failed); cmd != nil {
		t.Fatalf("the same damage reported again: %v", collect(cmd))
	}
}

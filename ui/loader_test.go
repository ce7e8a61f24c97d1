package ui

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
)

func TestLoadsSeedsInTheBackground(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	if hs.m.load.loading {
		t.Fatal("load did not finish")
	}
	if n := len(hs.m.list.items); n != 5 {
		t.Fatalf("%d seed articles, want 5", n)
	}
	hs.requireContains("5 articles")
	hs.requireContains("5 unread")
}

func TestFirstFrameBeforeAnyBatch(t *testing.T) {
	sh := testShared(t)
	m := newModel(Config{Source: emptySource()}, sh)
	defer m.Close()
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	v := nm.View()
	if !strings.Contains(v, "Loading articles…") {
		t.Fatalf("first frame should say it is loading:\n%s", v)
	}
	requireFits(t, v, 80, 24, "first frame")
}

// handModel is a reader over nothing, w×h, driven message by message: the
// commands it asks for are not run.
func handModel(t *testing.T, w, h int) (m *Model, step func(tea.Msg)) {
	t.Helper()
	mod := newModel(Config{Source: emptySource()}, testShared(t))
	t.Cleanup(mod.Close)
	m = &mod
	step = func(msg tea.Msg) {
		nm, _ := m.Update(msg)
		*m = nm.(Model)
	}
	step(tea.WindowSizeMsg{Width: w, Height: h})
	return m, step
}

func TestProgressBarAfterDelay(t *testing.T) {
	m, step := handModel(t, 100, 24)
	step(loadBatchMsg{gen: m.load.gen, read: 10, total: 40})
	if strings.Contains(m.View(), "loading 10/40") {
		t.Fatal("progress shown before the delay")
	}
	step(showProgressMsg{gen: m.load.gen})
	if v := m.View(); !strings.Contains(v, "loading 10/40") || !strings.Contains(v, "█████░") {
		t.Fatalf("no progress bar:\n%s", v)
	}
	step(loadBatchMsg{gen: m.load.gen, read: 40, total: 40, done: true})
	if strings.Contains(m.View(), "loading") {
		t.Fatal("progress bar outlived the load")
	}
}

func TestEmptyCorpusScreen(t *testing.T) {
	hs := newHarness(t, emptySource(), 80, 24)
	hs.requireContains("No articles here")
	hs.requireContains("No files were found in embedded empty")
}

func TestAllSkippedScreen(t *testing.T) {
	hs := fixtureHarness(t, map[string]string{"blank.txt": "   \n\n", "empty.txt": ""}, 80, 24)
	hs.requireContains("No articles could be read")
	hs.requireContains("All 2 files were skipped")
	hs.requireContains("2 skipped (!)")
	hs.press("!")
	hs.requireContains("blank.txt")
	hs.requireContains("empty.txt")
}

func TestManyFilesArriveInOrder(t *testing.T) {
	fs := fstest.MapFS{}
	for i := 0; i < 300; i++ {
		fs[fmt.Sprintf("d%03d/a.txt", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"Story number %d about the talks\nexample%d.com\n\nBody of story %d, with enough words to be an article about the talks in Florida.\n", i, i%7, i))}
	}
	hs := newHarness(t, corpus.Source{FS: fs, FSName: "many"}, 80, 24)
	if n := len(hs.m.list.items); n != 300 {
		t.Fatalf("%d items, want 300", n)
	}
	for i := 1; i < len(hs.m.list.items); i++ {
		if sortDate.compare(hs.m.list.items[i-1], hs.m.list.items[i]) > 0 {
			t.Fatal("merged batches are out of order")
		}
	}
	hs.press("G")
	hs.requireContains("300/300")
}

func TestSelectionDuringLoad(t *testing.T) {
	arts := sampleArticles()
	batch := func(hs *harness, as ...*corpus.Article) {
		items := make([]*item, len(as))
		for i, a := range as {
			items[i] = newItem(a)
		}
		hs.send(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(items), total: 10})
	}
	// Untouched: the top of the list stays selected as newer articles arrive.
	hs := newHarness(t, emptySource(), 80, 24)
	hs.m.load.loading = true
	batch(hs, arts[3], arts[4]) // delta, epsilon
	batch(hs, arts[2])          // gamma, the newest
	hs.requireSelected("gamma")
	// Once the reader moves, their article stays selected.
	hs.press("j") // epsilon
	batch(hs, arts[0], arts[1])
	hs.requireSelected("epsilon")
}

// Grouping stories waits for the search index: both want every core, and
// search is what a reader reaches for first after a load.
func TestGroupingWaitsForTheIndex(t *testing.T) {
	m, step := handModel(t, 100, 24)
	step(loadBatchMsg{gen: m.load.gen, items: testItems("a", "b"), read: 2, total: 3})
	step(loadBatchMsg{gen: m.load.gen, items: testItems("c"), read: 3, total: 3, done: true})
	if m.story.state.busy || !m.story.state.deferred {
		t.Fatalf("grouping started before the index was complete: busy %v deferred %v", m.story.state.busy, m.story.state.deferred)
	}
	step(store.Indexed{N: 2})
	if m.story.state.busy {
		t.Fatal("grouping started with one batch still being indexed")
	}
	step(store.Indexed{N: 1})
	if !m.story.state.busy || m.story.state.deferred {
		t.Fatalf("grouping did not start once the index was complete: busy %v deferred %v", m.story.state.busy, m.story.state.deferred)
	}

	// A load whose index is already complete when it ends groups at once.
	m, step = handModel(t, 100, 24)
	step(loadBatchMsg{gen: m.load.gen, items: testItems("a"), read: 1, total: 2})
	step(store.Indexed{N: 1})
	step(loadBatchMsg{gen: m.load.gen, read: 2, total: 2, done: true})
	if !m.story.state.busy {
		t.Fatal("grouping did not start at the end of a load whose index was complete")
	}
}

// A grouping superseded by a newer one is cancelled: it delivers nothing
// (and stops working), the newer one delivers its stories.
func TestSupersededGroupingIsCancelled(t *testing.T) {
	m, _ := handModel(t, 100, 24)
	var arts []*item
	for _, a := range sampleArticles() {
		arts = append(arts, newItem(a))
	}
	m.list.add(arts)
	// tea.Batch hands back a lone command as it is, and several as a
	// BatchMsg whose first is the grouping (the spinner starts once).
	run := func(c tea.Cmd) tea.Msg {
		msg := c()
		if batch, ok := msg.(tea.BatchMsg); ok {
			return batch[0]()
		}
		return msg
	}
	first := m.startGrouping()
	second := m.startGrouping()
	if msg := run(first); msg != nil {
		t.Fatalf("the superseded grouping delivered %T", msg)
	}
	if msg, ok := run(second).(storiesMsg); !ok || msg.stories == nil || msg.seq != m.story.state.seq {
		t.Fatalf("the current grouping delivered %#v", msg)
	}
}

// A load's batches are indexed when it ends, not as they arrive (the
// parsers that the list waits for keep the cores), unless the search is
// opened first.
func TestLoadIndexedWhenItEnds(t *testing.T) {
	m, step := handModel(t, 100, 24)
	x := m.sh.lib.Index
	step(loadBatchMsg{gen: m.load.gen, items: testItems("a", "b"), read: 2, total: 3})
	if x.Adding() || len(x.Pending()) != 0 || x.Indexed() != 0 || !x.Holding() {
		t.Fatalf("indexing while the load goes on: adding %v, pending %d, indexed %d", x.Adding(), len(x.Pending()), x.Indexed())
	}
	step(loadBatchMsg{gen: m.load.gen, items: testItems("c"), read: 3, total: 3, done: true})
	if !x.Adding() || x.Holding() {
		t.Fatalf("the load ended and nothing is indexing: adding %v, holding %v", x.Adding(), x.Holding())
	}
	step(store.Indexed{N: 3})
	if x.Behind() || x.Indexed() != 3 {
		t.Fatalf("index not complete: %d of %d", x.Indexed(), x.Queued())
	}
}

// With the search opened during a load, what has loaded is indexed at
// once, and batches that arrive while the index is adding one wait and go
// to the index together, in the order they arrived.
func TestIndexingCoalescesBatches(t *testing.T) {
	m, step := handModel(t, 100, 24)
	step(keyMsg("/"))
	if !m.search.isOpen() {
		t.Fatal("the search did not open")
	}
	step(loadBatchMsg{gen: m.load.gen, items: testItems("a"), read: 1, total: 4})
	x := m.sh.lib.Index
	if !x.Adding() || len(x.Pending()) != 0 {
		t.Fatalf("first batch not handed to the index: adding %v, pending %d", x.Adding(), len(x.Pending()))
	}
	step(loadBatchMsg{gen: m.load.gen, items: testItems("b", "c"), read: 3, total: 4})
	step(loadBatchMsg{gen: m.load.gen, items: testItems("d"), read: 4, total: 4, done: true})
	var ids []string
	for _, a := range x.Pending() {
		ids = append(ids, a.ID)
	}
	if got := strings.Join(ids, " "); got != "b c d" {
		t.Fatalf("waiting for the index: %q, want \"b c d\"", got)
	}
	step(store.Indexed{N: 1})
	if !x.Adding() || len(x.Pending()) != 0 || x.Indexed() != 1 || x.Queued() != 4 {
		t.Fatalf("after the first Add: adding %v, pending %d, indexed %d of %d", x.Adding(), len(x.Pending()), x.Indexed(), x.Queued())
	}
	step(store.Indexed{N: 3})
	if x.Adding() || x.Behind() {
		t.Fatalf("index not complete: adding %v, indexed %d of %d", x.Adding(), x.Indexed(), x.Queued())
	}
}

// testItems makes one-paragraph articles with these IDs, as list items.
func testItems(ids ...string) []*item {
	var out []*item
	for _, id := range ids {
		out = append(out, newItem(&corpus.Article{ID: id, Title: "Title " + id, Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "Body of " + id}}}))
	}
	return out
}

// A batch that moves the list's selection (the newest article arrives at
// the top) while the search holds the preview leaves the preview alone;
// the list's selection is shown when the search closes.
func TestBatchLeavesTheSearchsPreviewAlone(t *testing.T) {
	m, step := handModel(t, 160, 45)
	dated := func(id string, year int) *item {
		it := testItems(id)[0]
		it.a.Published = time.Date(year, 3, 1, 9, 0, 0, 0, time.UTC)
		return newItem(it.a)
	}
	old, newest := dated("old", 2020), dated("newest", 2025)
	step(loadBatchMsg{gen: m.load.gen, items: []*item{old}, read: 1, total: 2})
	if m.article.it != old {
		t.Fatalf("the preview shows %v, want the list's selection", m.article.it)
	}
	step(keyMsg("/"))
	if m.mode != modeSearch {
		t.Fatal("the search did not open")
	}
	shown := m.article.it // the search's preview (none before a query)
	step(loadBatchMsg{gen: m.load.gen, items: []*item{newest}, read: 2, total: 2, done: true})
	if m.list.selected() != newest {
		t.Fatalf("the list's selection did not follow the newest article: %v", m.list.selected())
	}
	if m.article.it != shown {
		t.Fatal("a batch replaced the search's preview with the list's selection")
	}
	step(keyMsg("esc"))
	if m.mode != modeList || m.article.it != m.list.selected() {
		t.Fatalf("after the search: mode %v, preview %v, list's selection %v", m.mode, m.article.it, m.list.selected())
	}
}

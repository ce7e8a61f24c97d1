package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

func snapshotArticles(n int, word string) []*item {
	var out []*item
	for i := range n {
		out = append(out, newItem(&corpus.Article{
			ID: fmt.Sprintf("a%02d", i), Outlet: "example.org", Title: fmt.Sprintf("Report %d on the %s", i, word),
			Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: fmt.Sprintf("Body %d mentions the %s and harbour talks.", i, word)}},
		}))
	}
	return out
}

// run runs a command that the pane returned and hands what it delivers
// back to the pane, as the update loop would, until nothing is left.
func runPane(t *testing.T, p *searchPane, cmd tea.Cmd) {
	t.Helper()
	for cmd != nil {
		switch msg := cmd().(type) {
		case indexedMsg:
			cmd = p.addIndexed(msg.n)
		case snapshotLoadedMsg:
			var notice string
			cmd, notice = p.snapshotLoaded(msg)
			if notice != "" {
				t.Errorf("notice: %s", notice)
			}
		case snapshotSavedMsg:
			if msg.err != nil {
				t.Fatal(msg.err)
			}
			cmd = nil
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					runPane(t, p, c)
				}
			}
			cmd = nil
		default:
			cmd = nil
		}
	}
}

func hitIDs(t *testing.T, ix *search.Index, q string) []string {
	t.Helper()
	r, err := ix.Search(context.Background(), q, search.Options{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range r.Hits {
		ids = append(ids, h.Article.ID)
	}
	slices.Sort(ids)
	return ids
}

// A load built in full writes a snapshot; the next load of the same
// articles, all from the cache, reads it instead of indexing them.
func TestSnapshotWrittenThenUsed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(30, "ceasefire")

	p := newSearchPane(testShared(t))
	p.useSnapshot(path)
	if p.holding {
		t.Fatal("held articles back with no snapshot on disk")
	}
	runPane(t, &p, p.loadBatch(items[:10], false, true))
	runPane(t, &p, p.loadBatch(items[10:], true, true))
	if !p.saved || p.fromSnapshot || p.behind() {
		t.Fatalf("after a full build: saved %v, from snapshot %v, behind %v", p.saved, p.fromSnapshot, p.behind())
	}
	want := hitIDs(t, p.ix, "ceasefire")
	if len(want) != 30 {
		t.Fatalf("built index finds %d articles", len(want))
	}

	q := newSearchPane(testShared(t))
	q.useSnapshot(path)
	if !q.holding {
		t.Fatal("a snapshot on disk: articles should wait for it")
	}
	if cmd := q.loadBatch(items[:10], false, true); cmd != nil || q.ix.Len() != 0 || !q.behind() {
		t.Fatalf("cached articles went to the index before the load ended (len %d)", q.ix.Len())
	}
	runPane(t, &q, q.loadBatch(items[10:], true, true))
	if !q.fromSnapshot || q.behind() || q.saved {
		t.Fatalf("second load: from snapshot %v, behind %v, saved again %v", q.fromSnapshot, q.behind(), q.saved)
	}
	if got := hitIDs(t, q.ix, "ceasefire"); !slices.Equal(got, want) {
		t.Fatalf("snapshot index finds %v, want %v", got, want)
	}
}

// A file read afresh during the load ends the wait at once; a snapshot of
// other articles is rebuilt and written again.
func TestSnapshotNotForTheseArticles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	old := search.New()
	var oldArts []*corpus.Article
	for _, it := range snapshotArticles(20, "ceasefire") {
		oldArts = append(oldArts, it.a)
	}
	old.Add(oldArts)
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	items := snapshotArticles(20, "blockade") // same IDs, other text

	p := newSearchPane(testShared(t))
	p.useSnapshot(path)
	runPane(t, &p, p.loadBatch(items[:5], false, true))
	cmd := p.loadBatch(items[5:12], false, false)
	if p.holding || cmd == nil || len(p.held) != 0 {
		t.Fatalf("a fresh file did not end the wait: holding %v, held %d", p.holding, len(p.held))
	}
	runPane(t, &p, cmd)
	runPane(t, &p, p.loadBatch(items[12:], true, false))
	if got := hitIDs(t, p.ix, "blockade"); len(got) != 20 || p.fromSnapshot {
		t.Fatalf("found %d of 20 (from snapshot %v)", len(got), p.fromSnapshot)
	}

	if !p.saved {
		t.Fatal("the full build was not saved")
	}
	// All cached, but the snapshot is of the old text: stale, rebuilt, saved.
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	q := newSearchPane(testShared(t))
	q.useSnapshot(path)
	runPane(t, &q, q.loadBatch(items, true, true))
	if q.fromSnapshot || !q.saved || q.behind() {
		t.Fatalf("stale snapshot: from snapshot %v, saved %v, behind %v", q.fromSnapshot, q.saved, q.behind())
	}
	if got := hitIDs(t, q.ix, "blockade"); len(got) != 20 {
		t.Fatalf("rebuilt index finds %d of 20", len(got))
	}
	var arts []*corpus.Article
	for _, it := range items {
		arts = append(arts, it.a)
	}
	if _, err := search.LoadSnapshot(path, arts); err != nil {
		t.Fatalf("the rebuilt index was not saved as the snapshot: %v", err)
	}
}

// Opening the search during a load that waits for the snapshot makes what
// has loaded searchable at once: the wait ends and the articles are indexed.
func TestSearchOpenedWhileHolding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	items := snapshotArticles(12, "ceasefire")
	old := search.New()
	for _, it := range items {
		old.Add([]*corpus.Article{it.a})
	}
	if err := old.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	p := newSearchPane(testShared(t))
	p.useSnapshot(path)
	runPane(t, &p, p.loadBatch(items[:5], false, true))
	if !p.holding || p.ix.Len() != 0 {
		t.Fatalf("not waiting for the snapshot: holding %v, indexed %d", p.holding, p.ix.Len())
	}
	runPane(t, &p, p.open())
	if p.holding || p.ix.Len() != 5 {
		t.Fatalf("after opening the search: holding %v, %d articles searchable, want 5", p.holding, p.ix.Len())
	}
	runPane(t, &p, p.loadBatch(items[5:], true, true))
	if p.fromSnapshot || p.behind() || p.ix.Len() != 12 {
		t.Fatalf("end of load: from snapshot %v, behind %v, %d indexed", p.fromSnapshot, p.behind(), p.ix.Len())
	}
}

// A damaged snapshot is reported once and the index is built instead.
func TestDamagedSnapshotIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := os.WriteFile(path, []byte("parallax search index\nnot really"), 0o600); err != nil {
		t.Fatal(err)
	}
	items := snapshotArticles(4, "ceasefire")
	p := newSearchPane(testShared(t))
	p.useSnapshot(path)
	msg, ok := p.loadBatch(items, true, true)().(snapshotLoadedMsg)
	if !ok || msg.err == nil {
		t.Fatalf("damaged snapshot loaded: %+v", msg)
	}
	cmd, notice := p.snapshotLoaded(msg)
	if !strings.Contains(notice, "unreadable") || !strings.Contains(notice, "rebuilt") {
		t.Fatalf("notice %q", notice)
	}
	if m, ok := cmd().(indexedMsg); !ok || m.n != 4 {
		t.Fatalf("articles not indexed after a damaged snapshot: %#v", m)
	}
}

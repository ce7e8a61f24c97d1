package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/store"
)

// gatedText is an article's text in a store that answers only once the
// gate is open: a background load of texts that has not got far yet.
type gatedText struct {
	storedText
	gate <-chan struct{}
}

func (g *gatedText) LoadText(a *corpus.Article) error {
	<-g.gate
	return g.storedText.LoadText(a)
}

// runEach runs each of cmd's commands in a goroutine of its own, as Bubble
// Tea does, and delivers their messages as they come (a command blocked
// on a gate holds back no other); the channel closes when all have ended.
func runEach(cmd tea.Cmd) <-chan tea.Msg {
	ch := make(chan tea.Msg, 64)
	var wg sync.WaitGroup
	var run func(tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			switch msg := c().(type) {
			case nil:
			case tea.BatchMsg:
				for _, c := range msg {
					run(c)
				}
			default:
				ch <- msg
			}
		}()
	}
	run(cmd)
	go func() { wg.Wait(); close(ch) }()
	return ch
}

// awaitMsg hands the messages of ch to Update until one of type T comes,
// which it returns (the others' commands are not run).
func awaitMsg[T tea.Msg](t *testing.T, hs *harness, ch <-chan tea.Msg) T {
	t.Helper()
	timeout := time.After(time.Minute) // against a hang only: no timing is asserted
	for {
		select {
		case msg := <-ch:
			if want, ok := msg.(T); ok {
				return want
			}
			hs.keep(msg)
		case <-timeout:
			var zero T
			t.Fatalf("no %T came", zero)
			return zero
		}
	}
}

// A warm start where no article changed shows the stored stories without
// a text loaded: they are read from the articles' heads. Where an article
// changed, the stored grouping is not used as it is: grouping waits for
// the search index, then joins the changed article, and no article is
// left holding its text but the one shown.
func TestWarmStartShowsStoredStoriesWithoutTexts(t *testing.T) {
	for _, changed := range []bool{false, true} {
		t.Run(fmt.Sprintf("changed=%v", changed), func(t *testing.T) {
			cacheDir := t.TempDir()
			kept := compare.StoriesPath(cacheDir, newsSource)
			whole := sampleArticles()
			for i, a := range whole {
				a.Origin = uint64(i + 1)              // as the loader gives articles it made
				a.URL = "https://example.org/" + a.ID // the read mark's key: no text needed
			}
			want, _, err := compare.LoadOrGroupStories(context.Background(), kept, whole, compare.StoryOptions{Workers: 1})
			if err != nil {
				t.Fatal(err)
			}

			gate := make(chan struct{})
			t.Cleanup(func() {
				if gate != nil {
					close(gate)
				}
			})
			arts := sampleArticles()
			for i, a := range arts {
				a.Origin = uint64(i + 1)
				a.URL = "https://example.org/" + a.ID
				src := &gatedText{storedText: storedText{blocks: a.Blocks, removed: a.Removed}, gate: gate}
				a.Blocks, a.Removed = nil, nil
				a.DeferText(src, "")
			}
			if changed {
				arts[1].Title += " (updated)"
			}
			hs, load := listedHarnessWith(t, arts, cacheDir, 100, 30)
			msgs := runEach(load)
			if !changed {
				hs.keep(awaitMsg[storiesMsg](t, hs, msgs))
				got := hs.m.sh.lib.Stories()
				if got == nil || len(got.List) != len(want.List) {
					t.Fatalf("stories %v, want the %d stored", got, len(want.List))
				}
				for _, a := range arts {
					if a.HasText() {
						t.Errorf("%s has its text", a.ID)
					}
				}
				return
			}
			hs.keep(awaitMsg[storiesNotStoredMsg](t, hs, msgs))
			if hs.m.sh.lib.Stories() != nil || !hs.m.story.state.deferred || hs.m.story.state.busy {
				t.Fatalf("after a stored grouping of other articles: stories %v, deferred %v, busy %v", hs.m.sh.lib.Stories(), hs.m.story.state.deferred, hs.m.story.state.busy)
			}
			// The texts come (the gate opens): the index is built and the
			// grouping made, reading texts without keeping them.
			close(gate)
			gate = nil
			for hs.m.sh.lib.Stories() == nil {
				msg, ok := <-msgs
				if !ok {
					t.Fatal("the commands ended without stories")
				}
				hs.send(msg)
			}
			st := hs.m.sh.lib.Stories()
			shown := hs.m.list.selected().a
			for _, a := range arts {
				if st.Of(a) == nil {
					t.Errorf("%s is in no story", a.ID)
				}
				if a.HasText() && a != shown {
					t.Errorf("%s holds its text after grouping", a.ID)
				}
			}
		})
	}
}

// On a warm start whose index comes from its snapshot, the stored stories
// are read after the snapshot, not beside it (on two cores each took twice
// as long, and search is what a reader reaches for first), z pressed
// meanwhile included; and the check of every file's freshness waits for
// that read, then runs.
func TestStoredStoriesReadAfterTheSnapshot(t *testing.T) {
	hs, arts, items := warmStoredStart(t)
	load := hs.keep(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(arts), total: len(arts), done: true, trusted: true})
	st := &hs.m.story.state
	if !hs.m.sh.lib.Index.OpeningSnapshot() || st.busy || !st.readAfterIndex {
		t.Fatalf("at the load's end: opening the snapshot %v, story work running %v, stories read after the index %v",
			hs.m.sh.lib.Index.OpeningSnapshot(), st.busy, st.readAfterIndex)
	}
	pressed := hs.keep(keyMsg("z"))
	if st := hs.m.story.state; st.busy || !st.groupAsked {
		t.Fatalf("z beside the snapshot's read: story work running %v, asked %v", st.busy, st.groupAsked)
	}
	read := awaitMsg[store.SnapshotRead](t, hs, runEach(load))
	after := hs.keep(read)
	if st := hs.m.story.state; !st.busy || !st.readingStored || hs.m.load.freshRunning || !hs.m.load.freshPending {
		t.Fatalf("once the index is read: story work %v, reading the stored stories %v, fresh check running %v, due %v",
			st.busy, st.readingStored, hs.m.load.freshRunning, hs.m.load.freshPending)
	}
	stories := awaitMsg[storiesMsg](t, hs, runEach(after))
	hs.keep(stories)
	if hs.m.sh.lib.Stories() == nil || !hs.m.list.grouped() {
		t.Fatalf("the stored stories were not shown grouped (z): %v", hs.m.sh.lib.Stories())
	}
	if !hs.m.load.freshRunning {
		t.Fatal("the fresh check did not start after the stored stories were read")
	}
	// What z's command says arrives when it arrives: after the stories, it
	// must not say they are still to come.
	for msg := range runEach(pressed) {
		if status, ok := msg.(statusMsg); ok {
			hs.keep(status)
		}
	}
	if got := hs.m.status.text; !strings.HasPrefix(got, "grouped by story") {
		t.Errorf("with the stories shown, the status line says %q", got)
	}
}

// The library, and so the index and the grouping, take a load's articles
// in the order the store gives them, whatever order the list shows: an
// index snapshot and a stored grouping are paired with the articles place
// by place in that order (the list sorted each batch in place, and the
// pairing fell back to a map of every ID on every start).
func TestLoadOrderKeptBesideTheSortedList(t *testing.T) {
	hs := &harness{t: t}
	sh := testShared(t)
	sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	hs.m = newModel(Config{Source: corpus.Source{Paths: []string{"/news"}}}, sh)
	t.Cleanup(hs.m.Close)
	hs.keep(tea.WindowSizeMsg{Width: 100, Height: 30})
	arts := sampleArticles()
	slices.SortFunc(arts, func(a, b *corpus.Article) int { return a.Published.Compare(b.Published) }) // oldest first: the list shows newest first
	var want []*corpus.Article
	for k, batch := range [][]*corpus.Article{arts[:3], arts[3:]} {
		items := make([]*item, len(batch))
		for i, a := range batch {
			items[i] = newItem(a)
		}
		want = append(want, batch...)
		hs.keep(loadBatchMsg{gen: hs.m.load.gen, items: items, read: len(want), total: len(arts), done: k == 1})
	}
	if got := hs.m.sh.lib.Articles(); !slices.Equal(got, want) {
		t.Errorf("the library holds the articles in another order than loaded")
	}
	if shown := hs.m.list.items[0].a; shown == arts[0] {
		t.Errorf("the list does not show the newest first")
	}
}

// warmStoredStart is a reader about to take a load of the sample articles
// whose grouping and index snapshot are stored: the articles, and their
// items for the load's batch.
func warmStoredStart(t *testing.T) (*harness, []*corpus.Article, []*item) {
	t.Helper()
	dir := t.TempDir()
	src := corpus.Source{Paths: []string{filepath.Join(dir, "news")}}
	kept, snap := compare.StoriesPath(dir, src), search.SnapshotPath(dir, src)
	arts := sampleArticles()
	for i, a := range arts {
		a.Origin = uint64(i + 1)
		a.URL = "https://example.org/" + a.ID
	}
	if _, _, err := compare.LoadOrGroupStories(context.Background(), kept, arts, compare.StoryOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	ix := search.New()
	ix.Add(arts)
	if err := search.SaveSnapshot(ix, snap); err != nil {
		t.Fatal(err)
	}
	hs := &harness{t: t}
	sh := testShared(t)
	sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	hs.m = newModel(Config{Source: src, Load: corpus.Options{CacheDir: dir}}, sh)
	t.Cleanup(hs.m.Close)
	hs.keep(tea.WindowSizeMsg{Width: 100, Height: 30})
	return hs, arts, itemsOf(arts)
}

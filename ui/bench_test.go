package ui

import (
	"os"
	"strconv"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// benchModel is a reader at 160x45 holding n generated articles.
func benchModel(b *testing.B, n int) Model {
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	marks, _ := userstate.OpenReads()
	sh := newShared(newStyles(true, false), "ascii", termenv.Ascii, func() time.Time { return fixedNow }, marks)
	sh.renderer = testRenderer
	sh.lib.Bookmarks, _ = userstate.OpenBookmarks()
	sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	m := newModel(Config{Source: corpus.Source{Paths: []string{"/bench"}}}, sh)
	b.Cleanup(m.Close)
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m = nm.(Model)
	arts := gen.Articles(n, 1)
	items := make([]*item, n)
	for i, a := range arts {
		items[i] = newItem(a)
	}
	nm, _ = m.Update(loadBatchMsg{gen: m.load.gen, items: items, read: n, total: n, done: true})
	return nm.(Model)
}

// benchItems is n generated articles as list items, in generated order.
func benchItems(n int) []*item {
	items := make([]*item, n)
	for i, a := range gen.Articles(n, 1) {
		items[i] = newItem(a)
	}
	return items
}

func benchArticles() int {
	if n, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// BenchmarkFrame is one key press on the list and the frame it draws (Update
// + View), at 160x45 over a large corpus: what key repeat costs.
func BenchmarkFrame(b *testing.B) {
	m := benchModel(b, benchArticles())
	down, up := tea.KeyMsg{Type: tea.KeyDown}, tea.KeyMsg{Type: tea.KeyUp}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := down
		if i%200 >= 100 {
			k = up
		}
		nm, _ := m.Update(k) // the preview render it asks for is a Cmd, not run here
		m = nm.(Model)
		_ = m.View()
	}
}

// BenchmarkView is View alone: it only assembles cached strings.
func BenchmarkView(b *testing.B) {
	m := benchModel(b, benchArticles())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = m.View()
	}
}

// BenchmarkFirstFrame is starting the reader up to its first frame, before
// any article has loaded: what the user waits for at any corpus size.
func BenchmarkFirstFrame(b *testing.B) {
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	marks, _ := userstate.OpenReads()
	for i := 0; i < b.N; i++ {
		sh := newShared(newStyles(true, false), "ascii", termenv.Ascii, time.Now, marks)
		sh.renderer = testRenderer
		m := newModel(Config{Source: corpus.Source{Paths: []string{"/nonexistent"}}}, sh)
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		_ = nm.(Model).View()
		m.Close()
	}
}

// BenchmarkLoadBatches is the update loop's share of a load: the corpus
// arrives in 50 batches (what the loader hands over every 50 ms at 100k
// articles from the cache), each merged into the list and queued for
// indexing. The commands a batch asks for (indexing, rendering) run
// elsewhere and are not run here.
func BenchmarkLoadBatches(b *testing.B) {
	n := benchArticles()
	items := benchItems(n)
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	marks, _ := userstate.OpenReads()
	const batches = 50
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sh := newShared(newStyles(true, false), "ascii", termenv.Ascii, func() time.Time { return fixedNow }, marks)
		sh.renderer = testRenderer
		sh.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
		m := newModel(Config{Source: corpus.Source{Paths: []string{"/bench"}}}, sh)
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		m = nm.(Model)
		for k := 0; k < batches; k++ {
			lo, hi := k*n/batches, (k+1)*n/batches
			nm, _ = m.Update(loadBatchMsg{gen: m.load.gen, items: items[lo:hi], read: hi, total: n, done: k == batches-1})
			m = nm.(Model)
		}
		m.Close()
	}
}

// BenchmarkStoriesShown is the update loop's share of showing stories: z
// was pressed, the grouping arrives (storiesMsg) and the list is regrouped
// story by story. Grouping itself runs elsewhere and is not timed.
func BenchmarkStoriesShown(b *testing.B) {
	m := benchModel(b, benchArticles())
	st := compare.GroupStories(m.loadedArticles(), compare.StoryOptions{})
	m.list.setGrouped(true)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.story.state.seq++
		nm, _, _ := m.updateStories(storiesMsg{seq: m.story.state.seq, stories: st, auto: st})
		m = nm
	}
	b.StopTimer()
	if !m.list.grouped() {
		b.Fatal("the list is not grouped")
	}
}

// BenchmarkSortItems sorts the list from an order unlike its sort (as
// the list laid out by story is when grouping is turned off), by date.
func BenchmarkSortItems(b *testing.B) {
	n := benchArticles()
	items := benchItems(n)
	// A fixed shuffle: item i moves to place i*7919 mod n (7919 is prime).
	shuffled := make([]*item, n)
	for i, it := range items {
		shuffled[i*7919%n] = it
	}
	work := make([]*item, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copy(work, shuffled)
		sortItems(work, sortDate)
	}
}

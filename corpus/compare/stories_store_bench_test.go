package compare

import (
	"context"
	"hash/fnv"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// BenchmarkStoriesStored10k and BenchmarkStoriesStored100k read a stored
// grouping back for an unchanged corpus (a warm start's stories), knowing
// the articles by their text (articles not made by the loader), and
// report the file's size; BenchmarkStoriesStoredHeads100k knows them by
// their heads (Article.Origin, as the loader's articles are), without
// their text. Each reports CPU seconds, the machine being shared, and what
// the heap holds more after the fingerprints are read (Prepare).
func BenchmarkStoriesStored10k(b *testing.B)       { benchStoredStories(b, generated(10_000)) }
func BenchmarkStoriesStored100k(b *testing.B)      { benchStoredStories(b, generated(100_000)) }
func BenchmarkStoriesStoredHeads100k(b *testing.B) { benchStoredStories(b, heads(generated(100_000))) }

// heads are copies of as as the loader lists them without their text:
// each with an origin (here a hash of its ID and body), no blocks, its
// text to be loaded (Article.LoadText).
func heads(as []*corpus.Article) []*corpus.Article {
	out := make([]*corpus.Article, len(as))
	for i, a := range as {
		h := fnv.New64a()
		h.Write([]byte(a.ID + "\x00" + a.Body()))
		c := *a
		c.Origin, c.Blocks = h.Sum64()|1, nil
		c.DeferText(heldText(a.Blocks), "")
		out[i] = &c
	}
	return out
}

// heldText is an article's text held aside, as the store holds it.
type heldText []corpus.Block

func (h heldText) LoadText(a *corpus.Article) error {
	a.Blocks = h
	return nil
}

func benchStoredStories(b *testing.B, as []*corpus.Article) {
	path := filepath.Join(b.TempDir(), "stories-x.cache")
	if _, _, err := LoadOrGroupStories(context.Background(), path, withText(as), StoryOptions{}); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu, prepare time.Duration
	var heap float64
	for i := 0; i < b.N; i++ {
		cpu0 := cpuTime()
		s, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{})
		if from != StoriesStored {
			b.Fatalf("from %v", from)
		}
		cpu += cpuTime() - cpu0
		b.StopTimer()
		before := liveHeap()
		b.StartTimer()
		cpu1 := cpuTime()
		s.Prepare()
		prepare += cpuTime() - cpu1
		b.StopTimer()
		heap += float64(liveHeap()) - float64(before)
		runtime.KeepAlive(s)
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(prepare.Seconds()/float64(b.N), "prepare-cpu-s/op")
	b.ReportMetric(heap/1e6/float64(b.N), "prepare-heap-MB")
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
}

// liveHeap is the heap in use after a collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// withText is as with the text of the generated corpus the heads were
// made from, origins kept (what the first, cold start grouped).
func withText(as []*corpus.Article) []*corpus.Article {
	if len(as) == 0 || as[0].Blocks != nil {
		return as
	}
	full := generated(len(as))
	out := make([]*corpus.Article, len(as))
	for i, a := range as {
		c := *a
		_ = c.LoadText() // a copy loads its own text and holds it
		c.Blocks = full[i].Blocks
		out[i] = &c
	}
	return out
}

// BenchmarkStoriesJoin10k and BenchmarkStoriesJoin100k: 1,000 new
// articles join the stored grouping of the others (--watch, or files
// added between two starts), in CPU seconds; the articles have their text
// and, as the loader's, an origin.
func BenchmarkStoriesJoin10k(b *testing.B)  { benchJoinStories(b, 10_000) }
func BenchmarkStoriesJoin100k(b *testing.B) { benchJoinStories(b, 100_000) }

func benchJoinStories(b *testing.B, n int) {
	as := withText(heads(generated(n)))
	path := filepath.Join(b.TempDir(), "stories-x.cache")
	base := as[:n-1000]
	_, _, _ = LoadOrGroupStories(context.Background(), path, base, StoryOptions{})
	stored, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(path, stored, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := cpuTime()
		if _, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{}); from != StoriesJoined {
			b.Fatalf("from %v", from)
		}
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

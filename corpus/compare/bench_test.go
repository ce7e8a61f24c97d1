package compare

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// longPair builds two articles of about 5,000 words from the seeds' real
// text: A repeats the seeds in order; B takes the same paragraphs from the
// other end, drops every fifth sentence and joins the rest, so the two
// share much but not all, out of order in places.
func longPair(b testing.TB) (*corpus.Article, *corpus.Article) {
	var paras []string
	for _, a := range load(b, "../../seeds") {
		for _, bl := range a.Blocks {
			paras = append(paras, bl.Text)
		}
	}
	a := &corpus.Article{ID: "long-a", Title: "A"}
	for words := 0; words < 5000; {
		for _, p := range paras {
			a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: p})
			words += corpus.CountWords(p)
			if words >= 5000 {
				break
			}
		}
	}
	bb := &corpus.Article{ID: "long-b", Title: "B"}
	n := 0
	for i := len(a.Blocks) - 1; i >= 0; i-- {
		var kept []string
		for _, s := range strings.SplitAfter(a.Blocks[i].Text, ". ") {
			if n++; n%5 != 0 {
				kept = append(kept, s)
			}
		}
		if len(kept) > 0 {
			bb.Blocks = append(bb.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: strings.Join(kept, "")})
		}
	}
	return a, bb
}

// BenchmarkCompare5000Words prepares and compares two 5,000-word articles
// (budget: 30 ms).
func BenchmarkCompare5000Words(b *testing.B) {
	a, bb := longPair(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Compare(Prepare(a), Prepare(bb))
	}
	reportCPU(b, cpu0)
}

// reportCPU adds the process CPU time per operation (milliseconds): on a
// loaded machine it says more than wall-clock time.
func reportCPU(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkPrepare5000Words prepares one 5,000-word article.
func BenchmarkPrepare5000Words(b *testing.B) {
	a, _ := longPair(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Prepare(a)
	}
	reportCPU(b, cpu0)
}

// BenchmarkCompareOnly5000Words compares two prepared 5,000-word articles.
func BenchmarkCompareOnly5000Words(b *testing.B) {
	a, bb := longPair(b)
	da, db := Prepare(a), Prepare(bb)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Compare(da, db)
	}
	reportCPU(b, cpu0)
}

// story20 is a 20-article story: the seeds four times over under new ids.
func story20(b testing.TB) []*corpus.Article {
	var out []*corpus.Article
	seeds := load(b, "../../seeds")
	for k := 0; k < 4; k++ {
		for _, a := range seeds {
			c := *a
			c.ID = fmt.Sprintf("%s-%d", a.ID, k)
			out = append(out, &c)
		}
	}
	return out
}

// BenchmarkCoverage20 prepares a 20-article story and builds its coverage
// table (budget: 200 ms).
func BenchmarkCoverage20(b *testing.B) {
	as := story20(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		Coverage(PrepareAll(as))
	}
	reportCPU(b, cpu0)
}

var (
	genOnce  sync.Map
	genMutex sync.Mutex
)

func generated(n int) []*corpus.Article {
	genMutex.Lock()
	defer genMutex.Unlock()
	if v, ok := genOnce.Load(n); ok {
		return v.([]*corpus.Article)
	}
	as, _ := generateCorpus(n, 42)
	genOnce.Store(n, as)
	return as
}

func benchStories(b *testing.B, n int) {
	as := generated(n)
	b.ReportAllocs()
	b.ResetTimer()
	var cpu time.Duration
	var peak, retained float64
	for i := 0; i < b.N; i++ {
		w := watchHeap()
		cpu0 := cpuTime()
		st := GroupStories(as, StoryOptions{})
		cpu += cpuTime() - cpu0
		p, r := w.end(st)
		peak, retained = max(peak, p), max(retained, r)
	}
	b.StopTimer()
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(peak, "peak-heap-MB")
	b.ReportMetric(retained, "result-MB")
	b.ReportMetric(peakLive(func() any { return GroupStories(as, StoryOptions{}) }), "peak-live-MB")
}

// BenchmarkStories10k and BenchmarkStories100k group generated corpora
// (budget: 100,000 articles well under a minute), reporting the heap
// grouping adds to what was there before: peak-heap-MB its peak with
// garbage not yet collected (what resident memory follows), peak-live-MB
// its peak in an extra run collecting often (about the live data),
// result-MB what the returned Stories keep.
func BenchmarkStories10k(b *testing.B)  { benchStories(b, 10_000) }
func BenchmarkStories100k(b *testing.B) { benchStories(b, 100_000) }

// BenchmarkCandidates3k finds the picker's 200 candidates for an article
// of a 3,000-article corpus: the fingerprint pass and the pair
// similarity of each candidate (the picker's cost when it opens).
func BenchmarkCandidates3k(b *testing.B) {
	as := generated(3_000)
	st := GroupStories(as, StoryOptions{})
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		st.Candidates(as[i%len(as)], 200)
	}
	reportCPU(b, cpu0)
}

// BenchmarkStoryEdits10k and BenchmarkStoryEdits100k apply a reader's 20
// edits (10 moves, 10 splits) to a grouping: what the reader pays, off its
// update loop, after each edit and after each new grouping.
func BenchmarkStoryEdits10k(b *testing.B)  { benchStoryEdits(b, 10_000) }
func BenchmarkStoryEdits100k(b *testing.B) { benchStoryEdits(b, 100_000) }

func benchStoryEdits(b *testing.B, n int) {
	as := generated(n)
	st := GroupStories(as, StoryOptions{})
	edits := map[string]StoryEdit{}
	for k := 0; k < 10; k++ {
		edits[as[k*n/10].ID] = StoryEdit{With: as[k*n/10+n/20].ID}
		edits[as[k*n/10+1].ID] = StoryEdit{Alone: true}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if out := st.WithEdits(edits); out == st {
			b.Fatal("no edit applied")
		}
	}
}

package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Benchmarks run on generated corpora of 10,000 articles, and of 100,000
// when PARALLAX_BENCH_100K=1 (it takes a minute and a few GB):
//
//	go test -run XXX -bench . -benchtime 2000x ./corpus/search
//	PARALLAX_BENCH_100K=1 go test -run XXX -bench . -benchtime 2000x ./corpus/search

var (
	benchMu      sync.Mutex
	benchCorpora = map[int][]*corpus.Article{}
	benchIndexes = map[int]*Index{}
)

func benchSizes() []int {
	if os.Getenv("PARALLAX_BENCH_100K") != "" {
		return []int{10_000, 100_000}
	}
	return []int{10_000}
}

func benchArticles(n int) []*corpus.Article {
	benchMu.Lock()
	defer benchMu.Unlock()
	if as, ok := benchCorpora[n]; ok {
		return as
	}
	as := gen.Articles(n, 1)
	benchCorpora[n] = as
	return as
}

func buildIndex(as []*corpus.Article) *Index {
	ix := New()
	// Batches of the size the loader delivers every 50 ms at full speed.
	for i := 0; i < len(as); i += 2000 {
		ix.Add(as[i:min(i+2000, len(as))])
	}
	return ix
}

func benchIndex(n int) *Index {
	as := benchArticles(n)
	benchMu.Lock()
	defer benchMu.Unlock()
	if ix, ok := benchIndexes[n]; ok {
		return ix
	}
	ix := buildIndex(as)
	benchIndexes[n] = ix
	return ix
}

func textBytes(as []*corpus.Article) int {
	n := 0
	for _, a := range as {
		n += len(a.Title)
		for _, b := range a.Blocks {
			n += len(b.Text)
		}
	}
	return n
}

func BenchmarkIndexBuild(b *testing.B) {
	for _, n := range benchSizes() {
		as := benchArticles(n)
		size := textBytes(as)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(size))
			var heap uint64
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				// The forced collections that measure the index are not
				// part of the build; collections the build causes are.
				b.StopTimer()
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				cpu0 := cpuTime()
				b.StartTimer()
				ix := buildIndex(as)
				b.StopTimer()
				cpu += cpuTime() - cpu0
				runtime.GC()
				runtime.ReadMemStats(&after)
				heap = after.HeapAlloc - before.HeapAlloc
				runtime.KeepAlive(ix)
				b.StartTimer()
			}
			// CPU seconds say what the build costs when other processes
			// compete for the cores (wall time then says little).
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(heap)/float64(size), "index-bytes/text-byte")
			b.ReportMetric(float64(size)/1e6, "text-MB")
		})
	}
}

// benchQueries draws queries from the corpus itself, as a reader would type
// them: 1–3 words from one article (common and rare words alike, names
// included), and the same as a prefix being typed.
func benchQueries(as []*corpus.Article, count int, typing bool) []string {
	r := rand.New(rand.NewPCG(42, 7))
	var qs []string
	for len(qs) < count {
		a := as[r.IntN(len(as))]
		toks := lang.Tokens(a.Blocks[r.IntN(len(a.Blocks))].Text)
		if len(toks) < 4 {
			continue
		}
		k := 1 + r.IntN(3)
		i := r.IntN(len(toks) - k)
		var ws []string
		for _, t := range toks[i : i+k] {
			ws = append(ws, t.Text)
		}
		if typing {
			last := []rune(ws[len(ws)-1])
			ws[len(ws)-1] = string(last[:min(len(last), 2+r.IntN(3))])
		}
		qs = append(qs, strings.Join(ws, " "))
	}
	return qs
}

func benchSearch(b *testing.B, typing bool) {
	for _, n := range benchSizes() {
		ix := benchIndex(n)
		qs := benchQueries(benchArticles(n), 500, typing)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			lat := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				st, c0 := time.Now(), threadCPUTime()
				if _, err := ix.Search(context.Background(), qs[i%len(qs)], Options{Limit: 20, Typing: typing}); err != nil {
					b.Fatal(err)
				}
				cpu = append(cpu, threadCPUTime()-c0)
				lat = append(lat, time.Since(st))
			}
			reportPercentiles(b, lat, cpu)
		})
	}
}

// reportPercentiles reports wall-clock latency percentiles and the same for
// the CPU time of the searching thread, which other processes competing
// for the cores do not inflate (0 where it is not measured).
func reportPercentiles(b *testing.B, lat, cpu []time.Duration) {
	pct := func(ds []time.Duration, q float64) float64 {
		return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000
	}
	slices.Sort(lat)
	slices.Sort(cpu)
	b.ReportMetric(pct(lat, 0.5), "p50-ms")
	b.ReportMetric(pct(lat, 0.99), "p99-ms")
	b.ReportMetric(pct(lat, 1), "max-ms")
	b.ReportMetric(pct(cpu, 0.5), "cpu-p50-ms")
	b.ReportMetric(pct(cpu, 0.99), "cpu-p99-ms")
}

// BenchmarkSearch: 1–3 word queries, top 20 with snippets and positions.
func BenchmarkSearch(b *testing.B) { benchSearch(b, false) }

// BenchmarkSearchTyping: the same with the last word a 2–4 letter prefix.
func BenchmarkSearchTyping(b *testing.B) { benchSearch(b, true) }

// BenchmarkSearchOneLetter: the capped one-letter prefix, the first keystroke.
func BenchmarkSearchOneLetter(b *testing.B) {
	for _, n := range benchSizes() {
		ix := benchIndex(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			lat := make([]time.Duration, 0, b.N)
			cpu := make([]time.Duration, 0, b.N)
			for i := 0; i < b.N; i++ {
				st, c0 := time.Now(), threadCPUTime()
				ix.Search(context.Background(), string(rune('a'+i%26)), Options{Typing: true})
				cpu = append(cpu, threadCPUTime()-c0)
				lat = append(lat, time.Since(st))
			}
			reportPercentiles(b, lat, cpu)
		})
	}
}

// BenchmarkFind: every hit of a query in one article (in-article finder).
func BenchmarkFind(b *testing.B) {
	as := benchArticles(10_000)
	for i := 0; i < b.N; i++ {
		if _, err := Find(as[i%len(as)], "the talks", false); err != nil {
			b.Fatal(err)
		}
	}
}

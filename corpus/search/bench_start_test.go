package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// BenchmarkSearchableAfterStart measures what issue #4 asks of a start:
// the time from opening a folder of generated article files to an index
// holding all of them, with the loader streaming batches and each batch
// indexed in its own goroutine as the reader does. "cold" parses every
// file; "warm" is served by the parsed-corpus cache. 10,000 files, or
// PARALLAX_BENCH_N (e.g. 100000); the folder is written once under the
// temp dir and shared with the corpus package's load benchmarks.
//
//	PARALLAX_BENCH_N=100000 go test -run XXX -bench SearchableAfterStart -benchtime 1x ./corpus/search
func BenchmarkSearchableAfterStart(b *testing.B) {
	n := 10000
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-%d", n))
	done := dir + ".done"
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		if err := gen.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(done, nil, 0o644)
	}
	start := func(b *testing.B, cacheDir string) {
		var loaded, firstBatch time.Duration
		var cpu time.Duration
		for i := 0; i < b.N; i++ {
			cpu0, t0 := cpuTime(), time.Now()
			ix := New()
			var wg sync.WaitGroup
			got := 0
			corpus.Stream(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{CacheDir: cacheDir}, func(bt corpus.Batch) {
				if len(bt.Articles) == 0 {
					return
				}
				if got == 0 {
					firstBatch += time.Since(t0)
				}
				got += len(bt.Articles)
				wg.Add(1)
				go func(arts []*corpus.Article) {
					defer wg.Done()
					ix.Add(arts)
				}(bt.Articles)
			})
			loaded += time.Since(t0)
			wg.Wait()
			cpu += cpuTime() - cpu0
			if got != n || ix.Len() != n {
				b.Fatalf("loaded %d, indexed %d of %d", got, ix.Len(), n)
			}
		}
		b.ReportMetric(firstBatch.Seconds()/float64(b.N), "first-batch-s")
		b.ReportMetric(loaded.Seconds()/float64(b.N), "loaded-s")
		b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	}
	b.Run("cold", func(b *testing.B) { start(b, "") })
	b.Run("warm", func(b *testing.B) {
		cache := b.TempDir()
		corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{CacheDir: cache})
		b.ResetTimer()
		start(b, cache)
	})
}

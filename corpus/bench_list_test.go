package corpus_test

import (
	"context"
	"os"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// BenchmarkListWarm is what a warm `parallax list` asks of the corpus
// package: a list-only load through a store filled before the timer
// starts (every file checked against it, nothing parsed), then the sort.
// The corpus is PARALLAX_BENCH_DIR (e.g. /tmp/c100k), else the generated
// one of the load benchmarks. Profile it with -cpuprofile/-memprofile,
// with the store in PARALLAX_BENCH_CACHE (kept between runs) so that the
// profile holds no cold load.
//
//	PARALLAX_BENCH_DIR=/tmp/c100k PARALLAX_BENCH_CACHE=/tmp/list-cache \
//	  go test -run '^$' -bench ListWarm -benchtime 10x -cpuprofile /tmp/list.prof ./corpus/
func BenchmarkListWarm(b *testing.B) {
	dir := os.Getenv("PARALLAX_BENCH_DIR")
	if dir == "" {
		dir, _ = benchCorpus(b, benchN())
	}
	cache := os.Getenv("PARALLAX_BENCH_CACHE")
	if cache == "" {
		cache = b.TempDir()
	}
	opt := corpus.Options{CacheDir: cache, ListOnly: true}
	src := corpus.Source{Paths: []string{dir}}
	first, err := corpus.Load(context.Background(), src, opt)
	if err != nil {
		b.Fatal(err)
	}
	n := len(first.Articles)
	first = nil
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		c, err := corpus.Load(context.Background(), src, opt)
		if err != nil || len(c.Articles) != n {
			b.Fatalf("listed %d of %d: %v", len(c.Articles), n, err)
		}
	}
}

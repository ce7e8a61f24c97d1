package search

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// BenchmarkOpenSnapshot measures opening a corpus's index snapshot: for
// the reader, which has every article and checks them all (LoadSnapshot),
// and for a one-shot search, which opens it without them and runs one
// query (OpenSnapshotLazy; the articles of the results come from memory
// here, from their files in the CLI). The corpus is PARALLAX_BENCH_DIR,
// else the 10,000 generated files of BenchmarkSearchableAfterStart.
//
//	PARALLAX_BENCH_DIR=/tmp/c100k go test -run XXX -bench OpenSnapshot -benchtime 5x ./corpus/search
func BenchmarkOpenSnapshot(b *testing.B) {
	dir := os.Getenv("PARALLAX_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "parallax-bench-10000")
		if _, err := os.Stat(dir + ".done"); err != nil {
			b.Skip("no corpus: run BenchmarkSearchableAfterStart first, or set PARALLAX_BENCH_DIR")
		}
	}
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ix := New()
	ix.Add(c.Articles)
	path := filepath.Join(b.TempDir(), "index-bench.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		b.Fatal(err)
	}
	byID := map[string]*corpus.Article{}
	for _, a := range c.Articles {
		byID[a.ID] = a
	}
	b.Run("reader", func(b *testing.B) {
		cpu0 := cpuTime()
		for range b.N {
			if _, err := LoadSnapshot(path, c.Articles); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("one-shot", func(b *testing.B) {
		cpu0 := cpuTime()
		defer func() { b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op") }()
		for range b.N {
			lazy, err := OpenSnapshotLazy(path, func(d DocInfo) (*corpus.Article, error) { return byID[d.ID], nil })
			if err != nil {
				b.Fatal(err)
			}
			if _, err := lazy.Search(context.Background(), "Savurova", Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package search

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
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
	for name, open := range map[string]func(string, []*corpus.Article) (*Index, error){"reader": LoadSnapshot, "reader-heads": LoadSnapshotFromHeads} {
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			for range b.N {
				if _, err := open(path, c.Articles); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
		})
	}
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

// BenchmarkSnapshotDelta measures what a corpus that gained 1% new
// articles (and lost 1%) since its snapshot costs the index, against
// indexing it all again (the baseline, measured in the same run): opening
// the snapshot with the new articles as a delta, and merging the two into
// the next snapshot. It prints the ratios to the rebuild. The corpus is
// generated (PARALLAX_BENCH_N articles, 20,000 by default).
//
//	PARALLAX_BENCH_N=100000 go test -run XXX -bench SnapshotDelta -benchtime 3x ./corpus/search
func BenchmarkSnapshotDelta(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	as := gen.Articles(n, 5)
	base := New()
	base.Add(as)
	path := filepath.Join(b.TempDir(), "index-bench.cache")
	if err := base.WriteSnapshot(path); err != nil {
		b.Fatal(err)
	}
	more := gen.Articles(n/100, 6)
	cur := append(append([]*corpus.Article(nil), as[n/100:]...), more...)
	measure := func(b *testing.B, run func()) float64 {
		cpu0 := cpuTime()
		for range b.N {
			run()
		}
		per := (cpuTime() - cpu0).Seconds() / float64(b.N)
		b.ReportMetric(per, "cpu-s/op")
		return per
	}
	var rebuild, delta, merge float64
	b.Run("rebuild", func(b *testing.B) {
		rebuild = measure(b, func() { New().Add(cur) })
	})
	b.Run("delta", func(b *testing.B) {
		delta = measure(b, func() {
			if _, err := LoadSnapshotUpdated(path, cur, more); err != nil {
				b.Fatal(err)
			}
		})
	})
	layered, err := LoadSnapshotUpdated(path, cur, more)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "index-merged.cache")
	b.Run("merge", func(b *testing.B) {
		merge = measure(b, func() {
			if err := layered.WriteSnapshot(out); err != nil {
				b.Fatal(err)
			}
		})
	})
	if rebuild > 0 {
		b.Logf("%d articles, 1%% new and 1%% gone: delta %.3f cpu-s = %.3f of a rebuild (%.3f cpu-s); merge %.3f cpu-s = %.3f",
			n, delta, delta/rebuild, rebuild, merge, merge/rebuild)
	}
}

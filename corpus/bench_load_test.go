package corpus_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// benchN is the size of the generated corpus for the load benchmarks:
// 10,000 articles, or PARALLAX_BENCH_N (e.g. 100000).
func benchN() int {
	if n, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 10000
}

// benchCorpus writes (once, then reuses) a generated corpus of n files
// under the system temp dir, and returns its folder and total size.
func benchCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-%d", n))
	done := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-%d.done", n))
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dir)
		if err := gen.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
		os.WriteFile(done, nil, 0o644)
	}
	return dir, dirSize(dir)
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) int64 {
	var size int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if st, err := d.Info(); err == nil {
				size += st.Size()
			}
		}
		return nil
	})
	return size
}

// BenchmarkLoadCorpus measures loading a generated corpus: the floor
// (reading every file and nothing else), a cold load (read + parse, no
// cache) and a warm load (everything served from the store of parsed files).
// Compare cold and warm to the floor; heap-bytes/text-byte is the live heap
// after loading divided by the article text.
func BenchmarkLoadCorpus(b *testing.B) {
	n := benchN()
	dir, size := benchCorpus(b, n)
	b.Run("floor-read-only", func(b *testing.B) {
		b.SetBytes(size)
		for i := 0; i < b.N; i++ {
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					os.ReadFile(p)
				}
				return nil
			})
		}
	})
	load := func(b *testing.B, opt corpus.Options) *corpus.Corpus {
		c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, opt)
		if err != nil || len(c.Articles) != n {
			b.Fatalf("loaded %d of %d: %v", len(c.Articles), n, err)
		}
		return c
	}
	b.Run("cold", func(b *testing.B) {
		b.SetBytes(size)
		var c *corpus.Corpus
		for i := 0; i < b.N; i++ {
			c = load(b, corpus.Options{})
		}
		b.StopTimer()
		reportHeap(b, c)
	})
	b.Run("warm-cache", func(b *testing.B) {
		cache := b.TempDir()
		load(b, corpus.Options{CacheDir: cache}) // fill the cache
		b.SetBytes(size)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			load(b, corpus.Options{CacheDir: cache})
		}
	})
}

func reportHeap(b *testing.B, c *corpus.Corpus) {
	var text int64
	for _, a := range c.Articles {
		for _, bl := range a.Blocks {
			text += int64(len(bl.Text))
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/float64(text), "heap-bytes/text-byte")
	runtime.KeepAlive(c)
}

package corpus_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// BenchmarkStoreRatios measures, in one run and against floors taken in
// the same run, opening a generated corpus through the store: listing
// (Options.ListOnly: heads only), a full warm open (text decoded), and a
// cold open (every file parsed and the store written). The floors are
// reading every file and nothing else, and walking and stat'ing every
// file (what checking freshness cannot avoid). Each ratio is time over a
// floor; heap-bytes/file-byte is the live heap after a list-only open
// over the files' bytes (the mapped segment is not heap).
//
//	go test -run '^$' -bench BenchmarkStoreRatios -benchtime 3x ./corpus/
//	PARALLAX_BENCH_N=100000 go test -run '^$' -bench BenchmarkStoreRatios -benchtime 1x ./corpus/
func BenchmarkStoreRatios(b *testing.B) {
	n := benchN()
	dir, size := benchCorpus(b, n)
	cache := b.TempDir()
	open := func(opt corpus.Options) *corpus.Corpus {
		opt.CacheDir = cache
		c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, opt)
		if err != nil || len(c.Articles) != n {
			b.Fatalf("loaded %d of %d: %v", len(c.Articles), n, err)
		}
		return c
	}
	timed := func(f func()) time.Duration {
		start := time.Now()
		f()
		return time.Since(start)
	}
	var read, stat, list, full, cold time.Duration
	var heap float64
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		read += timed(func() {
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					os.ReadFile(p)
				}
				return nil
			})
		})
		stat += timed(func() {
			filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					os.Stat(p)
				}
				return nil
			})
		})
		os.RemoveAll(cache)
		cold += timed(func() { open(corpus.Options{}) })
		full += timed(func() { open(corpus.Options{}) })
		var c *corpus.Corpus
		list += timed(func() { c = open(corpus.Options{ListOnly: true}) })
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = float64(ms.HeapInuse) / float64(size)
		runtime.KeepAlive(c)
	}
	b.ReportMetric(float64(list)/float64(read), "list/read-floor")
	b.ReportMetric(float64(list)/float64(stat), "list/stat-floor")
	b.ReportMetric(float64(full)/float64(read), "full/read-floor")
	b.ReportMetric(float64(cold)/float64(read), "cold/read-floor")
	b.ReportMetric(float64(list.Milliseconds())/float64(b.N), "list-ms")
	b.ReportMetric(heap, "heap-bytes/file-byte")
}

//go:build unix

package corpus_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// BenchmarkColdOpen measures a cold first open as `parallax list` makes
// it (no store yet: walk, read, parse, dedupe, save the store), against
// the floor of reading the files, in the same run: walking and reading
// every file on as many goroutines as the open uses (as ripgrep reads
// them on every core). Each is timed in wall and in CPU (user+system) of
// the process; on a machine shared with other jobs the CPU ratio is the
// one to trust. The aim (issue 19) is cold ≤ 2× the read floor.
// "parse-only" is the same open without a store, so that the save's part
// shows.
//
//	go test -run '^$' -bench BenchmarkColdOpen -benchtime 3x ./corpus/
//	PARALLAX_BENCH_N=100000 go test -run '^$' -bench BenchmarkColdOpen -benchtime 1x ./corpus/
//	PARALLAX_BENCH_DIR=/tmp/c100k go test -run '^$' -bench BenchmarkColdOpen -benchtime 1x ./corpus/
func BenchmarkColdOpen(b *testing.B) {
	dir, size := coldOpenCorpus(b)
	cache := b.TempDir()
	cpu := func() time.Duration {
		var ru syscall.Rusage
		_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	measure := func(f func()) (wall, cpuUsed time.Duration) {
		runtime.GC() // the previous step's garbage is not this one's
		w0, c0 := time.Now(), cpu()
		f()
		return time.Since(w0), cpu() - c0
	}
	var readWall, readCPU, coldWall, coldCPU, parseWall, parseCPU time.Duration
	articles := 0
	b.SetBytes(size)
	for i := 0; i < b.N; i++ {
		w, c := measure(func() { readAll(dir, runtime.GOMAXPROCS(0)) })
		readWall, readCPU = readWall+w, readCPU+c
		os.RemoveAll(cache)
		w, c = measure(func() {
			c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{CacheDir: cache, ListOnly: true})
			if err != nil || len(c.Articles) == 0 {
				b.Fatalf("cold open: %d articles, %v", len(c.Articles), err)
			}
			articles = len(c.Articles)
		})
		coldWall, coldCPU = coldWall+w, coldCPU+c
		w, c = measure(func() {
			if _, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{}); err != nil {
				b.Fatal(err)
			}
		})
		parseWall, parseCPU = parseWall+w, parseCPU+c
	}
	n := float64(b.N)
	b.ReportMetric(float64(coldWall)/float64(readWall), "cold/read-floor")
	b.ReportMetric(float64(coldCPU)/float64(readCPU), "cold-cpu/read-cpu")
	b.ReportMetric(coldCPU.Seconds()/n, "cold-cpu-s")
	b.ReportMetric(coldWall.Seconds()/n, "cold-wall-s")
	b.ReportMetric(parseCPU.Seconds()/n, "parse-only-cpu-s")
	b.ReportMetric(parseWall.Seconds()/n, "parse-only-wall-s")
	b.ReportMetric(readCPU.Seconds()/n, "read-cpu-s")
	b.ReportMetric(readWall.Seconds()/n, "read-wall-s")
	b.ReportMetric(float64(articles), "articles")
}

// coldOpenCorpus is PARALLAX_BENCH_DIR (an existing corpus, such as
// gencorpus's /tmp/c100k) or the generated corpus of the load benchmarks.
func coldOpenCorpus(b *testing.B) (string, int64) {
	dir := os.Getenv("PARALLAX_BENCH_DIR")
	if dir == "" {
		return benchCorpus(b, benchN())
	}
	return dir, dirSize(dir)
}

// readAll walks dir and reads every regular file on the given number of
// goroutines, and nothing else.
func readAll(dir string, workers int) {
	paths := make(chan string, 1024)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range paths {
				os.ReadFile(p)
			}
		}()
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			paths <- p
		}
		return nil
	})
	close(paths)
	wg.Wait()
}

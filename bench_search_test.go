package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/gen"
)

// BenchmarkSearchVsRipgrep measures what issue 19 asks of a one-shot
// search: `parallax search` as one whole process, warm (parsed-corpus
// cache and index snapshot written by earlier runs), against ripgrep
// looking for the same word in the same files, timed in the same run, and
// reports their ratio. The corpus is PARALLAX_BENCH_DIR, else 10,000
// generated files (PARALLAX_BENCH_N to change) shared with the other load
// benchmarks. Skipped without rg or the go command.
//
//	PARALLAX_BENCH_DIR=/tmp/c100k go test -run XXX -bench SearchVsRipgrep -benchtime 10x .
func BenchmarkSearchVsRipgrep(b *testing.B) {
	rg, err := exec.LookPath("rg")
	if err != nil {
		b.Skip("rg is not installed")
	}
	dir := os.Getenv("PARALLAX_BENCH_DIR")
	if dir == "" {
		n := 10000
		if v, err := strconv.Atoi(os.Getenv("PARALLAX_BENCH_N")); err == nil && v > 0 {
			n = v
		}
		dir = filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-%d", n))
		if _, err := os.Stat(dir + ".done"); err != nil {
			os.RemoveAll(dir)
			if err := gen.Write(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			os.WriteFile(dir+".done", nil, 0o644)
		}
	}
	bin := filepath.Join(b.TempDir(), "parallax")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Skipf("cannot build parallax: %v\n%s", err, out)
	}
	cache := b.TempDir()
	const word = "Savurova"
	parallax := func() {
		cmd := exec.Command(bin, "search", "--limit", "20", word, dir)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache)
		if out, err := cmd.CombinedOutput(); err != nil && cmd.ProcessState.ExitCode() != 1 {
			b.Fatalf("parallax search: %v\n%s", err, out)
		}
	}
	ripgrep := func() {
		// Exit status 1: nothing found, which is an answer too.
		if err := exec.Command(rg, "-i", "-c", "--", word, dir).Run(); err != nil && err.(*exec.ExitError).ExitCode() != 1 {
			b.Fatalf("rg: %v", err)
		}
	}
	parallax() // the cache and the snapshot
	parallax()
	ripgrep()
	b.ResetTimer()
	var px, rgTime time.Duration
	for range b.N {
		t := time.Now()
		parallax()
		px += time.Since(t)
		t = time.Now()
		ripgrep()
		rgTime += time.Since(t)
	}
	b.ReportMetric(px.Seconds()*1000/float64(b.N), "parallax-ms/op")
	b.ReportMetric(rgTime.Seconds()*1000/float64(b.N), "rg-ms/op")
	b.ReportMetric(float64(px)/float64(rgTime), "parallax/rg")
}

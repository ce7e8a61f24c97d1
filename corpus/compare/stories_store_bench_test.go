package compare

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkStoredStories10k and BenchmarkStoredStories100k read a stored
// grouping back for an unchanged corpus (a warm start's stories), and
// report the file's size.
func BenchmarkStoredStories10k(b *testing.B)  { benchStoredStories(b, 10_000) }
func BenchmarkStoredStories100k(b *testing.B) { benchStoredStories(b, 100_000) }

func benchStoredStories(b *testing.B, n int) {
	as := generated(n)
	path := filepath.Join(b.TempDir(), "stories-x.cache")
	if _, _, err := LoadOrGroupStories(context.Background(), path, as, StoryOptions{}); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{}); from != StoriesStored {
			b.Fatalf("from %v", from)
		}
	}
	reportCPU(b, cpu0)
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
}

// BenchmarkJoinStories10k and BenchmarkJoinStories100k: 1,000 new
// articles join the stored grouping of the others (--watch, or files
// added between two starts).
func BenchmarkJoinStories10k(b *testing.B)  { benchJoinStories(b, 10_000) }
func BenchmarkJoinStories100k(b *testing.B) { benchJoinStories(b, 100_000) }

func benchJoinStories(b *testing.B, n int) {
	as := generated(n)
	path := filepath.Join(b.TempDir(), "stories-x.cache")
	base := as[:n-1000]
	_, _, _ = LoadOrGroupStories(context.Background(), path, base, StoryOptions{})
	stored, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(path, stored, 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := cpuTime()
		if _, from, _ := LoadOrGroupStories(context.Background(), path, as, StoryOptions{}); from != StoriesJoined {
			b.Fatalf("from %v", from)
		}
		cpu += cpuTime() - cpu0
	}
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

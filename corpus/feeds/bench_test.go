package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

// benchServer serves n feeds of items items each, with ETags, from one
// host (so the two-connection limit applies to all of them).
func benchServer(b *testing.B, n, items int) (*httptest.Server, []Subscription) {
	feeds := make([][]byte, n)
	for i := range feeds {
		feeds[i] = []byte(rssFeed(fmt.Sprintf("Outlet %d", i), newsItems(fmt.Sprintf("https://outlet%d.example", i), items, true)))
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var i int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/feed/"), "%d", &i)
		etag := fmt.Sprintf(`"f%d"`, i)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Write(feeds[i])
	}))
	subs := make([]Subscription, n)
	for i := range subs {
		subs[i] = Subscription{URL: fmt.Sprintf("%s/feed/%d", srv.URL, i)}
	}
	return srv, subs
}

// BenchmarkFetch500: 500 feeds of 50 items from a local server, a first
// fetch into an empty store and a second one that is all 304s (see
// BENCHMARKS.md).
func BenchmarkFetch500(b *testing.B) {
	srv, subs := benchServer(b, 500, 50)
	defer srv.Close()
	run := func(f *Fetcher) {
		for _, r := range f.FetchAll(context.Background(), subs, nil) {
			if r.Status == StatusError {
				b.Fatal(r)
			}
		}
	}
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			f, _ := NewFetcher(Options{}, Store{Dir: dir + "/news"}, dir+"/feeds.json")
			b.StartTimer()
			run(f)
			b.StopTimer()
			f.Close()
			b.StartTimer()
		}
		reportHeap(b)
	})
	b.Run("all-304", func(b *testing.B) {
		dir := b.TempDir()
		f, _ := NewFetcher(Options{}, Store{Dir: dir + "/news"}, dir+"/feeds.json")
		defer f.Close()
		run(f)
		for b.Loop() {
			run(f)
		}
		reportHeap(b)
	})
}

func reportHeap(b *testing.B) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "heap-MiB")
}

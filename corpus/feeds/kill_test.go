package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

const killFeeds, killItems = 30, 20

func killSubs(base string) []Subscription {
	var subs []Subscription
	for i := range killFeeds {
		subs = append(subs, Subscription{URL: fmt.Sprintf("%s/feed/%d", base, i)})
	}
	return subs
}

// A fetch killed (SIGKILL) midway leaves a consistent store: every article
// file whole and loadable, the state readable, and the next fetch completes
// it with no article lost or stored twice.
func TestKillDuringFetch(t *testing.T) {
	if dir := os.Getenv("FEEDS_KILL_CHILD_DIR"); dir != "" {
		f, err := NewFetcher(Options{}, Store{Dir: filepath.Join(dir, "news")}, filepath.Join(dir, "feeds.json"))
		if err != nil {
			t.Fatal(err)
		}
		f.FetchAll(context.Background(), killSubs(os.Getenv("FEEDS_KILL_CHILD_URL")), nil)
		time.Sleep(time.Minute) // the parent kills us before this ends
		return
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(15 * time.Millisecond) // slow enough to be killed midway
		base := "https://outlet.example" + r.URL.Path
		w.Write([]byte(rssFeed("Desk "+r.URL.Path, newsItems(base, killItems, true))))
	}))
	defer srv.Close()
	dir := t.TempDir()
	news := filepath.Join(dir, "news")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringFetch$")
	cmd.Env = append(os.Environ(), "FEEDS_KILL_CHILD_DIR="+dir, "FEEDS_KILL_CHILD_URL="+srv.URL)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill once some but not all articles are there.
	deadline := time.Now().Add(30 * time.Second)
	for countFiles(news) < 3*killItems && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	before := countFiles(news)
	t.Logf("killed with %d of %d articles stored", before, killFeeds*killItems)
	if before == 0 || before >= killFeeds*killItems {
		t.Fatalf("the kill did not land midway (%d articles)", before)
	}

	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{news}}, corpus.Options{})
	if err != nil || len(c.Skipped) > 0 || len(c.Articles) != before {
		t.Fatalf("store after the kill: %v, %d articles of %d files, skipped %v", err, len(c.Articles), before, c.Skipped)
	}
	if _, err := ReadState(filepath.Join(dir, "feeds.json")); err != nil {
		t.Errorf("state after the kill: %v", err)
	}

	f, err := NewFetcher(Options{}, Store{Dir: news}, filepath.Join(dir, "feeds.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, r := range f.FetchAll(context.Background(), killSubs(srv.URL), nil) {
		if r.Status == StatusError {
			t.Errorf("refetch: %+v", r)
		}
	}
	if n := countFiles(news); n != killFeeds*killItems {
		t.Errorf("%d articles after the refetch, want %d", n, killFeeds*killItems)
	}
}

// countFiles counts the article files (not temporary ones) under dir.
func countFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") && !strings.HasPrefix(d.Name(), ".") {
			n++
		}
		return nil
	})
	return n
}

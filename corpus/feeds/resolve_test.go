package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// ReadOnce stores a feed's items or a page's article, with one request
// for the feed, and never touches the fetch state.
func TestReadOnce(t *testing.T) {
	var feedHits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			feedHits.Add(1)
			w.Write([]byte(rssFeed("Desk", newsItems(srv.URL, 3, true))))
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><title>Budget vote</title><meta property="og:site_name" content="City Desk"></head><body><article><h1>Budget vote</h1>
<p>The city council voted 7-2 late on Monday to approve the budget, ending a debate that had run for six weeks.</p>
<p>Opponents said the plan cuts library hours across the city and leaves the parks department short of staff.</p></article></body></html>`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	ctx := context.Background()
	if n, err := f.ReadOnce(ctx, srv.URL+"/feed"); n != 3 || err != nil || feedHits.Load() != 1 {
		t.Errorf("feed: %d, %v, %d requests", n, err, feedHits.Load())
	}
	if n, err := f.ReadOnce(ctx, srv.URL+"/page"); n != 1 || err != nil {
		t.Errorf("page: %d, %v", n, err)
	}
	recs := storedRecords(t, f.Store.Dir)
	if len(recs) != 4 {
		t.Fatalf("%d records, want 4", len(recs))
	}
	found := false
	for _, r := range recs {
		if r.URL == srv.URL+"/page" && r.Outlet == "City Desk" && strings.Contains(r.Text, "library hours") {
			found = true
		}
	}
	if !found {
		t.Errorf("the page's record is missing or wrong: %+v", recs)
	}
	if len(f.State.Feeds) != 0 {
		t.Errorf("ReadOnce changed the fetch state: %v", f.State.Feeds)
	}
	if _, err := f.ReadOnce(ctx, srv.URL+"/missing"); err == nil || !strings.Contains(err.Error(), "404") {
		t.Errorf("missing: %v", err)
	}
}

// Two processes saving the state keep each other's feeds; for a feed both
// fetched, the later fetch wins.
func TestStateSaveMerges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.json")
	a := &State{Feeds: map[string]*FeedState{"https://a.example/": {ETag: `"a"`}, "https://both.example/": {ETag: `"old"`}}}
	b := &State{Feeds: map[string]*FeedState{"https://b.example/": {ETag: `"b"`}, "https://both.example/": {ETag: `"new"`}}}
	a.Feeds["https://both.example/"].LastFetched = fixedTime(1)
	b.Feeds["https://both.example/"].LastFetched = fixedTime(2)
	if err := b.Save(path); err != nil {
		t.Fatal(err)
	}
	if err := a.Save(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadState(path)
	if err != nil || got.Feeds["https://a.example/"] == nil || got.Feeds["https://b.example/"] == nil || got.Feeds["https://both.example/"].ETag != `"new"` {
		t.Errorf("merged state: %v %+v", err, got.Feeds)
	}
}

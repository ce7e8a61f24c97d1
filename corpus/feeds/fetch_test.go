package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/formats"
)

func storedRecords(t *testing.T, dir string) []Record {
	t.Helper()
	var out []Record
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var r Record
		if err := json.Unmarshal(data, &r); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, r)
		return nil
	})
	return out
}

// The 304 flow: the validators the server gave are sent back, and an
// unchanged feed costs a 304 and stores nothing.
func TestConditionalGet(t *testing.T) {
	for _, tc := range []struct {
		name               string
		etag, lastModified string
	}{
		{"etag", `"v1"`, ""},
		{"last-modified", "", "Mon, 30 Nov 2026 08:00:00 GMT"},
		{"both", `W/"abc"`, "Mon, 30 Nov 2026 08:00:00 GMT"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var full, notMod atomic.Int32
			var ua atomic.Value
			var srv *httptest.Server
			srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ua.Store(r.Header.Get("User-Agent"))
				if (tc.etag != "" && r.Header.Get("If-None-Match") == tc.etag) ||
					(tc.etag == "" && tc.lastModified != "" && r.Header.Get("If-Modified-Since") == tc.lastModified) {
					notMod.Add(1)
					w.WriteHeader(http.StatusNotModified)
					return
				}
				full.Add(1)
				if tc.etag != "" {
					w.Header().Set("ETag", tc.etag)
				}
				if tc.lastModified != "" {
					w.Header().Set("Last-Modified", tc.lastModified)
				}
				w.Write([]byte(rssFeed("City Desk", newsItems(srv.URL, 5, true))))
			}))
			defer srv.Close()
			f := newTestFetcher(t, Options{UserAgent: UserAgent("1.2.3")})
			sub := Subscription{URL: srv.URL + "/feed"}
			r1 := f.Fetch(context.Background(), sub)
			if r1.Status != StatusOK || r1.New != 5 {
				t.Fatalf("first fetch = %+v, want ok with 5 new", r1)
			}
			r2 := f.Fetch(context.Background(), sub)
			if r2.Status != StatusNotModified || r2.New != 0 {
				t.Fatalf("second fetch = %+v, want not_modified", r2)
			}
			if full.Load() != 1 || notMod.Load() != 1 {
				t.Errorf("server sent %d full responses and %d 304s, want 1 and 1", full.Load(), notMod.Load())
			}
			if got := ua.Load().(string); got != "Parallax/1.2.3 (+"+ProjectURL+")" {
				t.Errorf("User-Agent = %q", got)
			}
			if n := len(storedRecords(t, f.Store.Dir)); n != 5 {
				t.Errorf("%d records stored, want 5", n)
			}
		})
	}
}

func gzipped(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(data)
	zw.Close()
	return buf.Bytes()
}

// A gzipped feed is read; a gzip bomb is refused at the cap without
// taking the memory, and the other feed of the same run is fetched.
func TestGzipAndBomb(t *testing.T) {
	var srv *httptest.Server
	bomb := gzipped(t, make([]byte, 64<<20)) // 64 MiB of zeros, ~64 KiB sent
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			t.Errorf("no gzip in Accept-Encoding: %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		if r.URL.Path == "/bomb" {
			w.Write(bomb)
			return
		}
		w.Write(gzipped(t, []byte(rssFeed("Zipped", newsItems(srv.URL, 3, true)))))
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{MaxFeedBytes: 1 << 20})
	res := f.FetchAll(context.Background(), []Subscription{{URL: srv.URL + "/bomb"}, {URL: srv.URL + "/gz"}}, nil)
	if res[0].Status != StatusError || !strings.Contains(res[0].Error, "too large") {
		t.Errorf("bomb: %+v, want a too-large error", res[0])
	}
	if res[1].Status != StatusOK || res[1].New != 3 {
		t.Errorf("gzip feed: %+v, want ok with 3 new", res[1])
	}
}

// A server that answers too slowly, before the headers or within the body,
// times out; the fetch does not hang.
func TestSlowServer(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dribble" {
			w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel>`))
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	f := newTestFetcher(t, Options{Timeout: 150 * time.Millisecond})
	for _, p := range []string{"/silent", "/dribble"} {
		r := f.Fetch(context.Background(), Subscription{URL: srv.URL + p})
		if r.Status != StatusError || !strings.Contains(r.Error, "timed out") {
			t.Errorf("%s: %+v, want a timeout", p, r)
		}
	}
}

func TestRedirects(t *testing.T) {
	var hits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		switch r.URL.Path {
		case "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusFound)
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/temp":
			http.Redirect(w, r, "/new", http.StatusFound)
		case "/mixed":
			http.Redirect(w, r, "/old", http.StatusFound)
		case "/to-file":
			w.Header().Set("Location", "file:///etc/passwd")
			w.WriteHeader(http.StatusMovedPermanently)
		case "/new":
			w.Write([]byte(rssFeed("Moved", newsItems(srv.URL, 2, true))))
		}
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	ctx := context.Background()

	r := f.Fetch(ctx, Subscription{URL: srv.URL + "/loop-a"})
	if r.Status != StatusError || !strings.Contains(r.Error, "redirects") {
		t.Errorf("loop: %+v", r)
	}
	if n := hits.Load(); n != 6 {
		t.Errorf("loop made %d requests, want 6 (the first and 5 redirects)", n)
	}
	for _, tc := range []struct{ path, moved string }{
		{"/old", srv.URL + "/new"},
		{"/temp", ""},
		{"/mixed", ""}, // a temporary hop on the way: the feed has not moved
	} {
		r := f.Fetch(ctx, Subscription{URL: srv.URL + tc.path})
		if r.Status != StatusOK || r.MovedTo != tc.moved {
			t.Errorf("%s: %+v, want ok and moved to %q", tc.path, r, tc.moved)
		}
	}
	if r := f.Fetch(ctx, Subscription{URL: srv.URL + "/to-file"}); r.Status != StatusError {
		t.Errorf("redirect to file: %+v, want an error", r)
	}
	// A permanent redirect moves the subscription in the file.
	l := ParseList([]byte(srv.URL + "/old news\n"))
	if !l.Move(srv.URL+"/old", srv.URL+"/new") || !strings.HasPrefix(string(l.Bytes()), srv.URL+"/new news") {
		t.Errorf("subscription not moved: %s", l.Bytes())
	}
}

// 410 marks the feed dead (not asked again); 429 and 503 wait as the
// server asks, per feed.
func TestGoneAndRetryAfter(t *testing.T) {
	var gone, busy, unavailable, fine atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			gone.Add(1)
			w.WriteHeader(http.StatusGone)
		case "/busy":
			busy.Add(1)
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/down":
			unavailable.Add(1)
			w.Header().Set("Retry-After", "Mon, 30 Nov 2026 12:10:00 GMT")
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			fine.Add(1)
			w.Write([]byte(rssFeed("Fine", newsItems(srv.URL, 1, true))))
		}
	}))
	defer srv.Close()
	clock := &fakeClock{t: time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)}
	f := newTestFetcher(t, Options{Now: clock.Now})
	subs := []Subscription{{URL: srv.URL + "/gone"}, {URL: srv.URL + "/busy"}, {URL: srv.URL + "/down"}, {URL: srv.URL + "/fine"}}
	ctx := context.Background()
	res := f.FetchAll(ctx, subs, nil)
	if !f.State.Feeds[subs[0].URL].Dead || res[0].Status != StatusError {
		t.Errorf("410: %+v, state %+v", res[0], f.State.Feeds[subs[0].URL])
	}
	if got := f.State.Feeds[subs[1].URL].BackoffUntil; !got.Equal(clock.Now().Add(120 * time.Second)) {
		t.Errorf("429 backoff until %v, want +120s", got)
	}
	if got := f.State.Feeds[subs[2].URL].BackoffUntil; !got.Equal(clock.Now().Add(10 * time.Minute)) {
		t.Errorf("503 backoff until %v, want 12:10", got)
	}
	clock.Add(60 * time.Second)
	f.FetchAll(ctx, subs, nil)
	if gone.Load() != 1 || busy.Load() != 1 || unavailable.Load() != 1 || fine.Load() != 2 {
		t.Errorf("requests gone=%d busy=%d down=%d fine=%d, want 1 1 1 2", gone.Load(), busy.Load(), unavailable.Load(), fine.Load())
	}
	clock.Add(61 * time.Second)
	f.FetchAll(ctx, subs, nil)
	if busy.Load() != 2 || unavailable.Load() != 1 {
		t.Errorf("after 121 s: busy=%d down=%d, want 2 and 1", busy.Load(), unavailable.Load())
	}
	// The state survives on disk.
	st, err := ReadState(f.StatePath)
	if err != nil || !st.Feeds[subs[0].URL].Dead || st.Feeds[subs[1].URL].BackoffUntil.IsZero() {
		t.Errorf("saved state: %v %+v", err, st.Feeds)
	}
}

// A failing feed never loses what was fetched before.
func TestFailureKeepsStored(t *testing.T) {
	var broken atomic.Bool
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if broken.Load() {
			w.Write([]byte("<rss><channel><item><title>"))
			return
		}
		w.Write([]byte(rssFeed("Desk", newsItems(srv.URL, 4, true))))
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	f.Fetch(context.Background(), Subscription{URL: srv.URL})
	broken.Store(true)
	if r := f.Fetch(context.Background(), Subscription{URL: srv.URL}); r.Status != StatusError {
		t.Errorf("broken feed: %+v", r)
	}
	if n := len(storedRecords(t, f.Store.Dir)); n != 4 {
		t.Errorf("%d records after a failed fetch, want the 4 fetched before", n)
	}
}

// A summary-only feed: each item's page is fetched and read for the full
// text; a page that cannot be had keeps the summary; "never" keeps all.
func TestFullText(t *testing.T) {
	var pages atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed" {
			w.Write([]byte(rssFeed("Summaries", newsItems(srv.URL, 3, false))))
			return
		}
		pages.Add(1)
		if strings.HasSuffix(r.URL.Path, "-2") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><head><title>Story</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Council approves budget plan</h1>
<p>The city council voted 7-2 late on Monday to approve the budget, ending a debate that had run for six weeks and filled three public hearings.</p>
<p>Opponents said the plan cuts library hours across the city and leaves the parks department short of staff for the summer.</p>
<p>The mayor said the plan keeps the budget balanced without new taxes and protects spending on schools and roads for the next two years.</p>
<p>The plan takes effect in January, after a final reading next week.</p>
</article><footer>Copyright 2026</footer></body></html>`)
	}))
	defer srv.Close()
	ctx := context.Background()

	f := newTestFetcher(t, Options{})
	r := f.Fetch(ctx, Subscription{URL: srv.URL + "/feed"})
	if r.Status != StatusOK || r.New != 3 {
		t.Fatalf("fetch: %+v", r)
	}
	full := 0
	for _, rec := range storedRecords(t, f.Store.Dir) {
		switch {
		case strings.Contains(rec.Text, "library hours across the city"):
			full++
		case strings.Contains(rec.Text, "The city council voted 7-2 on plan 2"):
		default:
			t.Errorf("record has neither the page nor its summary: %+v", rec)
		}
	}
	if full != 2 || pages.Load() != 3 {
		t.Errorf("%d full texts from %d page requests, want 2 from 3", full, pages.Load())
	}

	pages.Store(0)
	f2 := newTestFetcher(t, Options{})
	f2.Fetch(ctx, Subscription{URL: srv.URL + "/feed", FullText: FullTextNever})
	if pages.Load() != 0 {
		t.Errorf("fulltext=never fetched %d pages", pages.Load())
	}
}

func TestFindFeed(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Write([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/broken.xml">
<link rel="alternate" type="application/atom+xml" href="/rss/all.xml"></head><body>Welcome</body></html>`))
		case "/broken.xml":
			w.Write([]byte("<html>not a feed</html>"))
		case "/rss/all.xml":
			w.Write([]byte(rssFeed("Outlet & Co", newsItems(srv.URL, 1, true))))
		case "/plain":
			w.Write([]byte("<html><body>No feeds here.</body></html>"))
		}
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	ctx := context.Background()
	u, title, err := f.FindFeed(ctx, srv.URL+"/")
	if err != nil || u != srv.URL+"/rss/all.xml" || title != "Outlet & Co" {
		t.Errorf("from the page: %q %q %v", u, title, err)
	}
	if u, _, err := f.FindFeed(ctx, srv.URL+"/rss/all.xml"); err != nil || u != srv.URL+"/rss/all.xml" {
		t.Errorf("a feed itself: %q %v", u, err)
	}
	if _, _, err := f.FindFeed(ctx, srv.URL+"/plain"); err != ErrNoFeed {
		t.Errorf("a page without feeds: %v", err)
	}
}

// At most two connections to one host, counted on the server, however
// many feeds it serves.
func TestPerHostLimit(t *testing.T) {
	var open, maxOpen, inFlight, maxInFlight atomic.Int32
	raise := func(v, m *atomic.Int32, d int32) {
		n := v.Add(d)
		for {
			cur := m.Load()
			if n <= cur || m.CompareAndSwap(cur, n) {
				return
			}
		}
	}
	var srv *httptest.Server
	srv = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raise(&inFlight, &maxInFlight, 1)
		defer inFlight.Add(-1)
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte(rssFeed("Busy", newsItems("https://outlet.example"+r.URL.Path, 1, true))))
	}))
	srv.Config.ConnState = func(c net.Conn, s http.ConnState) {
		switch s {
		case http.StateNew:
			raise(&open, &maxOpen, 1)
		case http.StateClosed, http.StateHijacked:
			open.Add(-1)
		}
	}
	srv.Start()
	defer srv.Close()
	f := newTestFetcher(t, Options{MaxConns: 16})
	var subs []Subscription
	for i := range 24 {
		subs = append(subs, Subscription{URL: fmt.Sprintf("%s/feed/%d", srv.URL, i)})
	}
	res := f.FetchAll(context.Background(), subs, nil)
	for _, r := range res {
		if r.Status != StatusOK {
			t.Fatalf("%+v", r)
		}
	}
	t.Logf("max connections %d, max requests in flight %d", maxOpen.Load(), maxInFlight.Load())
	if maxOpen.Load() > 2 || maxInFlight.Load() > 2 {
		t.Errorf("server saw %d connections and %d requests at once, want at most 2", maxOpen.Load(), maxInFlight.Load())
	}
	if maxInFlight.Load() < 2 {
		t.Errorf("only %d request at a time: the two connections were not used", maxInFlight.Load())
	}
}

// Items are stored once: a feed that changes its GUIDs but not its URLs,
// or adds tracking parameters, or changes URLs but keeps GUIDs, adds
// nothing.
func TestDedupe(t *testing.T) {
	var version atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		items := newsItems(srv.URL, 4, true)
		for i := range items {
			switch version.Load() {
			case 1: // new GUIDs, same URLs
				items[i].guid = fmt.Sprintf("https://cms.example/p?id=%d", 1000+i)
			case 2: // tracking parameters and fragments
				items[i].guid = ""
				items[i].link += "?utm_source=rss&utm_medium=feed&fbclid=abc#top"
			case 3: // new URLs, the first GUIDs
				items[i].link = strings.Replace(items[i].link, "/news/", "/world/", 1)
			}
		}
		if version.Load() == 4 {
			items = items[:1]
		}
		w.Write([]byte(rssFeed("Desk", items)))
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	sub := Subscription{URL: srv.URL + "/feed"}
	for v := int32(0); v < 4; v++ {
		version.Store(v)
		r := f.Fetch(context.Background(), sub)
		want := 0
		if v == 0 {
			want = 4
		}
		if r.Status != StatusOK || r.New != want {
			t.Errorf("version %d: %+v, want %d new", v, r, want)
		}
	}
	if n := len(storedRecords(t, f.Store.Dir)); n != 4 {
		t.Errorf("%d records, want 4", n)
	}
	// The state knows the feed's files (the reader filters by them).
	files := f.State.Feeds[sub.URL].Files(f.Store.Dir)
	if len(files) != 4 {
		t.Errorf("the state lists %d files, want 4", len(files))
	}
	for _, p := range files {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	// Once retention removed an article the feed no longer carries, the
	// state forgets it.
	os.Remove(f.Store.pathFor(CanonicalURL(srv.URL+"/news/2026/11/30/story-3"), "", ""))
	version.Store(4) // a feed that now carries its first item only
	f.Fetch(context.Background(), sub)
	if n := f.State.Feeds[sub.URL].Articles(); n != 3 {
		t.Errorf("%d articles in the state after one was pruned, want 3", n)
	}
}

func TestCanonicalURL(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://WWW.Example.com:443/a/b?utm_source=x&id=7&UTM_Campaign=y#frag": "https://www.example.com/a/b?id=7",
		"http://example.com":                           "http://example.com/",
		"https://example.com/p?b=2&a=1&fbclid=z":       "https://example.com/p?a=1&b=2",
		"https://example.com/p?ref=home&gclid=1&x=":    "https://example.com/p?ref=home&x=",
		"ftp://example.com/x":                          "",
		"https://news.example/story?at_medium=RSS&x=1": "https://news.example/story?x=1",
	} {
		if got := CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
}

// The stored records load through the corpus loader with their fields and
// the same blocks the feed gave.
func TestStoredRecordsLoad(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		items := newsItems(srv.URL, 2, true)
		items[0].content = "<h2>What changes</h2><p>Library hours are cut by a fifth.</p><ul><li>Parks keep their staff.</li><li>Roads get more money.</li></ul><blockquote>It is a fair plan, the mayor said.</blockquote>"
		items[1].title = "Evil \x1b]52;c;aGk=\x07title"
		w.Write([]byte(rssFeed("City \x1b[31mDesk", items)))
	}))
	defer srv.Close()
	f := newTestFetcher(t, Options{})
	feedBody, _ := http.Get(srv.URL)
	data := new(bytes.Buffer)
	data.ReadFrom(feedBody.Body)
	feedBody.Body.Close()
	direct, err := formats.ParseFeed(data.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if r := f.Fetch(context.Background(), Subscription{URL: srv.URL}); r.Status != StatusOK {
		t.Fatal(r)
	}
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{f.Store.Dir}}, corpus.Options{})
	if err != nil || len(c.Articles) != 2 || len(c.Skipped) > 0 {
		t.Fatalf("load: %v, %d articles, skipped %v", err, len(c.Articles), c.Skipped)
	}
	byURL := map[string]*corpus.Article{}
	for _, a := range c.Articles {
		byURL[a.URL] = a
		if strings.ContainsRune(a.Title+a.Outlet, 0x1b) {
			t.Errorf("escape survived: %q %q", a.Title, a.Outlet)
		}
	}
	for _, d := range direct {
		a := byURL[d.URL]
		if a == nil {
			t.Fatalf("%s not loaded", d.URL)
		}
		if a.Title != d.Title || a.Outlet != d.Outlet || !a.Published.Equal(d.Published) {
			t.Errorf("fields differ:\nstored %q %q %v\n  feed %q %q %v", a.Title, a.Outlet, a.Published, d.Title, d.Outlet, d.Published)
		}
		if fmt.Sprint(a.Blocks) != fmt.Sprint(d.Blocks) {
			t.Errorf("blocks differ:\nstored %v\n  feed %v", a.Blocks, d.Blocks)
		}
	}
}

func TestPrune(t *testing.T) {
	dir := t.TempDir()
	s := Store{Dir: dir}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	write := func(name, url string, age time.Duration) string {
		p := filepath.Join(dir, "site", name)
		if err := s.write(p, Record{Title: name, URL: url, Text: "<p>x</p>"}); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, now.Add(-age), now.Add(-age))
		return p
	}
	old := write("old.json", "https://a.example/old", 100*24*time.Hour)
	kept := write("bookmarked.json", "https://a.example/kept", 100*24*time.Hour)
	fresh := write("fresh.json", "https://a.example/fresh", 10*24*time.Hour)
	tmp := filepath.Join(dir, "site", ".x.json.tmp-123")
	os.WriteFile(tmp, []byte("{"), 0o644)
	os.Chtimes(tmp, now.Add(-time.Hour), now.Add(-time.Hour))
	n, err := s.Prune(90*24*time.Hour, now, func(u string) bool { return u == "https://a.example/kept" })
	if err != nil || n != 1 {
		t.Errorf("Prune = %d, %v; want 1", n, err)
	}
	for p, want := range map[string]bool{old: false, kept: true, fresh: true, tmp: false} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists=%v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

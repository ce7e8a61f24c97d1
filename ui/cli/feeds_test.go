package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/feeds"
	"github.com/parallax-reader/parallax/ui"
)

// liveEnv is a user's world for live news: their own config, data and
// state folders.
type liveEnv struct {
	t      *testing.T
	config string
}

func newLiveEnv(t *testing.T) *liveEnv {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(home, "state"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	return &liveEnv{t: t, config: filepath.Join(home, "config", "parallax", "config.toml")}
}

func (e *liveEnv) run(args ...string) (int, string, string) {
	e.t.Helper()
	var out, errb bytes.Buffer
	env := Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Seeds:      os.DirFS(filepath.Join("..", "..", "seeds")),
		RunUI:      func(ui.Config) error { e.t.Fatal("the reader must not start in tests"); return nil },
		ConfigPath: e.config,
		CacheDir:   e.t.TempDir(),
	}
	code := Main(args, env)
	return code, out.String(), errb.String()
}

// newsServer serves a site page announcing its feed, the feed (with an
// ETag), a failing feed, and an OPML-less 404 for the rest.
func newsServer(t *testing.T, items int) (*httptest.Server, *atomic.Int32) {
	var feedHits atomic.Int32
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			fmt.Fprint(w, `<html><head><title>Daily Planet</title><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>News</body></html>`)
		case "/rss.xml":
			feedHits.Add(1)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			var sb strings.Builder
			sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Planet</title>`)
			for i := range items {
				fmt.Fprintf(&sb, "<item><title>Harbour bridge reopens after repairs, day %d</title><link>%s/story/%d</link><guid>story-%d</guid><pubDate>%s</pubDate><description>%s</description></item>",
					i, srv.URL, i, i, time.Date(2026, 11, 20+i, 9, 0, 0, 0, time.UTC).Format(time.RFC1123Z),
					html.EscapeString("<p>The harbour bridge reopened to traffic on Monday after eight months of repairs that cost the city more than was planned.</p><p>Commuters welcomed the news.</p>"))
			}
			sb.WriteString("</channel></rss>")
			w.Write([]byte(sb.String()))
		case "/broken.xml":
			w.WriteHeader(http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv, &feedHits
}

func TestFeedsAndFetch(t *testing.T) {
	e := newLiveEnv(t)
	srv, hits := newsServer(t, 3)

	// Without subscriptions the seeds open.
	if code, out, _ := e.run("list"); code != 0 || strings.Count(out, "\n") != 5 {
		t.Fatalf("seeds: %d\n%s", code, out)
	}
	code, out, errOut := e.run("feeds", "add", srv.URL+"/", srv.URL+"/broken.xml", "--tag", "local")
	if code != exitFail || !strings.Contains(out, "added "+srv.URL+"/rss.xml (Daily Planet)") || !strings.Contains(errOut, "broken.xml") {
		t.Fatalf("feeds add: %d\n%s\n%s", code, out, errOut)
	}
	data, _ := os.ReadFile(filepath.Join(filepath.Dir(e.config), "feeds"))
	if string(data) != srv.URL+"/rss.xml local\n" {
		t.Errorf("subscriptions file = %q", data)
	}
	// Subscribed but never fetched: a hint, not the seeds.
	if code, _, errOut := e.run("list"); code != exitFail || !strings.Contains(errOut, "parallax fetch") {
		t.Errorf("before any fetch: %d %s", code, errOut)
	}
	code, out, errOut = e.run("fetch", "--json")
	var results []map[string]any
	if err := json.Unmarshal([]byte(out), &results); err != nil || code != 0 {
		t.Fatalf("fetch --json: %d %v\n%s\n%s", code, err, out, errOut)
	}
	if len(results) != 1 || results[0]["status"] != "ok" || results[0]["new"] != float64(3) || results[0]["error"] != "" {
		t.Errorf("fetch results = %v", results)
	}
	// The news opens with no PATH; --seeds still gives the seeds.
	if _, out, _ := e.run("list"); strings.Count(out, "\n") != 3 || !strings.Contains(out, "Harbour bridge reopens") {
		t.Errorf("list of the news:\n%s", out)
	}
	if _, out, _ := e.run("list", "--seeds"); strings.Count(out, "\n") != 5 {
		t.Errorf("list --seeds:\n%s", out)
	}
	if _, out, _ := e.run("search", "harbour"); !strings.Contains(out, "Harbour bridge") {
		t.Errorf("search on the news:\n%s", out)
	}
	code, out, _ = e.run("fetch")
	if code != 0 || !strings.HasPrefix(out, "not_modified") || hits.Load() != 3 {
		t.Errorf("second fetch: %d %q, %d feed requests", code, out, hits.Load())
	}
	_, out, _ = e.run("feeds", "--json")
	var rows []feedJSON
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("feeds --json: %v\n%s", err, out)
	}
	if r := rows[0]; r.Title != "Daily Planet" || r.Status != "not_modified" || r.Articles != 3 || r.LastFetched == nil || len(r.Tags) != 1 || r.Error != "" {
		t.Errorf("feeds --json row = %+v", r)
	}
	// A failing feed: reported, the others go on.
	os.WriteFile(filepath.Join(filepath.Dir(e.config), "feeds"), []byte(srv.URL+"/rss.xml local\n"+srv.URL+"/broken.xml\nnot a url\n"), 0o644)
	code, out, errOut = e.run("fetch")
	if code != 0 || !strings.Contains(out, "error") || !strings.Contains(out, "HTTP 500") || !strings.Contains(errOut, "feeds:3:") {
		t.Errorf("fetch with a failing feed: %d\n%s\n%s", code, out, errOut)
	}
	_, out, _ = e.run("feeds")
	if !strings.Contains(out, "error: HTTP 500 Internal Server Error") {
		t.Errorf("feeds does not show the error:\n%s", out)
	}
	if code, out, _ := e.run("feeds", "remove", srv.URL+"/broken.xml"); code != 0 || !strings.Contains(out, "removed") {
		t.Errorf("feeds remove: %d %s", code, out)
	}
	if _, out, _ := e.run("feeds", "--json"); strings.Contains(out, "broken.xml") {
		t.Errorf("a removed feed is still listed:\n%s", out)
	}
	st, _ := feeds.ReadState(feeds.StatePath())
	if st.Feeds[srv.URL+"/broken.xml"] != nil || st.Feeds[srv.URL+"/rss.xml"] == nil {
		t.Errorf("state after remove: %+v", st.Feeds)
	}
}

func TestFeedsImportExport(t *testing.T) {
	e := newLiveEnv(t)
	opml := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body>
<outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/></outline>
<outline type="rss" text="B" xmlUrl="https://b.example/rss"/></body></opml>`), 0o644)
	if code, out, errOut := e.run("feeds", "import", opml); code != 0 || !strings.Contains(out, "imported 2 feeds") {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	code, out, _ := e.run("feeds", "export")
	if code != 0 || !strings.Contains(out, `xmlUrl="https://a.example/feed"`) || !strings.Contains(out, `category="Tech"`) {
		t.Errorf("export: %d\n%s", code, out)
	}
	// Exported OPML imports into another user's list unchanged.
	e2 := newLiveEnv(t)
	os.WriteFile(opml, []byte(out), 0o644)
	e2.run("feeds", "import", opml)
	_, a, _ := e.run("feeds", "--json")
	_, b, _ := e2.run("feeds", "--json")
	if a != b {
		t.Errorf("round trip through OPML changed the list:\n%s\n%s", a, b)
	}
}

// A URL where a PATH goes is read once and not subscribed.
func TestURLAsPath(t *testing.T) {
	e := newLiveEnv(t)
	srv, _ := newsServer(t, 2)
	code, out, errOut := e.run("list", srv.URL+"/rss.xml")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, "Harbour bridge") {
		t.Errorf("list URL: %d\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(e.config), "feeds")); err == nil {
		t.Error("reading a URL subscribed to it")
	}
	if code, _, errOut := e.run("list", srv.URL+"/missing"); code == 0 || !strings.Contains(errOut, "404") {
		t.Errorf("a missing URL: %d %s", code, errOut)
	}
}

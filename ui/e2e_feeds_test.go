package ui

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestEndToEndLiveNews: the reader on a user's news with a local server: R
// fetches in the background and the new articles join the list; the feeds
// view shows the failing feed's error; enter shows one feed's articles.
func TestEndToEndLiveNews(t *testing.T) {
	var items atomic.Int32
	items.Store(2)
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good.xml":
			var sb strings.Builder
			sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>`)
			for i := range int(items.Load()) {
				fmt.Fprintf(&sb, "<item><title>Ferry timetable %c changes in spring</title><link>%s/story/%d</link><guid>g%d</guid><pubDate>%s</pubDate><description>The ferry company said the timetable changes in spring, with fewer crossings at night and more at the weekend.</description><content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[<p>The ferry company said the timetable changes in spring, with fewer crossings at night and more at the weekend.</p>]]></content:encoded></item>",
					'A'+i, srv.URL, i, i, time.Date(2026, 11, 1+i, 9, 0, 0, 0, time.UTC).Format(time.RFC1123Z))
			}
			sb.WriteString("</channel></rss>")
			w.Write([]byte(sb.String()))
		default:
			w.WriteHeader(http.StatusInternalServerError)
		}
	}))
	defer srv.Close()

	home := t.TempDir()
	if err := os.MkdirAll(filepath.Join(home, "config", "parallax"), 0o755); err != nil {
		t.Fatal(err)
	}
	subs := srv.URL + "/good.xml harbour\n" + srv.URL + "/bad.xml\n"
	if err := os.WriteFile(filepath.Join(home, "config", "parallax", "feeds"), []byte(subs), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startReader(t, "feeds", 100, 24, home, []string{"NO_COLOR="})
	s.waitFor(`No news yet`)
	s.keys("R")
	s.waitFor(`fetched 2 feeds: 2 new articles, 1 failed`)
	screen := s.waitFor(`Ferry timetable B`)
	if !strings.Contains(screen, "Ferry timetable A") {
		t.Fatalf("fetched articles not listed:\n%s", screen)
	}

	items.Store(3)
	s.keys("R")
	s.waitFor(`fetched 2 feeds: 1 new article`)
	s.waitFor(`Ferry timetable C`)

	s.keys("F")
	screen = s.waitFor(`HTTP 500 Internal Server Error`)
	if !strings.Contains(screen, "Harbour Gazette") || !strings.Contains(screen, "All feeds") {
		t.Fatalf("feeds view:\n%s", screen)
	}
	s.requireFits(100, 24)
	s.keys("j", "Enter") // the first feed: Harbour Gazette
	s.waitFor(`showing 3 articles from Harbour Gazette`)
	s.keys("F", "k", "k", "Enter") // "All feeds"
	s.waitFor(`showing all articles`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)

	// The articles are files the next run loads like any others.
	s2 := startReader(t, "feeds2", 100, 24, home, []string{"NO_COLOR="})
	s2.waitFor(`3 articles`)
}

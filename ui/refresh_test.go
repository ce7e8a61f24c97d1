package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
)

// newsHarness opens sampleArticles as a user's news whose store is a
// temporary folder with two subscriptions: the first feed stored "alpha"
// and "beta", the second failed.
func newsHarness(t *testing.T) (*harness, *News) {
	t.Helper()
	return newsHarnessSized(t, 100, 24)
}

func newsHarnessSized(t *testing.T, w, h int) (*harness, *News) {
	t.Helper()
	dir := t.TempDir()
	news := &News{ListPath: filepath.Join(dir, "feeds"), Dir: filepath.Join(dir, "news"), StatePath: filepath.Join(dir, "feeds.json")}
	os.WriteFile(news.ListPath, []byte("https://a.example/rss\nhttps://b.example/rss\n"), 0o644)
	st := &feeds.State{Feeds: map[string]*feeds.FeedState{
		"https://a.example/rss": {Title: "Daily Courier", Status: feeds.StatusOK, New: 2, LastFetched: fixedNow,
			Seen: map[string]feeds.SeenItem{"g1": {File: "site/alpha.json"}, "g2": {File: "site/beta.json"}}},
		"https://b.example/rss": {Status: feeds.StatusError, Error: "HTTP 503 Service Unavailable; waiting 2m0s", LastFetched: fixedNow},
	}}
	if err := st.Save(news.StatePath); err != nil {
		t.Fatal(err)
	}
	arts := sampleArticles()
	for _, a := range arts {
		a.Path = filepath.Join(news.Dir, "site", a.ID+".json")
	}
	return configuredHarness(t, Config{News: news}, nil, arts, w, h), news
}

func TestRefreshProgressAddsArticles(t *testing.T) {
	hs, _ := newsHarness(t)
	hs.m.refresh = refreshState{running: true, gen: 42, results: map[string]feeds.Result{}}
	hs.send(feedProgressMsg{gen: 42, total: 2})
	hs.requireContains("fetching 0/2 feeds")
	fresh := &corpus.Article{ID: "site/new", Path: "/x/site/new.json", Title: "Harbour ferry gets a new timetable", Outlet: "Daily Courier",
		Published: time.Date(2025, 12, 3, 8, 0, 0, 0, time.UTC), Blocks: []corpus.Block{para("The ferry timetable changes in spring.")}, Words: 6}
	res := feeds.Result{URL: "https://a.example/rss", Status: feeds.StatusOK, New: 1}
	unread := hs.m.list.unread
	hs.send(feedProgressMsg{gen: 42, done: 1, total: 2, res: &res, items: []*item{newItem(fresh)}})
	hs.requireContains("fetching 1/2 feeds")
	hs.requireContains("Harbour ferry gets a new timetable")
	if hs.m.list.unread != unread+1 || len(hs.m.list.all) != 6 {
		t.Errorf("unread %d (was %d), %d articles; want one more of each", hs.m.list.unread, unread, len(hs.m.list.all))
	}
	// A message of an older refresh is ignored.
	hs.send(feedProgressMsg{gen: 41, done: 2, total: 2, items: []*item{newItem(&corpus.Article{ID: "old", Title: "Stale"})}})
	if len(hs.m.list.all) != 6 {
		t.Error("a stale refresh added articles")
	}
	bad := feeds.Result{URL: "https://b.example/rss", Status: feeds.StatusError, Error: "timed out"}
	hs.send(feedProgressMsg{gen: 42, done: 2, total: 2, res: &bad})
	hs.send(refreshDoneMsg{gen: 42, results: []feeds.Result{res, bad}})
	hs.requireContains("fetched 2 feeds: 1 new article, 1 failed (F shows why)")
	if strings.Contains(hs.view(), "fetching") {
		t.Error("progress still shown after the refresh ended")
	}
}

func TestFeedsViewFiltersTheList(t *testing.T) {
	hs, _ := newsHarness(t)
	hs.press("F")
	if hs.m.mode != modeFeeds {
		t.Fatalf("F did not open the feeds view (mode %d)", hs.m.mode)
	}
	hs.requireContains("Daily Courier")
	hs.requireContains("HTTP 503 Service Unavailable")
	hs.requireContains("All feeds (2 feeds, 2 stored articles)")
	hs.press("j", "enter")
	if hs.m.mode != modeList || len(hs.m.list.items) != 2 {
		t.Fatalf("enter on the first feed: mode %d, %d rows; want the list with alpha and beta", hs.m.mode, len(hs.m.list.items))
	}
	for _, it := range hs.m.list.items {
		if it.a.ID != "alpha" && it.a.ID != "beta" {
			t.Errorf("%s is not the feed's", it.a.ID)
		}
	}
	hs.requireContains("feed Daily Courier")
	hs.press("F", "g", "enter")
	if len(hs.m.list.items) != 5 {
		t.Errorf("All feeds shows %d articles, want 5", len(hs.m.list.items))
	}
	hs.press("F", "esc")
	if hs.m.mode != modeList {
		t.Errorf("esc left mode %d", hs.m.mode)
	}
}

// Without the user's news (seeds or PATHs), R explains instead of fetching.
func TestRefreshNeedsNews(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 100, 24)
	hs.press("R")
	hs.requireContains("R fetches your feeds when the reader shows your news")
	if hs.m.refresh.running {
		t.Error("a refresh started without news")
	}
}

// [feeds] interval schedules a refresh, which schedules the next.
func TestRefreshInterval(t *testing.T) {
	hs, news := newsHarness(t)
	os.WriteFile(news.ListPath, []byte("# every feed removed\n"), 0o644)
	hs.m.cfg.Settings.Feeds.Interval = time.Hour
	hs.timers = nil
	hs.run(hs.m.refreshAtStart())
	if len(hs.timers) != 1 || hs.timers[0] != (refreshTickMsg{}) {
		t.Fatalf("timers after start: %v", hs.timers)
	}
	hs.timers = nil
	hs.send(refreshTickMsg{})
	hs.requireContains("fetch: no subscriptions")
	if len(hs.timers) != 1 {
		t.Errorf("the next tick was not scheduled: %v", hs.timers)
	}
}

// Golden views of the feeds view and of the list filtered to one feed.
func TestGoldenFeeds(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {140, 40}} {
		for _, st := range []struct {
			name string
			keys []string
		}{
			{"feeds_view", []string{"F"}},
			{"feeds_view_selected", []string{"F", "j", "j"}},
			{"feed_filtered", []string{"F", "j", "enter"}},
		} {
			t.Run(fmtSize(size.w, size.h)+"/"+st.name, func(t *testing.T) {
				hs, _ := newsHarnessSized(t, size.w, size.h)
				hs.press(st.keys...)
				golden.RequireEqual(t, hs.view())
			})
		}
	}
}

// TestFeedsViewFollowsTheFetchWhileOpen: fetch results reach the feeds view
// as they come while it is open, and stop reaching it once it is closed.
func TestFeedsViewFollowsTheFetchWhileOpen(t *testing.T) {
	hs, _ := newsHarness(t)
	hs.m.refresh = refreshState{running: true, gen: 7, results: map[string]feeds.Result{}}
	hs.press("F")
	hs.requireContains("HTTP 503 Service Unavailable")
	bad := feeds.Result{URL: "https://b.example/rss", Status: feeds.StatusError, Error: "connection refused by the feed"}
	hs.send(feedProgressMsg{gen: 7, done: 1, total: 2, res: &bad})
	hs.requireContains("connection refused by the feed")
	hs.press("esc")
	hs.requireMode(modeList)
	fp := hs.m.panes[modeFeeds].(*feedsPane)
	seq := fp.seq
	hs.send(feedProgressMsg{gen: 7, done: 2, total: 2, res: &bad})
	hs.send(refreshDoneMsg{gen: 7, results: []feeds.Result{bad}})
	if fp.seq != seq {
		t.Error("the closed feeds view reloaded for fetch results")
	}
}

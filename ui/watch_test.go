package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/watch"
)

func TestWatchChangesJoinAndLeaveTheList(t *testing.T) {
	arts := sampleArticles()
	for i, a := range arts {
		a.Path = filepath.Join("/corpus", itoa(i)+".txt")
	}
	hs := articlesHarness(t, arts, 100, 30)
	m := hs.m
	n := len(m.list.all)
	if n == 0 {
		t.Fatal("no articles loaded")
	}
	victim := m.list.all[0].a
	newArt := &corpus.Article{ID: "fresh", Path: "/news/fresh.txt", Title: "A Fresh Arrival", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "Body."}}, Words: 1}
	msg := watchMsg{changes: []watchedChange{
		{Change: watch.Change{Path: victim.Path, Removed: true}},
		{Change: watch.Change{Path: newArt.Path, Articles: []*corpus.Article{newArt}}, items: []*item{newItem(newArt)}},
		{Change: watch.Change{Path: "/news/bad.bin", Skipped: &corpus.Skipped{Path: "/news/bad.bin", Reason: "binary file, not text"}}},
	}}
	unread := m.list.unread
	hs.send(msg)
	m = hs.m
	if len(m.list.all) != n {
		t.Fatalf("%d articles after one out and one in, want %d", len(m.list.all), n)
	}
	titles := []string{}
	for _, it := range m.list.all {
		titles = append(titles, it.a.Title)
		if it.a == victim {
			t.Error("removed file's article still listed")
		}
	}
	if !strings.Contains(strings.Join(titles, "|"), "A Fresh Arrival") {
		t.Errorf("new article missing: %v", titles)
	}
	// The search index follows: the new article is found, the removed one
	// is not.
	if m.search.items[newArt] == nil || !m.sh.lib.Index.Gone(victim) {
		t.Error("search index not told about the change")
	}
	// So does the grouping, which the store makes of what the reader
	// lists.
	if st := m.sh.lib.Stories(); st == nil || st.Of(newArt) == nil || st.Of(victim) != nil {
		t.Error("the stories after the change do not hold the new article alone")
	}
	if m.list.unread != unread {
		t.Errorf("unread %d, want %d (one unread out, one in)", m.list.unread, unread)
	}
	if len(m.load.skipped) == 0 || m.load.skipped[len(m.load.skipped)-1].Path != "/news/bad.bin" {
		t.Errorf("skip not reported: %v", m.load.skipped)
	}
	if !strings.Contains(m.status.text, "2 files") && !strings.Contains(m.status.text, "3 files") {
		t.Errorf("status = %q", m.status.text)
	}

	// Removing a folder drops everything below it.
	dir := filepath.Dir(newArt.Path)
	hs.send(watchMsg{changes: []watchedChange{{Change: watch.Change{Path: dir, Removed: true, Dir: true}}}})
	m = hs.m
	for _, it := range m.list.all {
		if it.a == newArt {
			t.Error("article below a removed folder still listed")
		}
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/search"
)

func writeCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	bodies := []string{
		"Ceasefire Talks Resume In Geneva\n\nEnvoys met in Geneva on Monday to resume ceasefire talks, officials said.\n\nThe talks are the first in months.\n",
		"Geneva Ceasefire Talks Restart\n\nEnvoys met in Geneva on Monday and restarted the ceasefire talks, officials said.\n",
		"Harvest Report Lifts Markets\n\nMarkets rose after the harvest report showed a record wheat crop.\n",
	}
	for i, b := range bodies {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The store lists without text once the files are stored, and every
// method answers as the corpus read whole does.
func TestStoreOnFiles(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	whole, err := corpus.Load(ctx, src, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir}}); err != nil {
		t.Fatal(err)
	}
	batches := 0
	st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir, ListOnly: true}, Progress: func(corpus.Batch) { batches++ }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if batches == 0 {
		t.Error("no batch reached progress")
	}
	list := st.List()
	if len(list.Articles) != len(whole.Articles) {
		t.Fatalf("%d articles listed, want %d", len(list.Articles), len(whole.Articles))
	}
	for i, a := range list.Articles {
		if a.HasText() || a.ID != whole.Articles[i].ID || a.Title != whole.Articles[i].Title {
			t.Errorf("listed %d: %s %q text %v, want %s %q without text", i, a.ID, a.Title, a.HasText(), whole.Articles[i].ID, whole.Articles[i].Title)
		}
	}
	for _, w := range whole.Articles {
		a, err := st.Read(w.ID)
		if err != nil || !reflect.DeepEqual(a.Blocks, w.Blocks) {
			t.Errorf("Read %s: %v %+v", w.ID, err, a)
		}
	}
	if _, err := st.Read("no/such"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Read of an unknown ID: %v", err)
	}

	res, err := st.Search(ctx, "harvest", search.Options{})
	if err != nil || res.Total != 1 || res.Hits[0].Article.Title != "Harvest Report Lifts Markets" {
		t.Errorf("Search: %v %+v", err, res)
	}
	stories, err := st.Stories(ctx, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := compare.GroupStories(whole.Articles, compare.StoryOptions{})
	if len(stories.List) != len(want.List) {
		t.Errorf("Stories: %d, want %d", len(stories.List), len(want.List))
	}
}

// Changes needs files or folders to follow.
func TestStoreChangesNeedsPaths(t *testing.T) {
	st, err := Open(context.Background(), corpus.Source{FS: os.DirFS(writeCorpus(t))}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Changes(context.Background(), nil); err == nil {
		t.Error("Changes of an embedded corpus did not fail")
	}
}

// Search and Stories use what the cache keeps, as the reader does: the
// index snapshot with a new file indexed as a delta over it (no other
// article's text is read), and the stored grouping joined by the new
// article; an article whose text changed under the snapshot is searched
// afresh.
func TestStoreSearchesFromTheSnapshot(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	first, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir}})
	if err != nil {
		t.Fatal(err)
	}
	ix := search.New()
	ix.Add(first.List().Articles)
	if err := ix.WriteSnapshot(search.SnapshotPath(cacheDir, src)); err != nil {
		t.Fatal(err)
	}
	if _, err := first.Stories(ctx, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(compare.StoriesPath(cacheDir, src)); err != nil {
		t.Fatalf("the grouping was not stored: %v", err)
	}
	volcano := "Volcano Erupts Near Geneva\n\nA volcano erupted near Geneva on Monday, officials said, as ceasefire talks resumed.\n"
	if err := os.WriteFile(filepath.Join(dir, "a3.txt"), []byte(volcano), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir, ListOnly: true}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := st.Search(ctx, "volcano", search.Options{})
	if err != nil || res.Total != 1 || res.Hits[0].Article.Title != "Volcano Erupts Near Geneva" {
		t.Fatalf("Search for the new article: %v %+v", err, res)
	}
	for _, a := range st.List().Articles {
		if a.HasText() && a != res.Hits[0].Article {
			t.Errorf("%s: its text was read for a search that did not return it", a.ID)
		}
	}
	if res, err := st.Search(ctx, "ceasefire", search.Options{}); err != nil || res.Total != 3 {
		t.Fatalf("Search over the snapshot and the delta: %v %+v", err, res)
	}
	stories, err := st.Stories(ctx, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if s := stories.Of(res.Hits[0].Article); s == nil {
		t.Error("the new article is in no story")
	}

	// A snapshot whose text of the harvest report is not the file's (made
	// of an older text the store no longer knows): a search that returns
	// the article finds out and searches afresh.
	var older []*corpus.Article
	for _, a := range st.List().Articles {
		c, err := st.Read(a.ID)
		if err != nil {
			t.Fatal(err)
		}
		o := &corpus.Article{ID: c.ID, Title: c.Title, Outlet: c.Outlet, Published: c.Published, Blocks: c.Blocks}
		if o.Title == "Harvest Report Lifts Markets" {
			o.Blocks = []corpus.Block{{Kind: corpus.Paragraph, Text: "Markets fell after the harvest report showed a poor barley crop."}}
		}
		older = append(older, o)
	}
	ix = search.New()
	ix.Add(older)
	if err := ix.WriteSnapshot(search.SnapshotPath(cacheDir, src)); err != nil {
		t.Fatal(err)
	}
	st, err = Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir, ListOnly: true}})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := st.Search(ctx, "harvest", search.Options{}); err != nil || res.Total != 1 || !strings.Contains(res.Hits[0].Snippet, "wheat") {
		t.Fatalf("Search of an article whose snapshot text is older: %v %+v", err, res)
	}
	if res, err := st.Search(ctx, "barley", search.Options{}); err != nil || res.Total != 0 {
		t.Fatalf("Search for the older text's word: %v %+v", err, res)
	}
}

// A store opened lazily answers a search from the index snapshot alone
// while no folder changed, loading nothing; a change makes it load, and
// Close saves the grown index, so the next open answers alone again. A
// damaged snapshot is told once through Notice and the search still
// answers, from an index built afresh.
func TestLazyStoreSearchesFromTheSnapshotAlone(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	past := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	settle := func() { // out of the store's racy window, as a corpus left alone is
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range append(files, dir) {
			os.Chtimes(f, past, past)
		}
		past = past.Add(time.Hour) // the next change is another time
	}
	settle()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	var batches int
	var notices []string
	open := func() Store {
		t.Helper()
		batches, notices = 0, nil
		st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir, ListOnly: true}, Lazy: true,
			Progress: func(corpus.Batch) { batches++ }, Notice: func(n string) { notices = append(notices, n) }})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	find := func(st Store, q string, want int) {
		t.Helper()
		res, err := st.Search(ctx, q, search.Options{})
		if err != nil || res.Total != want {
			t.Fatalf("%q: %v, %+v; want %d hits", q, err, res, want)
		}
	}
	st := open()
	find(st, "ceasefire", 2)
	if batches == 0 {
		t.Fatal("the first search answered without a snapshot")
	}
	st.Close()
	if _, err := os.Stat(search.SnapshotPath(cacheDir, src)); err != nil {
		t.Fatalf("Close saved no snapshot: %v", err)
	}

	st = open()
	find(st, "harvest", 1)
	if batches != 0 {
		t.Errorf("a search of an unchanged corpus loaded it (%d batches)", batches)
	}
	st.Close()

	volcano := "Volcano Erupts Near Geneva\n\nA volcano erupted near Geneva on Monday, officials said, as ceasefire talks resumed.\n"
	os.WriteFile(filepath.Join(dir, "a3.txt"), []byte(volcano), 0o644)
	settle()
	st = open()
	find(st, "ceasefire", 3)
	if batches == 0 {
		t.Error("a search after a folder changed did not load")
	}
	st.Close()
	st = open()
	find(st, "volcano", 1)
	if batches != 0 {
		t.Errorf("the grown index was not saved: the next search loaded (%d batches)", batches)
	}
	st.Close()

	path := search.SnapshotPath(cacheDir, src)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := len(b) / 3; i < len(b)/3+64 && i < len(b); i++ {
		b[i] ^= 0x5A
	}
	os.WriteFile(path, b, 0o644)
	st = open()
	find(st, "ceasefire", 3)
	find(st, "volcano", 1)
	if len(notices) != 1 || !strings.Contains(notices[0], "snapshot") {
		t.Errorf("notices of a damaged snapshot: %q, want one", notices)
	}
	st.Close()
	st = open()
	find(st, "harvest", 1)
	if batches != 0 || len(notices) != 0 {
		t.Errorf("after the rebuild: %d batches, notices %q", batches, notices)
	}
}

package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// A caller that hands the index the batches as they load (the reader)
// reaches it through Opened before the first batch, and Search answers
// over what is searchable so far without loading anything itself: one
// article of two on "ceasefire" while the rest is still to come, both
// after.
func TestSearchWhileLoading(t *testing.T) {
	dir := writeCorpus(t)
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	whole, err := corpus.Load(ctx, src, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var st Store
	batches := 0
	st, err = Open(ctx, src, Options{Lazy: true, Progress: func(corpus.Batch) { batches++ }})
	if err != nil {
		t.Fatal(err)
	}
	x := st.Index()
	arts := whole.Articles // sorted by title: the two ceasefire reports are not both first
	first := arts[:1]
	if first[0].Title != "Ceasefire Talks Resume In Geneva" {
		t.Fatalf("first article %q", first[0].Title)
	}
	runJobs(t, x, x.LoadBatch(first, nil, false))
	res, err := st.Search(ctx, "ceasefire", search.Options{})
	if err != nil || res.Total != 1 || !x.Behind() {
		t.Fatalf("while loading: %v, %+v, behind %v; want 1 hit", err, res, x.Behind())
	}
	runJobs(t, x, x.LoadBatch(arts[1:], nil, true))
	res, err = st.Search(ctx, "ceasefire", search.Options{})
	if err != nil || res.Total != 2 || x.Behind() || x.Indexed() != 3 {
		t.Fatalf("loaded: %v, %+v, behind %v, %d indexed; want 2 hits", err, res, x.Behind(), x.Indexed())
	}
	if batches != 0 {
		t.Errorf("the store loaded the corpus itself (%d batches) although its index was handed the batches", batches)
	}

	var handed Store
	opened, err := Open(ctx, src, Options{Opened: func(s Store) { handed = s }, Progress: func(corpus.Batch) {
		if handed == nil {
			t.Fatal("a batch before the store was handed over")
		}
	}})
	if err != nil || opened != handed {
		t.Fatalf("Opened was handed %v, Open returned %v (%v)", handed, opened, err)
	}
}

// The store's Search builds the index afresh where no snapshot is kept,
// and Close writes it, once, after the answer; an index a caller fed (the
// reader's) is written as soon as it is complete.
func TestStoreIndexSavedOnce(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	path := search.SnapshotPath(cacheDir, src)
	st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Search(ctx, "harvest", search.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil || st.Index().Saved() {
		t.Fatal("the store's index was written before the store closed")
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err != nil || !st.Index().Saved() {
		t.Fatalf("Close did not write the index built afresh: %v", err)
	}
	if st.Index().Save() != nil {
		t.Fatal("the index would be written twice")
	}

	fed := NewIndex(filepath.Join(t.TempDir(), "index.cache"))
	arts := st.List().Articles
	runJobs(t, fed, fed.LoadBatch(arts, nil, true))
	if !fed.Saved() || fed.Save() != nil {
		t.Fatalf("an index a caller fed: saved when complete %v", fed.Saved())
	}
}

// Apply takes changes as the reader hands them over: the articles of a
// changed or removed file, or of one below a removed folder, leave the
// list the index holds and its results; the changes' articles join both.
func TestIndexApply(t *testing.T) {
	art := func(id, path, text string) *corpus.Article {
		return &corpus.Article{ID: id, Path: path, Title: text, Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text + " harbour"}}}
	}
	a, b, c := art("a", "/n/a.txt", "alpha"), art("b", "/n/d/b.txt", "beta"), art("c", "/n/c.txt", "gamma")
	x := NewIndex("")
	runJobs(t, x, x.LoadBatch([]*corpus.Article{a, b, c}, nil, true))
	a2 := art("a2", "/n/a.txt", "delta")
	removed, job := x.Apply([]watch.Change{
		{Path: "/n/a.txt", Articles: []*corpus.Article{a2}},
		{Path: "/n/d", Removed: true, Dir: true},
	})
	runJobs(t, x, []Job{job})
	if len(removed) != 2 || removed[0] != a || removed[1] != b {
		t.Fatalf("removed %v, want a and b", removed)
	}
	if listed, _, _ := x.handed(); len(listed) != 2 || listed[0] != c || listed[1] != a2 {
		t.Fatalf("listed after the changes: %v, want c then a2", listed)
	}
	res, err := x.Search().Search(context.Background(), "harbour", search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res = x.WithoutGone(res)
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.Article.ID)
	}
	if res.Total != 2 || !x.Gone(a) || !x.Gone(b) || x.Gone(c) {
		t.Fatalf("hits after the changes: %v (total %d)", got, res.Total)
	}
}

// The store's list follows its own Changes: a file added, one changed and
// one removed are in List, Search and Stories once Changes has emitted
// them, as they are on disk.
func TestStoreFollowsItsChanges(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := corpus.Source{Paths: []string{dir}}
	st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir}})
	if err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		t.Helper()
		res, err := st.Search(ctx, q, search.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if count("wheat") != 1 || count("volcano") != 0 {
		t.Fatal("the corpus before the changes is not as written")
	}
	if _, err := st.Stories(ctx, StoryOptions{}); err != nil {
		t.Fatal(err)
	}
	seen := make(chan []watch.Change, 8)
	if err := st.Changes(ctx, func(cs []watch.Change) { seen <- cs }); err != nil {
		t.Fatal(err)
	}
	volcano := "Volcano Erupts Near Geneva\n\nA volcano erupted near Geneva on Monday, officials said, as ceasefire talks resumed.\n"
	barley := "Barley Report Sinks Markets\n\nMarkets fell after the barley report showed a poor crop.\n"
	if err := os.WriteFile(filepath.Join(dir, "a3.txt"), []byte(volcano), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a2.txt"), []byte(barley), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "a0.txt")); err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"a0.txt": true, "a2.txt": true, "a3.txt": true}
	deadline := time.After(10 * time.Second)
	for len(want) > 0 {
		select {
		case cs := <-seen:
			for _, c := range cs {
				delete(want, filepath.Base(c.Path))
			}
		case <-deadline:
			t.Fatalf("changes not seen: %v", want)
		}
	}
	if got := listedTitles(st); got != "Barley Report Sinks Markets|Geneva Ceasefire Talks Restart|Volcano Erupts Near Geneva" {
		t.Errorf("List after the changes: %s", got)
	}
	if n := count("volcano"); n != 1 {
		t.Errorf("the added file: %d hits", n)
	}
	if count("wheat") != 0 || count("barley") != 1 {
		t.Errorf("the changed file: wheat %d, barley %d hits", count("wheat"), count("barley"))
	}
	if n := count("resume"); n != 1 { // a0's "resume" is gone; a3 says "resumed", a1 "restarted"
		t.Errorf("the removed file: %d hits for resume, want 1 (the volcano report's resumed)", n)
	}
	stories, err := st.Stories(ctx, StoryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	inStories := 0
	for _, s := range stories.List {
		for _, a := range s.Articles {
			inStories++
			if a.Path == filepath.Join(dir, "a0.txt") {
				t.Error("the removed file's article is in a story")
			}
		}
	}
	if inStories != 3 {
		t.Errorf("%d articles in stories, want the 3 listed", inStories)
	}
	for _, a := range st.List().Articles {
		if stories.Of(a) == nil {
			t.Errorf("%q is in no story", a.Title)
		}
	}
}

// Check reports a file rewritten since the store listed it, once, and puts
// it into the list; asked again, it finds nothing.
func TestCheckFindsARewrittenFile(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	st, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir, ListOnly: true}})
	if err != nil {
		t.Fatal(err)
	}
	if cs, err := st.Check(ctx); err != nil || len(cs) != 0 {
		t.Fatalf("nothing changed, yet Check: %v %v", cs, err)
	}
	path := filepath.Join(dir, "a2.txt")
	if err := os.WriteFile(path, []byte("Barley Report Sinks Markets\n\nMarkets fell after the barley report showed a poor crop.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(path, later, later)
	cs, err := st.Check(ctx)
	if err != nil || len(cs) != 1 || cs[0].Path != path || len(cs[0].Articles) != 1 {
		t.Fatalf("Check after a rewrite: %+v %v", cs, err)
	}
	if got := listedTitles(st); got != "Barley Report Sinks Markets|Ceasefire Talks Resume In Geneva|Geneva Ceasefire Talks Restart" {
		t.Errorf("List after Check: %s", got)
	}
	if res, err := st.Search(ctx, "barley", search.Options{}); err != nil || res.Total != 1 {
		t.Errorf("Search after Check: %v %+v", err, res)
	}
	if cs, err := st.Check(ctx); err != nil || len(cs) != 0 {
		t.Errorf("Check again: %v %v", cs, err)
	}
}

// listedTitles is the titles of st's list, sorted and joined by "|".
func listedTitles(st Store) string {
	var titles []string
	for _, a := range st.List().Articles {
		titles = append(titles, a.Title)
	}
	slices.Sort(titles)
	return strings.Join(titles, "|")
}

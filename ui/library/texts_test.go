package library

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/store"
)

// loadDir loads dir with the store in cacheDir, listing only when asked.
func loadDir(t *testing.T, dir, cacheDir string, listOnly bool) []*corpus.Article {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{CacheDir: cacheDir, ListOnly: listOnly})
	if err != nil {
		t.Fatal(err)
	}
	return c.Articles
}

// listedAndFull writes a corpus of n articles and loads it twice: parsed
// with every text (the oracle, which fills the store), and listed from
// the store without them.
func listedAndFull(t *testing.T, n int) (listed, full []*corpus.Article) {
	t.Helper()
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, n, 7); err != nil {
		t.Fatal(err)
	}
	full = loadDir(t, dir, cacheDir, false)
	listed = loadDir(t, dir, cacheDir, true)
	if len(listed) != len(full) || len(full) < n {
		t.Fatalf("listed %d, full %d, want %d", len(listed), len(full), n)
	}
	for _, a := range listed {
		if a.HasText() {
			t.Fatalf("%s listed with its text", a.ID)
		}
	}
	return listed, full
}

// A corpus listed from the store holds exactly the articles a full load
// makes (the oracle) once each is opened (LoadText), while whole-corpus
// work reads every text on the side (Article.Text: the index, the
// fingerprints) and keeps none (run with -race).
func TestListedTextsOnDemandAreTheFullLoad(t *testing.T) {
	listed, full := listedAndFull(t, 300)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(listed); i += 3 {
				a := listed[i]
				if w == 0 && i%7 == 0 { // a pane opens it
					if err := a.LoadText(); err != nil {
						t.Error(err)
					}
					continue
				}
				blocks, removed := a.Text()
				if !reflect.DeepEqual(blocks, full[i].Blocks) || !reflect.DeepEqual(removed, full[i].Removed) {
					t.Errorf("%s: the text read on the side differs from the full load's", a.ID)
				}
				if search.Fingerprint(a) != search.Fingerprint(full[i]) {
					t.Errorf("%s: fingerprint differs from the full load's", a.ID)
				}
			}
		}()
	}
	wg.Wait()
	for i, a := range listed {
		if opened := i%3 == 0 && i%7 == 0; a.HasText() != opened {
			t.Fatalf("%s holds its text: %v, opened: %v", a.ID, a.HasText(), opened)
		}
		if err := a.LoadText(); err != nil {
			t.Fatal(err)
		}
		// The store does not keep ItemKey.
		got, want := articletest.Fields(a), articletest.Fields(full[i])
		delete(got, "ItemKey")
		delete(want, "ItemKey")
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d (%s) differs from the full load's", i, a.ID)
		}
	}
}

// The first index and the first grouping of a corpus listed without its
// texts read every text and keep none: the same search results and
// stories as from the full load, and no article holds its text after.
func TestIndexAndGroupingKeepNoText(t *testing.T) {
	listed, full := listedAndFull(t, 120)
	ix, fx := search.New(), search.New()
	ix.Add(listed)
	fx.Add(full)
	from, err := store.Open(context.Background(), corpus.Source{Paths: []string{"/news"}}, store.Options{Options: corpus.Options{CacheDir: t.TempDir()}, Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	from.Index().LoadBatch(listed, nil, true) // the reader's list, as the reader hands it
	st, err := from.Stories(context.Background(), store.StoryOptions{StoryOptions: compare.StoryOptions{Workers: 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range listed {
		if a.HasText() {
			t.Fatalf("%s holds its text after indexing and grouping", a.ID)
		}
	}
	fst, _, err := compare.LoadOrGroupStories(context.Background(), "", full, compare.StoryOptions{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.List) != len(fst.List) {
		t.Errorf("%d stories from the listed articles, %d from the full load", len(st.List), len(fst.List))
	}
	at := map[string]int{}
	for i, a := range full {
		at[a.ID] = i
	}
	for _, a := range listed {
		if got, want := len(st.Of(a).Articles), len(fst.Of(full[at[a.ID]]).Articles); got != want {
			t.Errorf("%s: story of %d, want %d", a.ID, got, want)
		}
	}
	word := full[len(full)/2].Title
	res, err := ix.Search(context.Background(), word, search.Options{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	want, err := fx.Search(context.Background(), word, search.Options{Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || len(res.Hits) != len(want.Hits) {
		t.Fatalf("%q: %d hits, want %d", word, len(res.Hits), len(want.Hits))
	}
	for i, h := range res.Hits {
		if h.Article.ID != want.Hits[i].Article.ID || h.Snippet != want.Hits[i].Snippet {
			t.Errorf("hit %d: %s %q, want %s %q", i, h.Article.ID, h.Snippet, want.Hits[i].Article.ID, want.Hits[i].Snippet)
		}
		if !h.Article.HasText() { // a hit shown loads its text
			t.Errorf("hit %s shown without its text", h.Article.ID)
		}
	}
}

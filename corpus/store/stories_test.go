package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync/atomic"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// twoStories are six short reports of two stories.
func twoStories() []*corpus.Article {
	var arts []*corpus.Article
	for i := range 6 {
		text := "Envoys met in Geneva for talks on the peace plan for Ukraine and Russia, officials said."
		if i%2 == 1 {
			text = "The harbour of Valletta reopened after repairs to the breakwater, the port authority said."
		}
		arts = append(arts, &corpus.Article{ID: fmt.Sprint("a", i), Title: fmt.Sprint("Report ", i), Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: text}}})
	}
	return arts
}

// handedStore is a store opened lazily on a corpus kept in cacheDir,
// handed arts as a caller hands it its list (the reader): nothing is
// loaded from files.
func handedStore(t *testing.T, cacheDir string, arts []*corpus.Article) Store {
	t.Helper()
	return handedStoreFresh(t, cacheDir, arts, nil)
}

// handedStoreFresh is handedStore with fresh of arts from files read
// afresh.
func handedStoreFresh(t *testing.T, cacheDir string, arts, fresh []*corpus.Article) Store {
	t.Helper()
	st, err := Open(context.Background(), newsSource, Options{Options: corpus.Options{CacheDir: cacheDir}, Lazy: true})
	if err != nil {
		t.Fatal(err)
	}
	st.Index().LoadBatch(arts, fresh, true) // its Jobs (indexing) are not needed here
	return st
}

var newsSource = corpus.Source{Paths: []string{"/news"}}

// groupLater groups as the reader does, the keeping of the grouping
// handed back.
func groupLater(t *testing.T, cacheDir string, arts []*corpus.Article) (*compare.Stories, func(), error) {
	t.Helper()
	var save func()
	st, err := handedStore(t, cacheDir, arts).Stories(context.Background(), StoryOptions{StoryOptions: compare.StoryOptions{Workers: 1}, SaveLater: func(s func()) { save = s }})
	return st, save, err
}

// groupSaved groups as the reader does and stores the grouping, as the
// reader does once it has shown it.
func groupSaved(t *testing.T, cacheDir string, arts []*corpus.Article) (*compare.Stories, error) {
	t.Helper()
	st, save, err := groupLater(t, cacheDir, arts)
	if save != nil {
		save()
	}
	return st, err
}

// Stories keeps the grouping when its caller runs the save it was handed
// (SaveLater), and reads it back on the next open; comparing reads the
// fingerprints when it first needs them. StoredOnly answers from the kept
// grouping alone.
func TestStoriesStored(t *testing.T) {
	arts := twoStories()
	cacheDir := t.TempDir()
	store := compare.StoriesPath(cacheDir, newsSource)
	if _, err := handedStore(t, cacheDir, arts).Stories(context.Background(), StoryOptions{StoredOnly: true}); !errors.Is(err, ErrNotStored) {
		t.Fatalf("stored only, before any was kept: %v", err)
	}
	unsaved, save, err := groupLater(t, cacheDir, arts)
	if err != nil || save == nil || unsaved == nil {
		t.Fatalf("grouped %v, save %v, err %v", unsaved, save != nil, err)
	}
	if _, err := os.Stat(store); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("stored before save ran: %v", err)
	}
	first, err := groupSaved(t, cacheDir, arts)
	if err != nil {
		t.Fatal(err)
	}
	if _, save, _ := groupLater(t, cacheDir, arts); save != nil {
		t.Error("read back as stored, yet something to save")
	}
	back, err := groupSaved(t, cacheDir, arts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := compare.ReadStories(store, arts, compare.StoryOptions{}); err != nil {
		t.Fatalf("not stored: %v", err)
	}
	if back == first || len(back.List) != len(first.List) || back.Of(arts[0]).ID != first.Of(arts[0]).ID {
		t.Fatalf("not read back as stored: %d stories, want %d", len(back.List), len(first.List))
	}
	if c := back.Candidates(arts[0], 1); len(c) != 1 || !c[0].SameStory {
		t.Errorf("candidates of a stored grouping: %+v", c)
	}
	only, err := handedStore(t, cacheDir, arts).Stories(context.Background(), StoryOptions{StoredOnly: true})
	if err != nil || len(only.List) != len(first.List) {
		t.Errorf("stored only: %v, %v", only, err)
	}
	if _, err := handedStore(t, cacheDir, arts[1:]).Stories(context.Background(), StoryOptions{StoredOnly: true}); !errors.Is(err, ErrNotStored) {
		t.Errorf("stored only, an article gone: %v", err)
	}
	none, err := groupSaved(t, "", arts)
	if err != nil || len(none.List) != len(first.List) {
		t.Errorf("without a store: %v, %v", none, err)
	}
	if handedStore(t, "", arts).KeepsStories() || !handedStore(t, cacheDir, arts).KeepsStories() {
		t.Error("KeepsStories does not say whether a cache keeps the grouping")
	}
}

// notLoaded is a text source that must not be asked.
type notLoaded struct{ asked *atomic.Int32 }

func (n notLoaded) LoadText(a *corpus.Article) error {
	n.asked.Add(1)
	return nil
}

// A warm start's articles listed without their text (known by their
// origin): the stored grouping is read back, and its fingerprints read,
// without loading any text.
func TestStoriesStoredFromHeads(t *testing.T) {
	arts := twoStories()
	for i, a := range arts {
		a.Origin = uint64(i + 1) // as the loader's articles
	}
	cacheDir := t.TempDir()
	first, err := groupSaved(t, cacheDir, arts)
	if err != nil {
		t.Fatal(err)
	}
	var asked atomic.Int32
	listed := make([]*corpus.Article, len(arts))
	for i, a := range arts {
		c := *a
		c.Blocks = nil
		c.DeferText(notLoaded{&asked}, "")
		listed[i] = &c
	}
	back, err := groupSaved(t, cacheDir, listed)
	if err != nil {
		t.Fatal(err)
	}
	back.Prepare() // what the first comparison reads
	if n := asked.Load(); n != 0 {
		t.Errorf("%d texts loaded to read the grouping back", n)
	}
	if len(back.List) != len(first.List) || back.Of(listed[0]).ID != first.Of(arts[0]).ID {
		t.Errorf("read back from heads: %d stories, want %d", len(back.List), len(first.List))
	}
}

// A load that read some files afresh (new or changed since they were
// stored), fewer than half, gets no stored grouping on its own: it cannot
// hold them as it stands, and the grouping that joins them reads it
// anyway. When most were read afresh (the store of parsed files made
// again beside a stored grouping that may still hold them), the stored
// grouping is read, and used when it holds them.
func TestStoredOnlyRefusesALoadWithFilesReadAfresh(t *testing.T) {
	arts := twoStories()
	cacheDir := t.TempDir()
	if _, err := groupSaved(t, cacheDir, arts); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fresh  int
		stored bool
	}{{0, true}, {1, false}, {2, false}, {3, true}, {5, true}} {
		st, err := handedStoreFresh(t, cacheDir, arts, arts[:c.fresh]).Stories(context.Background(), StoryOptions{StoredOnly: true})
		if got := err == nil && st != nil; got != c.stored {
			t.Errorf("%d of %d read afresh: stored grouping %v (err %v), want %v", c.fresh, len(arts), got, err, c.stored)
		}
		if !c.stored && !errors.Is(err, ErrNotStored) {
			t.Errorf("%d of %d read afresh: %v, want ErrNotStored", c.fresh, len(arts), err)
		}
	}
	// Not stored-only: the grouping is read and used all the same.
	st, err := handedStoreFresh(t, cacheDir, arts, arts[:1]).Stories(context.Background(), StoryOptions{})
	if err != nil || len(st.List) != 2 {
		t.Fatalf("the whole policy with one read afresh: %v, %v", st, err)
	}
}

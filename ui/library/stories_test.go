package library

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
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

// groupSaved groups as the reader does and stores the grouping, as the
// reader does once it has shown it.
func groupSaved(store string, arts []*corpus.Article, workers int) (*compare.Stories, error) {
	st, save, err := GroupStories(context.Background(), store, arts, workers)
	if save != nil {
		save()
	}
	return st, err
}

// GroupStories stores the grouping when its caller runs save, and reads
// it back on the next start; comparing reads the fingerprints when it
// first needs them.
func TestGroupStoriesStored(t *testing.T) {
	arts := twoStories()
	store := filepath.Join(t.TempDir(), "stories-x.cache")
	unsaved, save, err := GroupStories(context.Background(), store, arts, 1)
	if err != nil || save == nil || unsaved == nil {
		t.Fatalf("grouped %v, save %v, err %v", unsaved, save != nil, err)
	}
	if _, err := os.Stat(store); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("stored before save ran: %v", err)
	}
	first, err := groupSaved(store, arts, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, save, _ := GroupStories(context.Background(), store, arts, 1); save != nil {
		t.Error("read back as stored, yet something to save")
	}
	back, err := groupSaved(store, arts, 1)
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
	none, err := groupSaved("", arts, 1)
	if err != nil || len(none.List) != len(first.List) {
		t.Errorf("without a store: %v, %v", none, err)
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
func TestGroupStoriesStoredFromHeads(t *testing.T) {
	arts := twoStories()
	for i, a := range arts {
		a.Origin = uint64(i + 1) // as the loader's articles
	}
	store := filepath.Join(t.TempDir(), "stories-x.cache")
	first, err := groupSaved(store, arts, 1)
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
	back, err := groupSaved(store, listed, 1)
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

package search

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// writtenSnapshot indexes as and writes the index as a snapshot.
func writtenSnapshot(t *testing.T, as []*corpus.Article) (*Index, string) {
	t.Helper()
	ix := New()
	ix.Add(as)
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	return ix, path
}

// lazyOpen opens the snapshot at path without its articles, fetching them
// from as by ID as a one-shot search fetches them from their files.
func lazyOpen(t *testing.T, path string, as []*corpus.Article) (*Index, *int) {
	t.Helper()
	byID := map[string]*corpus.Article{}
	for _, a := range as {
		byID[a.ID] = a
	}
	fetched := 0
	ix, err := OpenSnapshotLazy(path, func(d DocInfo) (*corpus.Article, error) {
		fetched++
		if a := byID[d.ID]; a != nil {
			return a, nil
		}
		return nil, ErrStale
	})
	if err != nil {
		t.Fatal(err)
	}
	return ix, &fetched
}

// An article fetched that is not the one the snapshot was made of (its
// file changed) makes the search fail with ErrStale, never show it.
func TestLazySnapshotOfChangedArticle(t *testing.T) {
	as := gen.Articles(30, 5)
	_, path := writtenSnapshot(t, as)
	edited := make([]*corpus.Article, len(as))
	for i, a := range as {
		c := *a
		c.Blocks = append([]corpus.Block{{Kind: corpus.Paragraph, Text: "An added first paragraph."}}, a.Blocks...)
		edited[i] = &c
	}
	lazy, _ := lazyOpen(t, path, edited)
	if _, err := lazy.Search(context.Background(), "the", Options{}); !errors.Is(err, ErrStale) {
		t.Fatalf("changed articles: %v, want ErrStale", err)
	}
}

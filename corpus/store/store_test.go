package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

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
	if _, err := Open(ctx, src, corpus.Options{CacheDir: cacheDir}, nil); err != nil {
		t.Fatal(err)
	}
	batches := 0
	st, err := Open(ctx, src, corpus.Options{CacheDir: cacheDir, ListOnly: true}, func(corpus.Batch) { batches++ })
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
	stories, err := st.Stories(ctx, compare.StoryOptions{})
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
	st, err := Open(context.Background(), corpus.Source{FS: os.DirFS(writeCorpus(t))}, corpus.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Changes(context.Background(), nil); err == nil {
		t.Error("Changes of an embedded corpus did not fail")
	}
}

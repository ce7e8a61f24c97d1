package store

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// The store in memory answers as the store on files of the same articles
// does: the same list, texts, hits and stories; it keeps no grouping, and
// a caller that takes its batch (the reader) reaches its index first.
func TestMemoryStoreAnswersAsTheStoreOnFiles(t *testing.T) {
	dir, cacheDir := writeCorpus(t), t.TempDir()
	ctx := context.Background()
	src := corpus.Source{Paths: []string{dir}}
	whole, err := corpus.Load(ctx, src, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	onFiles, err := Open(ctx, src, Options{Options: corpus.Options{CacheDir: cacheDir}})
	if err != nil {
		t.Fatal(err)
	}
	var handed Store
	var batch []*corpus.Article
	inMemory, err := OpenMemory(ctx, whole.Articles, Options{Opened: func(s Store) { handed = s }, Progress: func(b corpus.Batch) {
		if handed == nil || !b.Done {
			t.Error("the batch came before the store, or unfinished")
		}
		batch = append(batch, b.Articles...)
	}})
	if err != nil || handed != inMemory || len(batch) != len(whole.Articles) {
		t.Fatalf("opened: %v, handed the store %v, %d articles in the batch", err, handed == inMemory, len(batch))
	}
	titles := func(st Store) (out []string) {
		for _, a := range st.List().Articles {
			out = append(out, a.Title)
		}
		return out
	}
	if a, b := titles(onFiles), titles(inMemory); !reflect.DeepEqual(a, b) {
		t.Errorf("lists differ: %q on files, %q in memory", a, b)
	}
	for _, a := range inMemory.List().Articles {
		got, err := inMemory.Read(a.ID)
		if err != nil || !reflect.DeepEqual(got.Blocks, a.Blocks) {
			t.Errorf("Read %s: %v", a.ID, err)
		}
	}
	if _, err := inMemory.Read("no/such"); !errors.Is(err, ErrNoArticle) {
		t.Errorf("Read of an unknown ID: %v", err)
	}
	for _, q := range []string{"ceasefire", "harvest", "geneva -talks", "volcano"} {
		a, errA := onFiles.Search(ctx, q, search.Options{})
		b, errB := inMemory.Search(ctx, q, search.Options{})
		if errA != nil || errB != nil || a.Total != b.Total {
			t.Errorf("%q: %v %v; %d hits on files, %d in memory", q, errA, errB, a.Total, b.Total)
		}
	}
	sa, errA := onFiles.Stories(ctx, StoryOptions{})
	sb, errB := inMemory.Stories(ctx, StoryOptions{})
	if errA != nil || errB != nil || len(sa.List) != len(sb.List) {
		t.Errorf("stories: %v %v; %d on files, %d in memory", errA, errB, len(sa.List), len(sb.List))
	}
	if inMemory.KeepsStories() {
		t.Error("a store in memory says it keeps a grouping")
	}
	if _, err := inMemory.Stories(ctx, StoryOptions{StoredOnly: true}); !errors.Is(err, ErrNotStored) {
		t.Errorf("stored only, in memory: %v", err)
	}
}

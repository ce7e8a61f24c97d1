package store

import (
	"context"
	"os"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// runIndexJobs runs an index's Jobs and hands their results back, as the
// reader's update loop does.
func runIndexJobs(t *testing.T, x *Index, jobs []Job) {
	t.Helper()
	for _, j := range jobs {
		if j == nil {
			continue
		}
		switch r := j().(type) {
		case Indexed:
			runIndexJobs(t, x, x.Added(r))
		case SnapshotRead:
			next, _ := x.SnapshotLoaded(r)
			runIndexJobs(t, x, next)
		}
	}
}

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
	runIndexJobs(t, x, x.LoadBatch(first, nil, false))
	res, err := st.Search(ctx, "ceasefire", search.Options{})
	if err != nil || res.Total != 1 || !x.Behind() {
		t.Fatalf("while loading: %v, %+v, behind %v; want 1 hit", err, res, x.Behind())
	}
	runIndexJobs(t, x, x.LoadBatch(arts[1:], nil, true))
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

// Close writes an index read from the snapshot and grown by a delta as
// the next snapshot, and one built afresh is written as soon as it is
// complete: the store's Search and the reader's batches share that one
// lifecycle.
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
	if _, err := os.Stat(path); err != nil || !st.Index().Saved() {
		t.Fatalf("an index built afresh was not written when complete: %v", err)
	}
	if st.Index().Save() != nil {
		t.Fatal("the index would be written twice")
	}
	st.Close()
}

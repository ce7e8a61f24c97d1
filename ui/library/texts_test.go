package library

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/search"
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

// runTexts runs the Texts Jobs as the reader's update loop does: each
// result handed back, the next Job run, until the load is done.
func runTexts(t *testing.T, x *Texts, j Job) (batches int) {
	t.Helper()
	for j != nil {
		r, ok := j().(TextsLoaded)
		if !ok {
			t.Fatalf("a Texts Job returned %T", r)
		}
		batches++
		j = x.Loaded(r)
	}
	return batches
}

// A corpus listed from the store and then loaded in the background holds
// exactly the articles a full load makes (the oracle), while panes and
// searches load texts of their own at the same time (run with -race).
func TestListOnlyThenBackgroundLoadIsTheFullLoad(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	const n = 300
	if err := gen.Write(dir, n, 7); err != nil {
		t.Fatal(err)
	}
	full := loadDir(t, dir, cacheDir, false) // parses, and fills the store
	listed := loadDir(t, dir, cacheDir, true)
	if len(listed) != len(full) || len(full) < n {
		t.Fatalf("listed %d, full %d, want %d", len(listed), len(full), n)
	}
	without := 0
	for _, a := range listed {
		if !a.HasText() {
			without++
		}
	}
	if without != len(full) {
		t.Fatalf("%d of %d articles listed without their text", without, len(full))
	}

	x := &Texts{batch: 128} // three batches, the last a part one
	job := x.Queue(listed)
	if !x.Loading() || x.Percent() != 0 {
		t.Fatalf("after Queue: loading %v, %d%%", x.Loading(), x.Percent())
	}
	// What the reader does meanwhile: a pane opens articles, a search
	// checks the fingerprints of its results.
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(listed); i += 7 {
				if err := listed[i].LoadText(); err != nil {
					t.Error(err)
				}
				if search.Fingerprint(listed[i]) != search.Fingerprint(full[i]) {
					t.Errorf("%s: fingerprint differs from the full load's", listed[i].ID)
				}
			}
		}()
	}
	if b := runTexts(t, x, job); b != 3 {
		t.Errorf("%d batches, want 3", b)
	}
	wg.Wait()
	if x.Loading() || x.Percent() != 100 {
		t.Errorf("after the load: loading %v, %d%%", x.Loading(), x.Percent())
	}
	for i, a := range listed {
		if !a.HasText() {
			t.Fatalf("%s still without its text", a.ID)
		}
		// The store does not keep ItemKey.
		got, want := articletest.Fields(a), articletest.Fields(full[i])
		delete(got, "ItemKey")
		delete(want, "ItemKey")
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("article %d (%s) differs from the full load's", i, a.ID)
		}
	}
	// Nothing left to load: a later Queue (articles --watch added, with
	// their text) starts nothing.
	if j := x.Queue(listed); j != nil || x.Loading() {
		t.Errorf("a second Queue of loaded articles started a load")
	}
}

package search

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

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

// A snapshot opened without its articles answers every query as the index
// it was written from, field for field, and fetches only the articles of
// the results it returns.
func TestLazySnapshotAnswersAsBuilt(t *testing.T) {
	as := gen.Articles(400, 21)
	as = append(as, art("ru", "ria.ru", "Переговоры в Москве", "Путин провёл переговоры. Ёлка стояла."),
		art("cn", "", "北京会谈", "双方在北京举行会谈。"), art("t", "x.org", "Zyzzyva", "Nothing here."))
	built := New()
	for i := 0; i < len(as); i += 128 {
		built.Add(as[i:min(i+128, len(as))])
	}
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := built.WriteSnapshot(path, []byte("extra")...); err != nil {
		t.Fatal(err)
	}
	lazy, fetched := lazyOpen(t, path, as)
	if lazy.Len() != built.Len() || string(lazy.SnapshotExtra()) != "extra" {
		t.Fatalf("lazy index: %d documents, extra %q", lazy.Len(), lazy.SnapshotExtra())
	}
	qs := append(oracleQueries(as, 150, 7), "путин", "北京", "zyzzyva", "title:zyzzyva", "outlet:ria", "Savurova", "Kiev", "Zyzyva")
	sameResults(t, built, lazy, qs)
	checkOracle(t, lazy, qs, []int{20, 1, -1})
	*fetched = 0
	r, err := lazy.Search(context.Background(), "the", Options{Limit: 3})
	if err != nil || len(r.Hits) != 3 || *fetched != 3 || r.Total < 100 {
		t.Fatalf("a search for 3 of %d results fetched %d articles (%v)", r.Total, *fetched, err)
	}
	if err := lazy.WriteSnapshot(filepath.Join(t.TempDir(), "again.cache")); err == nil {
		t.Fatal("an index without its articles was written as a snapshot")
	}
}

// An article fetched that is not the one the snapshot was made of (its
// file changed) makes the search fail with ErrStale, never show it.
func TestLazySnapshotOfChangedArticle(t *testing.T) {
	as := gen.Articles(30, 5)
	ix := New()
	ix.Add(as)
	path := filepath.Join(t.TempDir(), "index-test.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
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

// Every damaged byte and every truncation of a snapshot opened without
// its articles is an error when it is opened or when a query reads the
// damaged part, and never a different answer or a panic.
func TestLazySnapshotDamage(t *testing.T) {
	as := gen.Articles(20, 4)
	ix := New()
	ix.Add(as)
	dir := t.TempDir()
	path := filepath.Join(dir, "index-test.cache")
	if err := ix.WriteSnapshot(path); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	qs := []string{"the", "th", "said talks", `"the talks"`, "-the x", "title:a", "outlet:a", "Savurova"}
	want := map[string]*Results{}
	for _, q := range qs {
		want[q], _ = ix.Search(context.Background(), q, Options{Limit: 5, Typing: true})
	}
	caught := 0
	for i := 0; i < len(good); i += 1 + len(good)/500 {
		b := append([]byte(nil), good...)
		b[i] ^= 0x5A
		bad := filepath.Join(dir, "bad.cache")
		os.Remove(bad) // a new file: the old one may still be mapped
		os.WriteFile(bad, b, 0o644)
		lazy, err := OpenSnapshotLazy(bad, func(d DocInfo) (*corpus.Article, error) {
			for _, a := range as {
				if a.ID == d.ID {
					return a, nil
				}
			}
			return nil, ErrStale
		})
		if err != nil {
			caught++
			if !SnapshotUnreadable(err) {
				t.Fatalf("byte %d damaged: %v is not reported as damage", i, err)
			}
			continue
		}
		for _, q := range qs {
			got, err := lazy.Search(context.Background(), q, Options{Limit: 5, Typing: true})
			if err != nil {
				caught++
				if !SnapshotUnreadable(err) && !errors.Is(err, ErrStale) {
					t.Fatalf("byte %d damaged, %q: %v is not reported as damage", i, q, err)
				}
				continue
			}
			if !reflect.DeepEqual(got, want[q]) {
				t.Fatalf("byte %d of %d damaged: %q answered\n%+v\nwant\n%+v", i, len(good), q, got, want[q])
			}
		}
	}
	if caught == 0 {
		t.Fatal("no damage was caught")
	}
	for n := 0; n < len(good); n += 1 + len(good)/200 {
		bad := filepath.Join(dir, "short.cache")
		os.Remove(bad)
		os.WriteFile(bad, good[:n], 0o644)
		if _, err := OpenSnapshotLazy(bad, nil); err == nil {
			t.Fatalf("truncated to %d bytes: opened without an error", n)
		}
	}
}

package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCacheRoundTrip(t *testing.T) {
	dir := t.TempDir()
	roots := []string{"/news/a", "/news/b"}
	mod := time.Unix(1700000000, 123)
	a := &Article{ID: "x", Title: "Cached Title", Blocks: []Block{{Kind: Paragraph, Text: "Body."}}, Published: mod, Words: 1}

	c := OpenCache(dir, roots)
	if c.Notice != "" {
		t.Fatalf("fresh cache notice: %s", c.Notice)
	}
	if _, ok := c.Lookup("/news/a/x.txt", 10, mod); ok {
		t.Fatal("hit in an empty cache")
	}
	c.Put("/news/a/x.txt", 10, mod, []*Article{a})
	c.Put("/news/a/gone.txt", 5, mod, []*Article{a})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}

	// Roots in another order name the same cache.
	c2 := OpenCache(dir, []string{"/news/b", "/news/a"})
	got, ok := c2.Lookup("/news/a/x.txt", 10, mod)
	if !ok || len(got) != 1 || got[0].Title != "Cached Title" || !got[0].Published.Equal(mod) {
		t.Fatalf("lookup after reopen: %v %+v", ok, got)
	}
	if _, ok := c2.Lookup("/news/a/x.txt", 11, mod); ok {
		t.Error("a changed size must miss")
	}
	if _, ok := c2.Lookup("/news/a/x.txt", 10, mod.Add(time.Second)); ok {
		t.Error("a changed mtime must miss")
	}
	// gone.txt was not seen in this run: Save drops it.
	if err := c2.Save(); err != nil {
		t.Fatal(err)
	}
	c3 := OpenCache(dir, roots)
	if _, ok := c3.Lookup("/news/a/gone.txt", 5, mod); ok {
		t.Error("an entry for a file not seen in the last run must be dropped")
	}
}

func TestCacheCorruptAndIncompatible(t *testing.T) {
	dir := t.TempDir()
	c := OpenCache(dir, []string{"/r"})
	c.Put("/r/a", 1, time.Unix(1, 0), nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(c.path, []byte("\x00garbage that is not gob"), 0o644)
	c2 := OpenCache(dir, []string{"/r"})
	if !strings.Contains(c2.Notice, "rebuilt") {
		t.Errorf("corrupt cache notice = %q", c2.Notice)
	}
	if _, ok := c2.Lookup("/r/a", 1, time.Unix(1, 0)); ok {
		t.Error("hit from a corrupt cache")
	}
	if err := c2.Save(); err != nil {
		t.Fatal(err)
	}
	if OpenCache(dir, []string{"/r"}).Notice != "" {
		t.Error("rebuilt cache should open cleanly")
	}
}

func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-90 * 24 * time.Hour)
	for i := 0; i < cacheMaxFiles+3; i++ {
		p := filepath.Join(dir, "corpus-"+strings.Repeat(string(rune('a'+i)), 16)+".gob")
		os.WriteFile(p, []byte("x"), 0o644)
		mt := time.Now().Add(-time.Duration(i) * time.Hour)
		if i == 1 {
			mt = old
		}
		os.Chtimes(p, mt, mt)
	}
	c := OpenCache(dir, []string{"/keep"})
	c.Put("/keep/a", 1, time.Unix(1, 0), nil)
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "corpus-*.gob"))
	if len(left) > cacheMaxFiles {
		t.Errorf("%d cache files left, want at most %d", len(left), cacheMaxFiles)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus-"+strings.Repeat("b", 16)+".gob")); err == nil {
		t.Error("a cache unused for 90 days must be pruned")
	}
	if _, err := os.Stat(c.path); err != nil {
		t.Error("the cache just written must survive pruning")
	}
}

package corpus

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// loadWithCache loads dir with the cache in cacheDir and returns the corpus
// and the final batch's counters.
func loadWithCache(t *testing.T, dir, cacheDir string) (*Corpus, Batch) {
	t.Helper()
	c := &Corpus{}
	var last Batch
	var notices []string
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir}, func(b Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		notices = append(notices, b.Notices...)
		last = b
	})
	last.Notices = notices
	c.Sort()
	return c, last
}

func TestCacheServesUnchangedFiles(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First Headline Here\n\nBody of the first article, long enough to count as text for duplicates here.\n")
	writeFile(t, filepath.Join(dir, "copy.txt"), "Copied Headline Here\n\nBody of the first article, long enough to count as text for duplicates here.\n")
	writeFile(t, filepath.Join(dir, "sub", "b.md"), "---\ntitle: Second Headline\nsource: Example News\n---\n\nBody of the second.\n")
	writeFile(t, filepath.Join(dir, "items.json"), `[{"title":"Item One","text":"Text one.","url":"https://example.com/1"},{"title":"Item Two","text":"Text two.","url":"https://example.com/2"}]`)
	writeFile(t, filepath.Join(dir, "bin.dat"), "\x00\x01binary")

	first, b1 := loadWithCache(t, dir, cacheDir)
	if b1.Cached != 0 || len(first.Articles) != 5 {
		t.Fatalf("first load: cached %d, %d articles", b1.Cached, len(first.Articles))
	}
	second, b2 := loadWithCache(t, dir, cacheDir)
	if b2.Cached != 5 {
		t.Fatalf("second load served %d files from the cache, want all 5", b2.Cached)
	}
	if !reflect.DeepEqual(snapshot(first), snapshot(second)) {
		t.Errorf("cached load differs:\n%v\n%v", snapshot(first), snapshot(second))
	}
	if !reflect.DeepEqual(first.Skipped, second.Skipped) {
		t.Errorf("skips differ: %v vs %v", first.Skipped, second.Skipped)
	}

	// A changed file is read again, alone; a removed one disappears.
	p := filepath.Join(dir, "a.txt")
	writeFile(t, p, "Changed Headline Now\n\nNew body.\n")
	future := time.Now().Add(time.Minute)
	os.Chtimes(p, future, future)
	os.Remove(filepath.Join(dir, "sub", "b.md"))
	third, b3 := loadWithCache(t, dir, cacheDir)
	if b3.Cached != 3 {
		t.Errorf("third load served %d from cache, want 3 (copy, items, bin)", b3.Cached)
	}
	titles := strings.Join(snapshot(third), "|")
	if !strings.Contains(titles, "Changed Headline Now") || strings.Contains(titles, "Second Headline") || strings.Contains(titles, "First Headline") {
		t.Errorf("third load: %s", titles)
	}
}

func snapshot(c *Corpus) []string {
	var out []string
	for _, a := range c.Articles {
		out = append(out, a.ID+" "+a.Title+" "+a.Outlet+" "+a.Path+" dup="+a.DuplicateOf+" "+a.Body())
	}
	return out
}

func TestCacheCorruptIsRebuilt(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(dir, "a.txt"), "First Headline Here\n\nBody.\n")
	loadWithCache(t, dir, cacheDir)
	files, _ := filepath.Glob(filepath.Join(cacheDir, "corpus-*"+cacheExt))
	if len(files) != 1 {
		t.Fatalf("cache files: %v", files)
	}
	os.WriteFile(files[0], []byte("\x00garbage that is not gob"), 0o644)
	c, b := loadWithCache(t, dir, cacheDir)
	if len(c.Articles) != 1 || b.Cached != 0 || len(b.Notices) != 1 || !strings.Contains(b.Notices[0], "rebuilt") {
		t.Fatalf("corrupt cache: %d articles, cached %d, notices %q", len(c.Articles), b.Cached, b.Notices)
	}
	if _, b := loadWithCache(t, dir, cacheDir); b.Cached != 1 || len(b.Notices) != 0 {
		t.Errorf("rebuilt cache not used: cached %d, notices %q", b.Cached, b.Notices)
	}
}

func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-90 * 24 * time.Hour)
	for i := 0; i < cacheMaxFiles+3; i++ {
		p := filepath.Join(dir, "corpus-"+strings.Repeat(string(rune('a'+i)), 16)+cacheExt)
		os.WriteFile(p, []byte("x"), 0o644)
		mt := time.Now().Add(-time.Duration(i) * time.Hour)
		if i == 1 {
			mt = old
		}
		os.Chtimes(p, mt, mt)
	}
	c := OpenCache(dir, []string{"/keep"})
	c.putResult("/keep/a", 1, time.Unix(1, 0), "a", fileResult{articles: []*Article{{ID: "a", Title: "T"}}})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "corpus-*"+cacheExt))
	if len(left) > cacheMaxFiles {
		t.Errorf("%d cache files left, want at most %d", len(left), cacheMaxFiles)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus-"+strings.Repeat("b", 16)+cacheExt)); err == nil {
		t.Error("a cache unused for 90 days must be pruned")
	}
	if _, err := os.Stat(c.path); err != nil {
		t.Error("the cache just written must survive pruning")
	}
}

// Pruning removes the temporary files of writes that were killed (an hour
// old), never one that may still be written, and only of its own kind.
func TestPruneRemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	keep := CachePath(dir, []string{"/news"}, "index")
	os.WriteFile(keep, []byte("x"), 0o600)
	old := filepath.Join(dir, ".index-0123.cache.tmp-111")
	fresh := filepath.Join(dir, ".index-0123.cache.tmp-222")
	otherKind := filepath.Join(dir, ".corpus-0123.cache.tmp-333")
	for _, p := range []string{old, fresh, otherKind} {
		os.WriteFile(p, nil, 0o600)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(otherKind, past, past)
	PruneCaches(keep)
	for p, want := range map[string]bool{old: false, fresh: true, otherKind: true, keep: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

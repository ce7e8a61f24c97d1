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
	files, _ := filepath.Glob(filepath.Join(cacheDir, "corpus-*.cache"))
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

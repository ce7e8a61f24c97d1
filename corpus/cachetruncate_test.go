package corpus

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Truncating the cache file while articles loaded from it are in use must
// not matter: they live in memory of their own. (With the file mapped,
// the next read of an article after truncation was SIGBUS, killing this
// test binary.)
func TestCacheTruncatedWhileInUse(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	for i, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, filepath.Join(dir, name), strings.Repeat("Headline "+name+"\n\n", 1)+strings.Repeat("Body text of the article, long enough to fill pages. ", 200*(i+1))+"\n")
	}
	first, _ := loadWithCache(t, dir, cacheDir)
	want := snapshot(first)
	second, b := loadWithCache(t, dir, cacheDir)
	if b.Cached != 3 {
		t.Fatalf("second load served %d files from the cache, want 3", b.Cached)
	}
	caches, _ := filepath.Glob(filepath.Join(cacheDir, "*.cache"))
	if len(caches) == 0 {
		t.Fatal("no cache file written")
	}
	for _, c := range caches {
		if err := os.Truncate(c, 0); err != nil {
			t.Fatal(err)
		}
	}
	if got := snapshot(second); !reflect.DeepEqual(got, want) {
		t.Errorf("articles changed after their cache was truncated")
	}
}

package cache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Pruning removes the temporary files of writes that were killed (an hour
// old), never one that may still be written, and only of its own kind.
func TestPruneRemovesStaleTempFiles(t *testing.T) {
	dir := t.TempDir()
	keep := Path(dir, []string{"/news"}, "index")
	os.WriteFile(keep, []byte("x"), 0o600)
	old := filepath.Join(dir, ".index-0123.cache.tmp-111")
	fresh := filepath.Join(dir, ".index-0123.cache.tmp-222")
	otherKind := filepath.Join(dir, ".store-0123.cache.tmp-333")
	for _, p := range []string{old, fresh, otherKind} {
		os.WriteFile(p, nil, 0o600)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(otherKind, past, past)
	Prune(keep)
	for p, want := range map[string]bool{old: false, fresh: true, otherKind: true, keep: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

func TestCachePrune(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-90 * 24 * time.Hour)
	for i := 0; i < cacheMaxFiles+3; i++ {
		p := filepath.Join(dir, "store-"+strings.Repeat(string(rune('a'+i)), 16)+cacheExt)
		os.WriteFile(p, []byte("x"), 0o644)
		mt := time.Now().Add(-time.Duration(i) * time.Hour)
		if i == 1 {
			mt = old
		}
		os.Chtimes(p, mt, mt)
	}
	// The parts a pruned file names go with it; a kept one's stay.
	oldPart := filepath.Join(dir, "store-"+strings.Repeat("b", 16)+"-1"+partExt)
	os.WriteFile(oldPart, []byte("x"), 0o644)
	keep := Path(dir, []string{"/keep"}, "store")
	os.WriteFile(keep, []byte("x"), 0o644)
	keepPart := strings.TrimSuffix(keep, cacheExt) + "-1" + partExt
	os.WriteFile(keepPart, []byte("x"), 0o644)
	// Caches of older formats go.
	legacy := filepath.Join(dir, "corpus-0123456789abcdef"+cacheExt)
	os.WriteFile(legacy, []byte("x"), 0o644)
	Prune(keep)
	for p, want := range map[string]bool{oldPart: false, keepPart: true, legacy: false} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "store-*"+cacheExt))
	if len(left) > cacheMaxFiles {
		t.Errorf("%d cache files left, want at most %d", len(left), cacheMaxFiles)
	}
	if _, err := os.Stat(filepath.Join(dir, "store-"+strings.Repeat("b", 16)+cacheExt)); err == nil {
		t.Error("a cache unused for 90 days must be pruned")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Error("the cache just written must survive pruning")
	}
}

package corpus

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// The parsed-corpus cache keeps what the parsers made of each file, keyed
// by the file's path, size and modification time, so that opening an
// unchanged corpus again skips reading and parsing. One cache file serves
// one set of roots; files not seen in a run are dropped from it, and old
// cache files are pruned so the folder never grows without bound.
//
// The file is read whole and indexed by path without decoding any article
// (see cachefile.go); an entry's articles are decoded only when the loader
// asks for that file, by the loader's parallel workers, and their strings
// point into the file's bytes instead of being copied.

// cacheEntry is what one file yielded last time, or in this run.
//
// An entry read from disk keeps its encoded body (raw) and is decoded on
// use; an entry made in this run keeps the parsed articles (sharing their
// strings with the corpus) and is encoded only when the cache is saved.
type cacheEntry struct {
	size, mod int64 // mod is UnixNano
	raw       string
	crc       uint32 // of raw

	// Set for entries made in this run. Articles keep the part of each ID
	// that follows the file's own ID (Suffixes), since the file's ID can
	// change when other files appear.
	articles []*Article
	suffixes []string
	skip     string
	sum      [sha256.Size]byte
	textKeys []string
}

// parsedCache is an open parsed-corpus cache. Lookups are safe from many
// goroutines; Save writes it back atomically.
type parsedCache struct {
	path  string
	roots []string

	mu      sync.Mutex
	old     map[string]*cacheEntry // from disk
	fresh   map[string]*cacheEntry // seen in this run
	hits    int
	Notice  string // why the old cache was discarded, if it was
	changed bool
}

// openParsedCache opens the cache for a set of roots inside dir. A missing cache
// is empty; a corrupt or incompatible one is discarded and Notice says so.
// It never fails: at worst the cache is empty.
func openParsedCache(dir string, roots []string) *parsedCache {
	abs := cache.AbsRoots(roots)
	c := &parsedCache{
		path:  cache.Path(dir, roots, "corpus"),
		roots: abs,
		old:   map[string]*cacheEntry{},
		fresh: map[string]*cacheEntry{},
	}
	old, err := readCacheFile(c.path, abs)
	switch {
	case err == nil:
		c.old = old
		// Most files of a warm start are seen again: growing the map
		// one entry at a time rehashes it over and over.
		c.fresh = make(map[string]*cacheEntry, len(old))
	case errors.Is(err, os.ErrNotExist):
	default:
		c.Notice = fmt.Sprintf("the corpus cache was unreadable (%v) and will be rebuilt", err)
		c.changed = true
	}
	return c
}

// lookup returns what a file yielded last time as job j's result, if its
// size and modification time are unchanged, and keeps the entry for the
// next save. An entry that cannot be decoded is a miss.
func (c *parsedCache) lookup(j fileJob, size int64, mod time.Time) (fileResult, bool) {
	c.mu.Lock()
	e, ok := c.old[j.osPath]
	if !ok || e.size != size || e.mod != mod.UnixNano() {
		c.mu.Unlock()
		return fileResult{}, false
	}
	c.mu.Unlock()
	r, err := decodeEntry(e.raw, e.crc, j)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.changed = true // rewrite without the bad entry
		return fileResult{}, false
	}
	c.fresh[j.osPath] = e
	c.hits++
	return r, true
}

// putResult records what a file yielded in this run. Results that depend
// on the moment (a file that vanished or could not be read) are not kept.
func (c *parsedCache) putResult(path string, size int64, mod time.Time, fileID string, r fileResult) {
	e := &cacheEntry{size: size, mod: mod.UnixNano(), sum: r.sum, textKeys: r.textKeys}
	if r.skipped != nil {
		if !cacheableSkip(r.skipped.Reason) {
			return
		}
		e.skip = r.skipped.Reason
	}
	for _, a := range r.articles {
		cp := *a // the corpus may annotate articles (DuplicateOf) before the save
		e.articles = append(e.articles, &cp)
		e.suffixes = append(e.suffixes, strings.TrimPrefix(a.ID, fileID))
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.fresh[path] = e
	c.changed = true
}

// cacheableSkip: reasons that follow from the file's content alone.
func cacheableSkip(reason string) bool {
	for _, s := range []string{"empty file", "only whitespace", "binary file", "no article text", "not valid", "no article"} {
		if strings.Contains(reason, s) {
			return true
		}
	}
	return false
}

// Hits is how many files were served from the cache in this run.
func (c *parsedCache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Save writes the entries seen in this run (files that vanished are
// dropped) if anything changed, atomically, then prunes old caches.
func (c *parsedCache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && len(c.fresh) == len(c.old) {
		now := time.Now()
		_ = os.Chtimes(c.path, now, now) // mark as recently used for pruning
		return nil
	}
	if err := writeCacheFile(c.path, c.roots, c.fresh); err != nil {
		return err
	}
	c.changed = false
	cache.Prune(c.path)
	return nil
}

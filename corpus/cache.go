package corpus

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// The parsed-corpus cache keeps what the parsers made of each file, keyed
// by the file's path, size and modification time, so that opening an
// unchanged corpus again skips reading and parsing. One cache file serves
// one set of roots; files not seen in a run are dropped from it, and old
// cache files are pruned so the folder never grows without bound.

// cacheVersion changes whenever parsing or the Article type changes in a
// way that makes old entries wrong.
const cacheVersion = 2

// Cache limits: at most this many corpora are remembered, and none unused
// for longer than cacheMaxAge.
const (
	cacheMaxFiles = 8
	cacheMaxAge   = 60 * 24 * time.Hour
)

type cacheHeader struct {
	Version int
	Roots   []string
}

// cacheEntry is what one file yielded last time: its articles (with the
// part of each ID that follows the file's own ID, since the file's ID can
// change when other files appear), or why it was skipped; and what the
// duplicate check needs.
type cacheEntry struct {
	Path     string
	Size     int64
	ModTime  int64 // UnixNano
	Articles []*Article
	Suffixes []string
	Skip     string
	Sum      [32]byte
	TextKeys []string
}

// result rebuilds the loader's result for job j from the entry.
func (e *cacheEntry) result(j fileJob) fileResult {
	if e.Skip != "" {
		return fileResult{index: j.index, skipped: &Skipped{Path: j.path, Reason: e.Skip}, cached: true}
	}
	arts := make([]*Article, len(e.Articles))
	for i, cached := range e.Articles {
		a := *cached // the corpus may annotate articles (DuplicateOf); keep the entry pristine
		a.ID = j.id + e.Suffixes[i]
		a.Path = j.path
		a.DuplicateOf = ""
		arts[i] = &a
	}
	return fileResult{index: j.index, articles: arts, sum: e.Sum, textKeys: e.TextKeys, cached: true}
}

// Cache is an open parsed-corpus cache. Lookups are safe from many
// goroutines; Save writes it back atomically.
type Cache struct {
	path  string
	roots []string

	mu      sync.Mutex
	old     map[string]*cacheEntry // from disk
	fresh   map[string]*cacheEntry // seen in this run
	hits    int
	Notice  string // why the old cache was discarded, if it was
	changed bool
}

// OpenCache opens the cache for a set of roots inside dir (created if
// needed). A missing cache is empty; a corrupt or incompatible one is
// discarded and Notice says so. It never fails: at worst the cache is empty.
func OpenCache(dir string, roots []string) *Cache {
	abs := make([]string, len(roots))
	for i, r := range roots {
		if a, err := filepath.Abs(r); err == nil {
			abs[i] = a
		} else {
			abs[i] = r
		}
	}
	sort.Strings(abs)
	sum := sha256.Sum256([]byte(strings.Join(abs, "\x00")))
	c := &Cache{
		path:  filepath.Join(dir, "corpus-"+hex.EncodeToString(sum[:8])+".gob"),
		roots: abs,
		old:   map[string]*cacheEntry{},
		fresh: map[string]*cacheEntry{},
	}
	if err := c.read(); err != nil && !errors.Is(err, os.ErrNotExist) {
		c.Notice = fmt.Sprintf("the corpus cache was unreadable (%v) and will be rebuilt", err)
		c.old = map[string]*cacheEntry{}
		c.changed = true
	}
	return c
}

func (c *Cache) read() (err error) {
	f, err := os.Open(c.path)
	if err != nil {
		return err
	}
	defer f.Close()
	defer func() {
		// gob panics on some malformed input in older versions; never let a
		// cache file cost the session.
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed cache: %v", p)
		}
	}()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var h cacheHeader
	if err := dec.Decode(&h); err != nil {
		return fmt.Errorf("bad header: %w", err)
	}
	if h.Version != cacheVersion {
		return fmt.Errorf("made by another version of parallax (format %d, want %d)", h.Version, cacheVersion)
	}
	for {
		e := new(cacheEntry)
		if err := dec.Decode(e); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		c.old[e.Path] = e
	}
}

// lookupEntry returns what a file yielded last time, if its size and
// modification time are unchanged, and keeps the entry for the next save.
func (c *Cache) lookupEntry(path string, size int64, mod time.Time) (*cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.old[path]
	if !ok || e.Size != size || e.ModTime != mod.UnixNano() {
		return nil, false
	}
	c.fresh[path] = e
	c.hits++
	return e, true
}

// putResult records what a file yielded in this run. Results that depend
// on the moment (a file that vanished or could not be read) are not kept.
func (c *Cache) putResult(path string, size int64, mod time.Time, fileID string, r fileResult) {
	e := &cacheEntry{Path: path, Size: size, ModTime: mod.UnixNano(), Sum: r.sum, TextKeys: r.textKeys}
	if r.skipped != nil {
		if !cacheableSkip(r.skipped.Reason) {
			return
		}
		e.Skip = r.skipped.Reason
	}
	for _, a := range r.articles {
		cp := *a
		e.Articles = append(e.Articles, &cp)
		e.Suffixes = append(e.Suffixes, strings.TrimPrefix(a.ID, fileID))
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
func (c *Cache) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

// Save writes the entries seen in this run (files that vanished are
// dropped) if anything changed, atomically, then prunes old caches.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed && len(c.fresh) == len(c.old) {
		now := time.Now()
		_ = os.Chtimes(c.path, now, now) // mark as recently used for pruning
		return nil
	}
	dir := filepath.Dir(c.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".corpus-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	w := bufio.NewWriterSize(tmp, 1<<20)
	enc := gob.NewEncoder(w)
	err = enc.Encode(cacheHeader{Version: cacheVersion, Roots: c.roots})
	paths := make([]string, 0, len(c.fresh))
	for p := range c.fresh {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if err != nil {
			break
		}
		err = enc.Encode(c.fresh[p])
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), c.path); err != nil {
		return err
	}
	c.changed = false
	pruneCaches(dir, c.path)
	return nil
}

// pruneCaches removes cache files beyond the newest cacheMaxFiles and any
// unused for cacheMaxAge, never the one just written.
func pruneCaches(dir, keep string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "corpus-*.gob"))
	type file struct {
		path string
		mod  time.Time
	}
	var files []file
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil {
			files = append(files, file{m, st.ModTime()})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].mod.After(files[j].mod) })
	for i, f := range files {
		if f.path == keep {
			continue
		}
		if i >= cacheMaxFiles || time.Since(f.mod) > cacheMaxAge {
			os.Remove(f.path)
		}
	}
}

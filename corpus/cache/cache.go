// Package cache keeps the binary cache files that save work between runs
// (the store of parsed files, the search index snapshot): where each
// lives, how it is opened and checked, how it is mapped or read into
// memory and how old ones are pruned. What goes inside a file is its
// owner's business.
package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// Cache limits: of each kind, at most this many cache files (one a set of
// roots) are kept, and none unused for longer than cacheMaxAge.
const (
	cacheMaxFiles = 8
	cacheMaxAge   = 60 * 24 * time.Hour
	staleTempAge  = time.Hour
)

// cacheExt names cache files, partExt the parts a cache file names (see
// remove).
const (
	cacheExt = ".cache"
	partExt  = ".seg"
)

// legacyCacheGlobs match the files of older parsed-corpus caches (a gob,
// then one file a set of roots before the segmented store), removed when
// seen.
var legacyCacheGlobs = []string{"corpus-*.gob", "corpus-*" + cacheExt}

// AbsRoots returns roots made absolute and sorted: a set of roots names
// the same caches however it was given.
func AbsRoots(roots []string) []string {
	abs := make([]string, len(roots))
	for i, r := range roots {
		if a, err := filepath.Abs(r); err == nil {
			abs[i] = a
		} else {
			abs[i] = r
		}
	}
	sort.Strings(abs)
	return abs
}

// Path is the file in dir that holds a cache of the given kind for a
// set of roots. The store of parsed files is kind "store"; other packages
// keep their own beside it (the search index snapshot is "index"), and
// Prune prunes each kind alike.
func Path(dir string, roots []string, kind string) string {
	sum := sha256.Sum256([]byte(strings.Join(AbsRoots(roots), "\x00")))
	return filepath.Join(dir, kind+"-"+hex.EncodeToString(sum[:8])+cacheExt)
}

// OpenFile opens a cache file that starts with magic and a uvarint
// format version, which must be version. It returns the open file (the
// caller closes it), its status and where the body after the header
// starts. Anything but a regular file is refused, so that a FIFO or device
// named like a cache never blocks a start.
func OpenFile(path, magic string, version uint64) (*os.File, os.FileInfo, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0, err
	}
	fail := func(err error) (*os.File, os.FileInfo, int, error) {
		f.Close()
		return nil, nil, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return fail(err)
	}
	if !st.Mode().IsRegular() {
		return fail(errors.New("not a regular file"))
	}
	head := make([]byte, len(magic)+binary.MaxVarintLen64)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if len(head) < len(magic) || string(head[:len(magic)]) != magic {
		return fail(fmt.Errorf("not a %s", strings.TrimSpace(magic)))
	}
	v, vn := binary.Uvarint(head[len(magic):])
	if vn <= 0 {
		return fail(errors.New("truncated header"))
	}
	if v != version {
		return fail(fmt.Errorf("made by another version of parallax (format %d, want %d)", v, version))
	}
	return f, st, len(magic) + vn, nil
}

// MarkUsed marks the cache file at path recently used, so that Prune,
// which removes files unused for cacheMaxAge, keeps it. A failure only
// means the file may be pruned and made again.
func MarkUsed(path string) {
	now := time.Now()
	_ = os.Chtimes(path, now, now)
}

// Prune removes the cache files of keep's kind (see Path) in its
// folder beyond the newest cacheMaxFiles, any unused for cacheMaxAge and
// any in the old format, never keep itself, the one just written.
func Prune(keep string) {
	dir := filepath.Dir(keep)
	kind, _, _ := strings.Cut(filepath.Base(keep), "-")
	// A process killed while writing leaves its temporary file; one that
	// old is no other process's write in progress.
	userfiles.RemoveStaleTemps(filepath.Join(dir, kind+"-*"+cacheExt), staleTempAge)
	matches, _ := filepath.Glob(filepath.Join(dir, kind+"-*"+cacheExt))
	for _, g := range legacyCacheGlobs {
		legacy, _ := filepath.Glob(filepath.Join(dir, g))
		for _, l := range legacy {
			if l != keep {
				os.Remove(l)
			}
		}
	}
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
			remove(f.path)
		}
	}
}

// remove deletes a cache file and the parts it names, if it has any: a
// file NAME.cache may name files NAME-*.seg beside it (the corpus store's
// segments), which go with it.
func remove(path string) {
	os.Remove(path)
	parts, _ := filepath.Glob(strings.TrimSuffix(path, cacheExt) + "-*" + partExt)
	for _, p := range parts {
		os.Remove(p)
	}
}

// ReadAll reads a whole cache file in one allocation of its known size,
// where it cannot be mapped (see Map; growing a buffer while reading would
// clear and copy hundreds of megabytes several times over).
func ReadAll(f *os.File, size int64) ([]byte, error) {
	data := make([]byte, size)
	if _, err := f.ReadAt(data, 0); err != nil {
		return nil, err
	}
	return data, nil
}

// Usage counts the cache files in dir (every kind, with the parts they
// name) and the bytes they take.
func Usage(dir string) (files int, bytes int64) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, cacheExt) && !strings.HasSuffix(name, partExt) {
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			files++
			bytes += info.Size()
		}
	}
	return files, bytes
}

// MapFile opens a cache file (OpenFile), refuses one larger than maxSize
// (when maxSize > 0), and maps the whole file read-only (Map). It returns
// the file's bytes, header included, and where the body starts.
func MapFile(path, magic string, version uint64, maxSize int64) ([]byte, int, error) {
	return readWhole(path, magic, version, maxSize, Map)
}

// ReadFile is MapFile for a file kept in private memory (ReadAll): its
// bytes stay valid whatever later happens to the file.
func ReadFile(path, magic string, version uint64, maxSize int64) ([]byte, int, error) {
	return readWhole(path, magic, version, maxSize, ReadAll)
}

func readWhole(path, magic string, version uint64, maxSize int64, read func(*os.File, int64) ([]byte, error)) ([]byte, int, error) {
	f, st, bodyAt, err := OpenFile(path, magic, version)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if maxSize > 0 && st.Size() > maxSize {
		return nil, 0, errors.New("implausibly large")
	}
	data, err := read(f, st.Size())
	if err != nil {
		return nil, 0, err
	}
	return data, bodyAt, nil
}

// CRCTable is the CRC-32C (Castagnoli) table every cache file's checksums
// use: the store's segments and manifest, the search snapshot and the
// stored stories. Castagnoli has hardware support on amd64 and arm64.
var CRCTable = crc32.MakeTable(crc32.Castagnoli)

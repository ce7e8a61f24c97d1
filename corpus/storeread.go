package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// StoredFiles reads the articles the store of parsed files holds for some
// files, decoded from its segments alone: nothing is parsed and no corpus
// is loaded. It is for a command that answers from a snapshot and needs
// the articles of a few files (the results of a one-shot search).
type StoredFiles struct{ s *segStore }

// OpenStoredFiles opens the store for src read-only. A missing store holds
// nothing and is no error; a damaged manifest or segment is the error,
// and what could be opened is still read.
func OpenStoredFiles(cacheDir string, src Source) (*StoredFiles, error) {
	s := &segStore{dir: cacheDir, manifest: cache.Path(cacheDir, src.Paths, "store"), roots: cache.AbsRoots(src.Paths)}
	f := &StoredFiles{s: s}
	if cacheDir == "" || len(src.Paths) == 0 {
		return f, nil
	}
	m, err := readManifest(s.manifest, s.roots)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return f, nil
	case err != nil:
		return f, fmt.Errorf("the corpus store was unreadable (%w)", err)
	}
	segs, _, damage := openSegments(cacheDir, m.names, openSegmentLazy)
	s.segs = segs
	if damage != nil {
		return f, fmt.Errorf("the corpus store was damaged (%w)", damage)
	}
	return f, nil
}

// Read returns the articles, with their text, of the file at path (as the
// loader shows it), or false when the store does not hold the file as it
// is on disk now (absent, another version, an entry that does not
// decode, a file that gave none): the caller then reads the file itself,
// or (the one-shot search) loads the corpus, checking every file.
// The articles' IDs are not the loader's (they lack the file's part,
// which depends on the other files): the caller matches them by content.
func (f *StoredFiles) Read(path string) ([]*Article, bool) {
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	r, ok := f.s.lookup(fileJob{path: path, osPath: path}, versionOf(userfiles.StatOf(st)))
	if !ok || r.skipped != nil || len(r.articles) == 0 {
		return nil, false
	}
	return r.articles, true
}

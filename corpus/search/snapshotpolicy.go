package search

import (
	"errors"
	"io/fs"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/cache"
)

// The snapshot policy, in one place for the reader (ui/library) and the
// command line (ui/cli): where a corpus's snapshot lives (SnapshotPath),
// reading it back, saving a fresh one, and which failures to tell the
// user about. When to read (every file came from the parsed-corpus cache)
// is the caller's to know; what reading and saving mean is here.

// OpenSnapshot reads the snapshot at path for arts (see LoadSnapshot for
// its errors) and, when it applies, marks it recently used so that
// cache.Prune keeps it.
func OpenSnapshot(path string, arts []*corpus.Article) (*Index, error) {
	return openUsed(path, func() (*Index, error) { return LoadSnapshot(path, arts) })
}

// OpenSnapshotFromHeads is OpenSnapshot for articles that all came
// unchanged from the store of parsed files (see LoadSnapshotFromHeads):
// their text is checked as searches return them, not at open.
func OpenSnapshotFromHeads(path string, arts []*corpus.Article) (*Index, error) {
	return openUsed(path, func() (*Index, error) { return LoadSnapshotFromHeads(path, arts) })
}

// OpenSnapshotUpdated is OpenSnapshot for articles of which some may be
// new or gone since the snapshot was made (see LoadSnapshotUpdated): fresh
// are those read afresh, the others came unchanged from the store of
// parsed files and are checked as searches return them.
func OpenSnapshotUpdated(path string, arts, fresh []*corpus.Article) (*Index, error) {
	return openUsed(path, func() (*Index, error) { return LoadSnapshotUpdated(path, arts, fresh) })
}

// OpenSnapshotWithoutArticles opens the snapshot at path for a search
// that has not loaded the corpus (see OpenSnapshotLazy for fetch and the
// errors) and marks it recently used, as OpenSnapshot does.
func OpenSnapshotWithoutArticles(path string, fetch func(DocInfo) (*corpus.Article, error)) (*Index, error) {
	return openUsed(path, func() (*Index, error) { return OpenSnapshotLazy(path, fetch) })
}

// openUsed opens the snapshot at path ("" is none: fs.ErrNotExist) with
// open and marks it recently used when it opened.
func openUsed(path string, open func() (*Index, error)) (*Index, error) {
	if path == "" {
		return nil, fs.ErrNotExist
	}
	ix, err := open()
	if err != nil {
		return nil, err
	}
	cache.MarkUsed(path)
	return ix, nil
}

// SaveSnapshot writes ix as the snapshot at path ("" is no snapshot: nothing
// to do), with the caller's extra bytes (see WriteSnapshot), and prunes the
// cache folder's old snapshots, which it supersedes.
func SaveSnapshot(ix *Index, path string, extra ...byte) error {
	if path == "" {
		return nil
	}
	if err := ix.WriteSnapshot(path, extra...); err != nil {
		return err
	}
	cache.Prune(path)
	return nil
}

// SnapshotUnreadable reports whether err, from OpenSnapshot, says the
// snapshot was damaged and worth telling the user about: a missing one or
// one of other articles is ordinary (first run, files changed).
func SnapshotUnreadable(err error) bool {
	return err != nil && !errors.Is(err, ErrStale) && !errors.Is(err, fs.ErrNotExist)
}

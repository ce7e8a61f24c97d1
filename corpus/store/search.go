package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// searchState is the store's search index, made at the first search.
type searchState struct {
	ix *search.Index
	// save: ix is not what the snapshot holds (built afresh, grown by a
	// delta, or stamped otherwise): Close writes it as the next snapshot.
	save  bool
	stamp []byte // what a snapshot written from this load is stamped with
	// snapshotBad: the snapshot was found damaged; rebuilt: ix was built
	// afresh after a search of the snapshot failed.
	snapshotBad, rebuilt bool
}

// Search answers from the corpus's index snapshot, with the articles it
// lacks indexed as a delta over it (search.OpenSnapshotUpdated) and those
// gone left out, else from an index of every article; the index is made
// once and Close saves it as the next snapshot when it differs. A
// snapshot found damaged (by its checksums, as postings are read) or of
// other texts (by an article's fingerprint) is reported when damaged and
// the index is built afresh.
//
// A store opened lazily first tries to answer without loading the corpus
// (searchUnloaded): when no folder changed since the store of parsed files
// was published and the snapshot was made from what it holds, the query
// reads its own postings and only the results' files are checked.
func (f *files) Search(ctx context.Context, query string, opt search.Options) (*search.Results, error) {
	if f.opt.Lazy && !f.loaded() {
		if res, ok, err := f.searchUnloaded(ctx, query, opt); ok {
			return res, err
		}
	}
	if err := f.load(); err != nil {
		return nil, err
	}
	arts := f.inLoadOrder
	f.mu.Lock()
	if f.ix == nil {
		f.openIndex(arts)
	}
	ix := f.ix
	f.mu.Unlock()
	res, err := ix.Search(ctx, query, opt)
	if !errors.Is(err, search.ErrStale) && !errors.Is(err, search.ErrDamaged) {
		return res, err
	}
	f.mu.Lock()
	if f.ix == ix && !f.rebuilt {
		f.reportSnapshot(err)
		f.ix, f.rebuilt, f.save = search.New(), true, f.snapshotPath() != ""
		f.ix.Add(arts)
	}
	ix = f.ix
	f.mu.Unlock()
	return ix.Search(ctx, query, opt)
}

// openIndex makes the index of arts from the snapshot, else afresh.
// f.mu is held.
func (f *files) openIndex(arts []*corpus.Article) {
	if len(f.c.Skipped) == 0 { // a skip would go unreported by a search from the snapshot alone
		f.stamp = snapshotStamp(f.c.StoreState, f.src, f.opt.Options)
	}
	path := f.snapshotPath()
	if path != "" && !f.snapshotBad {
		ix, err := search.OpenSnapshotUpdated(path, arts, f.c.Fresh)
		if err == nil {
			f.ix = ix
			f.save = ix.Changed() || f.stamp != nil && !bytes.Equal(f.stamp, ix.SnapshotExtra())
			return
		}
		f.reportSnapshot(err)
	}
	f.ix, f.save = search.New(), path != ""
	f.ix.Add(arts)
}

// saveIndex writes the index as the next snapshot if it differs from the
// one on disk. f.mu is held.
func (f *files) saveIndex() error {
	if !f.save || f.ix == nil {
		return nil
	}
	f.save = false
	if err := search.SaveSnapshot(f.ix, f.snapshotPath(), f.stamp...); err != nil {
		f.notice("the search index snapshot could not be saved: %v", err)
		return err
	}
	return nil
}

// markBad reports a damaged snapshot and keeps Search from opening it.
func (f *files) markBad(err error) {
	if f.reportSnapshot(err) {
		f.mu.Lock()
		f.snapshotBad = true
		f.mu.Unlock()
	}
}

func (f *files) snapshotPath() string { return search.SnapshotPath(f.opt.CacheDir, f.src) }

// reportSnapshot tells the user of a damaged snapshot (a missing or stale
// one is no news) and reports whether it was damaged.
func (f *files) reportSnapshot(err error) bool {
	if search.SnapshotUnreadable(err) {
		f.notice("the search index snapshot was unreadable (%v) and is rebuilt", err)
		return true
	}
	return false
}

// searchUnloaded answers a search from the corpus's index snapshot alone,
// without loading the corpus, when the store of parsed files says that no
// folder changed since it was published (corpus.UnchangedStore: one stat a
// folder) and the snapshot was made from what that store holds (its stamp,
// see snapshotStamp): the query reads its own postings, and the articles
// of the results are read from the store, each file's size and time
// checked against the store's entry. A result whose file changed (which
// the folders do not show when it was rewritten in place) makes it give
// up, and Search loads the corpus, checking every file, and answers
// again; so does a damaged store, which that load reports and rebuilds.
// ok is false when it cannot answer (no snapshot, or one that is out of
// date, damaged or of other articles); a damaged snapshot is reported,
// and rebuilt by the search that loads.
func (f *files) searchUnloaded(ctx context.Context, query string, opt search.Options) (res *search.Results, ok bool, err error) {
	path := f.snapshotPath()
	if path == "" {
		return nil, false, nil
	}
	state := corpus.UnchangedStore(f.opt.CacheDir, f.src)
	if state == "" {
		return nil, false, nil
	}
	files := map[string][]*corpus.Article{}
	var stored *corpus.StoredFiles // opened at the first result
	fetch := func(d search.DocInfo) (*corpus.Article, error) {
		arts, ok := files[d.Path]
		if !ok {
			if stored == nil {
				var err error
				if stored, err = corpus.OpenStoredFiles(f.opt.CacheDir, f.src); err != nil {
					// The full load reports the damage and rebuilds the store.
					return nil, search.ErrStale
				}
			}
			if arts, ok = stored.Read(d.Path); !ok {
				return nil, search.ErrStale // changed since: check every file
			}
			files[d.Path] = arts
		}
		// The store gives a file's articles IDs of their own (its part
		// of the ID depends on the other files): the article is the one
		// that is the same but for its ID.
		for _, a := range arts {
			c := *a
			c.ID = d.ID
			if search.Fingerprint(&c) == d.Fingerprint && c.Published.Equal(d.Published) {
				return &c, nil
			}
		}
		return nil, search.ErrStale
	}
	ix, err := search.OpenSnapshotWithoutArticles(path, fetch)
	if err != nil {
		f.markBad(err)
		return nil, false, nil
	}
	if !bytes.Equal(ix.SnapshotExtra(), snapshotStamp(state, f.src, f.opt.Options)) {
		return nil, false, nil
	}
	res, err = ix.Search(ctx, query, opt)
	var qe *search.QueryError
	if err != nil && !errors.As(err, &qe) {
		f.markBad(err)
		return nil, false, nil
	}
	return res, true, err
}

// snapshotStamp is what a snapshot made from a load keeps (its extra
// bytes) to say what it was made from: the state of the store the load
// left (corpus.Corpus.StoreState), the roots in the order given (which
// decides articles' IDs) and the file size limit (which decides what is
// skipped). A snapshot stamped otherwise (by the reader, by a load the
// store did not vouch for, or of an older state) is not trusted without
// a load.
func snapshotStamp(state corpus.StoreState, src corpus.Source, lopt corpus.Options) []byte {
	if state == "" {
		return nil
	}
	return fmt.Appendf(nil, "parallax store %s\x00%d\x00%s", state, lopt.MaxFileSize, strings.Join(src.Paths, "\x00"))
}

package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// searchSnapshot answers a search from the corpus's index snapshot alone,
// without loading the corpus, when the store of parsed files says that no
// folder changed since it was published (corpus.UnchangedStore: one stat a
// folder) and the snapshot was made from what that store holds (its stamp,
// see snapshotStamp): the query reads its own postings, and the articles
// of the results shown are read from the store, each file's size and time
// checked against the store's entry. A result whose file changed (which
// the folders do not show when it was rewritten in place) makes the
// search give up, and the caller loads the corpus, checking every file,
// and answers again; so does a damaged store, which that load reports and
// rebuilds. It returns nil results and no error when it cannot answer (no
// snapshot, or one that is out of date, damaged or of other articles). A
// damaged snapshot is reported (damaged is true), and rebuilt by the
// search that loads.
func (r *runner) searchSnapshot(query string, opt search.Options, paths []string) (res *search.Results, damaged bool, err error) {
	lopt := r.loadOptions()
	src := r.source(paths)
	path := search.SnapshotPath(lopt.CacheDir, src)
	if path == "" {
		return nil, false, nil
	}
	state := corpus.UnchangedStore(lopt.CacheDir, src)
	if state == "" {
		return nil, false, nil
	}
	files := map[string][]*corpus.Article{}
	var stored *corpus.StoredFiles // opened at the first result shown
	fetch := func(d search.DocInfo) (*corpus.Article, error) {
		arts, ok := files[d.Path]
		if !ok {
			if stored == nil {
				var err error
				if stored, err = corpus.OpenStoredFiles(lopt.CacheDir, src); err != nil {
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
		return nil, r.reportSnapshot(err), nil
	}
	if !bytes.Equal(ix.SnapshotExtra(), snapshotStamp(state, src, lopt)) {
		return nil, false, nil
	}
	res, err = ix.Search(context.Background(), query, opt)
	var qe *search.QueryError
	if err != nil && !errors.As(err, &qe) {
		return nil, r.reportSnapshot(err), nil
	}
	return res, false, err
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

// reportSnapshot tells the user about a damaged snapshot (a missing or
// stale one is no news) and reports whether it was damaged.
func (r *runner) reportSnapshot(err error) bool {
	if search.SnapshotUnreadable(err) {
		fmt.Fprintf(r.Stderr, "parallax: the search index snapshot was unreadable (%v) and is rebuilt\n", err)
		return true
	}
	return false
}

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

// Search answers from the store's live index (Index): from the corpus's
// index snapshot, with the articles it lacks indexed as a delta over it
// and those gone left out, else from an index of every article. When a
// caller hands the index the batches as they load (the reader), it
// answers over what has loaded so far (indexing it first, see
// Index.StopHolding); otherwise the first search
// hands it every article and runs its Jobs in turn, and Close saves it as
// the next snapshot when it differs. A snapshot found damaged (by its
// checksums, as postings are read) or of other texts (by an article's
// fingerprint) is reported when damaged and the index is built afresh.
//
// A store opened lazily first tries to answer without loading the corpus
// (searchUnloaded): when no folder changed since the store of parsed files
// was published and the snapshot was made from what it holds, the query
// reads its own postings and only the results' files are checked.
func (f *files) Search(ctx context.Context, query string, opt search.Options) (*search.Results, error) {
	if !f.ix.isFed() {
		if f.opt.Lazy && !f.loaded() {
			if res, ok, err := f.searchUnloaded(ctx, query, opt); ok {
				return res, err
			}
		}
		if err := f.load(); err != nil {
			return nil, err
		}
		f.indexAll()
	} else {
		// A caller hands the index a load's batches: what has loaded is
		// indexed now rather than when the load ends.
		f.run([]Job{f.ix.StopHolding()})
	}
	return f.ix.Answer(ctx, query, opt, f.say)
}

// indexAll hands every article to the index, in load order, unless a
// caller handed it batches, and runs its Jobs.
func (f *files) indexAll() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ix.isFed() {
		return
	}
	// A skip would go unreported by a search from the snapshot alone, and
	// a list changed since the load is not the store's state.
	if len(f.c.Skipped) == 0 && !f.changed {
		f.ix.setStamp(snapshotStamp(f.c.StoreState, f.src, f.opt.Options))
	}
	f.ix.own()
	f.run(f.ix.LoadBatch(f.inLoadOrder, f.c.Fresh, true))
}

// run runs the index's Jobs in turn (Index.Run).
func (f *files) run(jobs []Job) error { return f.ix.Run(jobs, f.say) }

// markBad reports a damaged snapshot and keeps Search from opening it.
func (f *files) markBad(err error) {
	if search.SnapshotUnreadable(err) {
		f.notice("the search index snapshot was unreadable (%v) and will be rebuilt", err)
		f.ix.distrust()
	}
}

func (f *files) snapshotPath() string { return search.SnapshotPath(f.opt.CacheDir, f.src) }

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

package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// searchSnapshot answers a search from the corpus's index snapshot alone,
// without loading the corpus, when the snapshot's freshness record says
// that no file changed since it was written: the query reads its own
// postings, and the articles of the results shown are read from the store
// of parsed files (a file is read again where it does not hold it as it is
// now; a damaged store makes the search load the corpus, which reports and
// rebuilds it). It
// returns nil results and no error when it cannot answer (no snapshot, or
// one that is out of date, damaged or of other articles), and the search
// then loads the corpus as any command does. A damaged snapshot is
// reported, and rebuilt by that search.
func (r *runner) searchSnapshot(query string, opt search.Options, paths []string) (*search.Results, error) {
	lopt := r.loadOptions()
	src := r.source(paths)
	path := search.SnapshotPath(lopt.CacheDir, src)
	if path == "" {
		return nil, nil
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
				arts = loadFile(d.Path, lopt.MaxFileSize)
			}
			files[d.Path] = arts
		}
		// The file alone gives its articles IDs of their own (its name
		// within its folder, not from the corpus root): the article is
		// the one that is the same but for its ID.
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
		r.reportSnapshot(err)
		return nil, nil
	}
	if !search.StillFresh(ix.SnapshotExtra(), src.Paths, lopt.MaxFileSize) {
		return nil, nil
	}
	res, err := ix.Search(context.Background(), query, opt)
	var qe *search.QueryError
	if err != nil && !errors.As(err, &qe) {
		r.reportSnapshot(err)
		return nil, nil
	}
	return res, err
}

// reportSnapshot tells the user about a damaged snapshot (a missing or
// stale one is no news).
func (r *runner) reportSnapshot(err error) {
	if search.SnapshotUnreadable(err) {
		fmt.Fprintf(r.Stderr, "parallax: the search index snapshot was unreadable (%v) and is rebuilt\n", err)
	}
}

// loadFile loads the articles of one file as the corpus loader does, or
// none.
func loadFile(path string, maxFileSize int64) []*corpus.Article {
	var arts []*corpus.Article
	corpus.Stream(context.Background(), corpus.Source{Paths: []string{path}}, corpus.Options{MaxFileSize: maxFileSize}, func(b corpus.Batch) {
		arts = append(arts, b.Articles...)
	})
	return arts
}

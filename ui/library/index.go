package library

import (
	"os"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// Index is the search index of the loaded articles and its lifecycle:
// batches are added in the background while the corpus loads, and the
// index of a corpus opened before is read back from its snapshot instead
// of being built again (most of the CPU of a large warm start).
//
// A snapshot applies only to the same articles, and the loader says
// whether every file so far came unchanged from the store of parsed files:
// while that holds, the arriving articles are kept back from the index
// and, when the load ends, the snapshot is read for them. The first file
// read afresh ends the wait and indexing goes on as usual; an index built
// in full is written as the next snapshot.
//
// Index is plain state: the work it asks for comes back as Jobs, which the
// caller runs off its update loop and whose results (Indexed,
// SnapshotRead, SnapshotWritten) it hands back.
type Index struct {
	ix *search.Index
	// gone are articles that left the corpus (--watch): the index only
	// grows, so their hits are dropped from results.
	gone    map[*corpus.Article]bool
	queued  int  // articles handed to the index
	indexed int  // articles the index has published
	loading bool // more articles are on their way
	// While one Add runs, the batches that arrive wait in pending and go
	// to the index together: a load of 100,000 articles arrives in a
	// hundred or more small batches, and each Add has costs of its own
	// (publishing, new words) besides its articles.
	pending []*corpus.Article
	adding  bool
	// The snapshot: where it is kept ("" for none), articles held back
	// while it may apply, whether the index came from it or was written
	// to it.
	snapshot            string
	holding             bool
	held                []*corpus.Article
	fromSnapshot, saved bool
}

// Job is work to run off the update loop; it returns one of the results
// below, to be handed back to the Index.
type Job func() any

// Results of Jobs.
type (
	// Indexed: N articles were added to the index and are searchable.
	Indexed struct{ N int }
	// SnapshotRead delivers a snapshot read for arts, or why it could not be.
	SnapshotRead struct {
		ix   *search.Index
		arts []*corpus.Article
		err  error
	}
	// SnapshotWritten says a snapshot was written (Err nil) or not.
	SnapshotWritten struct{ Err error }
)

// NewIndex is an empty index waiting for the first batch.
func NewIndex() *Index { return &Index{ix: search.New(), loading: true} }

// Search is the index to run queries on. It is safe to search while Jobs
// add to it.
func (x *Index) Search() *search.Index { return x.ix }

// Behind reports whether articles loaded are not searchable yet.
func (x *Index) Behind() bool { return x.loading || x.indexed < x.queued }

// Counts: articles handed to the index, and those searchable.
func (x *Index) Queued() int  { return x.queued }
func (x *Index) Indexed() int { return x.indexed }

// Adding reports whether an Add is running, and Pending how many articles
// wait for the next one.
func (x *Index) Adding() bool               { return x.adding }
func (x *Index) Pending() []*corpus.Article { return x.pending }

// FromSnapshot and Saved say where the index came from and whether it was
// written as the next snapshot.
func (x *Index) FromSnapshot() bool { return x.fromSnapshot }
func (x *Index) Saved() bool        { return x.saved }

// UseSnapshot sets where the snapshot is kept, and holds articles back
// from the index only if one exists.
func (x *Index) UseSnapshot(path string) {
	x.snapshot = path
	if path == "" {
		return
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		x.holding = true
	}
}

// LoadBatch takes a batch of the load: held back while a snapshot may
// apply (allCached: every file so far came from the cache), else indexed.
func (x *Index) LoadBatch(arts []*corpus.Article, done, allCached bool) []Job {
	x.loading = !done
	x.queued += len(arts)
	if !x.holding {
		return []Job{x.add(arts), x.saveIfComplete()}
	}
	x.held = append(x.held, arts...)
	if !allCached {
		// A file was read afresh: the snapshot cannot be of these articles.
		return []Job{x.StopHolding()}
	}
	if !done {
		return nil
	}
	x.holding = false
	held, path := x.held, x.snapshot
	x.held, x.adding = nil, true
	return []Job{func() any {
		ix, err := search.OpenSnapshot(path, held)
		return SnapshotRead{ix: ix, arts: held, err: err}
	}}
}

// add queues arts for the index; the Job is nil while an Add runs.
func (x *Index) add(arts []*corpus.Article) Job {
	if len(arts) == 0 {
		return nil
	}
	x.pending = append(x.pending, arts...)
	if x.adding {
		return nil
	}
	return x.addPending()
}

// addPending hands every waiting article to the index in one Add.
func (x *Index) addPending() Job {
	arts, ix := x.pending, x.ix
	x.pending, x.adding = nil, true
	return func() any {
		ix.Add(arts)
		return Indexed{len(arts)}
	}
}

// Added counts a finished Add as searchable and starts the next.
func (x *Index) Added(r Indexed) []Job {
	x.indexed += r.N
	x.adding = false
	var next Job
	if len(x.pending) > 0 {
		next = x.addPending()
	}
	return []Job{next, x.saveIfComplete()}
}

// StopHolding gives up waiting for the snapshot and indexes the articles
// held so far (and those still to come) as they arrive: a file was read
// afresh, or the reader opened the search before the load ended and wants
// what has loaded so far to be searchable now.
func (x *Index) StopHolding() Job {
	if !x.holding {
		return nil
	}
	x.holding = false
	x.pending = append(x.pending, x.held...)
	x.held = nil
	if x.adding || len(x.pending) == 0 {
		return nil
	}
	return x.addPending()
}

// Holding reports whether articles are held back for a snapshot.
func (x *Index) Holding() bool { return x.holding }

// SnapshotLoaded puts a snapshot's index in place, or indexes the articles
// it was read for when it did not apply. notice is what the reader should
// be told: a damaged snapshot (one of other articles is no news).
func (x *Index) SnapshotLoaded(r SnapshotRead) (jobs []Job, notice string) {
	x.adding = false
	if r.err != nil {
		if search.SnapshotUnreadable(r.err) {
			notice = "the search index snapshot was unreadable (" + r.err.Error() + ") and will be rebuilt"
		}
		x.pending = append(r.arts, x.pending...)
		return []Job{x.addPending()}, notice
	}
	x.ix, x.fromSnapshot = r.ix, true
	x.indexed += len(r.arts)
	if len(x.pending) > 0 { // --watch found changes meanwhile
		return []Job{x.addPending()}, ""
	}
	return nil, ""
}

// saveIfComplete writes the snapshot, once, when an index built here holds
// the whole corpus.
func (x *Index) saveIfComplete() Job {
	if x.snapshot == "" || x.fromSnapshot || x.saved || x.holding || x.Behind() || x.adding || len(x.pending) > 0 {
		return nil
	}
	x.saved = true
	ix, path := x.ix, x.snapshot
	return func() any { return SnapshotWritten{search.SaveSnapshot(ix, path)} }
}

// Forget drops articles that left the corpus from future results.
func (x *Index) Forget(arts []*corpus.Article) {
	if len(arts) == 0 {
		return
	}
	if x.gone == nil {
		x.gone = map[*corpus.Article]bool{}
	}
	for _, a := range arts {
		x.gone[a] = true
	}
}

// Gone reports whether a left the corpus.
func (x *Index) Gone(a *corpus.Article) bool { return x.gone[a] }

// WithoutGone removes hits on articles that left the corpus.
func (x *Index) WithoutGone(res *search.Results) *search.Results {
	if res == nil || len(x.gone) == 0 {
		return res
	}
	kept := res.Hits[:0:0]
	for _, h := range res.Hits {
		if !x.gone[h.Article] {
			kept = append(kept, h)
		}
	}
	out := *res
	out.Total -= len(res.Hits) - len(kept)
	out.Hits = kept
	return &out
}

// AddChanged indexes articles that arrived after the load (--watch).
func (x *Index) AddChanged(arts []*corpus.Article) Job {
	x.loading = false
	x.queued += len(arts)
	return x.add(arts)
}

// Err is why the snapshot could not be read, nil when it was.
func (r SnapshotRead) Err() error { return r.err }

// Loading reports whether more articles of the load are on their way.
func (x *Index) Loading() bool { return x.loading }

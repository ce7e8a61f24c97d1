package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// Index is a store's live search index and the one lifecycle of its
// snapshot, which the reader and the commands share: the batches of a
// load are indexed in the background when it ends, and the index of a
// corpus opened before is read back from its snapshot instead of being
// built again (most of the CPU of a large warm start).
//
// The arriving articles are kept back from the index until the load
// ends. While a snapshot exists, it is then read for them: the articles
// it was made of are used from it, and those it lacks (the loader names
// the articles of files read afresh) are indexed as a delta over it
// (search.OpenSnapshotUpdated); an index with a delta is written as the
// next snapshot by Save (the reader asks once its start has settled, the
// commands when the store closes), so that the next start has none to
// index. Should most of the corpus be read afresh, or no snapshot exist,
// the articles are indexed when the load ends, in parts of addPart; an
// index built in full is written as the next snapshot as soon as it is
// complete. Indexing while the load went on took half the cores from the
// parsers that the list waits for: a first start at 100,000 articles
// showed its whole list at 7.4-8.3 s rather than 4.0-5.0 s, and was
// searchable at about the same time either way. Something that wants to
// search before the load ends (the reader's search opened, Store.Search)
// asks for what has loaded to be indexed at once (StopHolding), and the
// rest is then indexed as it arrives.
//
// The work it asks for comes back as Jobs, which the caller runs off its
// update loop (the reader) or in turn (the store's own Search) and whose
// results (Indexed, SnapshotRead, SnapshotWritten) it hands back. Its
// methods are safe for concurrent use; the Jobs run without its lock.
type Index struct {
	mu sync.Mutex
	ix *search.Index
	// gone are articles that left the corpus (--watch): the index only
	// grows, so their hits are dropped from results.
	gone    map[*corpus.Article]bool
	queued  int  // articles handed to the index
	indexed int  // articles the index has published
	loading bool // more articles are on their way
	fed     bool // a batch was handed (by the store's Search or a caller)
	owned   bool // by the store's Search: the store applies its changes
	// listed are the articles handed, in order, less those forgotten:
	// what the caller lists, which the store groups (Store.Stories).
	listed []*corpus.Article
	// While one Add runs, the batches that arrive wait in pending and go
	// to the index together: a load of 100,000 articles arrives in a
	// hundred or more small batches, and each Add has costs of its own
	// (publishing, new words) besides its articles.
	pending []*corpus.Article
	adding  bool
	// The snapshot: where it is kept ("" for none), what it is stamped
	// with (see snapshotStamp); the load's articles held back until it
	// ends (and those of them read afresh); whether the index came from
	// the snapshot or was written to it.
	snapshot         string
	stamp            []byte
	holding, opening bool
	// snapshotApplies: a snapshot exists, and most of what loads is not
	// read afresh, so reading it saves indexing.
	snapshotApplies     bool
	held, fresh         []*corpus.Article
	fromSnapshot, saved bool
	// members are the articles handed to an index that came from the
	// snapshot, kept to build it again should a search find the snapshot
	// damaged (its postings are checked as they are read); gen tells the
	// Adds to that index from those to its rebuilt successor.
	members []*corpus.Article
	gen     int
	// freshLoaded counts the articles of the load that came from files
	// read afresh (LoadBatch's fresh): new or changed since they were
	// stored.
	freshLoaded int
}

// Job is work to run off the update loop; it returns one of the results
// below, to be handed back to the Index.
type Job func() any

// Results of Jobs.
type (
	// Indexed: N articles were added to the index and are searchable.
	Indexed struct {
		N   int
		gen int
	}
	// SnapshotRead delivers a snapshot read for arts, or why it could not be.
	SnapshotRead struct {
		ix   *search.Index
		arts []*corpus.Article
		err  error
	}
	// SnapshotWritten says a snapshot was written (Err nil) or not.
	SnapshotWritten struct{ Err error }
)

// NewIndex is an empty index waiting for the first batch, whose snapshot
// is kept at snapshot ("" for none). A store makes its own
// (Store.Index); tests make one of their own.
func NewIndex(snapshot string) *Index {
	x := &Index{ix: search.New(), loading: true, snapshot: snapshot, holding: true}
	if snapshot != "" {
		if st, err := os.Stat(snapshot); err == nil && st.Mode().IsRegular() {
			x.snapshotApplies = true
		}
	}
	return x
}

// Search is the index to run queries on. It is safe to search while Jobs
// add to it.
func (x *Index) Search() *search.Index {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.ix
}

// Behind reports whether articles loaded are not searchable yet.
func (x *Index) Behind() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.behind()
}

func (x *Index) behind() bool { return x.loading || x.indexed < x.queued }

// Counts: articles handed to the index, and those searchable.
func (x *Index) Queued() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.queued
}

func (x *Index) Indexed() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.indexed
}

// Adding reports whether an Add is running, and Pending how many articles
// wait for the next one.
func (x *Index) Adding() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.adding
}

func (x *Index) Pending() []*corpus.Article {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.pending
}

// FromSnapshot and Saved say where the index came from and whether it was
// written as the next snapshot.
func (x *Index) FromSnapshot() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.fromSnapshot
}

func (x *Index) Saved() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.saved
}

// holdFresh is how many articles read afresh give up the snapshot, when
// they are most of those held: it then covers little of the corpus, and
// the articles are indexed when the load ends.
const holdFresh = 5000

// addPart is the most articles one Add takes: the index built after a
// load grows in parts, each searchable when done (one Add of 100,000
// articles held 0.5 GB more at its peak).
const addPart = 8192

// LoadBatch takes a batch of the load: held back until the load ends
// (unless StopHolding was asked for), then indexed or matched to the
// snapshot. fresh are the batch's articles from files read afresh
// (corpus.Batch.Fresh).
func (x *Index) LoadBatch(arts, fresh []*corpus.Article, done bool) []Job {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.fed = true
	x.loading = !done
	x.queued += len(arts)
	x.freshLoaded += len(fresh)
	x.listed = append(x.listed, arts...)
	if !x.holding {
		return []Job{x.add(arts), x.saveIfComplete()}
	}
	x.held = append(x.held, arts...)
	if x.snapshotApplies { // what was read afresh matters only to it
		x.fresh = append(x.fresh, fresh...)
		if len(x.fresh) >= holdFresh && 2*len(x.fresh) > len(x.held) {
			x.snapshotApplies, x.fresh = false, nil
		}
	}
	if !done {
		return nil
	}
	if !x.snapshotApplies {
		return []Job{x.stopHolding()}
	}
	x.holding = false
	held, fresh, path := x.held, x.fresh, x.snapshot
	x.held, x.fresh, x.adding, x.opening = nil, nil, true, true
	return []Job{func() any {
		ix, err := search.OpenSnapshotUpdated(path, held, fresh)
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

// addPending hands the waiting articles to the index in one Add, up to
// addPart of them; Added starts the next.
func (x *Index) addPending() Job {
	n := min(len(x.pending), addPart)
	arts, ix, gen := x.pending[:n:n], x.ix, x.gen
	x.pending, x.adding = x.pending[n:], true
	if x.fromSnapshot {
		x.members = append(x.members, arts...)
	}
	return func() any {
		ix.Add(arts)
		return Indexed{N: len(arts), gen: gen}
	}
}

// Added counts a finished Add as searchable and starts the next. An Add
// to an index given up since (SearchFailed) counts for nothing.
func (x *Index) Added(r Indexed) []Job {
	x.mu.Lock()
	defer x.mu.Unlock()
	if r.gen == x.gen {
		x.indexed += r.N
	}
	x.adding = false
	var next Job
	if len(x.pending) > 0 {
		next = x.addPending()
	}
	return []Job{next, x.saveIfComplete()}
}

// StopHolding ends the hold: the articles held so far are indexed now
// (in parts), and those still to come as they arrive, without waiting for
// the load's end or for the snapshot. Something wants to search what has
// loaded so far: the reader's search opened before the load ended, or a
// Store.Search.
func (x *Index) StopHolding() Job {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.stopHolding()
}

func (x *Index) stopHolding() Job {
	if !x.holding {
		return nil
	}
	x.holding = false
	x.pending = append(x.pending, x.held...)
	x.held, x.fresh = nil, nil
	if x.adding || len(x.pending) == 0 {
		return nil
	}
	return x.addPending()
}

// Holding reports whether articles are held back until the load ends.
func (x *Index) Holding() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.holding
}

// OpeningSnapshot reports whether the snapshot is being read for the
// loaded articles (a SnapshotRead is on its way): the index is moments
// from complete, where building it takes seconds.
func (x *Index) OpeningSnapshot() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.opening
}

// SnapshotLoaded puts a snapshot's index in place, or indexes the articles
// it was read for when it did not apply. notice is what the reader should
// be told: a damaged snapshot (one of other articles is no news).
func (x *Index) SnapshotLoaded(r SnapshotRead) (jobs []Job, notice string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.adding, x.opening = false, false
	if r.err != nil {
		if search.SnapshotUnreadable(r.err) {
			notice = "the search index snapshot was unreadable (" + r.err.Error() + ") and will be rebuilt"
		}
		x.pending = append(r.arts, x.pending...)
		return []Job{x.addPending()}, notice
	}
	x.ix, x.fromSnapshot = r.ix, true
	x.members = slices.Clone(r.arts)
	x.indexed += len(r.arts)
	if len(x.pending) > 0 { // --watch found changes meanwhile
		return []Job{x.addPending()}, ""
	}
	return nil, ""
}

// SearchFailed takes the error of a search of ix. When ix came from the
// snapshot and the search found it damaged (a posting list or forward
// index read late, see search.ErrDamaged) or of other articles (a text
// that changed, found by its fingerprint when a search returned it), the
// index is built again from the articles and written as the next
// snapshot. notice is what to tell the reader, once, and only of damage;
// later failures of the same index do nothing.
func (x *Index) SearchFailed(ix *search.Index, err error) (jobs []Job, notice string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	damaged := errors.Is(err, search.ErrDamaged)
	if ix != x.ix || !x.fromSnapshot || !damaged && !errors.Is(err, search.ErrStale) {
		return nil, ""
	}
	x.gen++
	x.ix, x.fromSnapshot, x.saved = search.New(), false, false
	x.indexed = 0
	x.pending = append(x.members, x.pending...)
	x.members = nil
	if damaged {
		notice = "the search index snapshot was damaged (" + err.Error() + ") and will be rebuilt"
	}
	if x.adding {
		return nil, notice // the Add in flight starts the rebuild when it ends
	}
	return []Job{x.addPending()}, notice
}

// saveIfComplete writes the snapshot, once, when an index built here holds
// the whole corpus: a reader may run for long. The store's own (the
// commands') is written when the store closes, after the answer. x.mu is
// held.
func (x *Index) saveIfComplete() Job {
	if x.fromSnapshot || x.holding || x.owned {
		return nil
	}
	return x.save()
}

// Save writes the index as the next snapshot, once, when it is complete
// and differs from the one on disk: built here (by the store: one a
// caller fed was written when it was complete), opened from the snapshot
// and grown since (articles added or gone: the delta merged into the
// base, so that the next start indexes none of it), or stamped otherwise
// than the store now stamps it. The reader asks once its start has
// settled, not to slow it; the store on files when it closes. nil when
// there is nothing to write.
func (x *Index) Save() Job {
	x.mu.Lock()
	defer x.mu.Unlock()
	switch {
	case !x.fromSnapshot && !x.owned:
		return nil // written when it was complete (saveIfComplete)
	case x.fromSnapshot && !x.ix.Changed() && (x.stamp == nil || bytes.Equal(x.stamp, x.ix.SnapshotExtra())):
		return nil
	}
	return x.save()
}

// save is the Job writing the index as the next snapshot, once. x.mu is
// held.
func (x *Index) save() Job {
	if x.snapshot == "" || x.saved || x.behind() || x.adding || len(x.pending) > 0 {
		return nil
	}
	x.saved = true
	ix, path, stamp := x.ix, x.snapshot, x.stamp
	return func() any { return SnapshotWritten{search.SaveSnapshot(ix, path, stamp...)} }
}

// Forget drops articles that left the corpus from future results.
func (x *Index) Forget(arts []*corpus.Article) {
	if len(arts) == 0 {
		return
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.gone == nil {
		x.gone = map[*corpus.Article]bool{}
	}
	for _, a := range arts {
		x.gone[a] = true
	}
	kept := x.listed[:0]
	for _, a := range x.listed {
		if !x.gone[a] {
			kept = append(kept, a)
		}
	}
	clear(x.listed[len(kept):])
	x.listed = kept
}

// handed is a copy of the articles handed to the index, in order, less
// those forgotten, and how many of the load's came from files read
// afresh; ok is false when none was handed.
func (x *Index) handed() (arts []*corpus.Article, fresh int, ok bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return slices.Clone(x.listed), x.freshLoaded, x.fed
}

// Gone reports whether a left the corpus.
func (x *Index) Gone(a *corpus.Article) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.gone[a]
}

// WithoutGone removes hits on articles that left the corpus.
func (x *Index) WithoutGone(res *search.Results) *search.Results {
	x.mu.Lock()
	defer x.mu.Unlock()
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
	x.mu.Lock()
	defer x.mu.Unlock()
	x.loading = false
	x.queued += len(arts)
	x.listed = append(x.listed, arts...)
	return x.add(arts)
}

// Run runs Jobs in turn, handing each result back, until none is left:
// how a store that feeds its index itself drives it (its Search, its
// Changes, Close). notice is told what the user should know (a damaged
// snapshot, one that could not be saved); Run returns why a snapshot
// could not be written, if it was not.
func (x *Index) Run(jobs []Job, notice func(string)) error {
	var saveErr error
	for len(jobs) > 0 {
		j := jobs[0]
		jobs = jobs[1:]
		if j == nil {
			continue
		}
		switch r := j().(type) {
		case Indexed:
			jobs = append(jobs, x.Added(r)...)
		case SnapshotRead:
			next, said := x.SnapshotLoaded(r)
			if said != "" {
				notice(said)
			}
			jobs = append(jobs, next...)
		case SnapshotWritten:
			if r.Err != nil {
				notice("the search index snapshot could not be saved: " + r.Err.Error())
				saveErr = r.Err
			}
		}
	}
	return saveErr
}

// Answer runs a query over what the index holds now, articles gone left
// out: a store's Search once the index is fed. A snapshot the search
// finds damaged or of other texts is built again first (SearchFailed, its
// Jobs run in turn) and the query asked again.
func (x *Index) Answer(ctx context.Context, query string, opt search.Options, notice func(string)) (*search.Results, error) {
	ix := x.Search()
	res, err := ix.Search(ctx, query, opt)
	if err == nil {
		return x.WithoutGone(res), nil
	}
	jobs, said := x.SearchFailed(ix, err)
	if said != "" {
		notice(said)
	}
	x.Run(jobs, notice)
	if x.Search() == ix {
		return res, err
	}
	res, err = x.Search().Search(ctx, query, opt)
	return x.WithoutGone(res), err
}

// isFed reports whether a batch was handed to the index.
func (x *Index) isFed() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.fed
}

// own marks the index as fed by its store (not by a caller), which
// applies its changes to it.
func (x *Index) own() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.owned = true
}

// isOwn reports whether the store feeds the index.
func (x *Index) isOwn() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.owned
}

// setStamp sets what a snapshot written from the index is stamped with.
func (x *Index) setStamp(stamp []byte) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.stamp = stamp
}

// distrust keeps a snapshot found damaged from being read: the articles
// are indexed as they come.
func (x *Index) distrust() {
	x.mu.Lock()
	defer x.mu.Unlock()
	if !x.fed {
		x.holding = false
	}
}

// Err is why the snapshot could not be read, nil when it was.
func (r SnapshotRead) Err() error { return r.err }

// Loading reports whether more articles of the load are on their way.
func (x *Index) Loading() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.loading
}

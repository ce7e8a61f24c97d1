// Package store is how the reader and the commands reach a corpus: they
// open it, list it, read one article whole, search it, group it into
// stories and follow its changes through the Store interface, so that a
// store kept elsewhere (a database server) can be added beside the one on
// files without touching them.
//
// The store on files (Open) loads through corpus.Stream, whose parsed
// files live in segment files that are mapped, not read, and checked
// against the files' sizes and modification times (corpus/store*.go); with
// corpus.Options.ListOnly, listing decodes only the fields a list shows,
// and an article's text is decoded when Read asks for it. Its search index
// (Index, index.go) is read back from the snapshot kept in the cache and
// grows as the corpus loads and changes; its stories are the grouping
// kept there (compare.LoadOrGroupStories); its list follows its own
// Changes (changes.go).
package store

import (
	"context"
	"errors"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// Store is an open corpus.
type Store interface {
	// List is the corpus in the default order, with the files that were
	// skipped. Its articles may come without their text; Read gives it.
	List() *corpus.Corpus
	// Read returns the listed article with the given ID, text included.
	Read(id string) (*corpus.Article, error)
	// Search runs a query (search.ParseQuery's syntax) over every article
	// searchable: while the corpus loads, over those indexed so far.
	Search(ctx context.Context, query string, opt search.Options) (*search.Results, error)
	// Index is the live search index Search answers from, for a caller
	// that hands it the batches as they load and runs its Jobs off its
	// own loop (the reader), and tells how far indexing is.
	Index() *Index
	// Stories groups every article listed into stories: the grouping
	// kept for them read back when none changed since it was kept, joined
	// by the articles new since, else grouped afresh, and kept for the
	// next open (see StoryOptions). The articles are those the store
	// loaded, or those a caller handed its Index (the reader's list).
	Stories(ctx context.Context, opt StoryOptions) (*compare.Stories, error)
	// KeepsStories reports whether the store keeps a grouping between
	// opens: whether Stories with StoredOnly may answer.
	KeepsStories() bool
	// Changes reports files added, changed or removed under the corpus's
	// folders until ctx ends (see watch.Paths), once they are in the
	// store's list.
	Changes(ctx context.Context, emit func([]watch.Change)) error
	// Check reports, once, the files that changed since the store listed
	// them on its own word unchecked (a batch Trusted), once they are in
	// its list: a caller that took such a list asks when it can spare the
	// cores.
	Check(ctx context.Context) ([]watch.Change, error)
	// Close keeps what the store learnt for the next open (an index it
	// built or grew) and releases it.
	Close() error
}

// Options say how a store on files is opened.
type Options struct {
	corpus.Options
	// Progress, if set, is handed each batch as the corpus loads (see
	// corpus.Stream); it is never called concurrently.
	Progress func(corpus.Batch)
	// Notice, if set, is told what the user should know of that no call
	// returns: an index snapshot found damaged and rebuilt, or one that
	// could not be saved.
	Notice func(string)
	// Opened, if set, is handed the store before the load starts (from
	// the goroutine that calls Open): a caller that takes the batches
	// (Progress) reaches the store's Index with it while the corpus loads.
	Opened func(Store)
	// Lazy opens without loading: the corpus is loaded when first needed,
	// and a search is answered from the index snapshot alone when no
	// folder changed since the snapshot was made (see Search).
	Lazy bool
}

// StoryOptions say how Stories groups.
type StoryOptions struct {
	compare.StoryOptions
	// StoredOnly asks for the grouping kept for the articles and nothing
	// else: read back from their heads, without any text (a warm start
	// shows its stories without reading one); ErrNotStored when an
	// article changed since it was kept, or none is kept.
	StoredOnly bool
	// SaveLater, if set, is handed the keeping of a grouping made afresh
	// or joined (a file written), to run when the caller chooses, beside
	// the stories' use (the reader: once they are shown); unset, Stories
	// keeps it before it returns.
	SaveLater func(save func())
}

// ErrNotStored is Stories' error, with StoredOnly, when no grouping is
// kept for the articles.
var ErrNotStored = errors.New("no grouping kept for these articles")

// ErrNoArticle is Read's error for an ID the list does not hold.
var ErrNoArticle = errors.New("no such article")

// Open opens the corpus src on files. Unless opt.Lazy, it loads it now,
// handing each batch to opt.Progress; it then fails only when ctx is
// cancelled. Unreadable files are in List().Skipped.
func Open(ctx context.Context, src corpus.Source, opt Options) (Store, error) {
	f := &files{ctx: ctx, src: src, opt: opt}
	f.ix = NewIndex(f.snapshotPath())
	if opt.Opened != nil {
		opt.Opened(f)
	}
	if opt.Lazy {
		return f, nil
	}
	if err := f.load(); err != nil {
		return nil, err
	}
	return f, nil
}

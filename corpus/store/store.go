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
// and an article's text is decoded when Read asks for it.
package store

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"

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
	// Search runs a query (search.ParseQuery's syntax) over every article.
	Search(ctx context.Context, query string, opt search.Options) (*search.Results, error)
	// Stories groups every article into stories.
	Stories(ctx context.Context, opt compare.StoryOptions) (*compare.Stories, error)
	// Changes reports files added, changed or removed under the corpus's
	// folders until ctx ends (see watch.Paths).
	Changes(ctx context.Context, emit func([]watch.Change)) error
	// Close releases the store.
	Close() error
}

// ErrNoArticle is Read's error for an ID the list does not hold.
var ErrNoArticle = errors.New("no such article")

// Open opens the corpus src on files, handing each batch to progress (if
// not nil) as it loads, as corpus.Stream does. It fails only when ctx is
// cancelled; unreadable files are in List().Skipped.
func Open(ctx context.Context, src corpus.Source, opt corpus.Options, progress func(corpus.Batch)) (Store, error) {
	c := &corpus.Corpus{}
	corpus.Stream(ctx, src, opt, func(b corpus.Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Fresh = append(c.Fresh, b.Fresh...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		c.StoreState = b.StoreState
		if progress != nil {
			progress(b)
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &files{src: src, opt: opt, c: c}, nil
}

// files is the store on files.
type files struct {
	src corpus.Source
	opt corpus.Options
	c   *corpus.Corpus
	// sorted puts c in the default order when it is first asked for: a
	// caller that takes the batches (the reader) never pays for it.
	sorted sync.Once

	mu             sync.Mutex // guards byID, and ix once made
	byID           map[string]*corpus.Article
	ix             *search.Index
	ixOnce         sync.Once
	snapshotFailed error // why the index was built again, once
}

func (f *files) List() *corpus.Corpus {
	f.sorted.Do(func() {
		f.c.Sort()
		sort.SliceStable(f.c.Skipped, func(i, j int) bool { return f.c.Skipped[i].Path < f.c.Skipped[j].Path })
	})
	return f.c
}

func (f *files) Read(id string) (*corpus.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byID == nil {
		f.byID = make(map[string]*corpus.Article, len(f.List().Articles))
		for _, a := range f.List().Articles {
			f.byID[a.ID] = a
		}
	}
	a := f.byID[id]
	if a == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoArticle, id)
	}
	if err := a.LoadText(); err != nil {
		return nil, err
	}
	return a, nil
}

// Search uses the corpus's index snapshot, with the articles it lacks
// indexed as a delta over it (search.OpenSnapshotUpdated, as the reader
// does), else indexes every article; either way once. The index is not
// written back: the reader keeps the snapshot.
func (f *files) Search(ctx context.Context, query string, opt search.Options) (*search.Results, error) {
	f.ixOnce.Do(func() {
		arts := f.List().Articles
		if f.opt.CacheDir != "" {
			if ix, err := search.OpenSnapshotUpdated(search.SnapshotPath(f.opt.CacheDir, f.src), arts, f.c.Fresh); err == nil {
				f.ix = ix
				return
			}
		}
		f.ix = search.New()
		f.ix.Add(arts)
	})
	f.mu.Lock()
	ix := f.ix
	f.mu.Unlock()
	res, err := ix.Search(ctx, query, opt)
	if errors.Is(err, search.ErrStale) || errors.Is(err, search.ErrDamaged) {
		// The snapshot's text of an article was not the article's (or
		// its file was damaged): index every article afresh, once.
		f.mu.Lock()
		if f.snapshotFailed == nil {
			f.snapshotFailed = err
			f.ix = search.New()
			f.ix.Add(f.List().Articles)
		}
		ix = f.ix
		f.mu.Unlock()
		return ix.Search(ctx, query, opt)
	}
	return res, err
}

// Stories is the grouping stored for the corpus when it still holds its
// articles, joined by the new ones, else grouped afresh and stored
// (compare.LoadOrGroupStories, as the reader does).
func (f *files) Stories(ctx context.Context, opt compare.StoryOptions) (*compare.Stories, error) {
	st, _, err := compare.LoadOrGroupStories(ctx, compare.StoriesPath(f.opt.CacheDir, f.src), f.List().Articles, opt)
	return st, err
}

func (f *files) Changes(ctx context.Context, emit func([]watch.Change)) error {
	if len(f.src.Paths) == 0 {
		return errors.New("only files and folders can be followed")
	}
	return watch.Paths(ctx, f.src.Paths, f.opt, emit)
}

// Close does nothing: the segments' mappings go with the process, since
// the articles listed point into them.
func (f *files) Close() error { return nil }

package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// files is the store on files.
type files struct {
	ctx context.Context // of Open: a lazy store loads under it
	src corpus.Source
	opt Options

	loadOnce sync.Once
	loadErr  error
	done     atomic.Bool // the load ran
	c        *corpus.Corpus
	// inLoadOrder are c's articles in the order they loaded, which List's
	// sort changes: the order the reader indexes and groups them in, so
	// that an index snapshot written here pairs with the reader's articles
	// place by place (search.OpenSnapshotUpdated), and the reader's with
	// these, and a grouping made here is the one the reader would make.
	inLoadOrder []*corpus.Article
	mu          sync.Mutex // guards what follows, c and inLoadOrder once loaded, and feeding the index
	// sorted: c is in the default order, which List puts it in when it is
	// first asked for: a caller that takes the batches (the reader) never
	// pays for it.
	sorted bool
	// changed: the store's Changes changed the list since the load.
	changed bool
	byID    map[string]*corpus.Article
	ix      *Index
	// saved waits for the store of parsed files to be saved, when the
	// load hands its last batch over first (Options.SaveAfter).
	saved func() error
}

// load reads the corpus, once.
func (f *files) load() error {
	f.loadOnce.Do(func() {
		c := &corpus.Corpus{}
		corpus.Stream(f.ctx, f.src, f.opt.Options, func(b corpus.Batch) {
			c.Articles = append(c.Articles, b.Articles...)
			c.Fresh = append(c.Fresh, b.Fresh...)
			c.Skipped = append(c.Skipped, b.Skipped...)
			c.StoreState = b.StoreState
			c.Listing, c.Stamp = cmp.Or(b.Listing, c.Listing), cmp.Or(b.Stamp, c.Stamp)
			if b.Saved != nil {
				f.saved = b.Saved
			}
			if f.opt.Progress != nil {
				f.opt.Progress(b)
			}
		})
		f.c, f.inLoadOrder, f.loadErr = c, slices.Clone(c.Articles), f.ctx.Err()
		f.done.Store(true)
	})
	return f.loadErr
}

// loaded reports whether the corpus was loaded.
func (f *files) loaded() bool { return f.done.Load() }

// List loads the corpus first if the store was opened lazily; a load cut
// short by Open's context lists what was read.
func (f *files) List() *corpus.Corpus {
	_ = f.load()
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.sorted {
		f.c.Sort()
		sort.SliceStable(f.c.Skipped, func(i, j int) bool { return f.c.Skipped[i].Path < f.c.Skipped[j].Path })
		f.sorted = true
	}
	return f.c
}

func (f *files) Read(id string) (*corpus.Article, error) {
	arts := f.List().Articles
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.byID == nil {
		f.byID = make(map[string]*corpus.Article, len(arts))
		for _, a := range arts {
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

// Stories is the grouping stored for the corpus when it still holds its
// articles, joined by the new ones, else grouped afresh and stored
// (compare.LoadOrGroupStories); with StoredOnly, the stored one alone
// (compare.ReadStories). The articles are grouped in load order, the
// reader's: what a caller handed the index, else what the store loaded.
func (f *files) Stories(ctx context.Context, opt StoryOptions) (*compare.Stories, error) {
	arts, fresh, ok := f.ix.handed()
	if !ok {
		if err := f.load(); err != nil {
			return nil, err
		}
		f.mu.Lock()
		arts, fresh = f.inLoadOrder, len(f.c.Fresh) // never changed in place (see apply)
		f.mu.Unlock()
	}
	path := f.storiesPath()
	if opt.StoredOnly {
		if path == "" {
			return nil, ErrNotStored
		}
		if storedCannotHold(fresh, len(arts)) {
			return nil, fmt.Errorf("%w: %d articles from files read afresh", ErrNotStored, fresh)
		}
		st, err := compare.ReadStories(path, arts, opt.StoryOptions)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotStored, err)
		}
		return st, nil
	}
	st, _, save, err := compare.LoadOrGroupStoriesToSave(ctx, path, arts, opt.StoryOptions)
	if save != nil {
		if opt.SaveLater != nil {
			opt.SaveLater(save)
		} else {
			save()
		}
	}
	return st, err
}

// storedCannotHold reports whether a stored grouping cannot hold n
// articles as they stand, fresh of them from files read afresh (new or
// changed since they were stored): some are, yet fewer than half. When
// most are, the store of parsed files itself may have been made again
// beside a grouping that still holds them. Reading the grouping only to
// find it does not took a fifth of a second at 100,000 articles, before
// the grouping that joins the new ones read it again.
func storedCannotHold(fresh, n int) bool { return fresh > 0 && 2*fresh < n }

func (f *files) KeepsStories() bool { return f.storiesPath() != "" }

func (f *files) storiesPath() string { return compare.StoriesPath(f.opt.CacheDir, f.src) }

// Changes applies what it reports to the store's list, and to its index
// when the store feeds it (see apply), before it is emitted.
func (f *files) Changes(ctx context.Context, emit func([]watch.Change)) error {
	if len(f.src.Paths) == 0 {
		return errors.New("only files and folders can be followed")
	}
	return watch.Paths(ctx, f.src.Paths, f.opt.Options, func(cs []watch.Change) {
		f.apply(cs)
		emit(cs)
	})
}

// Index is the store's live search index (see Index and Search).
func (f *files) Index() *Index { return f.ix }

// Close saves the search index as the next snapshot when it grew since it
// was read from it (see Index.Save; one built afresh was saved when it was
// complete); the segments' mappings go with the process, since the
// articles listed point into them.
func (f *files) Close() error {
	var saveErr error
	if f.loaded() && f.saved != nil {
		saveErr = f.saved()
	}
	return errors.Join(saveErr, f.run([]Job{f.ix.Save()}))
}

// say tells the user through Options.Notice.
func (f *files) say(notice string) { f.notice("%s", notice) }

// notice tells the user through Options.Notice.
func (f *files) notice(format string, args ...any) {
	if f.opt.Notice != nil {
		f.opt.Notice(fmt.Sprintf(format, args...))
	}
}

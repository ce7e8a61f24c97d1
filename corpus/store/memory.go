package store

import (
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// memory is a store of articles held in memory: the second
// implementation of Store, with the shape a store kept elsewhere (a
// database server) takes. Its list comes in one batch, its index and its
// grouping are its own, and it keeps nothing between opens: no snapshot,
// no stored grouping.
type memory struct {
	arts   []*corpus.Article // as given: the load order
	ix     *Index
	notice func(string)

	mu   sync.Mutex // guards byID, and feeding the index
	byID map[string]*corpus.Article
}

// OpenMemory opens a store of arts, handing them to opt.Progress as one
// finished batch (after opt.Opened). The other options do not apply.
func OpenMemory(ctx context.Context, arts []*corpus.Article, opt Options) (Store, error) {
	m := &memory{arts: slices.Clone(arts), ix: NewIndex(""), notice: opt.Notice}
	if m.notice == nil {
		m.notice = func(string) {}
	}
	if opt.Opened != nil {
		opt.Opened(m)
	}
	if opt.Progress != nil && !opt.Lazy {
		n := len(m.arts)
		opt.Progress(corpus.Batch{Articles: slices.Clone(m.arts), Fresh: slices.Clone(m.arts), Read: n, Total: n, Done: true})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func (m *memory) List() *corpus.Corpus {
	c := &corpus.Corpus{Articles: slices.Clone(m.arts)}
	c.Sort()
	return c
}

func (m *memory) Read(id string) (*corpus.Article, error) {
	m.mu.Lock()
	if m.byID == nil {
		m.byID = make(map[string]*corpus.Article, len(m.arts))
		for _, a := range m.arts {
			m.byID[a.ID] = a
		}
	}
	a := m.byID[id]
	m.mu.Unlock()
	if a == nil {
		return nil, fmt.Errorf("%w: %s", ErrNoArticle, id)
	}
	return a, a.LoadText()
}

// Search indexes every article the first time, unless a caller hands the
// index its batches (then it answers over what is searchable so far).
func (m *memory) Search(ctx context.Context, query string, opt search.Options) (*search.Results, error) {
	m.mu.Lock()
	if !m.ix.isFed() {
		m.ix.own()
		m.ix.Run(m.ix.LoadBatch(m.arts, nil, true), m.notice)
	}
	m.mu.Unlock()
	return m.ix.Answer(ctx, query, opt, m.notice)
}

func (m *memory) Index() *Index { return m.ix }

// Stories groups afresh what the index was handed, else every article:
// nothing is kept.
func (m *memory) Stories(ctx context.Context, opt StoryOptions) (*compare.Stories, error) {
	if opt.StoredOnly {
		return nil, ErrNotStored
	}
	arts, _, ok := m.ix.handed()
	if !ok {
		arts = m.arts
	}
	st, _, err := compare.LoadOrGroupStories(ctx, "", arts, opt.StoryOptions)
	return st, err
}

func (m *memory) KeepsStories() bool { return false }

// Changes reports nothing: nothing changes a store in memory.
func (m *memory) Changes(ctx context.Context, emit func([]watch.Change)) error { return nil }

// Check reports nothing: its list was never served unchecked.
func (m *memory) Check(ctx context.Context) ([]watch.Change, error) { return nil, nil }

func (m *memory) Close() error { return nil }

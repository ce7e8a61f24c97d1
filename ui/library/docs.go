package library

import (
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// DocCache keeps prepared articles (compare.Prepare): preparing is about half the cost of a
// comparison, and the same article is compared again and again. It is used
// from commands, so it locks; a Doc is read-only once made.
type DocCache struct {
	mu    sync.Mutex
	max   int
	m     map[*corpus.Article]*compare.Doc
	order []*corpus.Article
}

func NewDocCache(max int) *DocCache {
	return &DocCache{max: max, m: map[*corpus.Article]*compare.Doc{}}
}

// Get returns the prepared a, preparing it (outside the lock) if needed.
func (c *DocCache) Get(a *corpus.Article) *compare.Doc {
	c.mu.Lock()
	d := c.m[a]
	c.mu.Unlock()
	if d != nil {
		return d
	}
	_ = a.LoadText() // one listed without its text; a failure leaves it empty
	d = compare.Prepare(a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if old := c.m[a]; old != nil {
		return old
	}
	if len(c.order) >= c.max {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[a] = d
	c.order = append(c.order, a)
	return d
}

func (c *DocCache) All(as []*corpus.Article) []*compare.Doc {
	out := make([]*compare.Doc, len(as))
	for i, a := range as {
		out[i] = c.Get(a)
	}
	return out
}

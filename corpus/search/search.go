package search

import (
	"context"
	"encoding/binary"
	"slices"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
)

// BM25 parameters; titleBoost weighs a title match against a body match.
const (
	k1         = 1.2
	bm25b      = 0.75
	titleBoost = 2.5
)

// DefaultLimit is the number of results when Options.Limit is 0.
const DefaultLimit = 20

// Options tune a search. The zero value is ready to use.
type Options struct {
	Limit int // results to return; 0 means DefaultLimit, <0 means all
	// Typing makes the last word of the query match as a prefix.
	Typing bool
	// SnippetBytes is the snippet length; 0 means 160.
	SnippetBytes int
}

// Results is the answer to one query.
type Results struct {
	Query     *Query
	Total     int        // articles that match
	Searched  int        // articles in the index when the search ran
	Hits      []Result   // the best Limit matches, best first
	Spellings []Spelling // words matched through other spellings
}

// Result is one matching article.
type Result struct {
	Article *corpus.Article
	Score   float64
	// Hits counts the matches in the title and body.
	Hits int
	// Snippet is a piece of the body around the best hits; Highlights are
	// byte spans of matched words in it.
	Snippet    string
	Highlights []Span
	// Positions locate every hit in the body, for scrolling and
	// highlighting the article; TitleSpans the hits in the title.
	Positions  []Pos
	TitleSpans []Span
}

// Span is a byte range [Start, End) of a string.
type Span struct{ Start, End int }

// Pos is a hit in an article body: bytes [Start, End) of Blocks[Block].Text.
type Pos struct{ Block, Start, End int }

// compiled is a query resolved against the index vocabulary.
type compiled struct {
	q         *Query
	clauses   []cclause
	excludes  []cclause
	spellings []Spelling
	// Scratch for highlighting; a compiled query is used by one goroutine.
	toks     []tokFlags
	flagBuf  []uint64
	blockBuf []int
	flags    []uint64 // by term ID, see prepareFlags
	flagArr  *[]uint64
	flagged  []uint32 // IDs whose flags are set
}

type cclause struct {
	Clause
	words []wordMatch
}

// compile resolves the query's words. Caller holds ix.mu (read).
func (ix *Index) compile(q *Query) *compiled {
	cq := &compiled{q: q}
	do := func(cs []Clause, negative bool) []cclause {
		var out []cclause
		for _, c := range cs {
			cc := cclause{Clause: c}
			for i, w := range c.Words {
				prefix := c.Prefix && i == len(c.Words)-1 && !negative
				m, sp := ix.expand(w, c.Exact || negative, prefix)
				if sp != nil {
					cq.spellings = append(cq.spellings, *sp)
				}
				cc.words = append(cc.words, m)
			}
			out = append(out, cc)
		}
		return out
	}
	cq.clauses = do(q.Clauses, false)
	cq.excludes = do(q.Excludes, true)
	return cq
}

// scratch is per-search working memory, reused through a pool. The
// per-document arrays are all zero between searches.
type scratch struct {
	stage []uint8   // survivors of pruning
	score []float32 // partial BM25 scores
	best  []float32 // the typed word's best contribution so far
	pos   []int32   // place in the top heap
	match docSet
	tmp   docSet
	cand  []uint32 // documents with a partial score
	surv  []uint32
	// scored counts the documents the last search scored exactly: the
	// matches that MaxScore's pruning left (every match when all are
	// asked for), which is what pruning saves.
	scored int
	heap   []uint32
	toks   []uint32
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// Search runs a query string. It returns a *QueryError for an invalid
// query. It is safe to call while batches are being added; ctx lets a UI
// abandon a search that a newer keystroke made stale.
func (ix *Index) Search(ctx context.Context, query string, opt Options) (*Results, error) {
	q, err := ParseQuery(query, opt.Typing)
	if err != nil {
		return nil, err
	}
	return ix.SearchQuery(ctx, q, opt)
}

// SearchQuery runs a parsed query (see Search).
func (ix *Index) SearchQuery(ctx context.Context, q *Query, opt Options) (*Results, error) {
	limit := opt.Limit
	if limit == 0 {
		limit = DefaultLimit
	}
	res := &Results{Query: q}
	if q.Empty() {
		return res, nil
	}
	ix.mu.RLock()
	cq := ix.compile(q)
	res.Spellings = cq.spellings
	res.Searched = ix.live()
	top, total, err := ix.run(ctx, cq, limit)
	docs := make([]*corpus.Article, len(top))
	hits := make([][]hit, len(top))
	for i := 0; i < len(top) && err == nil; i++ {
		if docs[i], err = ix.article(top[i].doc); err == nil {
			hits[i] = ix.bodyHits(cq, top[i].doc)
		}
	}
	cq.releaseFlags()
	ix.mu.RUnlock()
	if err == nil {
		err = ix.damage()
	}
	if err != nil {
		return nil, err
	}
	res.Total = total
	// Byte offsets and snippets need only the articles: no lock. The
	// articles shown load their text (and keep it: they are the ones a
	// reader opens next); the index read it without keeping it.
	for i, t := range top {
		_ = docs[i].LoadText()
		r := Result{Article: docs[i], Score: float64(t.score)}
		r.Positions, r.TitleSpans, r.Snippet, r.Highlights = cq.highlight(docs[i], locate(docs[i], hits[i]), opt.SnippetBytes)
		r.Hits = len(r.Positions) + len(r.TitleSpans)
		res.Hits = append(res.Hits, r)
	}
	return res, nil
}

type scored struct {
	doc   uint32
	score float32
}

// run finds the matches and returns the best limit of them and their
// number (see score.go). Caller holds ix.mu (read).
func (ix *Index) run(ctx context.Context, cq *compiled, limit int) ([]scored, int, error) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return ix.runWith(ctx, cq, limit, sc)
}

// runWith is run with the scratch given.
func (ix *Index) runWith(ctx context.Context, cq *compiled, limit int, sc *scratch) ([]scored, int, error) {
	n := ix.ndocs()
	sc.scored = 0
	if n == 0 {
		return nil, 0, nil
	}
	if cap(sc.stage) < n {
		c := n + n/4
		sc.stage = make([]uint8, n, c)
		sc.score = make([]float32, n, c)
		sc.best = make([]float32, n, c)
		sc.pos = make([]int32, n, c)
		sc.match = make(docSet, (c+63)/64)
		sc.tmp = make(docSet, (c+63)/64)
	}
	words := (n + 63) / 64
	m, tmp := sc.match[:words], sc.tmp[:words]
	lists, qwords, p := ix.plan(cq)
	if err := ix.match(ctx, cq, lists, qwords, m, tmp, sc); err != nil {
		return nil, 0, err
	}
	total := m.count()
	if total == 0 {
		return nil, 0, nil
	}
	top, err := ix.top(ctx, lists, &p, m, limit, sc)
	return top, total, err
}

// better orders results: higher score, then newer, then corpus order.
func (ix *Index) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	pa, ia := ix.rankKey(a.doc)
	pb, ib := ix.rankKey(b.doc)
	if !pa.Equal(pb) {
		return pa.After(pb)
	}
	// By ID, not by document number: the numbering depends on the order
	// articles reached the index (loading order, or a snapshot's).
	if ia != ib {
		return ia < ib
	}
	return a.doc < b.doc
}

// pushTop keeps the best limit results, sorted best first.
func (ix *Index) pushTop(top []scored, s scored, limit int) []scored {
	if limit > 0 && len(top) == limit && !ix.better(s, top[len(top)-1]) {
		return top
	}
	i, _ := slices.BinarySearchFunc(top, s, func(e, t scored) int {
		if ix.better(e, t) {
			return -1
		}
		return 1
	})
	top = slices.Insert(top, i, s)
	if limit > 0 && len(top) > limit {
		top = top[:limit]
	}
	return top
}

// hasPhrase checks a multi-word clause in the document's title or body.
func (ix *Index) hasPhrase(d uint32, c *cclause, sc *scratch) bool {
	if phraseInTokens(titleWords(ix.title(d)), c.words) {
		return true
	}
	if c.Title {
		return false
	}
	toks := sc.toks[:0]
	buf := ix.fwdOf(d)
	for len(buf) > 0 {
		v, n := binary.Uvarint(buf)
		if n <= 0 {
			break
		}
		buf = buf[n:]
		if v >= uint64(ix.nterms()) {
			ix.setDamaged(errDamaged("forward index of document %d", d))
			break
		}
		toks = append(toks, uint32(v))
	}
	sc.toks = toks
	ws := c.words
	for i := 0; i+len(ws) <= len(toks); i++ {
		j := 0
		for ; j < len(ws); j++ {
			id := toks[i+j]
			if id == 0 || !ws[j].acceptsID(ix, id) {
				break
			}
		}
		if j == len(ws) {
			return true
		}
	}
	return false
}

func (m *wordMatch) acceptsID(ix *Index, id uint32) bool {
	if slices.Contains(m.ids, id) {
		return true
	}
	return m.prefix != "" && m.accepts(ix.termText(id))
}

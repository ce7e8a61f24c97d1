package search

import (
	"context"
	"encoding/binary"
	"math"
	"slices"
	"sort"
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

// scratch is per-search working memory, reused through a pool.
type scratch struct {
	stage []uint8   // clauses matched so far; 255 = excluded
	score []float32 // accumulated BM25
	cand  []uint32
	js    []int32
	toks  []uint32
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

const excluded = 255

// step is one word that a matching article must contain.
type step struct {
	m     *wordMatch
	title bool // title only
	cost  int
}

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
	res.Searched = len(ix.docs)
	top, total, err := ix.run(ctx, cq, limit)
	docs := make([]*corpus.Article, len(top))
	hits := make([][]hit, len(top))
	if err == nil {
		for i, t := range top {
			docs[i] = ix.docs[t.doc]
			hits[i] = ix.bodyHits(cq, t.doc)
		}
	}
	cq.releaseFlags()
	ix.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	res.Total = total
	// Byte offsets and snippets need only the articles: no lock.
	for i, t := range top {
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

// run scores the query term-at-a-time and returns the best limit documents
// and the number of matches. Caller holds ix.mu (read).
func (ix *Index) run(ctx context.Context, cq *compiled, limit int) ([]scored, int, error) {
	n := len(ix.docs)
	if n == 0 {
		return nil, 0, nil
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	if cap(sc.stage) < n {
		sc.stage = make([]uint8, n, n+n/4)
		sc.score = make([]float32, n, n+n/4)
	}
	stage, score := sc.stage[:n], sc.score[:n]
	defer clear(stage)
	defer clear(score)

	for _, c := range cq.excludes {
		if len(c.words) != 1 {
			continue // phrases are checked per candidate below
		}
		m := &c.words[0]
		for _, id := range m.ids {
			t := &ix.terms[id]
			if !c.Title {
				for _, d := range t.docs {
					stage[d] = excluded
				}
			}
			for _, d := range t.tdocs {
				stage[d] = excluded
			}
		}
	}

	var steps []step
	for ci := range cq.clauses {
		c := &cq.clauses[ci]
		for wi := range c.words {
			s := step{m: &c.words[wi], title: c.Title}
			for _, id := range s.m.ids {
				t := &ix.terms[id]
				s.cost += len(t.tdocs)
				if !s.title {
					s.cost += len(t.docs)
				}
			}
			steps = append(steps, s)
		}
	}
	slices.SortStableFunc(steps, func(a, b step) int { return a.cost - b.cost })
	if len(steps) > excluded-1 {
		steps = steps[:excluded-1] // phrase checks below cover the rest
	}

	avgB := float32(ix.bodyTokens) / float32(n)
	avgT := float32(ix.titleTokens) / float32(n)
	kb, kbl := float32(k1*(1-bm25b)), float32(k1*bm25b)/max(avgB, 1)
	kt, ktl := float32(k1*(1-bm25b)), float32(k1*bm25b)/max(avgT, 1)
	N := float64(n)
	idf := func(df int) float32 { return float32(math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5))) }

	cand := sc.cand[:0]
	blen, tlen := ix.blen, ix.tlen
	for k, s := range steps {
		if k > 0 && len(cand) == 0 {
			break
		}
		if k%4 == 3 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		from, to := uint8(k), uint8(k+1)
		lists := 0 // posting lists that added candidates (step 0)
		js := sc.js
		for i, id := range s.m.ids {
			t := &ix.terms[id]
			wt := s.m.weights[i]
			if !s.title && len(t.docs) > 0 {
				wb := wt * idf(len(t.docs)) * (k1 + 1)
				if k == 0 {
					lists++
					js, cand = matchFirst(t.docs, stage, js[:0], cand)
				} else {
					js = match(t.docs, cand, stage, from, js[:0])
				}
				docs, tfs := t.docs, t.tfs
				for _, j := range js {
					d := docs[j]
					tf := float32(tfs[j])
					score[d] += wb * tf / (tf + kb + kbl*float32(blen[d]))
				}
			}
			if len(t.tdocs) > 0 {
				wtt := wt * titleBoost * idf(len(t.tdocs)) * (k1 + 1)
				if k == 0 {
					lists++
					js, cand = matchFirst(t.tdocs, stage, js[:0], cand)
				} else {
					js = match(t.tdocs, cand, stage, from, js[:0])
				}
				docs := t.tdocs
				for _, j := range js {
					d := docs[j]
					score[d] += wtt / (1 + kt + ktl*float32(tlen[d]))
				}
			}
		}
		sc.js = js[:0]
		if k == 0 {
			// Later steps walk the candidates in document order.
			if lists > 1 {
				if len(cand) > n/32 {
					cand = cand[:0]
					for d, st := range stage {
						if st == to {
							cand = append(cand, uint32(d))
						}
					}
				} else {
					slices.Sort(cand)
				}
			}
		} else {
			keep := cand[:0]
			for _, d := range cand {
				if stage[d] == to {
					keep = append(keep, d)
				}
			}
			cand = keep
		}
	}
	if len(steps) == 0 {
		for d := range n {
			if stage[d] != excluded {
				cand = append(cand, uint32(d))
			}
		}
	}
	sc.cand = cand[:0]

	var allowed []bool
	if len(cq.q.Outlets) > 0 {
		allowed = make([]bool, len(ix.outlets))
		for i, o := range ix.outlets {
			for _, p := range cq.q.Outlets {
				if len(o) >= len(p) && o[:len(p)] == p {
					allowed[i] = true
				}
			}
		}
	}
	var phrases, negPhrases []*cclause
	for i := range cq.clauses {
		if len(cq.clauses[i].words) > 1 {
			phrases = append(phrases, &cq.clauses[i])
		}
	}
	for i := range cq.excludes {
		if len(cq.excludes[i].words) > 1 {
			negPhrases = append(negPhrases, &cq.excludes[i])
		}
	}

	var top []scored
	total := 0
	for ci, d := range cand {
		if ci%4096 == 4095 && ctx.Err() != nil {
			return nil, 0, ctx.Err()
		}
		if allowed != nil && !allowed[ix.outlet[d]] {
			continue
		}
		ok := true
		for _, c := range phrases {
			if !ix.hasPhrase(d, c, sc) {
				ok = false
				break
			}
		}
		for _, c := range negPhrases {
			if ok && ix.hasPhrase(d, c, sc) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		total++
		if limit > 0 && len(top) == limit && score[d] < top[limit-1].score {
			continue
		}
		top = ix.pushTop(top, scored{d, score[d]}, limit)
	}
	return top, total, nil
}

// matchFirst is match for the first step: every document not excluded
// matches, and those new to stage 1 become candidates.
func matchFirst(docs []uint32, stage []uint8, js []int32, cand []uint32) ([]int32, []uint32) {
	for j, d := range docs {
		switch stage[d] {
		case 0:
			cand = append(cand, d)
			stage[d] = 1
			js = append(js, int32(j))
		case 1:
			js = append(js, int32(j))
		}
	}
	return js, cand
}

// match appends to js the index j of each docs[j] that is a candidate
// (ascending) at stage from or from+1, and moves it to stage from+1. It
// walks the postings when they are not much longer than the candidates,
// and gallops through them otherwise.
func match(docs, cand []uint32, stage []uint8, from uint8, js []int32) []int32 {
	to := from + 1
	if len(docs) <= 8*len(cand) {
		for j, d := range docs {
			if stage[d]-from <= 1 { // from or to
				stage[d] = to
				js = append(js, int32(j))
			}
		}
		return js
	}
	j := 0
	for _, d := range cand {
		if stage[d]-from > 1 {
			continue
		}
		// Gallop to the first posting >= d, then binary search.
		step, hi := 1, j
		for hi < len(docs) && docs[hi] < d {
			j = hi + 1
			hi += step
			step *= 2
		}
		hi = min(hi, len(docs))
		j += sort.Search(hi-j, func(i int) bool { return docs[j+i] >= d })
		if j == len(docs) {
			break
		}
		if docs[j] == d {
			stage[d] = to
			js = append(js, int32(j))
			j++
		}
	}
	return js
}

// better orders results: higher score, then newer, then corpus order.
func (ix *Index) better(a, b scored) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	da, db := ix.docs[a.doc], ix.docs[b.doc]
	if !da.Published.Equal(db.Published) {
		return da.Published.After(db.Published)
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
	a := ix.docs[d]
	if phraseInTokens(titleWords(a.Title), c.words) {
		return true
	}
	if c.Title {
		return false
	}
	toks := sc.toks[:0]
	buf := ix.fwd[d]
	for len(buf) > 0 {
		v, n := binary.Uvarint(buf)
		if n <= 0 {
			break
		}
		buf = buf[n:]
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
	return m.prefix != "" && m.accepts(ix.terms[id].text)
}

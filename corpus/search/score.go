package search

import (
	"cmp"
	"context"
	"math"
	"math/bits"
	"slices"
)

// A search runs in two passes over the posting lists of the query's terms.
//
// Matching finds the set of documents that contain every query word (any
// of the terms a word stands for), none of the exclusions, and pass the
// outlet and phrase filters, as bit sets: common terms' sets are cached
// (termSets), so a word that stands for many common terms, such as the
// completions of "th" (the, that, this, they...), costs a few OR passes
// over 100,000 bits rather than a walk over a million postings. Its size is
// the number of matches.
//
// Scoring ranks the matches by BM25 with MaxScore pruning: posting lists
// are scored in order of their upper bound, largest first (rare terms
// first); once the lists left could not lift a document that has not been
// seen yet into the top results, only the documents that still can are
// looked up in the remaining (common, long) lists, and they are dropped as
// soon as they cannot. The survivors are then scored exactly, adding the
// lists in query order, so that the result is the same, bit for bit, as
// scoring every matching document (see the oracle test).

// plist is one posting list that a query scores: the body or title postings
// of one term that a query word stands for.
type plist struct {
	term uint32
	docs []uint32
	tfs  []uint8  // body term frequencies; nil for title postings
	w    float32  // word weight × idf × (k1+1), × titleBoost for titles
	ub   float32  // upper bound of its contribution to one document
	ts   *termSet // docs as a cached set (common terms only); see setOf
	// best: a list of the word being typed (a prefix), which scores its
	// best completion, the largest contribution of its lists, rather than
	// their sum: the reader means one of the words it starts, and a sum
	// over a hundred completions of "co" would favour articles that use
	// many of them and leave MaxScore nothing to prune.
	best bool
}

// qword is a word a matching document must contain: the lists of its terms.
type qword struct {
	lists []int
}

// bm25 holds the index-wide parts of the score.
type bm25 struct {
	kb, kbl, kt1, ktl float32
	blen              []uint32
	tlen              []uint16
}

// score is list l's contribution to document d, its posting j.
func (p *bm25) score(l *plist, j int, d uint32) float32 {
	if l.tfs == nil {
		return l.w / (p.kt1 + p.ktl*float32(p.tlen[d]))
	}
	tf := float32(l.tfs[j])
	return l.w * tf / (tf + p.kb + p.kbl*float32(p.blen[d]))
}

// plan lists the posting lists of the query's words, in query order.
// Caller holds ix.mu (read).
func (ix *Index) plan(cq *compiled) ([]plist, []qword, bm25) {
	n := max(ix.live(), 1) // the collection's statistics leave dead documents out
	avgB := float32(ix.bodyTokens) / float32(n)
	avgT := float32(ix.titleTokens) / float32(n)
	p := bm25{
		kb: float32(k1 * (1 - bm25b)), kbl: float32(k1*bm25b) / max(avgB, 1),
		kt1: 1 + float32(k1*(1-bm25b)), ktl: float32(k1*bm25b) / max(avgT, 1),
		blen: ix.blen, tlen: ix.tlen,
	}
	N := float64(n)
	idf := func(df int) float32 { return float32(math.Log(1 + (N-float64(df)+0.5)/(float64(df)+0.5))) }
	var lists []plist
	var words []qword
	for ci := range cq.clauses {
		c := &cq.clauses[ci]
		for wi := range c.words {
			m := &c.words[wi]
			first := len(lists)
			var qw qword
			for i, id := range m.ids {
				t := ix.term(id)
				wt := m.weights[i]
				if !c.Title && len(t.docs) > 0 {
					w := wt * idf(len(t.docs)) * (k1 + 1)
					// tf/(tf+kb+...) < 1
					qw.lists = append(qw.lists, len(lists))
					lists = append(lists, plist{term: id, docs: t.docs, tfs: t.tfs, w: w, ub: w})
				}
				if len(t.tdocs) > 0 {
					w := wt * titleBoost * idf(len(t.tdocs)) * (k1 + 1)
					// Titles are short, so the exact bound is cheap:
					// the shortest title with the term.
					short := uint16(math.MaxUint16)
					for _, d := range t.tdocs {
						short = min(short, ix.tlen[d])
					}
					qw.lists = append(qw.lists, len(lists))
					lists = append(lists, plist{term: id, docs: t.tdocs, w: w, ub: w / (p.kt1 + p.ktl*float32(short))})
				}
			}
			if m.prefix != "" {
				for i := first; i < len(lists); i++ {
					lists[i].best = true
				}
			}
			words = append(words, qw)
		}
	}
	return lists, words, p
}

// setOf returns the cached set of a common term's list, or nil.
func (ix *Index) setOf(l *plist) *termSet {
	if l.ts == nil && dense(l.docs, ix.ndocs()) {
		l.ts = ix.cache.sets.get(l.term, l.tfs == nil, l.docs)
	}
	return l.ts
}

// orLists adds the documents of a word's lists to s.
func (ix *Index) orLists(s docSet, lists []plist, qw *qword) {
	for _, li := range qw.lists {
		l := &lists[li]
		if ts := ix.setOf(l); ts != nil {
			s.or(ts.set)
		} else {
			s.addDocs(l.docs)
		}
	}
}

// match computes into m the documents that match the query; tmp is
// scratch of the same size. Caller holds ix.mu (read).
func (ix *Index) match(ctx context.Context, cq *compiled, lists []plist, words []qword, m, tmp docSet, sc *scratch) error {
	n := ix.ndocs()
	if len(words) == 0 {
		for i := range m {
			m[i] = ^uint64(0)
		}
		if n%64 != 0 {
			m[len(m)-1] = 1<<(n%64) - 1
		}
		if l := ix.layer; l != nil && l.deadSet != nil {
			m.andNot(l.deadSet)
		}
	}
	// The words in any order: each costs its postings (or its sets) and
	// one pass over m.
	for k := range words {
		if k%4 == 3 && ctx.Err() != nil {
			return ctx.Err()
		}
		qw := &words[k]
		switch {
		case k == 0:
			clear(m)
			ix.orLists(m, lists, qw)
		case len(qw.lists) == 1 && ix.setOf(&lists[qw.lists[0]]) != nil:
			m.and(lists[qw.lists[0]].ts.set)
		default:
			clear(tmp)
			ix.orLists(tmp, lists, qw)
			m.and(tmp)
		}
	}
	for _, c := range cq.excludes {
		if len(c.words) != 1 {
			continue // phrases are checked per document below
		}
		for _, id := range c.words[0].ids {
			t := ix.term(id) // an empty list is never dense and removes nothing
			if !c.Title {
				if dense(t.docs, n) {
					m.andNot(ix.cache.sets.get(id, false, t.docs).set)
				} else {
					m.removeDocs(t.docs)
				}
			}
			if dense(t.tdocs, n) {
				m.andNot(ix.cache.sets.get(id, true, t.tdocs).set)
			} else {
				m.removeDocs(t.tdocs)
			}
		}
	}

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
	if allowed == nil && phrases == nil && negPhrases == nil {
		return nil
	}
	checked := 0
	var err error
	m.filter(func(d uint32) bool {
		if checked++; checked%1024 == 0 && err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return false
		}
		if allowed != nil && !allowed[ix.outlet[d]] {
			return false
		}
		for _, c := range phrases {
			if !ix.hasPhrase(d, c, sc) {
				return false
			}
		}
		for _, c := range negPhrases {
			if ix.hasPhrase(d, c, sc) {
				return false
			}
		}
		return true
	})
	return err
}

// topHeap keeps the limit documents with the highest partial scores seen
// so far: a min-heap by part[d], with pos[d] its place + 1 (0: absent).
type topHeap struct {
	k    int
	docs []uint32
	pos  []int32
	part []float32
}

func (h *topHeap) full() bool { return len(h.docs) == h.k }

// min is the k-th highest partial score so far.
func (h *topHeap) min() float32 { return h.part[h.docs[0]] }

// raised tells the heap that part[d] has grown, above min() if the heap
// is full (the callers compare with theta, min() since it last changed).
func (h *topHeap) raised(d uint32) {
	if i := h.pos[d]; i != 0 {
		h.down(int(i - 1))
		return
	}
	if len(h.docs) < h.k {
		h.docs = append(h.docs, d)
		h.pos[d] = int32(len(h.docs))
		h.up(len(h.docs) - 1)
		return
	}
	h.pos[h.docs[0]] = 0
	h.docs[0] = d
	h.pos[d] = 1
	h.down(0)
}

func (h *topHeap) swap(i, j int) {
	h.docs[i], h.docs[j] = h.docs[j], h.docs[i]
	h.pos[h.docs[i]] = int32(i + 1)
	h.pos[h.docs[j]] = int32(j + 1)
}

func (h *topHeap) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if h.part[h.docs[p]] <= h.part[h.docs[i]] {
			return
		}
		h.swap(i, p)
		i = p
	}
}

func (h *topHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h.docs) {
			return
		}
		if c+1 < len(h.docs) && h.part[h.docs[c+1]] < h.part[h.docs[c]] {
			c++
		}
		if h.part[h.docs[i]] <= h.part[h.docs[c]] {
			return
		}
		h.swap(i, c)
		i = c
	}
}

func (h *topHeap) reset() {
	for _, d := range h.docs {
		h.pos[d] = 0
	}
	h.docs = h.docs[:0]
}

// cutoff is the least partial score with which a document could still
// reach theta, the k-th best partial score so far, when the lists left add
// at most rem. Partial scores are float32 sums taken in another order than
// the exact ones, so a small margin keeps rounding from pruning a tie. The
// margin is relative only: the rounding error of a sum of positive terms
// is relative to the sum (at most one float32 epsilon, 6e-8, per term
// added), and the scores of a word found in nearly every article (its idf
// near 0) are around 1e-5, so an absolute margin of any useful size kept
// every one of them as a survivor to be scored again. Scores are positive
// (theta >= 0), and rounding the cutoff to float32 moves it by less than
// 6e-8 of theta when it is above 0, well inside the margin.
func cutoff(theta float32, rem float64) float32 {
	return float32(float64(theta)*(1-1e-4) - rem)
}

// prune drops the survivors whose partial score is below lim, removing
// them from the set.
func prune(surv []uint32, part []float32, set docSet, lim float32) []uint32 {
	keep := surv[:0]
	for _, d := range surv {
		if part[d] < lim {
			set[d>>6] &^= 1 << (d & 63)
		} else {
			keep = append(keep, d)
		}
	}
	return keep
}

// seek returns the first j' >= j with docs[j'] >= d, galloping. Its
// callers stop at the end of a list, but the first call on a list may meet
// an empty one (all of its documents gone): the bound stays, though its
// mutant cannot be told apart (MUTATION.md), since a search must never
// panic on an index it was handed.
func seek(docs []uint32, j int, d uint32) int {
	if j >= len(docs) || docs[j] >= d {
		return j
	}
	lo, hi, step := j, j+1, 1 // docs[lo] < d
	for hi < len(docs) && docs[hi] < d {
		lo = hi
		step *= 2
		hi = lo + step
	}
	hi = min(hi, len(docs))
	for lo+1 < hi {
		mid := int(uint(lo+hi) >> 1)
		if docs[mid] < d {
			lo = mid
		} else {
			hi = mid
		}
	}
	return hi
}

// top returns the best limit matches in m, best first. Caller holds ix.mu
// (read).
func (ix *Index) top(ctx context.Context, lists []plist, p *bm25, m docSet, limit int, sc *scratch) ([]scored, error) {
	n := ix.ndocs()
	if len(lists) == 0 {
		var top []scored
		m.filter(func(d uint32) bool {
			top = ix.pushTop(top, scored{d, 0}, limit)
			return true
		})
		return top, nil
	}
	part := sc.score[:n]
	// gbest[d]: the best contribution of the typed word's lists to d so far.
	gbest := sc.best[:n]
	// Documents [lo, hi) may have a partial score. Both ways below score
	// the first list before they can return (lo < hi).
	lo, hi := uint32(n), uint32(0)
	defer func() {
		clear(part[lo:hi])
		clear(gbest[lo:hi])
	}()
	// add adds list l's contribution v to document d's partial score.
	add := func(l *plist, d uint32, v float32) float32 {
		if !l.best {
			part[d] += v
		} else {
			g := max(gbest[d], v)
			part[d] += g - gbest[d]
			gbest[d] = g
		}
		return part[d]
	}
	if limit < 0 {
		// Every match: score them all, in query order (the typed word's
		// best completion where its first list stands).
		typed := false
		for li := range lists {
			if li%8 == 7 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			l := &lists[li]
			lo, hi = min(lo, l.docs[0]), max(hi, l.docs[len(l.docs)-1]+1)
			if !l.best {
				for j, d := range l.docs {
					if m[d>>6]&(1<<(d&63)) != 0 {
						part[d] += p.score(l, j, d)
					}
				}
				continue
			}
			if typed {
				continue
			}
			typed = true
			for bi := li; bi < len(lists); bi++ {
				if b := &lists[bi]; b.best {
					lo, hi = min(lo, b.docs[0]), max(hi, b.docs[len(b.docs)-1]+1)
					for j, d := range b.docs {
						if m[d>>6]&(1<<(d&63)) != 0 {
							gbest[d] = max(gbest[d], p.score(b, j, d))
						}
					}
				}
			}
			for d := lo; d < hi; d++ {
				part[d] += gbest[d]
			}
		}
		var top []scored
		m.filter(func(d uint32) bool {
			top = append(top, scored{d, part[d]})
			return true
		})
		sc.scored = len(top)
		slices.SortFunc(top, func(a, b scored) int {
			if ix.better(a, b) {
				return -1
			}
			return 1
		})
		return top, nil
	}

	order := make([]int, len(lists))
	for i := range order {
		order[i] = i
	}
	// Lists of equal bound keep query order: a body list's bound is its
	// weight, so equal bounds are mostly lists of equal length.
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(lists[b].ub, lists[a].ub) })
	// rem[i] bounds what the lists from i on can add to a document: the
	// sum of their bounds, but only the largest of the typed word's (its
	// lists are in descending order of bound, so the first one left).
	rem := make([]float64, len(order)+1)
	sum, typed := 0.0, 0.0
	for i, li := range slices.Backward(order) {
		if l := &lists[li]; l.best {
			typed = float64(l.ub)
		} else {
			sum += float64(l.ub)
		}
		rem[i] = sum + typed
	}
	h := &topHeap{k: limit, docs: sc.heap[:0], pos: sc.pos[:n], part: part}
	defer func() { h.reset(); sc.heap = h.docs }()

	// Every matching document of the lists with the largest bounds, until
	// the lists left could not lift a document not seen yet to theta.
	i := 0
	for ; i < len(order); i++ {
		if h.full() && cutoff(h.min(), rem[i]) > 0 {
			break
		}
		if i%8 == 7 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		l := &lists[order[i]]
		lo, hi = min(lo, l.docs[0]), max(hi, l.docs[len(l.docs)-1]+1)
		// Only a document whose score passes theta can enter the heap
		// or move in it.
		theta := float32(math.Inf(-1))
		if h.full() {
			theta = h.min()
		}
		for j, d := range l.docs {
			if m[d>>6]&(1<<(d&63)) == 0 {
				continue
			}
			if v := add(l, d, p.score(l, j, d)); v > theta {
				h.raised(d)
				if h.full() {
					theta = h.min()
				}
			}
		}
	}
	// The documents that can still make it, in document order.
	surv := sc.surv[:0]
	lim := float32(math.SmallestNonzeroFloat32)
	if h.full() {
		lim = max(lim, cutoff(h.min(), rem[i]))
	}
	for wi := lo >> 6; wi < (hi+63)>>6; wi++ {
		for w := m[wi]; w != 0; w &= w - 1 {
			d := uint32(wi<<6) + uint32(bits.TrailingZeros64(w))
			if part[d] >= lim {
				surv = append(surv, d)
			}
		}
	}
	if i < len(order) {
		// Look the survivors up in the lists left, dropping those that
		// can no longer make it as theta rises and the bound of the
		// lists left falls.
		mark := sc.tmp[:len(m)] // the survivors (free after matching)
		clear(mark)
		mark.addDocs(surv)
		for ; i < len(order); i++ {
			if i%8 == 7 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			l := &lists[order[i]]
			if c := cutoff(h.min(), rem[i]); c > lim {
				surv, lim = prune(surv, part, mark, c), c
			}
			theta := h.min()
			ts := ix.setOf(l)
			switch {
			case ts != nil && 2*len(surv) < len(l.docs):
				for _, d := range surv {
					if j := ts.find(d); j >= 0 {
						if v := add(l, d, p.score(l, j, d)); v > theta {
							h.raised(d)
							theta = h.min()
						}
					}
				}
			case 16*len(surv) < len(l.docs):
				j := 0
				for _, d := range surv {
					if j = seek(l.docs, j, d); j == len(l.docs) {
						break
					}
					if l.docs[j] == d {
						if v := add(l, d, p.score(l, j, d)); v > theta {
							h.raised(d)
							theta = h.min()
						}
					}
				}
			default:
				for j, d := range l.docs {
					if mark[d>>6]&(1<<(d&63)) != 0 {
						if v := add(l, d, p.score(l, j, d)); v > theta {
							h.raised(d)
							theta = h.min()
						}
					}
				}
			}
		}
		surv = prune(surv, part, mark, cutoff(h.min(), 0))
	}
	sc.surv, sc.scored = surv[:0], len(surv)

	// Exact scores of the survivors, adding the lists in query order (the
	// typed word's best completion where its first list stands).
	exact := make([]float32, len(surv))
	var typedBest []float32
	for li := range lists {
		l := &lists[li]
		if !l.best {
			ix.eachPosting(l, surv, func(k, j int) { exact[k] += p.score(l, j, surv[k]) })
			continue
		}
		if typedBest != nil {
			continue
		}
		typedBest = make([]float32, len(surv))
		for bi := li; bi < len(lists); bi++ {
			if b := &lists[bi]; b.best {
				ix.eachPosting(b, surv, func(k, j int) { typedBest[k] = max(typedBest[k], p.score(b, j, surv[k])) })
			}
		}
		for k := range exact {
			exact[k] += typedBest[k]
		}
	}
	var top []scored
	for k, d := range surv {
		top = ix.pushTop(top, scored{d, exact[k]}, limit)
	}
	return top, nil
}

// eachPosting calls fn(k, j) for each document surv[k] (ascending) that
// list l has, with its posting number j.
func (ix *Index) eachPosting(l *plist, surv []uint32, fn func(k, j int)) {
	if ts := ix.setOf(l); ts != nil {
		for k, d := range surv {
			if j := ts.find(d); j >= 0 {
				fn(k, j)
			}
		}
		return
	}
	j := 0
	for k, d := range surv {
		if j = seek(l.docs, j, d); j == len(l.docs) {
			return
		}
		if l.docs[j] == d {
			fn(k, j)
		}
	}
}

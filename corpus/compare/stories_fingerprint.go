package compare

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// fingerprint is an article's heaviest terms (term numbers, ascending) with
// L2-normalised tf-idf weights.
type fingerprint []termWeight

type termWeight struct {
	t uint32
	w float32
}

// fpChunk is how many terms' room a worker allocates at once for the
// fingerprints it makes: one allocation per few hundred articles, and the
// fingerprints grow as the bags they are made from are released.
const fpChunk = 1 << 16

func (f fingerprint) cosine(g fingerprint) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(f) && j < len(g) {
		if f[i].t < g[j].t {
			i++
		} else if f[i].t > g[j].t {
			j++
		} else {
			dot += float64(f[i].w) * float64(g[j].w)
			i++
			j++
		}
	}
	return dot
}

// termLists holds a few sorted term lists per article in flat slices.
type termLists struct {
	off   []uint32 // article i: terms[off[i]:off[i+1]]
	terms []uint32
}

func (l *termLists) of(i int) []uint32 {
	a, b := l.off[i], l.off[i+1]
	return l.terms[a:b:b]
}

// queryTable holds, per article, its queryTerms heaviest terms that can
// link it to others (seen in 2..maxPosting articles) and the indexTerms
// heaviest of those, each list sorted by term, in fixed-size slots.
type queryTable struct {
	query, index []uint32 // slots of queryTerms and indexTerms
	nq, ni       []uint8
}

func (q *queryTable) queryOf(i int) []uint32 {
	return q.query[i*queryTerms : i*queryTerms+int(q.nq[i])]
}

func (q *queryTable) indexOf(i int) []uint32 {
	return q.index[i*indexTerms : i*indexTerms+int(q.ni[i])]
}

// tw is a term and its weight in one article.
type tw struct {
	t uint32
	w float64
}

// heavier orders terms by weight, heaviest first, then by term.
func heavier(x, y tw) int {
	return cmp.Or(cmp.Compare(y.w, x.w), cmp.Compare(x.t, y.t))
}

func byTerm(x, y tw) int { return cmp.Compare(x.t, y.t) }

// tfWeight[n] is the sublinear weight of a term counted n times.
var tfWeight = func() (out [64]float64) {
	for n := 1; n < len(out); n++ {
		out[n] = 1 + math.Log(float64(n))
	}
	return out
}()

// makeFingerprints weighs each article's terms by tf-idf (over c.docs
// articles, or its own when 0), keeps the
// heaviest as its fingerprint and picks its query and index terms. Each
// article's bag is released as soon as its fingerprint is made, so bags
// and fingerprints are not both held in full.
func makeFingerprints(ctx context.Context, c *termCounts, workers int) ([]fingerprint, *queryTable, *termLists) {
	n := len(c.bags)
	fps := make([]fingerprint, n)
	names := &termLists{off: make([]uint32, n+1)}
	for i, b := range c.bags {
		names.off[i+1] = names.off[i] + uint32(b.names)
	}
	names.terms = make([]uint32, names.off[n])
	q := &queryTable{
		query: make([]uint32, n*queryTerms), nq: make([]uint8, n),
		index: make([]uint32, n*indexTerms), ni: make([]uint8, n),
	}
	docs := c.docs
	if docs == 0 {
		docs = n
	}
	idf := make([]float64, len(c.df))
	for t, d := range c.df {
		idf[t] = math.Log((1+float64(docs))/(1+float64(d))) + 1
	}
	maxPosting := int32(max(64, docs/50))
	type scratch struct {
		ws, ix []tw
		chunk  []termWeight
	}
	scratches := make([]scratch, workers)
	parallel(ctx, n, workers, func(i int) {
		sc := &scratches[i%workers]
		ws, ix := sc.ws[:0], sc.ix[:0]
		b := &c.bags[i]
		remap := c.remap[i%c.workers]
		k, local := 0, uint32(0)
		for range b.terms {
			var v uint32
			v, k = uvarint(b.enc, k)
			local += v >> 1
			tf := 1.0
			if v&1 != 0 {
				var cnt uint32
				cnt, k = uvarint(b.enc, k)
				if cnt < uint32(len(tfWeight)) {
					tf = tfWeight[cnt]
				} else {
					tf = 1 + math.Log(float64(cnt))
				}
			}
			t := remap[local]
			d := c.df[t]
			w := tf * idf[t]
			if d < 2 {
				// A word no other article uses cannot link this one to
				// anything; weighing it down keeps long articles, full of
				// their own detail, from looking unlike their story.
				w *= uniqueTermWeight
			} else if d <= maxPosting {
				ix = append(ix, tw{t, w})
			}
			ws = append(ws, tw{t, w})
		}
		on := names.of(i)
		for x := range on {
			var local uint32
			local, k = uvarint(b.enc, k)
			on[x] = remap[local]
		}
		slices.Sort(on)
		*b = bag{}

		selectFirst(ws, fingerprintTerms, heavier)
		top := ws[:min(len(ws), fingerprintTerms)]
		slices.SortFunc(top, byTerm)
		var norm float64
		for _, x := range top {
			norm += x.w * x.w
		}
		norm = math.Sqrt(norm)
		if cap(sc.chunk)-len(sc.chunk) < len(top) {
			sc.chunk = make([]termWeight, 0, max(fpChunk, len(top)))
		}
		at := len(sc.chunk)
		for _, x := range top {
			sc.chunk = append(sc.chunk, termWeight{x.t, float32(x.w / norm)})
		}
		fps[i] = fingerprint(sc.chunk[at:len(sc.chunk):len(sc.chunk)])

		// The query terms are the heaviest linking terms, the indexed
		// ones the heaviest of those.
		selectFirst(ix, queryTerms, heavier)
		ix = ix[:min(len(ix), queryTerms)]
		selectFirst(ix, indexTerms, heavier)
		qs := q.query[i*queryTerms : i*queryTerms+len(ix)]
		for x, tw := range ix {
			qs[x] = tw.t
		}
		is := q.index[i*indexTerms : i*indexTerms+min(len(ix), indexTerms)]
		copy(is, qs)
		slices.Sort(qs)
		slices.Sort(is)
		q.nq[i], q.ni[i] = uint8(len(qs)), uint8(len(is))
		sc.ws, sc.ix = ws, ix
	})
	return fps, q, names
}

// selectFirst reorders xs so that its first k elements are the k least
// under cmp, in no particular order (quickselect; cmp must be a total
// order). Cheaper than sorting when k is well under len(xs).
func selectFirst[T any](xs []T, k int, cmp func(a, b T) int) {
	if k <= 0 || k >= len(xs) {
		return
	}
	lo, hi, want := 0, len(xs)-1, k-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if cmp(xs[mid], xs[lo]) < 0 {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if cmp(xs[hi], xs[lo]) < 0 {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if cmp(xs[hi], xs[mid]) < 0 {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for cmp(xs[i], pivot) < 0 {
				i++
			}
			for cmp(pivot, xs[j]) < 0 {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		if want <= j {
			hi = j
		} else if want >= i {
			lo = i
		} else {
			return
		}
	}
}

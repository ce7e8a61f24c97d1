package compare

import (
	"cmp"
	"context"
	"math"
	"runtime"
	"slices"

	"github.com/parallax-reader/parallax/corpus"
)

// When a stored grouping is joined rather than the corpus regrouped:
const (
	// minJoinShare: the stored grouping still holds at least this share
	// of the articles...
	minJoinShare = 0.5
	// ...and the articles joined since the last full grouping, these
	// included, are at most this share of the articles it grouped. The
	// stored articles keep the weights of the term statistics they were
	// fingerprinted with; joined articles are weighed by those statistics
	// with theirs added. Past this share the weights have drifted enough
	// (and stories have lost enough articles without being split) for a
	// full grouping to be worth its cost: at 100,000 articles, once per
	// 25,000 new ones.
	maxJoinedShare = 0.25
)

// joinable says whether the stored grouping g, of which kept articles are
// still among n, is joined by the others rather than the corpus regrouped.
func (g *storedGrouping) joinable(kept, n int) bool {
	fresh := n - kept
	return kept > 0 && float64(kept) >= minJoinShare*float64(n) &&
		float64(g.joined+fresh) <= maxJoinedShare*float64(g.base)
}

// joinStories is the grouping of as made from a stored grouping g of most
// of them (at: each stored article's index in as, -1 when gone or
// changed) and its terms t: the stored events and lines, less the
// articles gone, to begin with; then the new (and changed) articles join
// them by the rule of GroupStoriesContext, restricted to their own
// candidate pairs: a new article's pairs come from the same index of
// heaviest terms, are scored with the same thresholds, and are merged
// strongest first with the same average linkage, so a new article joins an
// event, bridges two, or starts its own. No pair of two stored articles is
// scored again, and no stored article's text is read: its fingerprint,
// names and query terms are the stored ones. Only the new articles are
// counted and fingerprinted, with the stored term statistics and their
// own counts added (see maxJoinedShare).
//
// What it does not redo: stored events are not split when an article
// that held them together is gone, nor merged with each other except
// through a new article; the counts of articles gone stay in the
// statistics. A pair is found from the new article's side only.
func joinStories(ctx context.Context, g *storedGrouping, t *storedTerms, at []int32, as []*corpus.Article, opt StoryOptions) (*Stories, error) {
	opt = storyDefaults(opt)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	isNew := make([]bool, len(as))
	for i := range isNew {
		isNew[i] = true
	}
	for _, i := range at {
		if i >= 0 {
			isNew[i] = false
		}
	}
	var fresh []int32 // the new articles' indices in as
	for i, n := range isNew {
		if n {
			fresh = append(fresh, int32(i))
		}
	}
	stats, newFps, newQuery, newNames := fingerprintNew(ctx, &t.termStats, as, fresh, workers)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	refit := refitLinking(t, stats)
	// Everything by index in as: the stored articles' own, the new ones'.
	fps := make([]fingerprint, len(as))
	query := &queryTable{
		query: make([]uint32, len(as)*queryTerms), nq: make([]uint8, len(as)),
		index: make([]uint32, len(as)*indexTerms), ni: make([]uint8, len(as)),
	}
	type from struct {
		q     *queryTable
		names *termLists
		k     int
	}
	froms := make([]from, len(as))
	for k, i := range at {
		if i >= 0 {
			fps[i] = t.fps[k]
			froms[i] = from{t.query, t.names, k}
		}
	}
	for x, i := range fresh {
		fps[i] = newFps[x]
		froms[i] = from{newQuery, newNames, x}
	}
	names := &termLists{off: make([]uint32, len(as)+1)}
	for i, f := range froms {
		q, ix := f.q.queryOf(f.k), f.q.indexOf(f.k)
		copy(query.query[i*queryTerms:], q)
		copy(query.index[i*indexTerms:], ix)
		query.nq[i], query.ni[i] = uint8(len(q)), uint8(len(ix))
		names.terms = append(names.terms, f.names.of(f.k)...)
		names.off[i+1] = uint32(len(names.terms))
	}
	// The stored events and lines, in indices of as, less what is gone.
	var initial, lines [][]int32
	first := make([]int32, len(g.events)) // an article of each stored event left, or -1
	keep := &keptEvents{of: make([]int32, len(as)), events: g.events}
	for i := range keep.of {
		keep.of[i] = -1
	}
	for e, se := range g.events {
		var m []int32
		for _, k := range se.members {
			if i := at[k]; i >= 0 {
				m = append(m, i)
				keep.of[i] = int32(e)
			}
		}
		if len(m) < len(se.members) || slices.ContainsFunc(se.members, func(k int32) bool { return refit[k] }) {
			// Its label may be an article gone, its centre moved by a
			// fingerprint reweighed: made again.
			for _, i := range m {
				keep.of[i] = -1
			}
		}
		first[e] = -1
		if len(m) > 0 {
			first[e] = m[0]
			initial = append(initial, m)
		}
	}
	for _, l := range g.lines {
		var reps []int32
		for _, e := range l {
			if first[e] >= 0 {
				reps = append(reps, first[e])
			}
		}
		if len(reps) > 1 {
			lines = append(lines, reps)
		}
	}
	terms := &groupTerms{termStats: *stats, query: query, names: names, base: g.base, joined: g.joined + len(fresh)}
	return groupTermed(ctx, as, opt, fps, terms, isNew, initial, lines, keep)
}

// fingerprintNew counts and fingerprints the articles fresh of as with the
// stored statistics st and their own counts added: it returns those
// statistics (st is left as it was; terms first met get numbers after
// st's, in the order of their hashes) and the new articles' fingerprints,
// query and index terms and names, by their place in fresh.
func fingerprintNew(ctx context.Context, st *termStats, as []*corpus.Article, fresh []int32, workers int) (*termStats, []fingerprint, *queryTable, *termLists) {
	arts := make([]*corpus.Article, len(fresh))
	for x, i := range fresh {
		arts[x] = as[i]
	}
	counts := countTerms(ctx, arts, workers)
	if ctx.Err() != nil {
		return st, nil, nil, nil
	}
	out := &termStats{sorted: st.sorted, docs: st.docs + len(arts)}
	out.hashes = slices.Clone(st.hashes)
	out.df = slices.Clone(st.df)
	tail := st.tailTerms()
	number := make([]uint32, len(counts.hashes)) // the count's term numbers → ours
	for local, h := range counts.hashes {
		t, ok := st.lookup(h, tail)
		if !ok {
			t = uint32(len(out.hashes))
			out.hashes = append(out.hashes, h)
			out.df = append(out.df, 0)
		}
		number[local] = t
		out.df[t] += counts.df[local]
	}
	for _, r := range counts.remap {
		for x, local := range r {
			r[x] = number[local]
		}
	}
	counts.hashes, counts.df, counts.docs = nil, out.df, out.docs
	fps, q, names := makeFingerprints(ctx, counts, workers)
	return out, fps, q, names
}

// refitLinking reweighs the stored articles' fingerprints for the terms
// that the new articles made linking: a word only one stored article used
// was weighed down (uniqueTermWeight) and could not find it a pair; now
// that new articles use it too, it weighs as in a full grouping (its
// inverse document frequency that of stats), and joins the article's
// query and index terms when it is among its heaviest linking terms.
// Terms outside an article's stored fingerprint (the lightest) are not
// known, and other terms keep their weights: what a full grouping would
// change beyond that is the drift maxJoinedShare bounds.
//
// It returns which stored articles it reweighed.
func refitLinking(t *storedTerms, stats *termStats) []bool {
	refit := make([]bool, len(t.fps))
	idf := func(s *termStats, x uint32) float64 {
		return math.Log((1+float64(s.docs))/(1+float64(s.df[x]))) + 1
	}
	maxPosting := int32(max(64, stats.docs/50))
	linking := func(x uint32) bool { return stats.df[x] >= 2 && stats.df[x] <= maxPosting }
	var ws []tw
	for k, fp := range t.fps {
		crossed := false
		for _, x := range fp {
			if t.df[x.t] < 2 && linking(x.t) {
				crossed = true
				break
			}
		}
		if !crossed {
			continue
		}
		refit[k] = true
		out := make(fingerprint, len(fp))
		var norm float64
		for y, x := range fp {
			w := float64(x.w)
			if t.df[x.t] < 2 && stats.df[x.t] >= 2 {
				w *= idf(stats, x.t) / idf(&t.termStats, x.t) / uniqueTermWeight
			}
			out[y] = termWeight{x.t, float32(w)}
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for y := range out {
			out[y].w = float32(float64(out[y].w) / norm)
		}
		t.fps[k] = out
		// The query terms, heaviest first: the linking ones of the
		// fingerprint, then the stored ones outside it (lighter than any
		// in it).
		ws = ws[:0]
		for _, x := range out {
			if linking(x.t) {
				ws = append(ws, tw{x.t, float64(x.w)})
			}
		}
		for _, x := range t.query.queryOf(k) {
			if _, in := slices.BinarySearchFunc(out, x, func(a termWeight, b uint32) int { return cmp.Compare(a.t, b) }); !in && linking(x) {
				ws = append(ws, tw{x, 0})
			}
		}
		slices.SortStableFunc(ws, heavier)
		ws = ws[:min(len(ws), queryTerms)]
		qs := t.query.query[k*queryTerms : k*queryTerms+len(ws)]
		for y, x := range ws {
			qs[y] = x.t
		}
		is := t.query.index[k*indexTerms : k*indexTerms+min(len(ws), indexTerms)]
		copy(is, qs)
		slices.Sort(qs)
		slices.Sort(is)
		t.query.nq[k], t.query.ni[k] = uint8(len(qs)), uint8(len(is))
	}
	return refit
}

package search

import (
	"slices"

	"github.com/parallax-reader/parallax/corpus"
)

// mergedSource is a layered index as one, for writing: the base's live
// documents renumbered in order, then the delta's; every term's postings
// merged (mergeTerm: decoded into buffers reused from term to term, not
// cached: a merge reads each list once, and keeping them would hold the
// whole index in memory). A base
// document keeps the fingerprint the base has of it: the articles were
// matched to the base by what a list has (ID, title, time), and an article
// whose text changed unnoticed is still found by it when a search returns
// it. An index opened from a snapshot and not grown is written as it
// is (a new stamp). Caller holds ix.mu (read).
func (ix *Index) mergedSource() snapSource {
	l, m := ix.layer, ix.base
	if l == nil { // nothing added: the base as it is
		l = &layer{base: m, nbase: m.ndocs, tbase: m.nterms}
	}
	// old[d] is the document written as d; renum the other way (a dead
	// document's is never used).
	old := make([]uint32, 0, ix.ndocs())
	renum := make([]uint32, ix.ndocs())
	for d := range ix.ndocs() {
		renum[d] = uint32(len(old))
		if !l.isDead(uint32(d)) {
			old = append(old, uint32(d))
		}
	}
	var scratch mergeScratch
	src := snapSource{
		docs:   make([]*corpus.Article, len(old)),
		blen:   make([]uint32, len(old)),
		tlen:   make([]uint16, len(old)),
		outlet: make([]uint32, len(old)),
		fp: func(d int) uint32 {
			if o := old[d]; int(o) < l.nbase {
				return m.fps[o]
			}
			return Fingerprint(ix.docs[old[d]])
		},
		fwd:    func(d int) []byte { return ix.fwdOf(old[d]) },
		nterms: ix.nterms() - 1,
		text:   l.text,
		term:   func(g uint32) *term { return l.mergeTerm(ix, g, renum, &scratch) },
		byStem: mergedLists(&m.stems, l.byStem), byKey: mergedLists(&m.keys, l.byKey),
		sorted: ix.sorted, outlets: ix.outlets,
		bodyTokens: ix.bodyTokens, titleTokens: ix.titleTokens,
	}
	for d, o := range old {
		src.docs[d], src.blen[d], src.tlen[d], src.outlet[d] = ix.docs[o], ix.blen[o], ix.tlen[o], ix.outlet[o]
	}
	return src
}

// mergedLists is a base's table of term lists (stems or transliteration
// keys) with the delta's new words added.
func mergedLists(base *listIndex, more map[string][]uint32) map[string][]uint32 {
	out := map[string][]uint32{}
	for i := range base.n() {
		out[base.key(i)] = base.ids[base.idOff[i]:base.idOff[i+1]]
	}
	for k, ids := range more {
		out[k] = append(slices.Clip(out[k]), ids...)
	}
	return out
}

// mergeScratch is the memory mergeTerm reuses from one term to the next.
type mergeScratch struct{ base, out term }

// mergeTerm is term g as written by a merge (layer.liveInto, renumbered),
// decoded into sc and valid until the next call. A damaged base list is
// written empty and the write fails (WriteSnapshot returns the damage).
func (l *layer) mergeTerm(ix *Index, g uint32, renum []uint32, sc *mergeScratch) *term {
	if int(g) > l.tbase {
		l.liveInto(&sc.out, nil, l.newTerm[int(g)-l.tbase-1], renum)
		return &sc.out
	}
	if err := l.base.decodeTermInto(g, &sc.base); err != nil {
		ix.setDamaged(err)
		sc.base = term{text: l.base.text(g)}
	}
	l.liveInto(&sc.out, &sc.base, l.deltaID(g), renum)
	return &sc.out
}

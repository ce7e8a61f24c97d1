package search

import (
	"slices"
	"strings"
)

// thaw turns an index over a mapped snapshot into an ordinary one, which
// Add can extend: every term's postings are decoded (a damaged one stays
// empty and is reported by the next search). The mapped base never
// changes, so the work is done without the index lock, which is held only
// to put the result in place: searches go on meanwhile. Caller holds
// ix.addMu.
func (ix *Index) thaw() {
	m := ix.base
	if m == nil {
		return
	}
	terms := make([]term, m.nterms+1)
	for g := 1; g <= m.nterms; g++ {
		t, err := m.term(uint32(g))
		if err != nil {
			ix.setDamaged(err)
		}
		terms[g] = *t
	}
	vocab := newVocab()
	for g := 1; g <= m.nterms; g++ {
		vocab.insert(terms, uint32(g), vocab.hashString(terms[g].text))
	}
	byStem, byKey := map[string][]uint32{}, map[string][]uint32{}
	for _, l := range []struct {
		from *listIndex
		to   map[string][]uint32
	}{{&m.stems, byStem}, {&m.keys, byKey}} {
		for i := range l.from.n() {
			l.to[strings.Clone(l.from.key(i))] = slices.Clone(l.from.ids[l.from.idOff[i]:l.from.idOff[i+1]])
		}
	}
	fwd := make([][]byte, m.ndocs)
	for d := range fwd {
		f, err := m.fwdOf(uint32(d))
		if err != nil {
			ix.setDamaged(err)
		}
		fwd[d] = f
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.terms, ix.vocab, ix.byStem, ix.byKey, ix.fwd = terms, vocab, byStem, byKey, fwd
	ix.sorted = slices.Clone(m.sorted)
	ix.blen, ix.tlen, ix.outlet = slices.Clone(m.blen), slices.Clone(m.tlen), slices.Clone(m.outlet)
	ix.base = nil
}

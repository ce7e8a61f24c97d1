package search

import (
	"encoding/binary"
	"maps"
	"slices"
	"sync"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// An index opened from a snapshot grows by a delta, as Lucene's segments
// do, instead of being decoded whole to take a few new articles: the
// mapped base stays as it is; the articles added since are an ordinary
// in-memory index of their own (the delta, built by the one Add); the
// base's documents that left the corpus or changed are dead, dropped from
// every posting list as it is read. Searches see one index: the base's
// documents numbered first and the delta's after them; words by the base's
// term IDs, the delta's new words numbered after the base's. Scores are
// those of an index built afresh of the live articles: dead documents are
// not counted in the collection's size, lengths or document frequencies.
// A snapshot written of a layered index is the two merged (mergedSource).
//
// A layer is immutable once published (an Add publishes a new one), apart
// from its cache of merged posting lists.
type layer struct {
	base         *mapped
	delta        *Index // its own locks; read here only through what was copied at publishing
	nbase, tbase int    // base documents and terms
	dead         []bool // by base document (nil: none died)
	deadSet      docSet // the same as a set, for searches of every document
	ndead        int

	// The delta as it was when the layer was made: its postings only
	// grow after, past these lengths (Add appends).
	dterms []term
	// Global IDs: of each delta term, and, for words new to the base
	// (IDs from tbase+1 on), the delta term.
	global  []uint32
	newTerm []uint32
	fwd     [][]byte // delta documents' forward indexes, in global IDs
	byStem  map[string][]uint32
	byKey   map[string][]uint32
	words   map[string]uint32 // the delta's words and their delta IDs

	mu     sync.Mutex
	merged map[uint32]*term // terms as searches see them, made once
}

// live is the number of documents searches can find.
func (ix *Index) live() int {
	if l := ix.layer; l != nil {
		return ix.ndocs() - l.ndead
	}
	return ix.ndocs()
}

// newLayer starts a delta over ix's mapped base, whose documents with
// dead set have left the corpus. Caller holds ix.addMu.
func (ix *Index) newLayer(dead []bool) {
	m := ix.base
	l := &layer{base: m, delta: New(), nbase: m.ndocs, tbase: m.nterms, merged: map[uint32]*term{}}
	var bodyTokens, titleTokens uint64
	for d, gone := range dead {
		if gone {
			if l.dead == nil {
				l.dead = make([]bool, m.ndocs)
			}
			l.dead[d] = true
			if l.deadSet == nil {
				l.deadSet = make(docSet, (m.ndocs+63)/64)
			}
			l.deadSet[d>>6] |= 1 << (d & 63)
			l.ndead++
			bodyTokens += uint64(m.blen[d])
			titleTokens += uint64(m.tlen[d])
		}
	}
	ix.mu.Lock()
	ix.layer = l
	// Mapped arrays must not be appended to in place.
	ix.blen, ix.tlen, ix.outlet, ix.outlets = slices.Clip(ix.blen), slices.Clip(ix.tlen), slices.Clip(ix.outlet), slices.Clip(ix.outlets)
	ix.bodyTokens -= bodyTokens // the collection's lengths are the live articles'
	ix.titleTokens -= titleTokens
	ix.mu.Unlock()
}

// addDelta indexes batch into the delta and publishes a new layer with
// it. Searches go on meanwhile: the delta's Add publishes to the delta
// alone, which searches read only through the layer. Caller holds
// ix.addMu.
func (ix *Index) addDelta(batch []*corpus.Article) {
	if ix.layer == nil {
		ix.newLayer(nil)
	}
	old := ix.layer
	old.delta.Add(batch)
	l := &layer{base: old.base, delta: old.delta, nbase: old.nbase, tbase: old.tbase,
		dead: old.dead, deadSet: old.deadSet, ndead: old.ndead,
		merged: map[uint32]*term{}, words: maps.Clone(old.words)}
	if l.words == nil {
		l.words = map[string]uint32{}
	}
	d := l.delta
	d.mu.RLock()
	l.dterms = slices.Clone(d.terms)
	dfwd, ddocs := d.fwd, d.docs
	dblen, dtlen, doutlet, doutlets := d.blen, d.tlen, d.outlet, d.outlets
	d.mu.RUnlock()

	// Number the delta's words: a word the base has keeps its ID, a new
	// one takes the next after the base's (in the delta's order, so that
	// an ID stays the same from one layer to the next).
	m := ix.base
	l.global = make([]uint32, len(l.dterms))
	l.newTerm = slices.Clone(old.newTerm)
	var added []uint32
	for s := 1; s < len(l.dterms); s++ {
		if s < len(old.global) {
			l.global[s] = old.global[s]
			continue
		}
		l.words[l.dterms[s].text] = uint32(s)
		g := m.lookup(l.dterms[s].text)
		if g == 0 {
			g = uint32(l.tbase + 1 + len(l.newTerm))
			l.newTerm = append(l.newTerm, uint32(s))
			added = append(added, g)
		}
		l.global[s] = g
	}
	// The new words' stems and keys: the earlier layer's, and this Add's
	// (appended to copies: the earlier layer's lists stay as they are).
	l.byStem, l.byKey = maps.Clone(old.byStem), maps.Clone(old.byKey)
	if l.byStem == nil {
		l.byStem, l.byKey = map[string][]uint32{}, map[string][]uint32{}
	}
	for k := len(old.newTerm); k < len(l.newTerm); k++ {
		g, text := uint32(l.tbase+1+k), l.dterms[l.newTerm[k]].text
		st, _ := lang.Stemmed.Term(text)
		l.byStem[st] = append(slices.Clip(l.byStem[st]), g)
		key := lang.TranslitKey(text)
		l.byKey[key] = append(slices.Clip(l.byKey[key]), g)
	}
	l.fwd = slices.Clone(old.fwd)
	for _, f := range dfwd[len(old.fwd):] {
		l.fwd = append(l.fwd, l.globalFwd(f))
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	for k := len(old.fwd); k < len(dfwd); k++ {
		ix.docs = append(ix.docs, ddocs[k])
		ix.blen = append(ix.blen, dblen[k])
		ix.tlen = append(ix.tlen, dtlen[k])
		ix.outlet = append(ix.outlet, ix.outletOf(doutlets[doutlet[k]]))
		ix.bodyTokens += uint64(dblen[k])
		ix.titleTokens += uint64(dtlen[k])
	}
	ix.layer = l
	ix.mergeSorted(added)
}

// globalFwd re-encodes a delta forward index in global term IDs.
func (l *layer) globalFwd(f []byte) []byte {
	var out []byte
	for {
		s, k := binary.Uvarint(f)
		if k <= 0 { // the end (Add wrote it: never damaged)
			break
		}
		f = f[k:]
		g := uint64(0)
		if s != 0 {
			g = uint64(l.global[s])
		}
		out = binary.AppendUvarint(out, g)
	}
	return slices.Clip(out)
}

// term is term g with the delta's postings after the base's and the dead
// documents left out, kept once made (a search reads a list more than
// once, and searches repeat words).
func (l *layer) term(ix *Index, g uint32) *term {
	l.mu.Lock()
	defer l.mu.Unlock()
	if t := l.merged[g]; t != nil {
		return t
	}
	t := &term{}
	if int(g) > l.tbase {
		l.liveInto(t, nil, l.newTerm[int(g)-l.tbase-1], nil)
	} else {
		bt, err := ix.base.term(g)
		if err != nil {
			ix.setDamaged(err) // read as empty; not kept, so the next search reports it too
			return bt
		}
		s := l.deltaID(g)
		if s == 0 && !l.anyDead(bt.docs) && !l.anyDead(bt.tdocs) {
			t = bt // the base's list as it is
		} else {
			l.liveInto(t, bt, s, nil)
		}
	}
	l.merged[g] = t
	return t
}

// liveInto makes out (its slices reused) the postings of one word as an
// index of the live articles: base term bt's (nil for a word new to the
// base) without the dead documents, then the delta's term s's (0 for
// none), numbered after the base's documents; with renum, each document d
// is written as renum[d] (a merge, which drops the dead documents'
// numbers).
func (l *layer) liveInto(out, bt *term, s uint32, renum []uint32) {
	out.docs, out.tfs, out.tdocs, out.count, out.caps = out.docs[:0], out.tfs[:0], out.tdocs[:0], 0, 0
	// live appends docs' live documents (each shifted by shift, then
	// renumbered) to to, and their frequencies (when tfs is given) to out.
	live := func(to, docs []uint32, tfs []uint8, shift uint32) []uint32 {
		for i, d := range docs {
			if shift == 0 && l.dead != nil && l.dead[d] {
				continue
			}
			d += shift
			if renum != nil {
				d = renum[d]
			}
			to = append(to, d)
			if tfs != nil {
				out.tfs = append(out.tfs, tfs[i])
			}
		}
		return to
	}
	if bt != nil {
		out.text, out.count, out.caps = bt.text, bt.count, bt.caps
		out.docs = live(out.docs, bt.docs, bt.tfs, 0)
		out.tdocs = live(out.tdocs, bt.tdocs, nil, 0)
	}
	if s != 0 {
		dt := &l.dterms[s]
		if bt == nil {
			out.text = dt.text
		}
		out.docs = live(out.docs, dt.docs, dt.tfs, uint32(l.nbase))
		out.tdocs = live(out.tdocs, dt.tdocs, nil, uint32(l.nbase))
		out.count += dt.count
		out.caps += dt.caps
	}
}

func (l *layer) anyDead(docs []uint32) bool {
	if l.dead == nil {
		return false
	}
	for _, d := range docs {
		if l.dead[d] {
			return true
		}
	}
	return false
}

// deltaID is the delta's term of base word g, or 0.
func (l *layer) deltaID(g uint32) uint32 {
	if len(l.words) == 0 {
		return 0
	}
	return l.words[l.base.text(g)]
}

// counts are term g's occurrences and capitalised ones, base and delta.
func (l *layer) counts(g uint32) (count, caps uint32) {
	if int(g) > l.tbase {
		t := &l.dterms[l.newTerm[int(g)-l.tbase-1]]
		return t.count, t.caps
	}
	m := l.base
	count, caps = m.tcount[g-1], m.tcaps[g-1]
	if s := l.deltaID(g); s != 0 {
		count += l.dterms[s].count
		caps += l.dterms[s].caps
	}
	return count, caps
}

// text is term g's text.
func (l *layer) text(g uint32) string {
	if int(g) > l.tbase {
		return l.dterms[l.newTerm[int(g)-l.tbase-1]].text
	}
	return l.base.text(g)
}

// lookup is the global ID of word w, or 0.
func (l *layer) lookup(w string) uint32 {
	if g := l.base.lookup(w); g != 0 {
		return g
	}
	if s := l.words[w]; s != 0 {
		return l.global[s]
	}
	return 0
}

// isDead reports whether base document d left the corpus.
func (l *layer) isDead(d uint32) bool { return l.dead != nil && int(d) < l.nbase && l.dead[d] }

// Changed reports whether the index differs from the snapshot it was
// opened from (articles added or gone since): a snapshot written of it
// would save the next start the delta.
func (ix *Index) Changed() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.layer != nil
}

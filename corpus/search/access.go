package search

import (
	"slices"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// What searches read of the index, whether it is held in memory or is a
// mapped snapshot (mapped.go) whose postings are decoded on demand. Every
// method is called with ix.mu held (read).

// ndocs is the number of documents.
func (ix *Index) ndocs() int {
	if ix.layer != nil {
		return len(ix.docs)
	}
	if ix.base != nil {
		return ix.base.ndocs
	}
	return len(ix.docs)
}

// nterms is one more than the largest term ID.
func (ix *Index) nterms() int {
	if l := ix.layer; l != nil {
		return l.tbase + len(l.newTerm) + 1
	}
	if ix.base != nil {
		return ix.base.nterms + 1
	}
	return len(ix.terms)
}

// term returns term id with its postings. A damaged snapshot's postings
// read as empty, and the search reports the damage (see Index.damage).
func (ix *Index) term(id uint32) *term {
	if ix.layer != nil {
		return ix.layer.term(ix, id)
	}
	if ix.base == nil {
		return &ix.terms[id]
	}
	t, err := ix.base.term(id)
	if err != nil {
		ix.setDamaged(err)
	}
	return t
}

func (ix *Index) termText(id uint32) string {
	if ix.layer != nil {
		return ix.layer.text(id)
	}
	if ix.base != nil {
		return ix.base.text(id)
	}
	return ix.terms[id].text
}

// df is the number of documents whose body or title has term id.
func (ix *Index) df(id uint32) int {
	if ix.layer != nil {
		t := ix.term(id)
		return len(t.docs) + len(t.tdocs)
	}
	if m := ix.base; m != nil {
		return int(m.tdocsN[id-1]) + int(m.ttdocsN[id-1])
	}
	return ix.terms[id].df()
}

// isName: a word mostly written capitalised is a proper name, whose
// transliteration variants are matched with each other.
func (ix *Index) isName(id uint32) bool {
	if l := ix.layer; l != nil {
		count, caps := l.counts(id)
		return caps*4 > count*3
	}
	if m := ix.base; m != nil {
		return m.tcaps[id-1]*4 > m.tcount[id-1]*3
	}
	return ix.terms[id].isName()
}

// lookup returns the ID of word w, or 0.
func (ix *Index) lookup(w string) uint32 {
	if ix.layer != nil {
		return ix.layer.lookup(w)
	}
	if ix.base != nil {
		return ix.base.lookup(w)
	}
	return ix.vocab.lookup(ix.terms, w)
}

// stemTerms and keyTerms list the terms with a stem or transliteration
// key (do not modify).
func (ix *Index) stemTerms(stem string) []uint32 {
	if l := ix.layer; l != nil && len(l.byStem[stem]) > 0 {
		return append(slices.Clip(ix.base.stems.find(stem)), l.byStem[stem]...)
	}
	if ix.base != nil {
		return ix.base.stems.find(stem)
	}
	return ix.byStem[stem]
}

func (ix *Index) keyTerms(key string) []uint32 {
	if l := ix.layer; l != nil && len(l.byKey[key]) > 0 {
		return append(slices.Clip(ix.base.keys.find(key)), l.byKey[key]...)
	}
	if ix.base != nil {
		return ix.base.keys.find(key)
	}
	return ix.byKey[key]
}

// fwdOf is document d's forward index.
func (ix *Index) fwdOf(d uint32) []byte {
	if l := ix.layer; l != nil && int(d) >= l.nbase {
		return l.fwd[int(d)-l.nbase]
	}
	if ix.base != nil {
		f, err := ix.base.fwdOf(d)
		if err != nil {
			ix.setDamaged(err)
		}
		return f
	}
	return ix.fwd[d]
}

// title is document d's title.
func (ix *Index) title(d uint32) string {
	if ix.docs == nil && ix.base != nil {
		return ix.base.docString(d, 1)
	}
	return ix.docs[d].Title
}

// article returns document d's article: at hand, or fetched for an index
// opened without its articles. Either must be the one the snapshot was
// made of (ErrStale if not): its fingerprint is checked here, the first
// time a search returns it.
func (ix *Index) article(d uint32) (*corpus.Article, error) {
	m := ix.base
	if m == nil || int(d) >= m.ndocs {
		return ix.docs[d], nil
	}
	var a *corpus.Article
	if ix.docs != nil {
		a = ix.docs[d]
	} else {
		info := m.info(d)
		var err error
		if a, err = m.fetch(info); err != nil {
			return nil, err
		}
		if a == nil || a.ID != info.ID || !a.Published.Equal(info.Published) {
			return nil, ErrStale
		}
	}
	if !m.known(d, a) {
		return nil, ErrStale
	}
	return a, nil
}

// setDamaged records the first damage found in a mapped snapshot.
func (ix *Index) setDamaged(err error) { ix.damaged.CompareAndSwap(nil, &err) }

// damage is the damage found so far, or nil: a search that met any
// returns it instead of results that might be wrong.
func (ix *Index) damage() error {
	if p := ix.damaged.Load(); p != nil {
		return *p
	}
	return nil
}

// rankKey is what breaks ties between equal scores: the publication time
// and the ID of document d.
func (ix *Index) rankKey(d uint32) (time.Time, string) {
	if ix.docs == nil && ix.base != nil {
		m := ix.base
		return time.Unix(int64(m.pubSec[d]), int64(m.pubNsec[d])), m.docString(d, 0)
	}
	a := ix.docs[d]
	return a.Published, a.ID
}

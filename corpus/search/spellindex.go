package search

import (
	"slices"
	"sync"
)

// spellIndex finds the vocabulary words that may be within a small edit
// distance of a word, so that the fuzzy fallback does not compare the word
// with the whole vocabulary (500,000 words in a real corpus). It lists the
// terms by length and by the letter pairs (bigrams) of their text, with a
// start and an end mark. Words within edit distance k differ in length by
// at most k; an edit changes at most three bigram occurrences (an adjacent
// transposition three, any other edit two), so such a word also has at
// least distinct(w) - 3k of w's distinct bigrams: only terms with that
// many are compared. Built the first time a fuzzy search needs it and
// extended with the terms added since.
type spellIndex struct {
	mu    sync.Mutex
	n     int                  // terms indexed: IDs below n
	grams map[gramKey][]uint32 // term IDs, ascending
	count []uint8              // scratch by term ID, all zero between calls
}

type gramKey struct {
	gram uint64 // two runes
	n    int    // length of the words in runes
}

const (
	gramStart = 0 // runes never found in folded words
	gramEnd   = 1
)

// bigrams appends the distinct bigrams of w, sorted, and returns its
// length in runes.
func bigrams(w string, out []uint64) ([]uint64, int) {
	prev := rune(gramStart)
	n := 0
	for _, r := range w {
		out = append(out, uint64(prev)<<32|uint64(r))
		prev = r
		n++
	}
	out = append(out, uint64(prev)<<32|gramEnd)
	slices.Sort(out)
	return slices.Compact(out), n
}

// candidates calls fn, in term ID order, with every term that may be
// within edit distance maxD of w. It returns false when the bigrams cannot
// rule anything out (a short word with repeated letter pairs); the caller
// then compares the whole vocabulary. Caller holds ix.mu (read).
func (s *spellIndex) candidates(ix *Index, w string, maxD int, fn func(id uint32)) bool {
	var buf [32]uint64
	qs, n := bigrams(w, buf[:0])
	need := len(qs) - 3*maxD
	if need <= 0 || len(qs) > 255 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.grams == nil {
		s.grams = map[gramKey][]uint32{}
		s.n = 1 // ID 0 is unused
	}
	var gs []uint64
	for id := s.n; id < ix.nterms(); id++ {
		var k int
		gs, k = bigrams(ix.termText(uint32(id)), gs[:0])
		for _, g := range gs {
			key := gramKey{g, k}
			s.grams[key] = append(s.grams[key], uint32(id))
		}
	}
	s.n = ix.nterms()
	if len(s.count) < s.n {
		s.count = make([]uint8, s.n+s.n/4)
	}
	var found []uint32
	for k := max(1, n-maxD); k <= n+maxD; k++ {
		for _, g := range qs {
			for _, id := range s.grams[gramKey{g, k}] {
				if s.count[id]++; int(s.count[id]) == need {
					found = append(found, id)
				}
			}
		}
		for _, g := range qs {
			for _, id := range s.grams[gramKey{g, k}] {
				s.count[id] = 0
			}
		}
	}
	slices.Sort(found)
	for _, id := range found {
		fn(id)
	}
	return true
}

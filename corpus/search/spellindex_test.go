package search

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
)

// TestSpellIndexFindsEveryCloseWord checks the bigram filter against the
// whole vocabulary: every word within the edit distance is a candidate
// (edits, transpositions, repeated letters, non-Latin words), on an index
// that grows between lookups.
func TestSpellIndexFindsEveryCloseWord(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := pseudoWords(6000, r)
	words = append(words, "путин", "путина", "ёлка", "zelensky", "zelenskyy", "zelenskiy", "aaaa", "aaab", "abab", "baba", "mississippi", "missisippi")
	ix := New()
	for i := 0; i < len(words); i += 500 {
		ix.Add([]*corpus.Article{{ID: "w", Title: "t", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: strings.Join(words[i:min(i+500, len(words))], " ")}}}})
		var queries []string
		for k := 0; k < 100; k++ {
			w := []rune(words[r.IntN(min(i+500, len(words)))])
			if len(w) < 2 {
				continue
			}
			switch j := r.IntN(len(w) - 1); r.IntN(4) {
			case 0: // substitution
				w[j] = rune('a' + r.IntN(26))
			case 1: // transposition
				w[j], w[j+1] = w[j+1], w[j]
			case 2: // deletion
				w = append(w[:j], w[j+1:]...)
			case 3: // insertion
				w = append(w[:j], append([]rune{rune('a' + r.IntN(26))}, w[j:]...)...)
			}
			queries = append(queries, string(w))
		}
		queries = append(queries, "putin", "путн", "aaba", "abba", "misisippi", "zelenskyi")
		ix.mu.RLock()
		for _, q := range queries {
			for maxD := 1; maxD <= 2; maxD++ {
				cand := map[uint32]bool{}
				if !ix.cache.spell.candidates(ix, q, maxD, func(id uint32) { cand[id] = true }) {
					continue
				}
				rq := []rune(q)
				for id := 1; id < len(ix.terms); id++ {
					if editDistance(rq, ix.terms[id].text, maxD) <= maxD && !cand[uint32(id)] {
						t.Errorf("%q (distance %d): %q is not a candidate", q, maxD, ix.terms[id].text)
					}
				}
				if utf8.RuneCountInString(q) >= 6 && len(cand) > len(ix.terms)/4 {
					t.Errorf("%q: %d candidates of %d words: the filter does not filter", q, len(cand), len(ix.terms))
				}
			}
		}
		ix.mu.RUnlock()
	}
}

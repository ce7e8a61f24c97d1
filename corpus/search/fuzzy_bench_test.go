package search

import (
	"context"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// A real news corpus has a vocabulary of about 500,000 words (names,
// places, numbers, misspellings); the generated one has 6,000. The fuzzy
// fallback (a word with no exact hits) looks for close spellings in the
// whole vocabulary, so it is measured on a synthetic one of that size.

var (
	bigVocabOnce  sync.Once
	bigVocabIndex *Index
	bigVocabWords []string
)

// pseudoWords returns n distinct lower-case words built from syllables,
// 3–14 letters long, like the names and rare words of a real vocabulary.
func pseudoWords(n int, r *rand.Rand) []string {
	syl := []string{"ka", "ro", "mi", "an", "ter", "vel", "os", "un", "bri", "sha", "lo", "ne", "gor", "ti", "ex", "pa", "dra", "ul", "zen", "ko", "fi", "mar", "st", "ch", "ing", "er", "y", "ov", "sk", "ia"}
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		var sb strings.Builder
		for k := 1 + r.IntN(5); k > 0; k-- {
			sb.WriteString(syl[r.IntN(len(syl))])
		}
		w := sb.String()
		if len(w) < 3 || len(w) > 14 || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func bigVocab() (*Index, []string) {
	bigVocabOnce.Do(func() {
		r := rand.New(rand.NewPCG(5, 5))
		words := pseudoWords(500_000, r)
		var as []*corpus.Article
		for i := 0; i < len(words); i += 100 {
			body := strings.Join(words[i:min(i+100, len(words))], " ")
			as = append(as, &corpus.Article{ID: "v", Title: words[i], Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: body}}})
		}
		ix := New()
		for i := 0; i < len(as); i += 2000 {
			ix.Add(as[i:min(i+2000, len(as))])
		}
		bigVocabIndex, bigVocabWords = ix, words
	})
	return bigVocabIndex, bigVocabWords
}

// misspell changes one letter of w (or two for long words), giving a word
// that is not in the vocabulary.
func misspell(ix *Index, w string, r *rand.Rand) string {
	for {
		b := []byte(w)
		for k := 0; k < 1+len(b)/8; k++ {
			b[r.IntN(len(b))] = byte('a' + r.IntN(26))
		}
		if s := string(b); ix.vocab.lookup(ix.terms, s) == 0 {
			return s
		}
	}
}

// BenchmarkFuzzy: a misspelled word (4–14 letters) against a vocabulary of
// 500,000 words.
func BenchmarkFuzzy(b *testing.B) {
	ix, words := bigVocab()
	r := rand.New(rand.NewPCG(9, 9))
	var qs []string
	for len(qs) < 200 {
		if w := words[r.IntN(len(words))]; len(w) >= 4 {
			qs = append(qs, misspell(ix, w, r))
		}
	}
	ix.Search(context.Background(), qs[0], Options{}) // builds what the fallback keeps
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(context.Background(), qs[i%len(qs)], Options{})
	}
}

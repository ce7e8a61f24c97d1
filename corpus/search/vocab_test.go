package search

import (
	"fmt"
	"testing"
)

func TestVocab(t *testing.T) {
	v := newVocab()
	terms := make([]term, 1)
	words := []string{"a", "ab", "abc", "", "fifteen-bytes!!", "sixteen-bytes!!!", "a-much-longer-word-than-sixteen", "北京", "путин"}
	for i := range 5000 {
		words = append(words, fmt.Sprint("w", i), fmt.Sprint("a-long-generated-word-", i))
	}
	for _, w := range words {
		if v.lookup(terms, w) != 0 {
			t.Fatalf("%q found before insertion", w)
		}
		terms = append(terms, term{text: w})
		v.insert(terms, uint32(len(terms)-1), v.hash([]byte(w)))
	}
	for id, tm := range terms[1:] {
		want := uint32(id + 1)
		if got := v.find(terms, []byte(tm.text), v.hash([]byte(tm.text))); got != want {
			t.Fatalf("find(%q) = %d, want %d", tm.text, got, want)
		}
		if got := v.lookup(terms, tm.text); got != want {
			t.Fatalf("lookup(%q) = %d, want %d", tm.text, got, want)
		}
	}
	for _, w := range []string{"abcd", "w5000", "a-long-generated-word-5000", "a\x00", "fifteen-bytes!"} {
		if id := v.lookup(terms, w); id != 0 {
			t.Errorf("lookup(%q) = %d (%q)", w, id, terms[id].text)
		}
	}
}

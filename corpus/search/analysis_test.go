package search

import (
	"encoding/binary"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
	"github.com/parallax-reader/parallax/corpus/lang/langtest"
)

// TestIndexReadsTheSharedChain: the words search indexes for a text are
// lang.Folded's tokens, in order, and a word's other forms are found by
// lang.Stemmed's stem; so search reads text as comparison does.
func TestIndexReadsTheSharedChain(t *testing.T) {
	for _, s := range langtest.Texts() {
		ix := New()
		ix.Add([]*corpus.Article{{ID: "a", Outlet: "o", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: s}}}})
		var ids []uint64
		for buf := ix.fwd[0]; len(buf) > 0; {
			v, n := binary.Uvarint(buf)
			if n <= 0 {
				t.Fatalf("%q: bad forward index", s)
			}
			buf = buf[n:]
			ids = append(ids, v)
		}
		folded, stemmed := lang.Folded.Analyze(s), lang.Stemmed.Analyze(s)
		if len(ids) != len(folded) {
			t.Fatalf("%q: %d words indexed, the chain has %d", s, len(ids), len(folded))
		}
		for i, id := range ids {
			if got := ix.terms[id].text; got != folded[i].Text {
				t.Errorf("%q word %d: indexed %q, the chain %q", s, i, got, folded[i].Text)
			}
			if !slices.Contains(ix.byStem[stemmed[i].Text], uint32(id)) {
				t.Errorf("%q word %d (%q): not under its stem %q", s, i, folded[i].Text, stemmed[i].Text)
			}
		}
	}
}

package compare

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lang"
	"github.com/parallax-reader/parallax/corpus/lang/langtest"
)

// TestWordsReadTheSharedChain: the words comparison reads from a text are
// lang.Folded's tokens, in order and at their starts, and a content word's
// term is the sense of lang.Stemmed's stem; so comparison reads text as
// search does.
func TestWordsReadTheSharedChain(t *testing.T) {
	for _, s := range langtest.Texts() {
		ws := words(s)
		folded, stemmed := lang.Folded.Analyze(s), lang.Stemmed.Analyze(s)
		if len(ws) != len(folded) {
			t.Fatalf("%q: %d words, the chain has %d", s, len(ws), len(folded))
		}
		content := 0
		for i, w := range ws {
			if w.fold != folded[i].Text || w.start != folded[i].Start {
				t.Errorf("%q word %d: %q at %d, the chain %q at %d", s, i, w.fold, w.start, folded[i].Text, folded[i].Start)
			}
			if cachedStem(w.fold) != stemmed[i].Text {
				t.Errorf("%q word %d: stem %q, the chain %q", s, i, cachedStem(w.fold), stemmed[i].Text)
			}
			if w.term != "" && !w.acro && !strings.HasPrefix(w.term, "@") {
				content++
				if w.term != senseOf(stemmed[i].Text) {
					t.Errorf("%q word %d: term %q, the sense of the chain's stem %q", s, i, w.term, senseOf(stemmed[i].Text))
				}
			}
		}
		if content == 0 {
			t.Errorf("%q: no content word checked", s)
		}
	}
}

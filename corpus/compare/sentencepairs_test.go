package compare

import "testing"

// TestSentencePairsMatchPairModel: scoring one sentence pair alone gives
// the very figure the full pair model gives it, for every pair of
// sentences of every two seed articles (quoted pairs included), so the
// coverage table's sameFact reads what an alignment would show.
func TestSentencePairsMatchPairModel(t *testing.T) {
	docs := PrepareAll(load(t, "../../seeds"))
	pairs, quoted := 0, 0
	for p := range docs {
		for q := range docs {
			if p == q {
				continue
			}
			a, b := docs[p], docs[q]
			m := newPairModel(a, b)
			sp := newSentencePairs(a, b, newDocTerms(a), newDocTerms(b))
			for i := range a.Sentences {
				for j := range b.Sentences {
					pairs++
					if m.quoted[i*len(b.Sentences)+j] > 0 {
						quoted++
					}
					if got, want := sp.at(i, j), m.at(i, j); got != want {
						t.Fatalf("docs %d/%d sentence %d,%d: alone %v, in the model %v", p, q, i, j, got, want)
					}
				}
			}
		}
	}
	if quoted == 0 {
		t.Fatalf("no quoted pair among %d: the quote bonus path is untested", pairs)
	}
	t.Logf("%d sentence pairs (%d with a quote bonus) score the same alone", pairs, quoted)
}

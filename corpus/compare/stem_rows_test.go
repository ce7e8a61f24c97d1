package compare

import (
	"slices"
	"strings"
	"testing"
)

// TestSeedsAdverbRowGone: seed 000's "…pushed to officially, in the legal
// sense, reject this aspiration" is a source's statement about a formal
// step; seed 001's "Ukrainian officials strongly rejected the idea" is about
// the officials. With "officially" stemmed as "officials" the two aligned
// (score 0.83); an adverb keeps its own stem, so no row pairs them.
func TestSeedsAdverbRowGone(t *testing.T) {
	as := load(t, "../../seeds/000_b8494e57d3896bdc.txt", "../../seeds/001_9e7bb833f3267a33.txt")
	docs := PrepareAll(as)
	a, b := docs[0], docs[1]
	find := func(d *Doc, s string) int {
		for i := range d.Sentences {
			if strings.Contains(d.Sentences[i].Text, s) {
				return i
			}
		}
		t.Fatalf("no sentence with %q", s)
		return -1
	}
	ia := find(a, "officially, in the legal sense, reject this aspiration")
	jb := find(b, "officials strongly rejected the idea")
	for _, r := range Compare(a, b).Rows {
		if r.IsGap() {
			continue
		}
		if slices.Contains(r.A, ia) && slices.Contains(r.B, jb) {
			t.Fatalf("row A%v B%v (score %.2f) pairs %q with %q", r.A, r.B, r.Score, a.Sentences[ia].Text, b.Sentences[jb].Text)
		}
	}
	if p := PairScore(a, b, ia, jb); p >= sameFactProbability {
		t.Errorf("pair score %.2f, want below %.2f", p, sameFactProbability)
	}
}

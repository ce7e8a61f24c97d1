package compare

import (
	"math"
	"slices"
	"testing"
)

// refitLinking reweighs, as stated, the stored articles whose fingerprint
// holds a term only they used that new articles now use too: that term's
// weight is lifted from uniqueTermWeight to its inverse document frequency
// in the joined statistics, the fingerprint normalised again, and the
// query and index terms become its linking terms (used by 2 to
// max(64, docs/50) articles), heaviest first, then the stored query terms
// outside it that link. Fingerprints without such a term are left as
// they were.
func TestRefitLinkingAsStated(t *testing.T) {
	stored := termStats{docs: 9990, df: []int32{1, 3, 1, 300, 200, 5, 1}}
	joined := termStats{docs: 10000, df: []int32{2, 3, 1, 300, 201, 5, 1}}
	fps := []fingerprint{
		{{0, 0.5}, {1, 0.5}, {3, 0.5}, {4, 0.5}}, // term 0 was its alone
		{{1, 0.6}, {2, 0.8}},                     // term 2 is still its alone
		{{0, 0.3}, {2, 0.9}, {4, 0.3}},
	}
	q := &queryTable{query: make([]uint32, 3*queryTerms), index: make([]uint32, 3*indexTerms), nq: make([]uint8, 3), ni: make([]uint8, 3)}
	copy(q.query[0:], []uint32{1, 5, 6})
	q.nq[0] = 3
	copy(q.query[queryTerms:], []uint32{1})
	q.nq[1] = 1
	q.query[queryTerms], q.index[indexTerms], q.ni[1] = 1, 1, 1
	before := slices.Clone(fps[1])
	st := &storedTerms{termStats: stored, fps: slices.Clone(fps), query: q}

	refit := refitLinking(st, &joined)
	if !slices.Equal(refit, []bool{true, false, true}) {
		t.Fatalf("refit %v, want the first and the third", refit)
	}
	if !slices.Equal(st.fps[1], before) || !slices.Equal(q.queryOf(1), []uint32{1}) || !slices.Equal(q.indexOf(1), []uint32{1}) {
		t.Fatalf("the article left as it was changed: %v, query %v, index %v", st.fps[1], q.queryOf(1), q.indexOf(1))
	}
	idf := func(s termStats, x uint32) float64 {
		return math.Log((1+float64(s.docs))/(1+float64(s.df[x]))) + 1
	}
	maxPosting := max(64, joined.docs/50) // 200: term 3 (300) does not link, term 4 (201) neither
	linking := func(x uint32) bool { return joined.df[x] >= 2 && int(joined.df[x]) <= maxPosting }
	for k, want := range map[int][]uint32{0: {0, 1, 5}, 2: {0}} {
		// The weights as stated.
		ws := make([]float64, len(fps[k]))
		var norm float64
		for y, x := range fps[k] {
			w := float64(x.w)
			if stored.df[x.t] < 2 && joined.df[x.t] >= 2 {
				w *= idf(joined, x.t) / idf(stored, x.t) / uniqueTermWeight
			}
			ws[y] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for y, x := range st.fps[k] {
			if x.t != fps[k][y].t || math.Abs(float64(x.w)-ws[y]/norm) > 1e-6 {
				t.Errorf("article %d, term %d: weight %v, want %v", k, x.t, x.w, ws[y]/norm)
			}
		}
		for _, x := range q.queryOf(k) {
			if !linking(x) {
				t.Errorf("article %d: query term %d does not link", k, x)
			}
		}
		if got := q.queryOf(k); !slices.Equal(got, want) {
			t.Errorf("article %d: query terms %v, want %v", k, got, want)
		}
		if got := q.indexOf(k); !slices.Equal(got, want) {
			t.Errorf("article %d: index terms %v, want %v", k, got, want)
		}
	}
	// The lifted term weighs more than before, relative to the others.
	if st.fps[0][0].w <= st.fps[0][1].w {
		t.Errorf("term 0 of article 0 weighs %v, no more than term 1 (%v)", st.fps[0][0].w, st.fps[0][1].w)
	}
}

package compare

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// labelledDocs prepares a labelled pair and resolves its sentence pairs.
func labelledDocs(t *testing.T, lp labelledPair) (a, b *Doc, same, not map[[2]int]bool) {
	t.Helper()
	a = Prepare(article(lp.name+"/a", lp.a...))
	b = Prepare(article(lp.name+"/b", lp.b...))
	resolve := func(pairs [][2]string) map[[2]int]bool {
		out := map[[2]int]bool{}
		for _, p := range pairs {
			i, j := sentenceWith(a, p[0]), sentenceWith(b, p[1])
			if i < 0 || j < 0 {
				t.Fatalf("%s: fixture sentences not found: %q %d, %q %d", lp.name, p[0], i, p[1], j)
			}
			out[[2]int{i, j}] = true
		}
		return out
	}
	return a, b, resolve(lp.same), resolve(lp.not)
}

type prf struct{ tp, fp, fn int }

func (p prf) precision() float64 {
	if p.tp+p.fp == 0 {
		return 1
	}
	return float64(p.tp) / float64(p.tp+p.fp)
}

func (p prf) recall() float64 {
	if p.tp+p.fn == 0 {
		return 1
	}
	return float64(p.tp) / float64(p.tp+p.fn)
}

// TestAlignmentQuality measures the alignment on the labelled set: the
// precision of aligned rows (a row is right when some pair of its sentences
// reports the same fact), the recall of the facts both report, and the
// same for the pair score alone read as a probability (>= 0.5: same fact).
// Hard negatives must never share a row.
func TestAlignmentQuality(t *testing.T) {
	var rows, pairs prf
	var negatives, pairCount int
	type bin struct {
		n, same int
		pred    float64
	}
	var bins [5]bin
	for _, lp := range labelledPairs {
		a, b, same, not := labelledDocs(t, lp)
		c := Compare(a, b)
		checkRows(t, lp.name, c)
		together := map[[2]int]bool{}
		rightRow := map[[2]int]bool{} // pairs in a row that holds a labelled same-fact pair
		for _, r := range c.Rows {
			if r.IsGap() {
				continue
			}
			right := false
			for _, i := range r.A {
				for _, j := range r.B {
					together[[2]int{i, j}] = true
					right = right || same[[2]int{i, j}]
				}
			}
			if right {
				for _, i := range r.A {
					for _, j := range r.B {
						rightRow[[2]int{i, j}] = true
					}
				}
				rows.tp++
			} else {
				rows.fp++
				t.Logf("%s: wrong row %.2f %q = %q", lp.name, r.Score, sideString(a, r.A), sideString(b, r.B))
			}
		}
		for p := range same {
			if !together[p] {
				rows.fn++
				t.Logf("%s: missed %q = %q (pair score %.2f)", lp.name, a.Sentences[p[0]].Text, b.Sentences[p[1]].Text, PairScore(a, b, p[0], p[1]))
			}
		}
		for p := range not {
			if together[p] && !rightRow[p] {
				negatives++
				t.Errorf("%s: hard negative aligned: %q = %q", lp.name, a.Sentences[p[0]].Text, b.Sentences[p[1]].Text)
			}
		}
		m := newPairModel(a, b)
		for i := range a.Sentences {
			for j := range b.Sentences {
				pairCount++
				s := calibrate(m.at(i, j))
				bn := &bins[min(int(s*5), 4)]
				bn.n++
				bn.pred += s
				if same[[2]int{i, j}] {
					bn.same++
				}
				if testing.Verbose() && s >= 0.05 && s < 0.8 {
					t.Logf("  pair %.2f same=%v %q = %q", s, same[[2]int{i, j}], a.Sentences[i].Text, b.Sentences[j].Text)
				}
				switch yes := s >= 0.5; {
				case yes && same[[2]int{i, j}]:
					pairs.tp++
				case yes:
					pairs.fp++
				case same[[2]int{i, j}]:
					pairs.fn++
				}
			}
		}
	}
	t.Logf("aligned rows: precision %.2f (%d of %d), recall of shared facts %.2f (%d of %d)",
		rows.precision(), rows.tp, rows.tp+rows.fp, rows.recall(), rows.tp, rows.tp+rows.fn)
	t.Logf("pair score >= 0.5 over %d labelled pairs: precision %.2f, recall %.2f", pairCount, pairs.precision(), pairs.recall())
	var cal []string
	for k, b := range bins {
		if b.n == 0 {
			continue
		}
		pred, obs := b.pred/float64(b.n), float64(b.same)/float64(b.n)
		cal = append(cal, fmt.Sprintf("%.1f-%.1f: predicted %.2f, observed %.2f (%d/%d)", float64(k)/5, float64(k+1)/5, pred, obs, b.same, b.n))
		if b.n >= 5 && math.Abs(pred-obs) > 0.25 {
			t.Errorf("score bin %.1f-%.1f is not calibrated: predicted %.2f, observed %.2f", float64(k)/5, float64(k+1)/5, pred, obs)
		}
	}
	t.Logf("calibration by shown score: %s", strings.Join(cal, "; "))
	if rows.precision() < 0.9 || rows.recall() < 0.7 {
		t.Errorf("aligned rows: precision %.2f (want >= 0.90), recall %.2f (want >= 0.70)", rows.precision(), rows.recall())
	}
}

func sideString(d *Doc, ix []int) string {
	var parts []string
	for _, i := range ix {
		parts = append(parts, d.Sentences[i].Text)
	}
	return strings.Join(parts, " ")
}

// In each house style the alignment is exactly the labelled one: one row
// per same-fact pair, nothing else aligned.
func TestLabelledRowsExact(t *testing.T) {
	for _, lp := range labelledPairs {
		a, b, same, _ := labelledDocs(t, lp)
		c := Compare(a, b)
		got := map[[2]int]bool{}
		for _, r := range c.Rows {
			if r.IsGap() {
				continue
			}
			if len(r.A) != 1 || len(r.B) != 1 {
				t.Errorf("%s: row joins sentences: %q = %q", lp.name, sideString(a, r.A), sideString(b, r.B))
				continue
			}
			got[[2]int{r.A[0], r.B[0]}] = true
		}
		for p := range got {
			if !same[p] {
				t.Errorf("%s: unexpected row %q = %q", lp.name, a.Sentences[p[0]].Text, b.Sentences[p[1]].Text)
			}
		}
		for p := range same {
			if !got[p] {
				t.Errorf("%s: missing row %q = %q", lp.name, a.Sentences[p[0]].Text, b.Sentences[p[1]].Text)
			}
		}
	}
}

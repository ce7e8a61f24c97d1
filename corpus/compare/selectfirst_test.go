package compare

import (
	"math/rand"
	"slices"
	"testing"
)

// selectFirst is there to be cheaper than sorting: on the inputs that make
// a quickselect pivoting on an end quadratic (sorted either way, one weight
// throughout: terms of equal weight ordered by term) as on random ones, it
// asks cmp a number of times linear in n (about 2n to 3n; the bound of 32n
// leaves room for instrumented builds, while a quadratic select asks
// hundreds of times n), and its first k are the k least. Selecting none,
// or all (a short article's terms: the callers do not check), asks nothing.
func TestSelectFirstLinearComparisons(t *testing.T) {
	const n = 4096
	r := rand.New(rand.NewSource(7))
	shapes := map[string]func(i int) float64{
		"ascending":  func(i int) float64 { return float64(i) },
		"descending": func(i int) float64 { return float64(n - i) },
		"one weight": func(int) float64 { return 1 },
		"random":     func(int) float64 { return r.Float64() },
	}
	for name, weight := range shapes {
		for _, k := range []int{1, 20, n / 2, n - 1} {
			xs := make([]tw, n)
			for i := range xs {
				xs[i] = tw{uint32(i), weight(i)}
			}
			want := slices.Clone(xs)
			slices.SortFunc(want, heavier)
			calls := 0
			selectFirst(xs, k, func(a, b tw) int { calls++; return heavier(a, b) })
			head := slices.Clone(xs[:k])
			slices.SortFunc(head, heavier)
			if !slices.Equal(head, want[:k]) {
				t.Fatalf("%s, k=%d: the first k are not the k least", name, k)
			}
			if calls > 32*n {
				t.Errorf("%s, k=%d: %d comparisons for %d elements", name, k, calls, n)
			}
		}
		for _, k := range []int{0, n, n + 1} {
			xs := make([]tw, n)
			for i := range xs {
				xs[i] = tw{uint32(i), weight(i)}
			}
			calls := 0
			selectFirst(xs, k, func(a, b tw) int { calls++; return heavier(a, b) })
			if calls != 0 {
				t.Errorf("%s, k=%d: %d comparisons to select none or all", name, k, calls)
			}
		}
	}
}

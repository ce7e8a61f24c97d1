package compare

import (
	"context"
	"math/rand"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// The fast counting path (EachToken, per-worker word numbers) must count
// exactly what the plain tokenizer gives, with each term once.
func TestBagsMatchTokens(t *testing.T) {
	as := append(load(t, "../../seeds"), load(t, "testdata/stories")...)
	for _, workers := range []int{1, 3} {
		bags := countTerms(context.Background(), as, workers)
		for i, a := range as {
			want := map[uint64]int32{}
			add := func(text string, times int32) {
				for _, tk := range lang.Tokens(text) {
					if h := storyTerm(tk.Text); h != 0 {
						want[h] += times
					}
				}
			}
			add(a.Title, 2)
			for _, b := range a.Blocks {
				add(b.Text, 1)
			}
			got := map[uint64]int32{}
			bags.bags[i].each(func(local, n uint32) {
				h := bags.hashes[bags.term(i, local)]
				if _, dup := got[h]; dup {
					t.Fatalf("%s: term counted twice", a.ID)
				}
				got[h] = int32(n)
			})
			if len(got) != len(want) {
				t.Fatalf("%s: %d terms, want %d", a.ID, len(got), len(want))
			}
			for k, v := range want {
				if got[k] != v {
					t.Fatalf("%s: a term counted %d times, want %d", a.ID, got[k], v)
				}
			}
		}
	}
}

// selectFirst puts the k least first, whatever the input order, ties and
// sizes.
func TestSelectFirst(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for round := 0; round < 2000; round++ {
		n := 1 + r.Intn(400)
		xs := make([]tw, n)
		for i := range xs {
			// Few distinct weights: many ties, broken by term.
			xs[i] = tw{uint32(r.Intn(n)*1000 + i), float64(r.Intn(1 + round%20))}
		}
		k := r.Intn(n + 2)
		want := slices.Clone(xs)
		slices.SortFunc(want, heavier)
		got := slices.Clone(xs)
		selectFirst(got, k, heavier)
		m := min(k, n)
		head := slices.Clone(got[:m])
		slices.SortFunc(head, heavier)
		if !slices.Equal(head, want[:m]) {
			t.Fatalf("n=%d k=%d: first k are not the k least", n, k)
		}
	}
}

package compare

import (
	"context"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// The fast counting path (EachWord, per-worker word numbers) must count
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
			for _, c := range bags[i].counts {
				if _, dup := got[c.t]; dup {
					t.Fatalf("%s: term counted twice", a.ID)
				}
				got[c.t] = c.n
			}
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

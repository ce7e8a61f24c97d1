package search

import (
	"context"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Hits located from the forward index must be exactly those found by
// re-tokenising each block, for every article and query.
func TestBodyHitsMatchText(t *testing.T) {
	seeds := loadSeeds(t)
	queries := []struct {
		q      string
		typing bool
	}{
		{"Umerov", false}, {"talks", false}, {"the", false}, {`"tough but constructive"`, false},
		{"peace plan", false}, {"Umer", true}, {"the pe", true}, {"t", true}, {"title:kremlin talks", false},
		{"Witkof", false}, {"Zelensky", false}, {"Kyiv Kiev", false}, {"28-point", false}, {`"the" of`, false},
	}
	total := 0
	for _, ix := range []*Index{seeds, fixture()} {
		for _, tq := range queries {
			q, err := ParseQuery(tq.q, tq.typing)
			if err != nil {
				t.Fatal(err)
			}
			ix.mu.RLock()
			cq := ix.compile(q)
			for d, a := range ix.docs {
				got := locate(a, ix.bodyHits(cq, uint32(d)))
				var want []hit
				for bi, b := range a.Blocks {
					want = append(want, cq.hits(b.Text, bi, false)...)
				}
				total += len(want)
				if !slices.Equal(got, want) {
					t.Errorf("%q in %s: forward index gives %v, text %v", tq.q, a.ID, got, want)
				}
			}
			ix.mu.RUnlock()
		}
	}
	if total < 100 {
		t.Fatalf("only %d hits: the comparison tests little", total)
	}
	// And through Search: every position covers a word the query accepts.
	r, _ := seeds.Search(context.Background(), "the talks", Options{Limit: -1})
	for _, h := range r.Hits {
		if len(h.Positions) == 0 {
			t.Errorf("%s: no positions", h.Article.ID)
		}
	}
}

func checkTokenSpans(t *testing.T, s string) {
	t.Helper()
	var want []int32
	lang.EachToken(s, func(_ []byte, start, end int) { want = append(want, int32(start), int32(end)) })
	if got := tokenSpans(s, nil); !slices.Equal(got, want) {
		t.Fatalf("%q: tokenSpans %v, EachToken %v", s, got, want)
	}
}

func TestTokenSpans(t *testing.T) {
	for _, s := range []string{"", "a", "don't stop", "x'é y", "x' y", "'a", "a'", "Umerov’s talks", "café au lait", "a b é", "12-point, 3'4",
		"rock'n'roll", "北京 a", "a北", "e\u0301", "F.B.I.'s N.R.A. U.S.-led a.m. 3.5 x.y.com"} {
		checkTokenSpans(t, s)
	}
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{"../../seeds"}}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range c.Articles {
		for _, b := range a.Blocks {
			checkTokenSpans(t, b.Text)
		}
	}
}

func FuzzTokenSpans(f *testing.F) {
	f.Add("don't x'é 北京 a’b")
	f.Fuzz(func(t *testing.T, s string) { checkTokenSpans(t, s) })
}

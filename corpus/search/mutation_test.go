package search

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
)

// Tests written against mutants that lived (see MUTATION.md).

// bm25Corpus is five short articles whose token counts are easy to check by
// hand: every word is a token, punctuation is not.
func bm25Corpus() *Index {
	ix := New()
	ix.Add([]*corpus.Article{
		art("d1", "a.com", "Harbour strike ends", // title 3 tokens
			"Dock workers ended the harbour strike on Friday after the port raised pay."), // body 13
		art("d2", "b.com", "Port talks resume", // 3
			"Talks between the port and the union resumed on Monday."), // 10
		art("d3", "c.com", "Strike", // 1
			"The strike at the harbour, the third strike this year, closed the harbour for a week and the strike may return."), // 21
		art("d4", "d.com", "Rain in the north", // 4
			"Heavy rain fell across the north on Sunday."), // 8
		art("d5", "e.com", "Harbour reopens after the long strike", // 6
			"Ships entered the harbour again on Tuesday."), // 7
	})
	return ix
}

// BM25 by hand: N = 5 documents, average body length 59/5 tokens, average
// title length 17/5, k1 = 1.2, b = 0.75, titles weigh 2.5 and count each
// term once; idf(df) = ln(1 + (N - df + 0.5)/(df + 0.5)), with body and
// title document frequencies counted apart.
func handBody(df, tf, length float64) float64 {
	const n, avg, k1, b = 5, 59.0 / 5, 1.2, 0.75
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	return idf * (k1 + 1) * tf / (tf + k1*(1-b) + k1*b*length/avg)
}

func handTitle(df, length float64) float64 {
	const n, avg, k1, b, boost = 5, 17.0 / 5, 1.2, 0.75, 2.5
	idf := math.Log(1 + (n-df+0.5)/(df+0.5))
	return boost * idf * (k1 + 1) / (1 + k1*(1-b) + k1*b*length/avg)
}

func TestBM25HandComputed(t *testing.T) {
	ix := bm25Corpus()
	// "harbour": in the bodies of d1, d3 (twice) and d5, the titles of d1
	// and d5. "strike": in the bodies of d1 and d3 (three times), the
	// titles of d1, d3 and d5.
	harbour := map[string]float64{
		"d1": handBody(3, 1, 13) + handTitle(2, 3), // 2.8168035604646837
		"d5": handBody(3, 1, 7) + handTitle(2, 6),  // 2.3137315098252365
		"d3": handBody(3, 2, 21),                   // 0.6078344552137516
	}
	strike := map[string]float64{
		"d3": handBody(2, 3, 21) + handTitle(3, 1), // 3.073388005721409
		"d1": handBody(2, 1, 13) + handTitle(3, 3), // 2.2561246227241236
		"d5": handTitle(3, 6),                      // 1.0263986317414715
	}
	both := map[string]float64{}
	for id, s := range harbour {
		both[id] = s + strike[id] // d1 5.0729, d3 3.6812, d5 3.3401
	}
	for _, c := range []struct {
		query string
		want  map[string]float64
		order []string
	}{
		{"harbour", harbour, []string{"d1", "d5", "d3"}},
		{"strike", strike, []string{"d3", "d1", "d5"}},
		{"harbour strike", both, []string{"d1", "d3", "d5"}},
		{"strike harbour", both, []string{"d1", "d3", "d5"}},
	} {
		r, err := ix.Search(context.Background(), c.query, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(r); !slices.Equal(got, c.order) || r.Total != len(c.order) {
			t.Errorf("%q: order %v (total %d), want %v", c.query, got, r.Total, c.order)
		}
		for _, h := range r.Hits {
			// Scores are float32: equal to about seven digits.
			if want := c.want[h.Article.ID]; math.Abs(h.Score-want) > 1e-6*want {
				t.Errorf("%q %s: score %.9f, want %.9f", c.query, h.Article.ID, h.Score, want)
			}
		}
	}
}

// rankingCorpus: wire-style articles of realistic lengths. The explainer is
// long and about the ceasefire throughout; the brief mentions it once in
// a few lines; the others mention it in passing or not at all.
func rankingCorpus() *Index {
	para := func(s string, n int) string {
		out := s
		for range n - 1 {
			out += " " + s
		}
		return out
	}
	ix := New()
	ix.Add([]*corpus.Article{
		art("explainer", "wire.example", "What the deal in Doha means for the region",
			para("Negotiators met again in Doha on Tuesday to discuss the terms of the ceasefire and the release of prisoners held by both sides.", 3),
			para("Diplomats said the ceasefire would hold only if aid convoys could reach the north, where hospitals have run short of fuel and medicine.", 3),
			para("Analysts warned that previous agreements had collapsed within weeks, and that the monitoring of the ceasefire remained the hardest question.", 2)),
		art("brief", "paper.example", "Markets rise in early trade",
			"Shares rose in early trade on Wednesday as investors welcomed news of a ceasefire and lower oil prices."),
		art("sport", "sport.example", "Late goal settles the derby",
			para("A late goal settled the derby on Saturday night in front of a crowd of forty thousand people at the old stadium.", 4),
			"Fans observed a minute of silence before kick-off for the victims of the conflict, days after the ceasefire was announced."),
		art("weather", "weather.example", "Storm warning for the coast",
			para("Forecasters issued a storm warning for the coast as winds of up to ninety kilometres an hour were expected overnight.", 3)),
		art("aid", "aid.example", "Convoys wait at the border",
			"Aid convoys waited at the border crossing for a second day on Thursday.",
			"Drivers said they had been told the ceasefire terms allowed them through, but the crossing stayed closed.",
			"Officials blamed paperwork for the delay and promised the convoys would move by the weekend."),
	})
	return ix
}

// Order checks on realistic queries: the article about a subject ranks
// first; among articles that mention it once, the shorter ranks higher, but
// not so much higher that a brief outranks the explainer (length is
// normalised by the average body, not the average title); the article
// about convoys ranks first for convoys.
func TestBM25RealisticOrder(t *testing.T) {
	ix := rankingCorpus()
	for _, c := range []struct{ query, want string }{
		{"ceasefire", "explainer brief aid sport"},
		{"ceasefire convoys", "aid explainer"},
		{"ceasefire doha", "explainer"},
		{"storm coast", "weather"},
		{"border crossing", "aid"},
	} {
		r, err := ix.Search(context.Background(), c.query, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(ids(r), " "); got != c.want {
			t.Errorf("%q: %s, want %s", c.query, got, c.want)
		}
	}
}

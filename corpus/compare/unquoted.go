package compare

import "math"

// A quote one outlet marks is often carried by another without quotation
// marks: copied into its own sentence or paraphrased closely ("Ukraine
// will not be pushed to reject this aspiration" → "Kyiv would not be
// pushed to reject its aspiration"). Such a partial match is found by the
// quote's words: its whole wording as one run for a short quote, else most
// of its content words (weighted by rarity) in one sentence.
const (
	// unquotedShare: the least weighted share of a quote's content words a
	// sentence must carry, with at least unquotedMinTerms of them; or
	// unquotedShareMany with at least unquotedManyTerms.
	unquotedShare     = 0.5
	unquotedMinTerms  = 3
	unquotedShareMany = 0.35
	unquotedManyTerms = 4
	// unquotedRun: a run of this many identical words is a copy whatever
	// the share.
	unquotedRun = 5
)

// termWeights weighs content terms by their rarity among the sentences of
// some documents: log(1 + sentences / sentences with the term).
type termWeights struct {
	df map[uint64]int
	n  float64
}

func weightsOf(docs []*Doc) termWeights {
	w := termWeights{df: map[uint64]int{}}
	for _, d := range docs {
		for i := range d.Sentences {
			for _, t := range d.Sentences[i].terms {
				w.df[t]++
			}
		}
		w.n += float64(len(d.Sentences))
	}
	return w
}

func (w termWeights) of(t uint64) float64 {
	f := w.df[t]
	if f == 0 {
		f = 1
	}
	return math.Log(1 + w.n/float64(f))
}

// unquotedMatch finds the sentence of d that carries the words of q
// without marking them as a quote. It returns where (the span from the
// first to the last word it shares with the quote), the weighted share of
// the quote's content words found there, and whether it counts.
func unquotedMatch(q *Quote, d *Doc, outside [][]uint64, weight func(uint64) float64) (Passage, float64, bool) {
	if len(q.words) < 2 {
		return Passage{}, 0, false // a one-word quote is everyone's word
	}
	var total float64
	for _, t := range q.terms {
		total += weight(t)
	}
	best, bestShare := -1, 0.0
	for i := range d.Sentences {
		s := &d.Sentences[i]
		// Only words outside the sentence's own quotes count: words
		// inside them are someone else's quote.
		out := outside[i]
		share, n := 0.0, 0
		if total > 0 {
			a, b := 0, 0
			for a < len(q.terms) && b < len(out) {
				switch {
				case q.terms[a] < out[b]:
					a++
				case q.terms[a] > out[b]:
					b++
				default:
					share += weight(q.terms[a])
					n++
					a++
					b++
				}
			}
			share /= total
		}
		ok := n >= unquotedMinTerms && share >= unquotedShare || n >= unquotedManyTerms && share >= unquotedShareMany
		if !ok && (n >= 2 || len(q.terms) < unquotedMinTerms && n >= 1) {
			run := longestRun(q.words, s.words)
			ok = run >= unquotedRun || run == len(q.words)
			if ok {
				share = max(share, float64(run)/float64(len(q.words)))
			}
		}
		if ok && share > bestShare {
			best, bestShare = i, share
		}
	}
	if best < 0 {
		return Passage{}, 0, false
	}
	// The span of the sentence's content words that the quote has.
	s := &d.Sentences[best]
	has := map[string]bool{}
	for _, w := range q.words {
		if w.term != "" {
			has[w.term] = true
		}
	}
	p := Passage{Sentence: best, Start: -1}
	for _, w := range s.words {
		if w.term != "" && has[w.term] {
			if p.Start < 0 {
				p.Start = w.start
			}
			p.End = w.end
		}
	}
	if p.Start < 0 {
		p.Start, p.End = 0, len(s.Text)
	}
	return p, bestShare, true
}

// outsideQuotes lists, per sentence of d, the sorted content terms outside
// its quotes.
func outsideQuotes(d *Doc) [][]uint64 {
	out := make([][]uint64, len(d.Sentences))
	for i := range d.Sentences {
		out[i] = unquotedTerms(d, i, nil)
	}
	return out
}

// unquotedTerms appends to buf the sorted content terms of sentence i of d
// that lie outside the quotes of d.
func unquotedTerms(d *Doc, i int, buf []uint64) []uint64 {
	s := &d.Sentences[i]
	var spans []span // quote spans in sentence offsets
	for k := range d.extracted.quotes {
		q := &d.extracted.quotes[k]
		if q.Block == s.Block && q.Start-s.Start < len(s.Text) && q.End-s.Start > 0 {
			spans = append(spans, span{q.Start - s.Start, q.End - s.Start})
		}
	}
	if len(spans) == 0 {
		return s.terms
	}
	for _, w := range s.words {
		if w.term == "" {
			continue
		}
		in := false
		for _, sp := range spans {
			if w.start >= sp.start && w.end <= sp.end {
				in = true
				break
			}
		}
		if !in {
			buf = append(buf, hashTerm(w.term))
		}
	}
	return sortUnique(buf)
}

func hasCommon(a, b []uint64) bool { return countCommon(a, b) > 0 }

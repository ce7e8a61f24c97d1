package compare

import "math"

// docTerms is what scoring single sentence pairs reads of one document,
// made once per document however many pairs it takes part in.
type docTerms struct {
	sf      map[uint64]int // in how many sentences each term stands
	numbers [][]*Number    // numbersBySentence
	quoted  []bool         // sentences a quote of the document spans
}

func newDocTerms(d *Doc) *docTerms {
	t := &docTerms{sf: make(map[uint64]int, 4*len(d.Sentences)), numbers: numbersBySentence(d), quoted: make([]bool, len(d.Sentences))}
	for i := range d.Sentences {
		for _, x := range d.Sentences[i].terms {
			t.sf[x]++
		}
	}
	for _, q := range d.extracted.quotes {
		for i := q.At.Sentence; i <= max(q.At.Sentence, q.last) && i < len(t.quoted); i++ {
			t.quoted[i] = true
		}
	}
	return t
}

// sentencePairs scores single sentence pairs of two documents, each the
// same figure newPairModel puts in its matrix, without building the
// matrix: the coverage table asks about a few pairs of many documents,
// where a full model per pair of documents costs most of the table.
type sentencePairs struct {
	a, b   *Doc
	ta, tb *docTerms
	n      float64 // sentences of both documents
	quoted map[int]float64
	// quotesDone: quoted is made (only when a pair in a quote is asked).
	quotesDone bool
}

func newSentencePairs(a, b *Doc, ta, tb *docTerms) *sentencePairs {
	return &sentencePairs{a: a, b: b, ta: ta, tb: tb, n: float64(len(a.Sentences) + len(b.Sentences))}
}

// weight is pairModel's weight of a term of either document.
func (p *sentencePairs) weight(t uint64) float64 {
	return math.Log(1 + p.n/float64(p.ta.sf[t]+p.tb.sf[t]))
}

// total is pairModel.totals for one sentence.
func (p *sentencePairs) total(s *Sentence) float64 {
	var sum float64
	for _, t := range s.terms {
		w := p.weight(t)
		if inSorted(s.frame, t) {
			w *= frameWeight
		}
		sum += w
	}
	return sum
}

// at is pairModel.at(i, j). The shared weight is summed in the order of
// a's terms, as newPairModel sums it, so the figure is the same to the bit.
func (p *sentencePairs) at(i, j int) float64 {
	sa, sb := &p.a.Sentences[i], &p.b.Sentences[j]
	var shared float64
	count, evidence := 0, 0
	y := 0
	for _, t := range sa.terms {
		for y < len(sb.terms) && sb.terms[y] < t {
			y++
		}
		if y == len(sb.terms) {
			break
		}
		if sb.terms[y] != t {
			continue
		}
		w := p.weight(t)
		wi, framedA := w, inSorted(sa.frame, t)
		if framedA {
			wi *= frameWeight
		}
		wj, framedB := w, inSorted(sb.frame, t)
		if framedB {
			wj *= frameWeight
		}
		shared += wi + wj
		count++
		if !framedA && !framedB {
			evidence++
		}
	}
	if count == 0 {
		return 0 // newPairModel leaves pairs without a shared term at 0
	}
	var bonus float64
	if p.ta.quoted[i] || p.tb.quoted[j] {
		if !p.quotesDone {
			p.quoted, p.quotesDone = quotedPairs(p.a, p.b, p.weight), true
		}
		bonus = p.quoted[i*len(p.b.Sentences)+j]
	}
	return float64(sentenceScore(sa, sb, shared, evidence, p.total(sa), p.total(sb), p.ta.numbers[i], p.tb.numbers[j], bonus))
}

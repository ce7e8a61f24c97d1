package compare

import (
	"cmp"
	"math"
	"slices"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// pairModel scores sentences of two documents against each other. Term
// weights are inverse sentence frequencies over both documents, so words
// every sentence uses ("Ukraine" in a story about Ukraine) count little and
// the rare words two sentences share count much.
type pairModel struct {
	a, b    *Doc
	weight  map[uint64]float64
	wa, wb  []float64 // total term weight of each sentence
	sim     []float32 // len(a)*len(b) sentence similarities, row-major
	nb      int
	postsB  map[uint64][]int32
	bestA   []float32 // best similarity of each A sentence with any B sentence
	bestB   []float32
	bestAat []int32 // the B sentence that gave bestA
	bestBat []int32
	// quoted holds, for the pairs of sentences (i*nb+j) that carry the
	// same quote, or a quote and its words unquoted, the bonus their
	// similarity gets.
	quoted map[int]float64
}

// quoteBonus is added to the similarity of two sentences that carry the
// same quote, trimmed or altered: whatever else the outlets wrote around
// it, both report the same statement. A quote whose words the other
// sentence carries unquoted is weaker evidence (the words may be the
// story's vocabulary rather than the statement's): unquotedBonus.
const (
	quoteBonus    = 0.25
	unquotedBonus = 0.1
)

func newPairModel(a, b *Doc) *pairModel {
	na, nb := len(a.Sentences), len(b.Sentences)
	m := &pairModel{a: a, b: b, nb: nb}
	df := make(map[uint64]int, 4*(na+nb))
	for _, d := range []*Doc{a, b} {
		for i := range d.Sentences {
			for _, t := range d.Sentences[i].terms {
				df[t]++
			}
		}
	}
	n := float64(na + nb)
	m.weight = make(map[uint64]float64, len(df))
	for t, f := range df {
		m.weight[t] = math.Log(1 + n/float64(f))
	}
	m.wa = m.totals(a)
	m.wb = m.totals(b)
	m.postsB = make(map[uint64][]int32, len(df))
	for j := range b.Sentences {
		for _, t := range b.Sentences[j].terms {
			m.postsB[t] = append(m.postsB[t], int32(j))
		}
	}
	m.sim = make([]float32, na*nb)
	m.bestA, m.bestAat = make([]float32, na), make([]int32, na)
	m.bestB, m.bestBat = make([]float32, nb), make([]int32, nb)
	for j := range m.bestBat {
		m.bestBat[j] = -1
	}
	m.quoted = quotedPairs(a, b, func(t uint64) float64 { return m.weight[t] })
	numsA, numsB := numbersBySentence(a), numbersBySentence(b)
	shared := make([]float64, nb)
	count := make([]int32, nb)    // shared terms
	evidence := make([]int32, nb) // shared terms outside both frames
	touched := make([]int32, 0, nb)
	for i := range a.Sentences {
		m.bestAat[i] = -1
		sa := &a.Sentences[i]
		for _, t := range sa.terms {
			w := m.weight[t]
			wi, framedA := w, inSorted(sa.frame, t)
			if framedA {
				wi *= frameWeight
			}
			for _, j := range m.postsB[t] {
				if count[j] == 0 {
					touched = append(touched, j)
				}
				sb := &b.Sentences[j]
				wj, framedB := w, inSorted(sb.frame, t)
				if framedB {
					wj *= frameWeight
				}
				shared[j] += wi + wj
				count[j]++
				if !framedA && !framedB {
					evidence[j]++
				}
			}
		}
		for _, j := range touched {
			s := sentenceScore(sa, &b.Sentences[j], shared[j], int(evidence[j]), m.wa[i], m.wb[j], numsA[i], numsB[j], m.quoted[i*nb+int(j)])
			shared[j], count[j], evidence[j] = 0, 0, 0
			m.sim[i*nb+int(j)] = s
			if s > m.bestA[i] {
				m.bestA[i], m.bestAat[i] = s, j
			}
			if s > m.bestB[j] {
				m.bestB[j], m.bestBat[j] = s, int32(i)
			}
		}
		touched = touched[:0]
	}
	return m
}

// sentenceScore is the similarity of two sentences that share terms:
// shared is the weight of their shared terms on both sides, evidence how
// many of those are outside both frames, wa and wb their total term
// weights, na and nb their figures, quoted their quote bonus. newPairModel
// and sentencePairs both score with it, so a pair scores the same in a
// full model and alone.
func sentenceScore(sa, sb *Sentence, shared float64, evidence int, wa, wb float64, na, nb []*Number, quoted float64) float32 {
	s := float32(combine(shared, wa, wb, sa.bigrams, sb.bigrams))
	if !enoughEvidence(evidence, sa, sb) {
		s = 0
	}
	if !actorsCompatible(sa.actors, sb.actors) {
		s *= actorMismatch
	}
	if s > 0 {
		switch figuresAgree(na, nb) {
		case 1:
			s += figureAgreement
		case -1:
			s *= figureMismatch
		}
	}
	return min(1, s+float32(quoted))
}

// Evidence parameters.
const (
	// frameWeight scales the weight of a term that only frames its
	// sentence: shared attribution says little about a shared fact.
	frameWeight = 0.2
	// actorMismatch scales the score of two sentences that name people
	// and no one in common: "Justice Ginsburg asked" is not "Scalia
	// asked", whatever else they share.
	actorMismatch = 0.3
)

// Two sentences that give the same figure for one counted thing likely
// report the same fact; figures that all differ make it less likely (they
// may be a real disagreement, so the evidence is mild).
const (
	figureAgreement = 0.05
	figureMismatch  = 0.85
)

// numbersBySentence lists each sentence's figures that count something
// (not ranks).
func numbersBySentence(d *Doc) [][]*Number {
	out := make([][]*Number, len(d.Sentences))
	for k := range d.extracted.numbers {
		n := &d.extracted.numbers[k]
		if !n.Ordinal && n.key != "" {
			out[n.At.Sentence] = append(out[n.At.Sentence], n)
		}
	}
	return out
}

// figuresAgree: 1 when two sentences give overlapping figures for a
// counted thing, -1 when they give figures for the same things and none
// overlap, 0 when they share no counted thing.
func figuresAgree(a, b []*Number) int {
	same, agree := false, false
	for _, x := range a {
		for _, y := range b {
			if x.key != y.key || x.Unit != y.Unit {
				continue
			}
			same = true
			if x.Low <= y.High && y.Low <= x.High {
				agree = true
			}
		}
	}
	switch {
	case agree:
		return 1
	case same:
		return -1
	}
	return 0
}

// enoughEvidence: two sentences correspond only on words outside their
// frames, and on two or more of them unless one is very short (one shared
// word is coincidence, not correspondence).
func enoughEvidence(n int, sa, sb *Sentence) bool {
	if n == 0 {
		return false
	}
	return n >= 2 || min(len(sa.terms)-len(sa.frame), len(sb.terms)-len(sb.frame)) <= 2
}

func (m *pairModel) totals(d *Doc) []float64 {
	out := make([]float64, len(d.Sentences))
	for i := range d.Sentences {
		s := &d.Sentences[i]
		for _, t := range s.terms {
			w := m.weight[t]
			if inSorted(s.frame, t) {
				w *= frameWeight
			}
			out[i] += w
		}
	}
	return out
}

func (m *pairModel) at(i, j int) float64 { return float64(m.sim[i*m.nb+j]) }

// combine mixes the weighted Dice overlap of content terms (shared is the
// weight of the shared terms on both sides) with the Dice overlap of
// adjacent-term pairs, which rewards shared phrasing on top of shared
// vocabulary.
func combine(shared, wa, wb float64, ba, bb []uint64) float64 {
	if wa+wb == 0 {
		return 0
	}
	uni := shared / (wa + wb)
	if len(ba)+len(bb) == 0 {
		return uni
	}
	bi := 2 * float64(countCommon(ba, bb)) / float64(len(ba)+len(bb))
	return 0.8*uni + 0.2*bi
}

// countCommon counts the values two sorted slices share.
func countCommon[T cmp.Ordered](a, b []T) int { return countShared(a, b, nil) }

// countShared counts the values two sorted slices share that counts keeps
// (all of them when counts is nil).
func countShared[T cmp.Ordered](a, b []T, counts func(T) bool) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if counts == nil || counts(a[i]) {
				n++
			}
			i++
			j++
		}
	}
	return n
}

// union merges two sorted unique slices.
func union(a, b []uint64) []uint64 {
	out := make([]uint64, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// setSim scores two term sets (each possibly the union of two sentences),
// framing terms weighed down as in newPairModel.
func (m *pairModel) setSim(ta, ba, fa, tb, bb, fb []uint64) float64 {
	var shared, wa, wb float64
	wt := func(t uint64, frame []uint64) float64 {
		if inSorted(frame, t) {
			return m.weight[t] * frameWeight
		}
		return m.weight[t]
	}
	i, j := 0, 0
	for i < len(ta) || j < len(tb) {
		switch {
		case j >= len(tb) || i < len(ta) && ta[i] < tb[j]:
			wa += wt(ta[i], fa)
			i++
		case i >= len(ta) || tb[j] < ta[i]:
			wb += wt(tb[j], fb)
			j++
		default:
			x, y := wt(ta[i], fa), wt(tb[j], fb)
			shared += x + y
			wa += x
			wb += y
			i++
			j++
		}
	}
	return combine(shared, wa, wb, ba, bb)
}

// mergedB scores A sentence i against B sentences j and j+1 read as one.
func (m *pairModel) mergedB(i, j int) float64 {
	return m.setSimOf([]int{i}, []int{j, j + 1})
}

// mergedA scores A sentences i and i+1 read as one against B sentence j.
func (m *pairModel) mergedA(i, j int) float64 {
	return m.setSimOf([]int{i, i + 1}, []int{j})
}

// setSimOf scores sentences sa of A read as one against sentences sb of B,
// with the actor check and the quote bonus when some pair of them carries
// the same quote.
func (m *pairModel) setSimOf(sa, sb []int) float64 {
	side := func(d *Doc, ix []int) (terms, bigrams, frame []uint64, actors []actor) {
		s := &d.Sentences[ix[0]]
		terms, bigrams, frame, actors = s.terms, s.bigrams, s.frame, s.actors
		for _, i := range ix[1:] {
			s := &d.Sentences[i]
			terms, bigrams, frame = union(terms, s.terms), union(bigrams, s.bigrams), union(frame, s.frame)
			actors = joinActors(actors, s.actors)
		}
		return
	}
	ta, ba, fa, aa := side(m.a, sa)
	tb, bb, fb, ab := side(m.b, sb)
	s := m.setSim(ta, ba, fa, tb, bb, fb)
	if !actorsCompatible(aa, ab) {
		s *= actorMismatch
	}
	bonus := 0.0
	for _, i := range sa {
		for _, j := range sb {
			bonus = max(bonus, m.quoted[i*m.nb+j])
		}
	}
	return min(1, s+bonus)
}

// quotedPairs finds the sentence pairs of a and b that carry the same
// quote: the sentences where the quote starts, and any other two sentences
// the quote spans; or a quote of one and the sentence of the other that
// carries its words unquoted. weight weighs the terms of the two documents.
func quotedPairs(a, b *Doc, weight func(uint64) float64) map[int]float64 {
	var out map[int]float64
	mark := func(i0, i1, j0, j1 int, bonus float64) {
		if out == nil {
			out = map[int]float64{}
		}
		for i := i0; i <= max(i0, i1); i++ {
			for j := j0; j <= max(j0, j1); j++ {
				k := i*len(b.Sentences) + j
				out[k] = max(out[k], bonus)
			}
		}
	}
	qa, qb := a.extracted.quotes, b.extracted.quotes
	matchedA, matchedB := make([]bool, len(qa)), make([]bool, len(qb))
	for x := range qa {
		for y := range qb {
			if quotesMatch(&qa[x], &qb[y]) {
				matchedA[x], matchedB[y] = true, true
				mark(qa[x].At.Sentence, qa[x].last, qb[y].At.Sentence, qb[y].last, quoteBonus)
			}
		}
	}
	var outA, outB [][]uint64
	for x := range qa {
		if !matchedA[x] {
			if outB == nil {
				outB = outsideQuotes(b)
			}
			if p, _, ok := unquotedMatch(&qa[x], b, outB, weight); ok {
				mark(qa[x].At.Sentence, qa[x].At.Sentence, p.Sentence, p.Sentence, unquotedBonus)
			}
		}
	}
	for y := range qb {
		if !matchedB[y] {
			if outA == nil {
				outA = outsideQuotes(a)
			}
			if p, _, ok := unquotedMatch(&qb[y], a, outA, weight); ok {
				mark(p.Sentence, p.Sentence, qb[y].At.Sentence, qb[y].At.Sentence, unquotedBonus)
			}
		}
	}
	return out
}

// docSimilarity is the similarity of the model's two documents (see
// Similarity).
func (m *pairModel) docSimilarity() float64 { return textSimilarity(bagOfDoc(m.a), bagOfDoc(m.b)) }

// termBag is what the document similarity reads of a text: per content
// term (ascending), how often it is used and in how many sentences.
type termBag struct {
	terms     []bagTerm
	sentences int
}

type bagTerm struct {
	t      uint64
	tf, sf int32
}

// bagBuilder gathers a text's terms sentence by sentence.
type bagBuilder struct {
	tf, sf    map[uint64]int32
	sentences int
}

func newBagBuilder() *bagBuilder {
	return &bagBuilder{tf: map[uint64]int32{}, sf: map[uint64]int32{}}
}

func (b *bagBuilder) add(terms []uint64, ws []word) {
	b.sentences++
	for _, t := range terms {
		b.sf[t]++
	}
	for _, w := range ws {
		if w.term != "" {
			b.tf[hashTerm(w.term)]++
		}
	}
}

func (b *bagBuilder) bag() termBag {
	out := termBag{terms: make([]bagTerm, 0, len(b.tf)), sentences: b.sentences}
	for t, n := range b.tf {
		out.terms = append(out.terms, bagTerm{t, n, b.sf[t]})
	}
	slices.SortFunc(out.terms, func(x, y bagTerm) int {
		switch {
		case x.t < y.t:
			return -1
		case x.t > y.t:
			return 1
		}
		return 0
	})
	return out
}

func bagOfDoc(d *Doc) termBag {
	b := newBagBuilder()
	for i := range d.Sentences {
		b.add(d.Sentences[i].terms, d.Sentences[i].words)
	}
	return b.bag()
}

// bagOfArticle reads an article the way Prepare does (its body's
// sentences and their terms), without extracting names, quotes and
// numbers. The text of an article listed without it is read for this
// alone (Article.Text): candidates are scored by the dozen.
func bagOfArticle(a *corpus.Article) termBag {
	b := newBagBuilder()
	blocks, _ := a.Text()
	for _, blk := range blocks {
		for _, sp := range lang.Sentences(blk.Text) {
			ws := words(sp.Text(blk.Text))
			terms, _ := termSets(ws)
			b.add(terms, ws)
		}
	}
	return b.bag()
}

// Similarity is how alike two articles are (0..1): the cosine of their
// term vectors, with sublinear term frequency and each term weighed by its
// rarity among the sentences of the two texts, so a story's every-sentence
// words ("Ukraine" in a story about Ukraine) count little. It depends on
// the two articles alone, so the picker, the comparison's strip, the
// stories' candidates and compare --json show one figure for a pair.
func Similarity(a, b *corpus.Article) float64 {
	return textSimilarity(bagOfArticle(a), bagOfArticle(b))
}

// textSimilarity merges the two bags in term order, so the figure never
// depends on map order and is the same whichever text comes first.
func textSimilarity(x, y termBag) float64 {
	n := float64(x.sentences + y.sentences)
	var dot, na, nb float64
	i, j := 0, 0
	for i < len(x.terms) || j < len(y.terms) {
		var p, q bagTerm
		switch {
		case j >= len(y.terms) || i < len(x.terms) && x.terms[i].t < y.terms[j].t:
			p = x.terms[i]
			i++
		case i >= len(x.terms) || y.terms[j].t < x.terms[i].t:
			q = y.terms[j]
			j++
		default:
			p, q = x.terms[i], y.terms[j]
			i++
			j++
		}
		w := math.Log(1 + n/float64(p.sf+q.sf))
		var u, v float64
		if p.tf > 0 {
			u = (1 + math.Log(float64(p.tf))) * w
		}
		if q.tf > 0 {
			v = (1 + math.Log(float64(q.tf))) * w
		}
		dot += u * v
		na += u * u
		nb += v * v
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return min(1, dot/math.Sqrt(na*nb))
}

// PairScore is the estimated probability that sentence i of a and sentence
// j of b report the same fact, in the context of the two documents: the
// score an aligned row of the two would show.
func PairScore(a, b *Doc, i, j int) float64 {
	return calibrate(newSentencePairs(a, b, newDocTerms(a), newDocTerms(b)).at(i, j))
}

package compare

// Comparison is the result of comparing two articles.
type Comparison struct {
	A, B *Doc
	// Similarity is the pair's similarity (0..1) as the function
	// Similarity defines it: the one figure shown for the pair anywhere.
	Similarity float64
	// CoverageA is the share of A's words (0..1) in sentences that have a
	// counterpart in B, aligned or out of order; CoverageB likewise.
	CoverageA, CoverageB float64
	Rows                 []Row
	// Matched counts the rows where both sides have text.
	Matched int
	Quotes  []QuoteMatch
	// SharedQuotes counts quotes found in both articles.
	SharedQuotes int
	// PartialQuotes counts quotes one article marks and the other carries
	// without quotation marks.
	PartialQuotes int
	Entities      EntityDiff
	Numbers       []NumberRow

	// coveredA, coveredB: which sentences of each side have a counterpart.
	coveredA, coveredB []bool
}

// Compare aligns two prepared articles sentence by sentence and sets their
// quotes, names and numbers side by side.
func Compare(a, b *Doc) *Comparison {
	m := newPairModel(a, b)
	c := &Comparison{A: a, B: b, Similarity: m.docSimilarity()}
	c.Rows = m.align()
	for k := range c.Rows {
		r := &c.Rows[k]
		switch {
		case !r.IsGap():
			c.Matched++
			r.Shared = sharedWording(a, b, r.A, r.B)
			r.Evidence = evidence(a, b, r.A, r.B)
		case r.Elsewhere >= 0 && r.A != nil:
			r.Shared = sharedWording(a, b, r.A, []int{r.Elsewhere})
		case r.Elsewhere >= 0:
			r.Shared = sharedWording(a, b, []int{r.Elsewhere}, r.B)
		}
	}
	c.coveredA = covered(a, m.bestA, c.Rows, true)
	c.coveredB = covered(b, m.bestB, c.Rows, false)
	c.CoverageA = share(a, c.coveredA, func(int, *word) bool { return true })
	c.CoverageB = share(b, c.coveredB, func(int, *word) bool { return true })
	cov := Coverage([]*Doc{a, b})
	c.Quotes = cov.quoteMatches()
	for _, q := range c.Quotes {
		if q.A != nil && q.B != nil {
			c.SharedQuotes++
		}
		if q.Partial() {
			c.PartialQuotes++
		}
	}
	c.Entities = cov.entityDiff()
	c.Numbers = cov.Numbers
	return c
}

// covered marks the sentences of the document that are aligned or have a
// counterpart (similarity at or above the match threshold) anywhere in the
// other document.
func covered(d *Doc, best []float32, rows []Row, sideA bool) []bool {
	out := make([]bool, len(d.Sentences))
	for _, r := range rows {
		if r.IsGap() {
			continue
		}
		side := r.B
		if sideA {
			side = r.A
		}
		for _, i := range side {
			out[i] = true
		}
	}
	for i := range d.Sentences {
		if float64(best[i]) >= matchThreshold {
			out[i] = true
		}
	}
	return out
}

// share is the share of the document's words (those count accepts) that
// lie in covered sentences.
func share(d *Doc, cov []bool, count func(sentence int, w *word) bool) float64 {
	total, in := 0, 0
	for i := range d.Sentences {
		s := &d.Sentences[i]
		for k := range s.words {
			if !count(i, &s.words[k]) {
				continue
			}
			total++
			if cov[i] {
				in++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(in) / float64(total)
}

// evidence lists the terms sentences sa of a and sb of b share outside
// their frames, as a writes them, once each, in a's order.
func evidence(a, b *Doc, sa, sb []int) []string {
	var inB, frameB []uint64
	for _, j := range sb {
		inB = union(inB, b.Sentences[j].terms)
		frameB = union(frameB, b.Sentences[j].frame)
	}
	seen := map[string]bool{}
	var out []string
	for _, i := range sa {
		s := &a.Sentences[i]
		for _, w := range s.words {
			if w.term == "" || seen[w.term] {
				continue
			}
			t := hashTerm(w.term)
			if inSorted(inB, t) && !inSorted(s.frame, t) && !inSorted(frameB, t) {
				seen[w.term] = true
				out = append(out, s.Text[w.start:w.end])
			}
		}
	}
	return out
}

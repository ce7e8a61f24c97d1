package compare

import (
	"sort"
)

// QuotedSpeaker is a person (or an unnamed source) an outlet quotes: how
// many quotes and words, and whether no other outlet quotes them.
type QuotedSpeaker struct {
	Speaker string
	// Affiliation is the organisation or party some article of the story
	// gives the speaker ("Republican", "Riverton Immigrant Coalition"), or
	// "".
	Affiliation string
	Quotes      int
	Words       int
	// Only marks a speaker no other outlet of the story quotes.
	Only bool
}

// Label is the speaker with the affiliation, if any: "Elena Ruiz
// (Democrat)".
func (s *QuotedSpeaker) Label() string {
	if s.Affiliation == "" {
		return s.Speaker
	}
	return s.Speaker + " (" + s.Affiliation + ")"
}

// speakerKey groups a quote's speaker across the story: a named person
// or organisation by its row in the story's names table (so "Ruiz" and
// "Mayor Elena Ruiz" are one), an unnamed source by what the text calls it.
func speakerKey(cov *StoryCoverage, d int, q *Quote) string {
	if q.who != nil && len(q.who.Mentions) > 0 {
		m := q.who.Mentions[0]
		for _, e := range cov.Entities {
			for _, p := range e.In[d] {
				if p.Sentence == m.Sentence && p.Start == m.Start {
					return e.Name
				}
			}
		}
		return q.who.Name
	}
	return q.Speaker
}

// quotedBy lists the speakers outlet k quotes, most quoted first.
func quotedBy(cov *StoryCoverage, outletOf []int, k int) []QuotedSpeaker {
	by := map[string]*QuotedSpeaker{}
	outlets := map[string]map[int]bool{}
	affs := map[string]map[string]int{} // speaker -> affiliation -> articles giving it
	var order []string
	for d, doc := range cov.Docs {
		qs := doc.Quotes()
		for i := range qs {
			q := &qs[i]
			if q.Speaker == "" {
				continue
			}
			key := speakerKey(cov, d, q)
			if outlets[key] == nil {
				outlets[key] = map[int]bool{}
			}
			outlets[key][outletOf[d]] = true
			if a := affiliationOf(doc, q.who); a != "" {
				if affs[key] == nil {
					affs[key] = map[string]int{}
				}
				affs[key][a]++
			}
			if outletOf[d] != k {
				continue
			}
			s := by[key]
			if s == nil {
				s = &QuotedSpeaker{Speaker: key}
				by[key] = s
				order = append(order, key)
			}
			s.Quotes++
			s.Words += q.Words()
		}
	}
	out := make([]QuotedSpeaker, 0, len(order))
	for _, key := range order {
		s := *by[key]
		s.Only = len(outlets[key]) == 1
		s.Affiliation = topKey(affs[key])
		out = append(out, s)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Quotes != out[b].Quotes {
			return out[a].Quotes > out[b].Quotes
		}
		return out[a].Words > out[b].Words
	})
	return out
}

// Omissions: at most this many per outlet; shorter sentences (credits,
// datelines) are not worth listing.
const (
	maxOmissions    = 10
	minOmittedWords = 6
)

// omissions lists what the other outlets report that outlet k's articles
// have no counterpart for, heaviest first. A fact several outlets carry
// is listed once, by its heaviest sentence.
func omissions(docs []*Doc, idx pairIndex, comp [][]int, outletOf []int, k int) []Omission {
	var mine []int
	for d := range docs {
		if outletOf[d] == k {
			mine = append(mine, d)
		}
	}
	support := factSupport(comp, outletOf)
	best := map[int]int{} // fact group -> index in out
	var out []Omission
	for d, doc := range docs {
		if outletOf[d] == k {
			continue
		}
		marks := sentenceMarks(doc)
		for s := range doc.Sentences {
			sen := &doc.Sentences[s]
			if sen.Heading || len(sen.words) < minOmittedWords || coveredByAny(idx, d, s, mine) {
				continue
			}
			n := 1
			if c := comp[d][s]; c >= 0 {
				if support[c][k] {
					continue // outlet k carries the fact, aligned through another outlet
				}
				n = len(support[c])
			}
			o := Omission{Doc: d, Sentence: s, Text: sen.Text, Weight: float64(n) * marks[s]}
			if c := comp[d][s]; c >= 0 {
				if at, ok := best[c]; ok {
					if o.Weight > out[at].Weight {
						out[at] = o
					}
					continue
				}
				best[c] = len(out)
			}
			out = append(out, o)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Weight > out[b].Weight })
	if len(out) > maxOmissions {
		out = out[:maxOmissions]
	}
	return out
}

func coveredByAny(idx pairIndex, d, s int, mine []int) bool {
	for _, o := range mine {
		if idx.covered(d, s, o) {
			return true
		}
	}
	return false
}

// factSupport is, per fact group, the outlets that carry it.
func factSupport(comp [][]int, outletOf []int) map[int]map[int]bool {
	out := map[int]map[int]bool{}
	for d, cs := range comp {
		for _, c := range cs {
			if c < 0 {
				continue
			}
			if out[c] == nil {
				out[c] = map[int]bool{}
			}
			out[c][outletOf[d]] = true
		}
	}
	return out
}

// sentenceMarks weighs each sentence of a doc by what it carries: 1, plus
// 1.5 for a quote, 1 for a figure, 1 for a person named.
func sentenceMarks(d *Doc) []float64 {
	w := make([]float64, len(d.Sentences))
	quoted := make([]bool, len(d.Sentences))
	numbered := make([]bool, len(d.Sentences))
	for _, q := range d.Quotes() {
		for s := q.At.Sentence; s <= q.last && s < len(quoted); s++ {
			quoted[s] = true
		}
	}
	for _, n := range d.Numbers() {
		if !n.Ordinal {
			numbered[n.At.Sentence] = true
		}
	}
	for s := range d.Sentences {
		w[s] = 1
		if quoted[s] {
			w[s] += 1.5
		}
		if numbered[s] {
			w[s]++
		}
		if len(d.Sentences[s].actors) > 0 {
			w[s]++
		}
	}
	return w
}

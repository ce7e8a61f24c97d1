package compare

import "unicode"

// SharedKind tells copied wording from merely shared words.
type SharedKind string

const (
	// Copied marks a run of at least minCopiedRun identical words, two or
	// more of them ordinary content words: a phrase one text took from the
	// other (or both from a common source).
	Copied SharedKind = "copied"
	// Quoted marks such a run inside quotation marks (on either side):
	// both carry someone's words, which is quoting, not copying from each
	// other.
	Quoted SharedKind = "quoted"
	// Common marks words (or short runs) both sentences use, the stuff of
	// paraphrase: same stems, names, numbers.
	Common SharedKind = "common"
)

const minCopiedRun = 4

// Shared is one piece of wording found on both sides of a row.
type Shared struct {
	Kind SharedKind `json:"kind"`
	A    Passage    `json:"a"`
	B    Passage    `json:"b"`
}

// seqWord is a word of one side of a row, with its sentence.
type seqWord struct {
	sent int
	w    *word
}

func sideWords(d *Doc, sents []int) []seqWord {
	var out []seqWord
	for _, si := range sents {
		s := &d.Sentences[si]
		for k := range s.words {
			out = append(out, seqWord{si, &s.words[k]})
		}
	}
	return out
}

// sharedWording finds the copied runs and the common words of two passages.
func sharedWording(a, b *Doc, sa, sb []int) []Shared {
	wa, wb := sideWords(a, sa), sideWords(b, sb)
	if len(wa) == 0 || len(wb) == 0 {
		return nil
	}
	usedA, usedB := make([]bool, len(wa)), make([]bool, len(wb))
	var out []Shared
	// Copied runs, longest first.
	run := make([]int32, (len(wa)+1)*(len(wb)+1))
	w := len(wb) + 1
	for {
		for k := range run {
			run[k] = 0
		}
		best, bi, bj := 0, 0, 0
		for i := 1; i <= len(wa); i++ {
			for j := 1; j <= len(wb); j++ {
				x, y := wa[i-1], wb[j-1]
				if usedA[i-1] || usedB[j-1] || x.w.fold != y.w.fold {
					continue
				}
				n := int32(1)
				if i > 1 && j > 1 && wa[i-2].sent == x.sent && wb[j-2].sent == y.sent {
					n = run[(i-1)*w+j-1] + 1
				}
				run[i*w+j] = n
				if int(n) > best {
					best, bi, bj = int(n), i, j
				}
			}
		}
		if best < 2 {
			break
		}
		i0, j0 := bi-best, bj-best
		// A run does not begin or end inside a figure: "45,000" and
		// "40,000" share the token "000", not a phrase from it on.
		for i0 < bi && (numberTail(a, wa[i0]) || numberTail(b, wb[j0])) {
			usedA[i0], usedB[j0] = true, true
			i0, j0 = i0+1, j0+1
		}
		for bi > i0 && (numberHead(a, wa[bi-1]) || numberHead(b, wb[bj-1])) {
			usedA[bi-1], usedB[bj-1] = true, true
			bi, bj = bi-1, bj-1
		}
		if bi-i0 < 2 {
			continue
		}
		best = bi - i0
		kind := Common
		if best >= minCopiedRun && plainContent(wa[i0:bi]) >= 2 {
			kind = Copied
			if inQuotes(a, wa[i0].sent, wa[i0].w.start, wa[bi-1].w.end) || inQuotes(b, wb[j0].sent, wb[j0].w.start, wb[bj-1].w.end) {
				kind = Quoted
			}
		}
		if kind == Common && plainContent(wa[i0:bi])+names(wa[i0:bi]) == 0 {
			// "of the", "it is": too common to show, but do not let them
			// block a later run.
			for k := i0; k < bi; k++ {
				usedA[k] = true
			}
			for k := j0; k < bj; k++ {
				usedB[k] = true
			}
			continue
		}
		for k := i0; k < bi; k++ {
			usedA[k] = true
		}
		for k := j0; k < bj; k++ {
			usedB[k] = true
		}
		// Show the run from its first content word to its last: "as
		// “tough but" reads as "tough but".
		for i0 < bi-1 && wa[i0].w.term == "" {
			i0, j0 = i0+1, j0+1
		}
		for bi-1 > i0 && wa[bi-1].w.term == "" {
			bi, bj = bi-1, bj-1
		}
		out = append(out, Shared{Kind: kind,
			A: Passage{Sentence: wa[i0].sent, Start: wa[i0].w.start, End: wa[bi-1].w.end},
			B: Passage{Sentence: wb[j0].sent, Start: wb[j0].w.start, End: wb[bj-1].w.end}})
	}
	// Single content words with the same term (stem or canonical name).
	for i, x := range wa {
		if usedA[i] || x.w.term == "" {
			continue
		}
		for j, y := range wb {
			if !usedB[j] && y.w.term == x.w.term {
				usedA[i], usedB[j] = true, true
				out = append(out, Shared{Kind: Common,
					A: Passage{Sentence: x.sent, Start: x.w.start, End: x.w.end},
					B: Passage{Sentence: y.sent, Start: y.w.start, End: y.w.end}})
				break
			}
		}
	}
	sortShared(out)
	return out
}

// numberTail reports a word that continues a figure written with a
// thousands or decimal separator: the "000" of "45,000", the "5" of "3.5".
func numberTail(d *Doc, x seqWord) bool {
	t := d.Sentences[x.sent].Text
	return x.w.start >= 2 && isSeparator(t[x.w.start-1]) && isDigit(t[x.w.start-2]) && isDigit(t[x.w.start])
}

// numberHead reports a word a separator and more digits follow: the "45"
// of "45,000".
func numberHead(d *Doc, x seqWord) bool {
	t := d.Sentences[x.sent].Text
	return x.w.end+1 < len(t) && isSeparator(t[x.w.end]) && isDigit(t[x.w.end+1]) && isDigit(t[x.w.end-1])
}

func isSeparator(c byte) bool { return c == ',' || c == '.' }

// inQuotes: the byte span [start, end) of sentence si of d lies inside one
// of d's quotes.
func inQuotes(d *Doc, si, start, end int) bool {
	s := &d.Sentences[si]
	for k := range d.extracted.quotes {
		q := &d.extracted.quotes[k]
		if q.Block == s.Block && q.Start <= s.Start+start && s.Start+end <= q.End {
			return true
		}
	}
	return false
}

// plainContent counts lower-case content words: the words that make a run a
// copied phrase rather than a shared name or title.
func plainContent(ws []seqWord) int {
	n := 0
	for _, x := range ws {
		if x.w.term != "" && !x.w.cap && !x.w.acro && !isNumeric(x.w.fold) {
			n++
		}
	}
	return n
}

func names(ws []seqWord) int {
	n := 0
	for _, x := range ws {
		if x.w.term != "" && (x.w.cap || x.w.acro) {
			n++
		}
	}
	return n
}

func isNumeric(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// sortShared orders pieces by their position on side A.
func sortShared(s []Shared) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && lessPassage(s[j].A, s[j-1].A); j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

func lessPassage(a, b Passage) bool {
	if a.Sentence != b.Sentence {
		return a.Sentence < b.Sentence
	}
	return a.Start < b.Start
}

// Package comparison is the one rendering model of a comparison that the
// reader's pane, its Markdown export and the command line's text share:
// which side shows which article, what each row is (its Mark) and the text
// of each cell with every byte's Class. Writers (terminal, Markdown,
// plain text) only choose how a Mark and a Class look.
//
// A cell is one side of a row. Sides are numbered from the left; a
// comparison of two articles has two, and nothing here assumes that a row
// has exactly two cells beyond the compare.Row it reads.
package comparison

import (
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// Mark is what a row is.
type Mark uint8

const (
	// Reworded: the same passage on both sides, in other words.
	Reworded Mark = iota
	// Copied: the same passage with wording copied word for word.
	Copied
	// OnlyLeft and OnlyRight: a passage only that side has.
	OnlyLeft
	OnlyRight
)

// Class is how a byte of a cell's text is marked; higher wins where
// passages overlap. Writers may add classes of their own above Verbatim
// (the pane marks search matches).
type Class uint8

const (
	Plain    Class = iota
	Common         // a word both sides use
	Verbatim       // wording copied word for word
)

// Cell is the text of one side of a row: its sentences joined by spaces,
// with a Class per byte.
type Cell struct {
	Text  string
	Class []Class
	// Heading: every sentence of the cell is a heading.
	Heading bool
	// Sentences are the numbers of the cell's sentences in its article,
	// and Starts where each begins in Text.
	Sentences, Starts []int
}

// Side is the article shown on side s (0 = left); swapped puts B left.
func Side(c *compare.Comparison, s int, swapped bool) *compare.Doc {
	if (s == 0) != swapped {
		return c.A
	}
	return c.B
}

// Sentences are row r's sentences on side s, nil when the side has none.
func Sentences(r *compare.Row, s int, swapped bool) []int {
	if (s == 0) != swapped {
		return r.A
	}
	return r.B
}

// MarkOf is what row r is, seen with the sides as given.
func MarkOf(r *compare.Row, swapped bool) Mark {
	switch {
	case !r.IsGap() && HasCopied(r):
		return Copied
	case !r.IsGap():
		return Reworded
	case Sentences(r, 0, swapped) != nil:
		return OnlyLeft
	}
	return OnlyRight
}

// HasCopied reports whether an aligned row shares wording word for word.
func HasCopied(r *compare.Row) bool {
	if r.IsGap() {
		return false
	}
	for _, s := range r.Shared {
		if s.Kind == compare.Copied {
			return true
		}
	}
	return false
}

// CellOf is side s of row r: its sentences, with what it shares with the
// other side marked (copied wording Verbatim, other shared words Common).
func CellOf(c *compare.Comparison, r *compare.Row, s int, swapped bool) Cell {
	d := Side(c, s, swapped)
	sents := Sentences(r, s, swapped)
	var sb strings.Builder
	base := make(map[int]int, len(sents))
	cell := Cell{Heading: len(sents) > 0, Sentences: sents, Starts: make([]int, 0, len(sents))}
	for i, si := range sents {
		if i > 0 {
			sb.WriteByte(' ')
		}
		base[si] = sb.Len()
		cell.Starts = append(cell.Starts, sb.Len())
		sb.WriteString(d.Sentences[si].Text)
		cell.Heading = cell.Heading && d.Sentences[si].Heading
	}
	cell.Text = sb.String()
	cell.Class = make([]Class, len(cell.Text))
	mark := func(p compare.Passage, cl Class) {
		b, ok := base[p.Sentence]
		if !ok {
			return
		}
		for i := b + max(p.Start, 0); i < b+p.End && i < len(cell.Class); i++ {
			if cell.Class[i] < cl {
				cell.Class[i] = cl
			}
		}
	}
	if !r.IsGap() {
		isA := (s == 0) != swapped
		for _, sh := range r.Shared {
			cl := Common
			if sh.Kind == compare.Copied {
				cl = Verbatim
			}
			if isA {
				mark(sh.A, cl)
			} else {
				mark(sh.B, cl)
			}
		}
	}
	return cell
}

// Runs calls f for each run of bytes of one class in text[from:to], in
// order.
func Runs(text string, class []Class, from, to int, f func(part string, cl Class)) {
	for i := from; i < to; {
		j := i
		for j < to && class[j] == class[i] {
			j++
		}
		f(text[i:j], class[i])
		i = j
	}
}

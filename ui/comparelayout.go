package ui

import (
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// This file turns a comparison into terminal lines, off the update loop: the
// aligned rows wrapped to the column width with shared wording, copied
// phrases and search matches highlighted. The pane only slices the result.

// rowFilter is which rows the comparison shows; `u` cycles through them.
type rowFilter int

const (
	showAll    rowFilter = iota
	showDiff             // passages only one side has
	showShared           // aligned passages
	rowFilters
)

func (f rowFilter) String() string {
	return [...]string{"all passages", "differences only", "shared only"}[f]
}

// rowKind is what a row is to the reader.
type rowKind int

const (
	rowShared  rowKind = iota // both sides have the passage
	rowOwnLeft                // only the left side has it
	rowOwnRight
)

// compareOpts is everything a layout depends on besides the comparison.
type compareOpts struct {
	width   int
	narrow  bool // one side at a time, full width
	swapped bool // B on the left
	filter  rowFilter
	query   string // search, matched case- and accent-insensitively
}

// Widths of the wide layout's middle gutter and the narrow layout's margin.
const (
	gutterW = 3
	marginW = 2
)

// shownRow is one alignment row as laid out.
type shownRow struct {
	row    int // index into Comparison.Rows
	kind   rowKind
	copied bool   // some of its wording is copied word for word
	start  [2]int // first line on each side (wide: the same)
	// matches counts search matches on each side.
	matches [2]int
	// cur is the first line again, marked as the current passage: the
	// gutter (wide) or each side's first line (narrow).
	cur [2]string
}

// compareLayout is a comparison laid out for one set of options.
type compareLayout struct {
	opts compareOpts
	rows []shownRow
	// lines: wide, the left and right columns (equal length, row-aligned);
	// narrow, the full-width lines of each side.
	lines  [2][]string
	gutter []string // wide: the middle column of each line
	// plainGutter replaces the gutter when the sides scroll apart.
	plainGutter string
	matches     int // search matches in all shown rows
}

// sideDoc returns the document shown on side s (0 = left).
func sideDoc(c *compare.Comparison, s int, swapped bool) *compare.Doc {
	return comparison.Side(c, s, swapped)
}

// sideSents returns row r's sentences on side s.
func sideSents(r *compare.Row, s int, swapped bool) []int {
	return comparison.Sentences(r, s, swapped)
}

// kindOf classifies a row for display.
func kindOf(r *compare.Row, swapped bool) rowKind {
	switch comparison.MarkOf(r, swapped) {
	case comparison.OnlyLeft:
		return rowOwnLeft
	case comparison.OnlyRight:
		return rowOwnRight
	}
	return rowShared
}

func hasCopied(r *compare.Row) bool { return comparison.HasCopied(r) }

// hlClass is how a byte of text is highlighted; higher wins. The classes
// of the shared comparison renderer, and search matches above them.
type hlClass = comparison.Class

const (
	hlNone   = comparison.Plain
	hlCommon = comparison.Common
	hlCopied = comparison.Verbatim
	hlMatch  = comparison.Verbatim + 1
)

// sideText is the text of one side of a row, with a highlight class per byte.
type sideText struct {
	text    string
	class   []hlClass
	heading bool
	matches int
}

// buildSideText is the shared renderer's cell of side s of the row, with
// what matches the query marked over it.
func buildSideText(c *compare.Comparison, r *compare.Row, s int, o compareOpts, foldedQuery string) sideText {
	cell := comparison.CellOf(c, r, s, o.swapped)
	st := sideText{text: cell.Text, class: cell.Class, heading: cell.Heading}
	if foldedQuery != "" {
		for _, m := range findFolded(st.text, foldedQuery) {
			for i := m[0]; i < m[1]; i++ {
				st.class[i] = hlMatch
			}
			st.matches++
		}
	}
	return st
}

// layoutComparison lays c out for o. It is a pure function, run in a
// command.
func layoutComparison(sh *shared, c *compare.Comparison, o compareOpts) *compareLayout {
	L := &compareLayout{opts: o}
	if c == nil || o.width <= 0 {
		return L
	}
	st := sh.styles
	q := foldQuery(o.query)

	// Where each sentence of each side sits, for "said elsewhere" notes.
	rowOfSent := [2]map[int]int{{}, {}}
	for ri := range c.Rows {
		for s := 0; s < 2; s++ {
			for _, si := range sideSents(&c.Rows[ri], s, o.swapped) {
				rowOfSent[s][si] = ri
			}
		}
	}
	names := sideNames(c, o.swapped)

	var colW [2]int
	if o.narrow {
		colW[0] = max(o.width-marginW-1, 4)
		colW[1] = colW[0]
	} else {
		left := (o.width - gutterW) / 2
		colW[0] = max(left-1, 4)
		colW[1] = max(o.width-gutterW-left-1, 4)
	}
	L.plainGutter = st.Rule.Render(" │ ")
	divider := L.plainGutter

	var shown []int
	for ri := range c.Rows {
		kind := kindOf(&c.Rows[ri], o.swapped)
		if o.filter == showDiff && kind == rowShared || o.filter == showShared && kind != rowShared {
			continue
		}
		shown = append(shown, ri)
	}
	// A run of passages one side lacks faces one note, on its first row:
	// inRun says a shown row continues the run before it, runLen how long
	// the run starting at a row is.
	inRun := make([]bool, len(shown))
	runLen := make([]int, len(shown))
	for k := len(shown) - 1; k >= 0; k-- {
		r := &c.Rows[shown[k]]
		kind := kindOf(r, o.swapped)
		if kind == rowShared || r.Elsewhere >= 0 {
			continue
		}
		runLen[k] = 1
		if k > 0 {
			p := &c.Rows[shown[k-1]]
			inRun[k] = shown[k-1] == shown[k]-1 && kindOf(p, o.swapped) == kind && p.Elsewhere < 0
		}
		if k+1 < len(shown) && inRun[k+1] {
			runLen[k] += runLen[k+1]
		}
	}

	for k, ri := range shown {
		r := &c.Rows[ri]
		kind := kindOf(r, o.swapped)
		sr := shownRow{row: ri, kind: kind, copied: hasCopied(r)}
		glyph, gstyle := rowGlyph(sh, sr)

		var body [2][]string
		for s := 0; s < 2; s++ {
			if sideSents(r, s, o.swapped) == nil {
				switch {
				case inRun[k] && o.narrow:
					body[s] = nil // folded into the note of the run's first row
				case inRun[k]:
					body[s] = []string{""}
				default:
					body[s] = []string{gapNote(sh, c, r, ri, s, o.swapped, rowOfSent, names, runLen[k], colW[s])}
				}
				continue
			}
			t := buildSideText(c, r, s, o, q)
			sr.matches[s] = t.matches
			L.matches += t.matches
			body[s] = wrapHighlighted(sh, t, colW[s])
		}

		if o.narrow {
			for s := 0; s < 2; s++ {
				sr.start[s] = len(L.lines[s])
				if body[s] == nil {
					// Part of a run shown as one note: the run's note line.
					sr.start[s] = L.rows[len(L.rows)-1].start[s]
					continue
				}
				for i, l := range body[s] {
					prefix := "  "
					if i == 0 {
						prefix = gstyle.Render(glyph) + " "
						sr.cur[s] = fitLine(st.Story.Current.Render(glyph)+" "+l, o.width)
					}
					L.lines[s] = append(L.lines[s], fitLine(prefix+l, o.width))
				}
				L.lines[s] = append(L.lines[s], blank(o.width))
			}
		} else {
			h := max(len(body[0]), len(body[1]))
			start := len(L.lines[0])
			sr.start = [2]int{start, start}
			leftW := colW[0] + 1
			rightW := o.width - gutterW - leftW
			for i := 0; i < h; i++ {
				var l, rt string
				if i < len(body[0]) {
					l = body[0][i]
				}
				if i < len(body[1]) {
					rt = body[1][i]
				}
				L.lines[0] = append(L.lines[0], fitLine(" "+l, leftW))
				L.lines[1] = append(L.lines[1], fitLine(rt, rightW))
				if i == 0 {
					L.gutter = append(L.gutter, " "+gstyle.Render(glyph)+" ")
					sr.cur[0] = " " + st.Story.Current.Render(glyph) + " "
				} else {
					L.gutter = append(L.gutter, divider)
				}
			}
			L.lines[0] = append(L.lines[0], blank(leftW))
			L.lines[1] = append(L.lines[1], blank(rightW))
			L.gutter = append(L.gutter, divider)
		}
		L.rows = append(L.rows, sr)
	}
	return L
}

// rowGlyph is the mark of a row: ≡ copied wording, ≈ the same passage
// reworded, ◂ or ▸ a passage only the left or right side has.
func rowGlyph(sh *shared, r shownRow) (string, styleRenderer) {
	st := sh.styles.Story
	switch {
	case r.kind == rowShared && r.copied:
		return markCopied, st.Shared
	case r.kind == rowShared:
		return markReworded, st.Shared
	case r.kind == rowOwnLeft:
		return markLeftOnly, st.Own
	}
	return markRightOnly, st.Own
}

// styleRenderer is what rowGlyph needs of a style.
type styleRenderer interface{ Render(...string) string }

// sideNames names the two sides in notes: the outlet when it tells them
// apart, else A and B.
func sideNames(c *compare.Comparison, swapped bool) [2]string {
	a, b := c.A.Article.Outlet, c.B.Article.Outlet
	na, nb := "A", "B"
	if a != "" && b != "" && !strings.EqualFold(a, b) {
		na, nb = "A ("+a+")", "B ("+b+")"
	}
	if swapped {
		return [2]string{nb, na}
	}
	return [2]string{na, nb}
}

// gapNote is what faces a passage that side s does not have: where s says
// much the same out of order, or that it does not say it at all.
func gapNote(sh *shared, c *compare.Comparison, r *compare.Row, ri, s int, swapped bool, rowOfSent [2]map[int]int, names [2]string, run, w int) string {
	note := "┄ not in " + names[s]
	if run > 1 {
		note = fmt.Sprintf("┄ %d passages not in %s", run, names[s])
	}
	if r.Elsewhere >= 0 {
		if at, ok := rowOfSent[s][r.Elsewhere]; ok {
			if at > ri {
				note = fmt.Sprintf("↓ %s says this later", names[s])
			} else {
				note = fmt.Sprintf("↑ %s said this earlier", names[s])
			}
		}
	}
	return sh.styles.Story.Gap.Render(truncate(note, w))
}

// wrapHighlighted wraps t to width w at spaces and styles each run of
// highlighted bytes. A space between two words of the same highlight takes
// the highlight too, so a copied phrase reads as one block.
func wrapHighlighted(sh *shared, t sideText, w int) []string {
	st := sh.styles
	type word struct{ start, end, width int }
	var words []word
	for i := 0; i < len(t.text); {
		for i < len(t.text) && t.text[i] == ' ' {
			i++
		}
		j := i
		for j < len(t.text) && t.text[j] != ' ' {
			j++
		}
		if j > i {
			words = append(words, word{i, j, cellWidth(t.text[i:j])})
		}
		i = j
	}
	styleOf := func(c hlClass) styleRenderer {
		switch c {
		case hlCommon:
			return st.Story.Common
		case hlCopied:
			return st.Story.Copied
		case hlMatch:
			return st.Story.Match
		}
		if t.heading {
			return st.Story.Heading
		}
		return nil
	}
	render := func(sb *strings.Builder, from, to int) {
		for i := from; i < to; {
			j := i
			for j < to && t.class[j] == t.class[i] {
				j++
			}
			if s := styleOf(t.class[i]); s != nil {
				sb.WriteString(s.Render(t.text[i:j]))
			} else {
				sb.WriteString(t.text[i:j])
			}
			i = j
		}
	}
	var lines []string
	var sb strings.Builder
	lineW := 0
	prevEnd := -1
	flush := func() {
		lines = append(lines, sb.String())
		sb.Reset()
		lineW, prevEnd = 0, -1
	}
	for _, wd := range words {
		if wd.width > w {
			// A word longer than the column: cut it into pieces.
			if lineW > 0 {
				flush()
			}
			for _, piece := range splitWidth(t.text[wd.start:wd.end], w) {
				render(&sb, wd.start+piece[0], wd.start+piece[1])
				flush()
			}
			continue
		}
		if lineW > 0 && lineW+1+wd.width > w {
			flush()
		}
		if lineW > 0 {
			c := t.class[prevEnd-1]
			if c != hlNone && c == t.class[wd.start] {
				sb.WriteString(styleOf(c).Render(" "))
			} else {
				sb.WriteByte(' ')
			}
			lineW++
		}
		render(&sb, wd.start, wd.end)
		lineW += wd.width
		prevEnd = wd.end
	}
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

package ui

import (
	"math"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// This file lays out a story's coverage table off the update loop: one
// column per article, one row per quote, name and figure.

// covFilter is which rows the coverage table shows; `u` cycles.
type covFilter int

const (
	covAll      covFilter = iota
	covOnly               // items one outlet alone reports
	covConflict           // figures that disagree
	covFilters
)

func (f covFilter) String() string {
	return [...]string{"all rows", "rows one outlet alone has", "figures that disagree"}[f]
}

// Sections of the table.
const (
	secQuotes = iota
	secNames
	secNumbers
	sections
)

var sectionNames = [sections]string{"Quotes", "Names", "Numbers"}

// covItem is one row of the table.
type covItem struct {
	section  int
	index    int  // into StoryCoverage.Quotes, Entities or Numbers
	only     int  // the one article that has it, or -1
	conflict bool // figures that disagree
	label    string
	cells    []string // per article: a mark, or the figure it gives
}

// covOpts is what a coverage layout depends on.
type covOpts struct {
	width  int
	filter covFilter
}

// coverageLayout is the table laid out for one width and filter.
type coverageLayout struct {
	opts            covOpts
	items           []covItem
	lines           []string // section titles and item rows, unselected
	itemLine        []int    // item -> line
	heads           string   // column heads, aligned with the cells
	key             []string // which outlet each letter is, when the heads cannot say it
	labelW, cellW   int
	counts          [sections]int // items per section, before filtering
	only, conflicts int
}

// markPrefix is the width of a row's prefix: cursor, then "◆ ", "! " or "  ".
const markPrefix = 3

// columnLetter names article column k: A, B, … Z, then AA…
func columnLetter(k int) string {
	s := ""
	for k >= 0 {
		s = string(rune('A'+k%26)) + s
		k = k/26 - 1
	}
	return s
}

// coverageCellWidth fits a column per label into w, leaving the row
// labels at least a third. Cells are up to 14 wide, wider (up to 24) when
// there is room to name the outlets whole.
func coverageCellWidth(w, n int, labels []string) int {
	if n == 0 {
		return 0
	}
	widest := 0
	for k, l := range labels {
		widest = max(widest, cellWidth(columnLetter(k)+" "+l)+1)
	}
	return clamp((w-markPrefix-max(w/3, 20))/n, 2, max(14, min(widest, 24)))
}

// maxCovLabelW keeps the cells near their labels on wide terminals: a row
// reads label then marks, not label, a wide gap, marks (the panel below
// shows a label whole).
const maxCovLabelW = 64

// minNamedCellW: narrower cells show only the column letter; the key
// under the heads names the outlets.
const minNamedCellW = 8

// outletLabels name the columns so that no two read the same: an outlet
// with two articles in the story is told apart by date, or by number.
func outletLabels(docs []*compare.Doc) []string {
	out := make([]string, len(docs))
	seen := map[string]int{}
	for k, d := range docs {
		out[k] = outletName(d.Article)
		seen[out[k]]++
	}
	nth := map[string]int{}
	for k, d := range docs {
		name := out[k]
		if seen[name] < 2 {
			continue
		}
		nth[name]++
		if a := d.Article; !a.Published.IsZero() {
			out[k] = name + " " + a.Published.Format("2 Jan 15:04")
		} else {
			out[k] = name + " #" + strconv.Itoa(nth[name])
		}
	}
	return out
}

// outletKey is "A name · B name …" wrapped to w, for when the heads are
// too narrow to name the outlets or two would read the same.
func outletKey(labels []string, w int) []string {
	parts := make([]string, len(labels))
	for k, l := range labels {
		parts[k] = columnLetter(k) + " " + truncate(l, 28)
	}
	var lines []string
	cur := ""
	for _, p := range parts {
		switch {
		case cur == "":
			cur = " " + p
		case cellWidth(cur)+3+cellWidth(p) <= w:
			cur += " · " + p
		default:
			lines = append(lines, cur)
			cur = " " + p
		}
	}
	return append(lines, cur)
}

func layoutCoverage(sh *shared, cov *compare.StoryCoverage, o covOpts) *coverageLayout {
	L := &coverageLayout{opts: o}
	if cov == nil || o.width <= 0 {
		return L
	}
	st := sh.styles
	n := len(cov.Docs)
	labels := outletLabels(cov.Docs)
	L.cellW = coverageCellWidth(o.width, n, labels)
	L.labelW = clamp(o.width-markPrefix-1-n*L.cellW, 8, maxCovLabelW)

	var heads strings.Builder
	heads.WriteString(blank(markPrefix + L.labelW + 1))
	// The heads name the outlets when every name fits whole; otherwise
	// they are letters and the key names them.
	needKey := L.cellW < minNamedCellW
	for k := range cov.Docs {
		if cellWidth(columnLetter(k)+" "+labels[k]) > L.cellW-1 {
			needKey = true
		}
	}
	for k := range cov.Docs {
		h := columnLetter(k)
		if !needKey {
			h += " " + labels[k]
		}
		heads.WriteString(padRight(h, L.cellW))
	}
	L.heads = st.ColumnHead.Render(heads.String())
	if needKey {
		for _, l := range outletKey(labels, o.width-1) {
			L.key = append(L.key, st.Meta.Render(l))
		}
	}

	add := func(it covItem) {
		if n < 2 {
			it.only = -1 // one article: "only" says nothing
		}
		L.counts[it.section]++
		if it.only >= 0 {
			L.only++
		}
		if it.conflict {
			L.conflicts++
		}
		switch o.filter {
		case covOnly:
			if it.only < 0 {
				return
			}
		case covConflict:
			if !it.conflict {
				return
			}
		}
		L.items = append(L.items, it)
	}
	for i, q := range cov.Quotes {
		it := covItem{section: secQuotes, index: i, only: q.Only, label: quoteLabel(q.Text, q.Speaker)}
		for _, v := range q.In {
			it.cells = append(it.cells, presence(v != nil))
		}
		add(it)
	}
	for i, e := range cov.Entities {
		it := covItem{section: secNames, index: i, only: e.Only, label: e.Name + " (" + string(e.Kind) + ")"}
		for _, v := range e.In {
			it.cells = append(it.cells, presence(len(v) > 0))
		}
		add(it)
	}
	for i, r := range cov.Numbers {
		it := covItem{section: secNumbers, index: i, only: r.Only, conflict: r.Conflict, label: r.Thing}
		for _, v := range r.In {
			if len(v) == 0 {
				it.cells = append(it.cells, MarkNone)
				continue
			}
			var figs []string
			for _, num := range v {
				figs = append(figs, compactNumber(num))
			}
			it.cells = append(it.cells, strings.Join(figs, "/"))
		}
		add(it)
	}

	L.itemLine = make([]int, len(L.items))
	sec := -1
	for i, it := range L.items {
		if it.section != sec {
			sec = it.section
			if len(L.lines) > 0 {
				L.lines = append(L.lines, blank(o.width))
			}
			L.lines = append(L.lines, fitLine(" "+st.Story.Section.Render(sectionNames[sec])+st.Meta.Render(" "+strconv.Itoa(L.counts[sec])), o.width))
		}
		L.itemLine[i] = len(L.lines)
		L.lines = append(L.lines, renderCovRow(sh, L, it, false, -1))
	}
	return L
}

func presence(has bool) string {
	if has {
		return MarkHas
	}
	return MarkNone
}

// quoteLabel is a quote as a row names it: the words, then who said them.
func quoteLabel(text, speaker string) string { return comparison.QuoteLabel(text, speaker) }

// renderCovRow renders one item row; selected rows show col (the chosen
// outlet) reversed.
func renderCovRow(sh *shared, L *coverageLayout, it covItem, selected bool, col int) string {
	st := sh.styles
	ss := st.Story
	var sb strings.Builder
	if selected {
		sb.WriteString(st.Selected.Render("›"))
	} else {
		sb.WriteString(" ")
	}
	switch {
	case it.conflict:
		sb.WriteString(ss.Conflict.Render(markClash) + " ")
	case it.only >= 0:
		sb.WriteString(ss.Only.Render(MarkOnly) + " ")
	default:
		sb.WriteString("  ")
	}
	label := padRight(truncate(it.label, L.labelW), L.labelW) + " "
	switch {
	case selected:
		sb.WriteString(st.Selected.Render(label))
	case it.only >= 0:
		sb.WriteString(ss.Only.UnsetBold().Render(label))
	default:
		sb.WriteString(label)
	}
	for k, c := range it.cells {
		cell := truncate(c, L.cellW-1)
		var s styleRenderer = st.Row
		switch {
		case c == MarkNone:
			s = st.Rule
		case it.conflict:
			s = ss.Conflict
		case it.only == k:
			cell = MarkOnly
			if it.section == secNumbers {
				cell = truncate(c, L.cellW-1)
			}
			s = ss.Only
		}
		cell = s.Render(cell)
		if selected && k == col {
			cell = ss.Focus.Render(ansiStrip(cell))
		}
		sb.WriteString(cell + blank(L.cellW-1-cellWidth(truncate(c, L.cellW-1))) + " ")
	}
	return fitLine(sb.String(), L.opts.width)
}

// compactNumber writes a figure for a narrow cell: "~5", "<5", "28", "20%",
// "$1.5bn".
func compactNumber(n compare.Number) string {
	v := n.Value
	s := ""
	switch {
	case n.Unit == "%":
		s = trimFloat(v*100) + "%"
	case math.Abs(v) >= 1e9:
		s = trimFloat(v/1e9) + "bn"
	case math.Abs(v) >= 1e6:
		s = trimFloat(v/1e6) + "m"
	case math.Abs(v) >= 1e4:
		s = trimFloat(v/1e3) + "k"
	default:
		s = trimFloat(v)
	}
	if strings.ContainsAny(n.Unit, "$€£¥₴₽") {
		s = n.Unit + s
	}
	switch {
	case n.Low < v && n.High > v:
		s = "~" + s
	case n.Low < v:
		s = "<" + s
	case n.High > v:
		s = ">" + s
	}
	return s
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

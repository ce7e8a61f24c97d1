package ui

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// This file lays out the story view off the update loop: sections of
// per-outlet cells, side by side in columns on a wide terminal, stacked
// otherwise.

// Sections of the story view, in order; keys 1-6 jump to them.
const (
	svHeadlines = iota
	svFraming
	svWords
	svQuoted
	svOmits
	svDisagree
	svSections
)

var svSectionNames = [svSections]string{"Headlines and leads", "Framing", "Distinctive words", "Who is quoted",
	"Omissions", "Disagreements"}

// svShort names the sections in the tab line.
var svShort = [svSections]string{"Headlines", "Framing", "Words", "Quoted", "Omissions", "Disagreements"}

// svWideW is the width from which outlets go side by side in columns.
const svWideW = 180

// svColW is the width a column aims at on a wide terminal.
const svColW = 48

// svItem is one selectable thing of the view: what enter opens and which
// outlet c compares.
type svItem struct {
	section  int
	outlet   int // index into StoryView.Outlets, or -1
	doc      int // the article enter opens, or -1
	sentence int // the sentence it opens at, or -1 for the top
}

// svSeg is a stretch of a line: its text as shown, its plain text (drawn
// reversed when its item is selected) and its item, or -1.
type svSeg struct {
	text, plain string
	w           int
	item        int
}

type svLine []svSeg

// storyViewLayout is the view laid out for one width.
type storyViewLayout struct {
	width    int
	columns  int // outlets side by side; 1 when stacked
	lines    []svLine
	items    []svItem
	itemLine []int // the first line of each item
	// sectionItem is the first item of each section, -1 when it has none;
	// sectionLine the line of its title.
	sectionItem [svSections]int
	sectionLine [svSections]int
}

// svCell is a block of lines of one width: an outlet's part of a section.
type svCell struct {
	lines []svSeg
}

func (c *svCell) add(text, plain string, item int) {
	c.lines = append(c.lines, svSeg{text: text, plain: plain, w: cellWidth(plain), item: item})
}

// svBuilder collects the layout as it is made.
type svBuilder struct {
	sh   *shared
	v    *compare.StoryView
	L    *storyViewLayout
	colW int
}

// layoutStoryView lays out v for width w.
func layoutStoryView(sh *shared, v *compare.StoryView, w int) *storyViewLayout {
	L := &storyViewLayout{width: w, columns: 1}
	if w >= svWideW && len(v.Outlets) > 1 {
		L.columns = clamp(w/svColW, 3, max(len(v.Outlets), 3))
		L.columns = min(L.columns, len(v.Outlets))
	}
	b := &svBuilder{sh: sh, v: v, L: L}
	b.colW = max((w-2*(L.columns-1))/L.columns, 10)
	for s := range L.sectionItem {
		L.sectionItem[s] = -1
	}
	b.headlines()
	b.framing()
	b.words()
	b.quoted()
	b.omissions()
	b.disagreements()
	return L
}

func (b *svBuilder) item(it svItem) int {
	b.L.items = append(b.L.items, it)
	b.L.itemLine = append(b.L.itemLine, -1)
	if b.L.sectionItem[it.section] < 0 {
		b.L.sectionItem[it.section] = len(b.L.items) - 1
	}
	return len(b.L.items) - 1
}

func (b *svBuilder) title(section int, note string) {
	ss := b.sh.styles.Story
	if len(b.L.lines) > 0 {
		b.line(svLine{})
	}
	b.L.sectionLine[section] = len(b.L.lines)
	text := fmt.Sprintf("%d %s", section+1, svSectionNames[section])
	line := svLine{{text: " " + ss.Section.Render(text), plain: " " + text, w: cellWidth(text) + 1, item: -1}}
	if note != "" {
		n := " · " + note
		line = append(line, svSeg{text: b.sh.styles.Meta.Render(n), plain: n, w: cellWidth(n), item: -1})
	}
	b.line(line)
}

func (b *svBuilder) line(l svLine) {
	for _, s := range l {
		if s.item >= 0 && b.L.itemLine[s.item] < 0 {
			b.L.itemLine[s.item] = len(b.L.lines)
		}
	}
	b.L.lines = append(b.L.lines, l)
}

// place lays cells out: side by side in rows of L.columns, or one under
// the other.
func (b *svBuilder) place(cells []svCell) {
	n := b.L.columns
	for start := 0; start < len(cells); start += n {
		row := cells[start:min(start+n, len(cells))]
		h := 0
		for _, c := range row {
			h = max(h, len(c.lines))
		}
		for i := 0; i < h; i++ {
			var line svLine
			for k, c := range row {
				if k > 0 {
					line = append(line, svSeg{text: "  ", plain: "  ", w: 2, item: -1})
				}
				seg := svSeg{item: -1}
				if i < len(c.lines) {
					seg = c.lines[i]
				}
				if k < len(row)-1 && n > 1 {
					// pad to the column so the next one lines up
					pad := blank(max(b.colW-seg.w, 0))
					if seg.w > b.colW {
						seg.text, seg.plain, pad = truncate(seg.text, b.colW), truncate(seg.plain, b.colW), ""
					}
					seg.text += pad
					seg.plain += pad
					seg.w = b.colW
				}
				line = append(line, seg)
			}
			b.line(line)
		}
		if n > 1 && start+n < len(cells) {
			b.line(svLine{})
		}
	}
}

// wrapped adds text wrapped to the cell, first line indented by lead,
// the rest by as many spaces.
func (b *svBuilder) wrapped(c *svCell, lead, text string, style func(...string) string, item, maxLines int) {
	w := max(b.colW-cellWidth(lead), 8)
	ls := wrap(text, w)
	for i, l := range ls {
		if maxLines > 0 && i == maxLines {
			break
		}
		if maxLines > 0 && i == maxLines-1 && len(ls) > maxLines {
			l = truncate(l+" "+ellipsis, w)
		}
		in := lead
		if i > 0 {
			in = blank(cellWidth(lead))
		}
		c.add(in+style(l), in+l, item)
	}
}

func (b *svBuilder) outletHead(c *svCell, k int) {
	name := truncate(b.v.Outlets[k].Outlet, b.colW-1)
	c.add(" "+b.sh.styles.Story.Value.Render(name), " "+name, -1)
}

func plainStyle(s ...string) string { return strings.Join(s, "") }

func (b *svBuilder) headlines() {
	v := b.v
	first := ""
	if len(v.Outlets) > 0 && v.Outlets[0].Dated {
		first = "first: " + v.Outlets[0].Outlet
	}
	b.title(svHeadlines, first)
	meta := b.sh.styles.Meta.Render
	var cells []svCell
	for k, o := range v.Outlets {
		var c svCell
		b.outletHead(&c, k)
		for _, d := range o.Docs {
			a := v.Docs[d].Article
			it := b.item(svItem{section: svHeadlines, outlet: k, doc: d, sentence: -1})
			when := "date unknown"
			if !a.Published.IsZero() {
				when = a.Published.UTC().Format("2 Jan 15:04")
				switch {
				case !o.Dated:
				case o.Lag == 0 && d == o.Docs[0]:
					when += " · first"
				case d == o.Docs[0]:
					when += " · +" + lagText(o.Lag)
				}
			}
			b.wrapped(&c, "   ", when+" · "+plural(a.Words, "word"), meta, it, 1)
			b.wrapped(&c, "   ", a.Title, b.sh.styles.Story.Value.Render, it, 3)
			b.wrapped(&c, "   ", compare.LeadOf(a), meta, it, 3)
		}
		cells = append(cells, c)
	}
	b.place(cells)
}

// lagText writes a delay in hours and minutes ("8h20m", "55m").
func lagText(d interface{ Minutes() float64 }) string {
	m := int(d.Minutes() + 0.5)
	if m < 60 {
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh%02dm", m/60, m%60)
}

func (b *svBuilder) framing() {
	v := b.v
	b.title(svFraming, plural(len(v.Facts), "fact")+" most outlets report · own words highlighted")
	if len(v.Facts) == 0 {
		b.line(b.note("No fact is reported by more than half the outlets."))
		return
	}
	outletOf := svOutletOf(v)
	for i, f := range v.Facts {
		b.line(svLine{{text: b.sh.styles.Meta.Render(fmt.Sprintf("   fact %d", i+1)), plain: fmt.Sprintf("   fact %d", i+1), w: 9 + len(fmt.Sprint(i+1)), item: -1}})
		var cells []svCell
		for _, r := range f.Rows {
			k := outletOf[r.Doc]
			var c svCell
			it := b.item(svItem{section: svFraming, outlet: k, doc: r.Doc, sentence: r.Sentences[0]})
			own := map[string]bool{}
			for _, w := range r.OwnWords {
				own[w] = true
			}
			name := truncate(v.Outlets[k].Outlet, 24)
			c.add("   "+b.sh.styles.Story.Value.Render(name), "   "+name, it)
			b.wrapped(&c, "     ", r.Text, func(s ...string) string { return highlightOwn(b.sh, strings.Join(s, ""), own) }, it, 0)
			cells = append(cells, c)
		}
		b.place(cells)
	}
}

// highlightOwn marks the words of a line that are in own.
func highlightOwn(sh *shared, line string, own map[string]bool) string {
	if len(own) == 0 {
		return line
	}
	var sb strings.Builder
	for i, f := range strings.Split(line, " ") {
		if i > 0 {
			sb.WriteByte(' ')
		}
		word := strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if word != "" && own[word] {
			at := strings.Index(f, word)
			sb.WriteString(f[:at] + sh.styles.Story.Common.Render(word) + f[at+len(word):])
			continue
		}
		sb.WriteString(f)
	}
	return sb.String()
}

func (b *svBuilder) note(text string) svLine {
	return svLine{{text: "   " + b.sh.styles.Note.Render(text), plain: "   " + text, w: 3 + cellWidth(text), item: -1}}
}

func svOutletOf(v *compare.StoryView) []int {
	out := make([]int, len(v.Docs))
	for k, o := range v.Outlets {
		for _, d := range o.Docs {
			out[d] = k
		}
	}
	return out
}

func (b *svBuilder) words() {
	b.title(svWords, "weighted log-odds against the other outlets · count · score")
	var cells []svCell
	for k, o := range b.v.Outlets {
		var c svCell
		b.outletHead(&c, k)
		it := b.item(svItem{section: svWords, outlet: k, doc: o.Docs[0], sentence: -1})
		if len(o.Distinctive) == 0 {
			c.add("   "+b.sh.styles.Meta.Render("nothing stands out"), "   nothing stands out", it)
		}
		for _, t := range o.Distinctive {
			s := fmt.Sprintf("   %s  %d  %.2f", t.Term, t.Count, t.Score)
			c.add(s, s, it)
		}
		cells = append(cells, c)
	}
	b.place(cells)
}

func (b *svBuilder) quoted() {
	b.title(svQuoted, "quotes per speaker · only: no other outlet quotes them")
	var cells []svCell
	for k, o := range b.v.Outlets {
		var c svCell
		b.outletHead(&c, k)
		it := b.item(svItem{section: svQuoted, outlet: k, doc: o.Docs[0], sentence: -1})
		if len(o.Quoted) == 0 {
			c.add("   "+b.sh.styles.Meta.Render("quotes no one"), "   quotes no one", it)
		}
		for _, q := range o.Quoted {
			s := fmt.Sprintf("   %s ×%d", q.Label(), q.Quotes)
			text := s
			if q.Only {
				text += "  " + b.sh.styles.Story.Only.Render("only")
				s += "  only"
			}
			c.add(text, s, it)
		}
		cells = append(cells, c)
	}
	b.place(cells)
}

func (b *svBuilder) omissions() {
	b.title(svOmits, "what the others report, heaviest first · enter opens it")
	var cells []svCell
	for k, o := range b.v.Outlets {
		var c svCell
		name := truncate(o.Outlet+" leaves out", b.colW-1)
		c.add(" "+b.sh.styles.Story.Value.Render(name), " "+name, -1)
		if len(o.Omits) == 0 {
			c.add("   "+b.sh.styles.Meta.Render("nothing the others report"), "   nothing the others report", -1)
		}
		for _, m := range o.Omits {
			it := b.item(svItem{section: svOmits, outlet: k, doc: m.Doc, sentence: m.Sentence})
			from := fmt.Sprintf("%.1f  %s", m.Weight, outletName(b.v.Docs[m.Doc].Article))
			c.add("   "+b.sh.styles.Meta.Render(from), "   "+from, it)
			b.wrapped(&c, "     ", m.Text, plainStyle, it, 0)
		}
		cells = append(cells, c)
	}
	b.place(cells)
}

func (b *svBuilder) disagreements() {
	v := b.v
	b.title(svDisagree, "figures for the same thing that differ")
	if len(v.Disagreements) == 0 {
		b.line(b.note("The outlets agree on every figure they share."))
		return
	}
	colW := b.colW
	b.colW = b.L.width // full width: one cell
	defer func() { b.colW = colW }()
	for _, d := range v.Disagreements {
		var vals []string
		first, at := -1, -1
		for _, o := range v.Outlets {
			for _, k := range o.Docs {
				if len(d.In[k]) == 0 {
					continue
				}
				if first < 0 {
					first, at = k, d.In[k][0].At.Sentence
				}
				var ts []string
				for _, n := range d.In[k] {
					ts = append(ts, n.Text)
				}
				vals = append(vals, outletName(v.Docs[k].Article)+": "+strings.Join(ts, ", "))
			}
		}
		it := b.item(svItem{section: svDisagree, outlet: -1, doc: first, sentence: at})
		var c svCell
		b.wrapped(&c, "   ! ", d.Thing+" — "+strings.Join(vals, "; "), plainStyle, it, 0)
		for _, l := range c.lines {
			b.line(svLine{l})
		}
	}
}

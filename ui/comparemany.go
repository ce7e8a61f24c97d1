package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// minColumnW is the narrowest column an article gets when more than two
// are compared side by side; narrower, the comparison shows one pair at a
// time (the first article against each other one).
const minColumnW = 60

// columnsFit reports whether n articles fit side by side in w columns.
func columnsFit(w, n int) bool { return n*minColumnW+(n-1)*gutterW <= w }

type (
	// compareManyMsg asks the root to compare several articles at once.
	compareManyMsg struct{ arts []*corpus.Article }
	// manyLaidMsg carries the N-way comparison laid out in columns.
	manyLaidMsg struct {
		seq uint64
		mc  *compare.MultiComparison
		lay *manyLayout
	}
)

// manyLayout is an N-way comparison laid out one column per article, the
// rows aligned on the same facts.
type manyLayout struct {
	w     int
	lines []string
	rows  int // facts
	all   int // facts every article reports
}

// startMany compares the articles: in columns where the width allows,
// else the first against each other one, a pair at a time.
func (p *comparePane) startMany(arts []*corpus.Article) tea.Cmd {
	cmd := p.start(arts[0], arts[1])
	if len(arts) <= 2 {
		return cmd
	}
	p.many, p.pair = arts, 1
	p.buildHead()
	if p.w > 0 && p.columns() {
		// The first pair is compared too, for a narrower terminal.
		return tea.Batch(cmd, p.startColumns())
	}
	return cmd
}

// columnsKey handles a key of the columns view: it scrolls.
func (p *comparePane) columnsKey(km tea.KeyMsg) {
	k := p.sh.keys.Compare
	body := p.bodyH()
	if n, ok := k.scrollStep(km, body); ok {
		p.scrollColumns(n)
		return
	}
	switch {
	case key.Matches(km, k.Top):
		p.moff = 0
	case key.Matches(km, k.Bottom):
		p.scrollColumns(len(p.mlay.lines))
	case key.Matches(km, k.NextPair), key.Matches(km, k.PrevPair):
		p.emit(statusMsg{text: fmt.Sprintf("all %d articles are side by side; below %d columns they show a pair at a time",
			len(p.many), len(p.many)*minColumnW+(len(p.many)-1)*gutterW)})
	}
}

// columns reports whether the pane shows an N-way comparison in columns.
func (p comparePane) columns() bool { return p.many != nil && columnsFit(p.w, len(p.many)) }

// startColumns aligns the articles N-way (once) and lays them out for the
// current width, in a command.
func (p *comparePane) startColumns() tea.Cmd {
	p.mlay, p.moff = nil, 0
	p.mseq = p.sh.nextSeq()
	p.buildHead()
	seq, sh, w, mc, arts, docs := p.mseq, p.sh, p.w, p.mc, p.many, p.sh.lib.Docs
	return func() tea.Msg {
		if mc == nil {
			ds := make([]*compare.Doc, len(arts))
			for i, a := range arts {
				ds[i] = docs.Get(a)
			}
			mc = compare.CompareMany(context.Background(), ds)
		}
		return manyLaidMsg{seq: seq, mc: mc, lay: layoutColumns(sh, mc, w)}
	}
}

// cyclePair shows the first article against the next (dir > 0) or
// previous other one.
func (p *comparePane) cyclePair(dir int) tea.Cmd {
	n := len(p.many) - 1
	pair := (p.pair-1+dir+n)%n + 1
	arts, mc := p.many, p.mc
	cmd := p.start(arts[0], arts[pair])
	p.many, p.pair, p.mc = arts, pair, mc
	p.buildHead()
	p.emit(statusMsg{text: p.pairText()})
	return cmd
}

// pairText says which pair of how many is shown, lettered as the columns
// below are (A the first article, B the other).
func (p comparePane) pairText() string {
	return fmt.Sprintf("pair %d of %d: A (%s) with B (%s)", p.pair, len(p.many)-1,
		outletName(p.many[0]), outletName(p.many[p.pair]))
}

// resizeMany switches between columns and pairs when a resize changes
// which fits, and lays columns out again for a new width.
func (p *comparePane) resizeMany() tea.Cmd {
	if p.many == nil {
		return nil
	}
	if p.columns() {
		if p.mlay != nil && p.mlay.w == p.w {
			return nil
		}
		return p.startColumns()
	}
	p.mlay = nil
	return nil
}

// layoutColumns lays mc out one column per article: each fact is a row,
// its cells side by side, each cell marked with how many articles report
// the fact.
func layoutColumns(sh *shared, mc *compare.MultiComparison, w int) *manyLayout {
	st := sh.styles
	n := len(mc.Docs)
	colW := (w - (n-1)*gutterW) / n
	widths := make([]int, n)
	for k := range widths {
		widths[k] = colW
	}
	widths[n-1] = w - (n-1)*gutterW - colW*(n-1)
	gut := st.Rule.Render(" │ ")
	lay := &manyLayout{w: w, rows: len(mc.Rows)}
	for _, r := range mc.Rows {
		has := 0
		for _, c := range r.Cells {
			if c != nil {
				has++
			}
		}
		if has == n {
			lay.all++
		}
		cells := make([][]string, n)
		height := 0
		for k, c := range r.Cells {
			cells[k] = manyCell(sh, mc.Docs[k], c, has, n, widths[k])
			height = max(height, len(cells[k]))
		}
		for i := 0; i < height; i++ {
			var sb strings.Builder
			for k := range cells {
				if k > 0 {
					sb.WriteString(gut)
				}
				line := ""
				if i < len(cells[k]) {
					line = cells[k][i]
				}
				sb.WriteString(fitLine(line, widths[k]))
			}
			lay.lines = append(lay.lines, sb.String())
		}
		lay.lines = append(lay.lines, st.Rule.Render(repeat("┈", w)))
	}
	return lay
}

// manyCell is one article's cell of a fact: its mark and its sentences
// wrapped to w, or a dot where the article does not report the fact.
func manyCell(sh *shared, d *compare.Doc, ix []int, has, n, w int) []string {
	ss := sh.styles.Story
	if ix == nil {
		return []string{" " + sh.styles.Meta.Render(MarkNone)}
	}
	// How many report the fact, as the coverage view's marks do: ◆ only
	// this one, else a count (3/3: every one).
	mark := ss.Shared.Render(fmt.Sprintf("%d/%d", has, n))
	if has == 1 {
		mark = ss.Own.Render(MarkOnly)
	}
	texts := make([]string, len(ix))
	for i, s := range ix {
		texts[i] = d.Sentences[s].Text
	}
	lines := wrap(strings.Join(texts, " "), max(w-5, 1))
	out := make([]string, len(lines))
	for i, l := range lines {
		lead := "     "
		if i == 0 {
			lead = " " + mark + strings.Repeat(" ", max(4-len([]rune(ansiStrip(mark))), 1))
		}
		out[i] = lead + l
	}
	return out
}

// columnsHead is the strip, a head per column and the rule of the
// columns view.
func (p comparePane) columnsHead() []string {
	st := p.sh.styles
	n := len(p.many)
	strip := " " + st.Meta.Render(fmt.Sprintf("%d articles side by side", n))
	if p.mlay != nil {
		strip += st.Meta.Render(fmt.Sprintf(" · %s, %d reported by all %d", plural(p.mlay.rows, "fact"), p.mlay.all, n))
	} else {
		strip += st.Meta.Render(" · " + p.spin + " aligning…")
	}
	colW := (p.w - (n-1)*gutterW) / n
	gut := st.Rule.Render(" │ ")
	var metas, titles []string
	for k, a := range p.many {
		w := colW
		if k == n-1 {
			w = p.w - (n-1)*gutterW - colW*(n-1)
		}
		parts := []string{outletName(a)}
		if a.HasDate() {
			parts = append(parts, a.Published.In(p.sh.now().Location()).Format("2 Jan 2006 15:04"))
		}
		parts = append(parts, formatCount(a.Words)+" words")
		metas = append(metas, fitLine(" "+st.Story.Value.Render(string(rune('A'+k%26)))+"  "+
			st.Meta.Render(truncate(strings.Join(parts, " · "), max(w-4, 1))), w))
		t := a.Title
		if a.TitleDerived {
			t = MarkDerived + " " + t
		}
		titles = append(titles, fitLine(" "+st.Title.Render(truncate(t, max(w-2, 1))), w))
	}
	ss := st.Story
	legend := " " + ss.Shared.Render(fmt.Sprintf("2/%d", n)) + " how many report it " +
		ss.Own.Render(MarkOnly) + " only this one " + st.Meta.Render(MarkNone) + " not this one "
	rule := st.Rule.Render(repeat("─", p.w))
	if lw := cellWidth(ansiStrip(legend)); lw+4 <= p.w {
		rule = st.Rule.Render("──") + legend + st.Rule.Render(repeat("─", p.w-2-lw))
	}
	return []string{strip, strings.Join(metas, gut), strings.Join(titles, gut), rule}
}

// columnsView is the body of the columns view, exactly body lines.
func (p comparePane) columnsView(body int) []string {
	if p.mlay == nil {
		return p.wait
	}
	out := make([]string, 0, body)
	for i := 0; i < body; i++ {
		if n := p.moff + i; n < len(p.mlay.lines) {
			out = append(out, p.mlay.lines[n])
		} else {
			out = append(out, blank(p.w))
		}
	}
	return out
}

// scrollColumns moves the columns view by n lines.
func (p *comparePane) scrollColumns(n int) {
	if p.mlay == nil {
		return
	}
	p.moff = clamp(p.moff+n, 0, max(len(p.mlay.lines)-p.bodyH(), 0))
}

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// coveragePane shows how a story's outlets covered it: outlets as columns,
// quotes, names and figures as rows, a mark where an outlet has the item.
// Below the table, the selected row in full: each outlet's version of the
// quote, its mentions, its figures.
type coveragePane struct {
	sh   *shared
	w, h int

	story *compare.Story
	cov   *compare.StoryCoverage
	seq   uint64
	err   string

	lay    *coverageLayout
	laySeq uint64
	held   []string
	filter covFilter

	sel    int // selected item
	col    int // chosen outlet (column)
	offset int // first visible table line

	head   []string
	table  []string // visible table lines, selection drawn
	detail []string // the panel as shown: a rule, then the visible part
	// detailAll is the selected row in full; detailOff the first line of
	// it the panel shows (ctrl+d/ctrl+u scroll it).
	detailAll []string
	detailOff int
	spin      string

	intents
}

type (
	coverageMsg struct {
		seq   uint64
		story *compare.Story
		cov   *compare.StoryCoverage
		lay   *coverageLayout
	}
	coverageLaidMsg struct {
		seq uint64
		lay *coverageLayout
	}
)

func newCoveragePane(sh *shared) coveragePane { return coveragePane{sh: sh} }

// detailH is the height of the panel under the table, its rule included.
func (p coveragePane) detailH() int {
	switch {
	case p.h >= 30:
		return 9
	case p.h >= 20:
		return 7
	case p.h >= 14:
		return 4
	}
	return 0
}

// start computes the coverage of a's story, with a as the first column.
func (p *coveragePane) start(a *corpus.Article) tea.Cmd {
	stories, docs := p.sh.lib.Stories(), p.sh.lib.Docs
	p.story, p.cov, p.lay, p.held, p.err = nil, nil, nil, nil, ""
	p.sel, p.col, p.offset, p.filter = 0, 0, 0, covAll
	p.seq = p.sh.nextSeq()
	p.rebuild()
	seq, sh, o := p.seq, p.sh, p.opts()
	return func() tea.Msg {
		var story *compare.Story
		if stories != nil {
			story = stories.Of(a)
		}
		if story == nil {
			story = &compare.Story{ID: "", Label: a.Title, Articles: []*corpus.Article{a}, Cohesion: 1}
		}
		arts := []*corpus.Article{a}
		for _, b := range story.Articles {
			if b != a {
				arts = append(arts, b)
			}
		}
		cov := compare.Coverage(docs.All(arts))
		return coverageMsg{seq: seq, story: story, cov: cov, lay: layoutCoverage(sh, cov, o)}
	}
}

func (p coveragePane) opts() covOpts { return covOpts{width: p.w, filter: p.filter} }

func (p coveragePane) update(msg tea.Msg) (coveragePane, tea.Cmd) {
	switch msg := msg.(type) {
	case coverageMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		p.story, p.cov = msg.story, msg.cov
		if msg.lay.opts != p.opts() {
			return p, p.relayout()
		}
		p.setLayout(msg.lay)
	case coverageLaidMsg:
		if msg.seq == p.laySeq {
			p.setLayout(msg.lay)
		}
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p coveragePane) handleKey(km tea.KeyMsg) (coveragePane, tea.Cmd) {
	k := p.sh.keys.Coverage
	page, half := viewPage(p.tableH())
	n, scrolls := k.step(km, page, half)
	switch {
	case key.Matches(km, k.Back):
		p.emit(closeStoryMsg{})
	case p.lay == nil:
	case scrolls:
		p.move(n)
	case key.Matches(km, k.DetailDown):
		p.scrollDetail(max(p.detailH()-2, 1))
	case key.Matches(km, k.DetailUp):
		p.scrollDetail(-max(p.detailH()-2, 1))
	case key.Matches(km, k.Left):
		p.setCol(p.col - 1)
	case key.Matches(km, k.Right):
		p.setCol(p.col + 1)
	case key.Matches(km, k.NextSection):
		p.nextSection()
	case key.Matches(km, k.View):
		p.filter = (p.filter + 1) % covFilters
		p.emit(statusMsg{text: "showing " + p.filter.String()})
		return p, p.relayout()
	case key.Matches(km, k.Open):
		p.openSelected()
	case key.Matches(km, k.Export):
		p.emit(p.exportRequest())
	}
	return p, nil
}

func (p *coveragePane) relayout() tea.Cmd {
	if p.cov == nil || p.w <= 0 {
		return nil
	}
	if p.lay != nil {
		p.held = p.view()
	}
	p.laySeq = p.sh.nextSeq()
	seq, sh, cov, o := p.laySeq, p.sh, p.cov, p.opts()
	return func() tea.Msg { return coverageLaidMsg{seq: seq, lay: layoutCoverage(sh, cov, o)} }
}

// setLayout installs a layout, keeping the selected item when it is shown.
func (p *coveragePane) setLayout(l *coverageLayout) {
	var keep *covItem
	if p.lay != nil && p.sel < len(p.lay.items) {
		it := p.lay.items[p.sel]
		keep = &it
	}
	p.lay, p.held = l, nil
	p.sel = 0
	if keep != nil {
		for i, it := range l.items {
			if it.section == keep.section && it.index == keep.index {
				p.sel = i
			}
		}
	}
	p.rebuild()
}

func (p *coveragePane) setSize(w, h int) tea.Cmd {
	if w == p.w && h == p.h {
		return nil
	}
	if p.lay != nil && p.h > 0 {
		p.held = fitLines(p.view(), w, h)
	}
	p.w, p.h = w, h
	p.rebuild()
	if p.lay != nil && p.lay.opts == p.opts() {
		p.held = nil // the layout still fits: nothing to wait for
		return nil
	}
	return p.relayout()
}

func (p coveragePane) columns() int {
	if p.cov == nil {
		return 0
	}
	return len(p.cov.Docs)
}

func (p *coveragePane) move(n int) {
	if p.lay == nil || len(p.lay.items) == 0 {
		return
	}
	p.sel = clamp(p.sel+n, 0, len(p.lay.items)-1)
	p.detailOff = 0
	p.rebuild()
}

// scrollDetail scrolls the panel under the table by n lines.
func (p *coveragePane) scrollDetail(n int) {
	if p.lay == nil || len(p.lay.items) == 0 {
		return
	}
	p.detailOff += n
	p.rebuild()
}

func (p *coveragePane) setCol(c int) {
	if p.columns() == 0 {
		return
	}
	p.col = clamp(c, 0, p.columns()-1)
	p.rebuild()
	p.emit(statusMsg{text: "outlet " + columnLetter(p.col) + ": " + outletName(p.cov.Docs[p.col].Article) + " — enter opens its passage"})
}

func (p *coveragePane) nextSection() {
	if p.lay == nil || len(p.lay.items) == 0 {
		return
	}
	cur := p.lay.items[p.sel].section
	for i := p.sel + 1; i < len(p.lay.items); i++ {
		if p.lay.items[i].section != cur {
			p.sel = i
			p.detailOff = 0
			p.rebuild()
			return
		}
	}
	p.sel = 0 // wrap to the first section
	p.detailOff = 0
	p.rebuild()
}

// openSelected opens the selected item's passage in the chosen outlet's
// article, or in the first article that has it.
func (p *coveragePane) openSelected() {
	if p.lay == nil || len(p.lay.items) == 0 {
		return
	}
	it := p.lay.items[p.sel]
	order := []int{p.col}
	for k := 0; k < p.columns(); k++ {
		if k != p.col {
			order = append(order, k)
		}
	}
	for _, k := range order {
		block, start, end, ok := p.locate(it, k)
		if !ok {
			continue
		}
		d := p.cov.Docs[k]
		if k != p.col {
			p.emit(statusMsg{text: outletName(p.cov.Docs[p.col].Article) + " does not have it; opened " + outletName(d.Article)})
		}
		p.emit(openPassageMsg{a: d.Article, block: block, start: start, end: end})
		return
	}
}

// locate finds item it in article k.
func (p *coveragePane) locate(it covItem, k int) (block, start, end int, ok bool) {
	d := p.cov.Docs[k]
	switch it.section {
	case secQuotes:
		if q := p.cov.Quotes[it.index].In[k]; q != nil {
			return q.Block, q.Start, q.End, true
		}
	case secNames:
		if ms := p.cov.Entities[it.index].In[k]; len(ms) > 0 {
			b, s, e := d.Locate(ms[0])
			return b, s, e, b >= 0
		}
	case secNumbers:
		if ns := p.cov.Numbers[it.index].In[k]; len(ns) > 0 {
			b, s, e := d.Locate(ns[0].At)
			return b, s, e, b >= 0
		}
	}
	return 0, 0, 0, false
}

func (p coveragePane) tableH() int {
	return max(p.h-len(p.head)-p.detailH(), 0)
}

// rebuild lays out the head, the visible table with the selection and the
// detail panel.
func (p *coveragePane) rebuild() {
	if p.w <= 0 || p.h <= 0 {
		return
	}
	st := p.sh.styles
	ss := st.Story
	var head []string
	if p.cov == nil {
		head = []string{" " + st.Title.Render("Coverage"), ""}
	} else {
		label := p.story.Label
		head = append(head, " "+st.Title.Render(truncate("Coverage · "+label, p.w-2)))
		L := p.lay
		summary := fmt.Sprintf("%s · %s · %s · %s",
			plural(len(p.cov.Docs), "article"),
			plural(len(p.cov.Quotes), "quote"),
			plural(len(p.cov.Entities), "name"),
			plural(len(p.cov.Numbers), "figure"))
		if L != nil && len(p.cov.Docs) > 1 {
			summary += fmt.Sprintf(" · %d reported by one outlet only · %d disagree", L.only, L.conflicts)
		}
		head = append(head, " "+st.Meta.Render(truncate(summary, p.w-2)))
		legend := " " + MarkHas + " has it  " + st.Rule.Render(MarkNone) + " does not  " + ss.Only.Render(MarkOnly) + " only one outlet  " +
			ss.Conflict.Render(markClash) + " figures disagree · " + p.filter.String()
		if p.columns() == 1 {
			legend = " " + st.Note.Render("This story has one article; coverage compares outlets once others join it.")
		}
		head = append(head, legend)
		if L != nil {
			head = append(head, L.key...)
			head = append(head, fitLine(L.heads, p.w))
		}
	}
	head = append(head, st.Rule.Render(repeat("─", p.w)))
	if maxHead := max(p.h/2, 1); len(head) > maxHead {
		head = head[len(head)-maxHead:]
	}
	p.head = fitLines(head, p.w, len(head))

	h := p.tableH()
	switch {
	case p.lay == nil:
		p.table = center([]string{p.spin + " reading quotes, names and numbers…"}, p.w, h)
		p.detail = fitLines(nil, p.w, p.detailH())
		return
	case len(p.lay.items) == 0:
		msg := "Nothing to show."
		if p.filter != covAll {
			msg = "No " + p.filter.String() + ". u shows all rows."
		}
		p.table = center([]string{st.Meta.Render(msg)}, p.w, h)
		p.detail = fitLines(nil, p.w, p.detailH())
		return
	}
	line := p.lay.itemLine[p.sel]
	if line < p.offset {
		p.offset = line
	}
	if line >= p.offset+h {
		p.offset = line - h + 1
	}
	if p.sel == 0 {
		p.offset = 0
	}
	// Keep a section's title in view when its first row is selected.
	if line > 0 && p.offset == line && (p.sel == 0 || p.lay.items[p.sel-1].section != p.lay.items[p.sel].section) {
		p.offset = line - 1
	}
	p.offset = clamp(p.offset, 0, max(len(p.lay.lines)-h, 0))
	out := make([]string, 0, h)
	for i := p.offset; i < len(p.lay.lines) && len(out) < h; i++ {
		if i == line {
			out = append(out, renderCovRow(p.sh, p.lay, p.lay.items[p.sel], true, p.col))
		} else {
			out = append(out, p.lay.lines[i])
		}
	}
	p.table = fitLines(out, p.w, h)
	p.detail = p.buildDetail()
}

// buildDetail shows the selected item in full, outlet by outlet, in a
// panel that scrolls when it is longer than the room under the table.
func (p *coveragePane) buildDetail() []string {
	dh := p.detailH()
	if dh == 0 {
		return nil
	}
	p.detailAll = p.detailLines()
	room := dh - 1
	p.detailOff = clamp(p.detailOff, 0, max(len(p.detailAll)-room, 0))
	st := p.sh.styles
	rule := st.Rule.Render(repeat("─", p.w))
	if len(p.detailAll) > room {
		k := p.sh.keys.Coverage
		more := fmt.Sprintf(" %d–%d of %d lines · %s/%s scroll ", p.detailOff+1, min(p.detailOff+room, len(p.detailAll)),
			len(p.detailAll), keyHint(k.DetailDown), keyHint(k.DetailUp))
		rule = st.Rule.Render(repeat("─", 2)) + st.Meta.Render(more) + st.Rule.Render(repeat("─", p.w-2-cellWidth(more)))
	}
	lines := append([]string{rule}, p.detailAll[p.detailOff:min(p.detailOff+room, len(p.detailAll))]...)
	return fitLines(lines, p.w, dh)
}

// detailLines are the selected row in full, wrapped to the pane.
func (p *coveragePane) detailLines() []string {
	st := p.sh.styles
	it := p.lay.items[p.sel]
	var lines []string
	w := max(p.w-2, 10)
	labels := outletLabels(p.cov.Docs)
	outlet := func(k int) string { return columnLetter(k) + " " + labels[k] }
	// wrapped adds text wrapped to the panel, later lines indented.
	wrapped := func(text string, style func(...string) string) {
		for i, l := range wrap(text, w-2) {
			lead := " "
			if i > 0 {
				lead = "   "
			}
			lines = append(lines, lead+style(l))
		}
	}
	switch it.section {
	case secQuotes:
		q := p.cov.Quotes[it.index]
		for _, l := range wrap(quoteLabel(q.Text, q.Speaker), w) {
			lines = append(lines, " "+l)
		}
		for k, v := range q.In {
			if v != nil && !strings.EqualFold(v.Text, q.Text) {
				wrapped(outlet(k)+": “"+v.Text+"”", st.Meta.Render)
			}
		}
	case secNames:
		e := p.cov.Entities[it.index]
		var parts []string
		for k, v := range e.In {
			parts = append(parts, fmt.Sprintf("%s %s", columnLetter(k), mentionCount(len(v))))
		}
		lines = append(lines, " "+st.Story.Value.Render(e.Name)+st.Meta.Render(" · "+string(e.Kind)))
		for _, l := range wrap("mentions: "+strings.Join(parts, " · "), w) {
			lines = append(lines, " "+st.Meta.Render(l))
		}
	case secNumbers:
		r := p.cov.Numbers[it.index]
		title := " " + st.Story.Value.Render(r.Thing)
		if r.Conflict {
			title += "  " + st.Story.Conflict.Render("! the outlets give different figures: check the sources")
		}
		lines = append(lines, title)
		for k, v := range r.In {
			if len(v) == 0 {
				continue
			}
			var texts []string
			for _, n := range v {
				texts = append(texts, "“"+n.Text+"”")
			}
			wrapped(outlet(k)+": "+strings.Join(texts, ", "), func(s ...string) string { return strings.Join(s, "") })
		}
	}
	return lines
}

func mentionCount(n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(n)
}

func (p coveragePane) position() string {
	if p.lay == nil || len(p.lay.items) == 0 {
		return ""
	}
	it := p.lay.items[p.sel]
	return fmt.Sprintf("%s · %d/%d", strings.ToLower(sectionNames[it.section]), p.sel+1, len(p.lay.items))
}

func (p coveragePane) view() []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	if p.held != nil && len(p.held) == p.h {
		return p.held
	}
	out := make([]string, 0, p.h)
	out = append(out, p.head...)
	out = append(out, p.table...)
	out = append(out, p.detail...)
	if len(out) != p.h {
		return fitLines(out, p.w, p.h)
	}
	return out
}

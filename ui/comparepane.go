package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// narrowCompareWidth: below it the two sides are shown one at a time.
const narrowCompareWidth = 100

// comparePane shows two articles side by side: sentences aligned in rows,
// shared wording highlighted, a strip of figures on top. Comparing and
// laying out run in commands; the pane keeps the latest result and slices
// it.
type comparePane struct {
	sh   *shared
	w, h int

	a, b *corpus.Article // a: the article the comparison started from
	cmp  *compare.Comparison
	note string // said once the comparison arrives (how b was chosen)
	err  string

	seq    uint64 // latest comparison request
	laySeq uint64 // latest layout request
	lay    *compareLayout
	held   []string // the last picture, shown while a re-layout runs
	opts   compareOpts

	focus  int  // side with the keyboard (narrow: the side shown)
	synced bool // sides scroll together
	off    [2]int
	cur    int // index into lay.rows of the passage last jumped to; -1
	// keepRow is the comparison row to keep at the top across a re-layout.
	keepRow int

	searching bool // the search field has the keyboard
	query     string

	// More than two articles (comparemany.go): many in order, the first
	// against many[pair] shown a pair at a time, or all in columns (mc
	// laid out as mlay, scrolled to moff) where the width allows.
	many []*corpus.Article
	pair int
	mc   *compare.MultiComparison
	mlay *manyLayout
	moff int
	mseq uint64

	spin string   // spinner frame, set by the root while computing
	head []string // the strip, the column heads and the rule
	wait []string // the body while comparing or after an error

	intents
}

// Messages of the comparison.
type (
	comparedMsg struct {
		seq  uint64
		a, b *corpus.Article
		cmp  *compare.Comparison
		lay  *compareLayout
		note string
		err  string
	}
	compareLaidMsg struct {
		seq uint64
		lay *compareLayout
	}
	// openPassageMsg asks the root to open an article at a passage.
	openPassageMsg struct {
		a                 *corpus.Article
		block, start, end int
	}
	// closeStoryMsg asks the root to leave a story pane.
	closeStoryMsg struct{}
	// exportMsg asks the root to export what a story pane shows: markdown
	// makes the file's name and text (off the update loop); nil when the
	// pane has nothing to export yet.
	exportMsg struct {
		markdown func() (name, md string)
	}
)

func newComparePane(sh *shared) comparePane {
	return comparePane{sh: sh, synced: true, cur: -1, keepRow: -1}
}

// start begins comparing a with b (b nil: the closest article of a's
// story) and returns the command that does it.
// start compares a with b, or with the closest article of its story when b
// is nil, from the library's stories and prepared articles.
func (p *comparePane) start(a, b *corpus.Article) tea.Cmd {
	stories, docs := p.sh.lib.Stories(), p.sh.lib.Docs
	p.a, p.b, p.cmp, p.lay, p.held, p.err, p.note = a, b, nil, nil, nil, "", ""
	p.many, p.mc, p.mlay, p.moff = nil, nil, nil, 0
	p.off, p.cur, p.keepRow, p.focus = [2]int{}, -1, -1, 0
	p.query, p.searching = "", false
	p.opts.swapped, p.opts.filter, p.opts.query = false, showAll, ""
	p.seq = p.sh.nextSeq()
	p.buildHead()
	seq, sh, o := p.seq, p.sh, p.opts
	return func() tea.Msg {
		note := ""
		if b == nil {
			var err string
			b, note, err = closestInStory(stories, a)
			if b == nil {
				return comparedMsg{seq: seq, a: a, err: err}
			}
		}
		note = joinNotes(note, storedDamageNote(stories))
		cmp := compare.Compare(docs.Get(a), docs.Get(b))
		return comparedMsg{seq: seq, a: a, b: b, cmp: cmp, lay: layoutComparison(sh, cmp, o), note: note}
	}
}

// closestInStory picks what `c` compares a with: the most similar article
// of its story, or failing that the most similar article at all.
func closestInStory(stories *compare.Stories, a *corpus.Article) (*corpus.Article, string, string) {
	if stories == nil {
		return nil, "", "stories are not grouped yet"
	}
	cands := stories.Candidates(a, 1)
	if len(cands) == 0 {
		return nil, "", "no other article shares enough words with this one to compare"
	}
	c := cands[0]
	if !c.SameStory {
		return c.Article, fmt.Sprintf("this article's story has no other article: compared with the closest one (%d%% similar)", pct(c.Similarity)), ""
	}
	return c.Article, "", ""
}

func pct(x float64) int { return comparison.Percent(x) }

func (p comparePane) computing() bool {
	if p.columns() {
		return p.mlay == nil
	}
	return p.lay == nil && p.err == "" && p.a != nil
}

func (p comparePane) update(msg tea.Msg) (comparePane, tea.Cmd) {
	switch msg := msg.(type) {
	case comparedMsg:
		if msg.seq != p.seq {
			return p, nil
		}
		if msg.err != "" {
			p.err = msg.err
			p.buildHead()
			return p, nil
		}
		p.b, p.cmp, p.note = msg.b, msg.cmp, msg.note
		if msg.lay.opts != p.opts {
			// The pane was resized while comparing.
			p.setLayout(nil)
			p.buildHead()
			return p, p.relayout()
		}
		p.setLayout(msg.lay)
		p.buildHead()
		if p.note != "" {
			p.emit(statusMsg{text: p.note})
		}
		return p, nil
	case manyLaidMsg:
		if msg.seq == p.mseq {
			p.mc, p.mlay = msg.mc, msg.lay
			p.scrollColumns(0)
			p.buildHead()
		}
		return p, nil
	case compareLaidMsg:
		if msg.seq == p.laySeq {
			p.setLayout(msg.lay)
			p.buildHead()
		}
		return p, nil
	case tea.KeyMsg:
		if p.searching {
			return p.searchKey(msg)
		}
		return p.handleKey(msg)
	}
	return p, nil
}

func (p comparePane) handleKey(km tea.KeyMsg) (comparePane, tea.Cmd) {
	k := p.sh.keys.Compare
	body := p.bodyH()
	switch {
	case key.Matches(km, k.SearchCancel) && p.query != "":
		// esc clears a kept find first, as it does in the article.
		return p.clearSearch()
	case key.Matches(km, k.Back):
		p.emit(closeStoryMsg{})
	case p.columns():
		p.columnsKey(km)
	case p.many != nil && key.Matches(km, k.NextPair):
		return p, p.cyclePair(+1)
	case p.many != nil && key.Matches(km, k.PrevPair):
		return p, p.cyclePair(-1)
	case p.lay == nil:
		// Nothing else works until the comparison is there.
	case k.scrolls(km):
		n, _ := k.scrollStep(km, body)
		p.scroll(n)
	case key.Matches(km, k.Top):
		p.scroll(-len(p.lay.lines[0]) - len(p.lay.lines[1]))
	case key.Matches(km, k.Bottom):
		p.scroll(len(p.lay.lines[0]) + len(p.lay.lines[1]))
	case key.Matches(km, k.Focus):
		p.switchFocus()
	case key.Matches(km, k.Sync):
		p.synced = !p.synced
		if p.synced {
			p.alignOther()
			p.emit(statusMsg{text: "sides scroll together"})
		} else {
			p.emit(statusMsg{text: "sides scroll apart: j/k move the " + p.sideWord(p.focus) + " side"})
		}
		p.buildHead()
	case key.Matches(km, k.Swap):
		p.opts.swapped = !p.opts.swapped
		p.focus = 1 - p.focus
		p.keepRow = p.topRow()
		// One side at a time (narrow) looks the same after a swap: say it.
		p.emit(statusMsg{text: "sides swapped: " + outletName(sideDoc(p.cmp, 0, p.opts.swapped).Article) +
			" left, " + outletName(sideDoc(p.cmp, 1, p.opts.swapped).Article) + " right"})
		return p, p.relayout()
	case key.Matches(km, k.View):
		p.opts.filter = (p.opts.filter + 1) % rowFilters
		p.keepRow = p.topRow()
		p.emit(statusMsg{text: "showing " + p.opts.filter.String()})
		return p, p.relayout()
	case key.Matches(km, k.NextShared):
		p.jump(+1, true)
	case key.Matches(km, k.PrevShared):
		p.jump(-1, true)
	case key.Matches(km, k.NextOwn):
		p.jump(+1, false)
	case key.Matches(km, k.PrevOwn):
		p.jump(-1, false)
	case key.Matches(km, k.Search):
		p.searching = true
		p.buildHead()
	case key.Matches(km, k.NextMatch):
		p.jumpMatch(+1)
	case key.Matches(km, k.PrevMatch):
		p.jumpMatch(-1)
	case key.Matches(km, k.Open):
		p.openCurrent()
	case key.Matches(km, k.Export):
		p.emit(p.exportRequest())
	}
	return p, nil
}

// searchKey edits the query; every change re-lays the comparison out with
// the matches highlighted.
func (p comparePane) searchKey(km tea.KeyMsg) (comparePane, tea.Cmd) {
	k := p.sh.keys.Compare
	switch {
	case key.Matches(km, k.SearchDone):
		p.searching = false
		p.buildHead()
		if p.query != "" && p.lay != nil && p.lay.opts.query == p.query {
			p.jumpMatch(0)
		}
		return p, nil
	case key.Matches(km, k.SearchCancel):
		return p.clearSearch()
	case km.Type == tea.KeyBackspace:
		if r := []rune(p.query); len(r) > 0 {
			p.query = string(r[:len(r)-1])
		}
	case km.Type == tea.KeyCtrlU:
		p.query = ""
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace:
		p.query += string(km.Runes)
		if km.Type == tea.KeySpace {
			p.query += " "
		}
	default:
		return p, nil
	}
	return p.queryChanged()
}

// clearSearch closes the find and lays the comparison out without its
// highlights.
func (p comparePane) clearSearch() (comparePane, tea.Cmd) {
	p.searching, p.query = false, ""
	return p.queryChanged()
}

// queryChanged shows the query as typed and lays the comparison out
// again when it differs from the one laid out.
func (p comparePane) queryChanged() (comparePane, tea.Cmd) {
	p.buildHead()
	if p.opts.query == p.query {
		return p, nil
	}
	p.opts.query = p.query
	p.keepRow = p.topRow()
	return p, p.relayout()
}

// relayout lays the comparison out again for the current options.
func (p *comparePane) relayout() tea.Cmd {
	if p.cmp == nil || p.w <= 0 {
		return nil
	}
	if p.lay != nil {
		p.held = p.view()
	}
	p.laySeq = p.sh.nextSeq()
	seq, sh, cmp, o := p.laySeq, p.sh, p.cmp, p.opts
	return func() tea.Msg { return compareLaidMsg{seq: seq, lay: layoutComparison(sh, cmp, o)} }
}

// setLayout installs a finished layout, keeping the reader's place.
func (p *comparePane) setLayout(l *compareLayout) {
	var curRow = -1
	if p.lay != nil && p.cur >= 0 && p.cur < len(p.lay.rows) {
		curRow = p.lay.rows[p.cur].row
	}
	p.lay, p.held = l, nil
	p.cur = -1
	if l == nil {
		return
	}
	for i, r := range l.rows {
		if r.row == curRow {
			p.cur = i
		}
	}
	if p.keepRow >= 0 {
		i := sort.Search(len(l.rows), func(i int) bool { return l.rows[i].row >= p.keepRow })
		if i < len(l.rows) {
			p.off = [2]int{l.rows[i].start[0], l.rows[i].start[1]}
		} else {
			p.off = [2]int{len(l.lines[0]), len(l.lines[1])}
		}
		p.keepRow = -1
	}
	p.clampOffsets()
}

// setSize resizes the pane; a new width is laid out again in the
// background while the old picture stays.
func (p *comparePane) setSize(w, h int) tea.Cmd {
	if w == p.w && h == p.h {
		return nil
	}
	if p.lay != nil && p.h > 0 {
		p.held = fitLines(p.view(), w, h)
	}
	p.w, p.h = w, h
	p.opts.width = w
	p.opts.narrow = w < narrowCompareWidth
	p.buildHead()
	if p.many != nil {
		// Columns or pairs: the pair's comparison is kept either way, so
		// that a resize can switch back without comparing again.
		return tea.Batch(p.resizeMany(), p.resizePair())
	}
	return p.resizePair()
}

// resizePair lays the pair's comparison out again for a new size.
func (p *comparePane) resizePair() tea.Cmd {
	if p.lay != nil && p.lay.opts == p.opts {
		p.held = nil
		p.clampOffsets()
		return nil
	}
	if p.lay != nil {
		p.keepRow = p.topRow()
	}
	return p.relayout()
}

func (p comparePane) bodyH() int { return max(p.h-len(p.head), 0) }

// shown is the side the narrow layout shows.
func (p comparePane) shown() int { return p.focus }

func (p *comparePane) maxOff(s int) int {
	if p.lay == nil {
		return 0
	}
	return max(len(p.lay.lines[s])-p.bodyH(), 0)
}

func (p *comparePane) clampOffsets() {
	for s := 0; s < 2; s++ {
		p.off[s] = clamp(p.off[s], 0, p.maxOff(s))
	}
}

// scroll moves the text: both sides when synced, else the focused one.
func (p *comparePane) scroll(n int) {
	if p.lay == nil {
		return
	}
	switch {
	case p.opts.narrow:
		p.off[p.focus] += n
		p.clampOffsets()
		if p.synced {
			p.alignOther()
		}
	case p.synced:
		p.off[0] += n
		p.clampOffsets()
		p.off[1] = p.off[0]
	default:
		p.off[p.focus] += n
	}
	p.clampOffsets()
}

// alignOther brings the unfocused side to the row the focused side shows.
func (p *comparePane) alignOther() { p.alignFrom(p.focus) }

// alignFrom brings the other side to the row side from shows: the same
// line when wide, the same row (and the same line within it, as far as it
// goes) when narrow.
func (p *comparePane) alignFrom(from int) {
	if p.lay == nil {
		return
	}
	o := 1 - from
	if !p.opts.narrow {
		p.off[o] = p.off[from]
		p.clampOffsets()
		return
	}
	i := p.rowAt(from, p.off[from])
	if i < 0 {
		p.off[o] = 0
		return
	}
	r := p.lay.rows[i]
	p.off[o] = r.start[o] + clamp(p.off[from]-r.start[from], 0, max(p.rowHeight(o, i)-1, 0))
	p.clampOffsets()
}

// rowHeight is how many lines row i takes on side s, separator included.
func (p *comparePane) rowHeight(s, i int) int {
	if i+1 < len(p.lay.rows) {
		return p.lay.rows[i+1].start[s] - p.lay.rows[i].start[s]
	}
	return len(p.lay.lines[s]) - p.lay.rows[i].start[s]
}

// rowAt is the index of the shown row on line off of side s, or -1.
func (p *comparePane) rowAt(s, off int) int {
	if p.lay == nil || len(p.lay.rows) == 0 {
		return -1
	}
	i := sort.Search(len(p.lay.rows), func(i int) bool { return p.lay.rows[i].start[s] > off })
	return max(i-1, 0)
}

// topRow is the comparison row at the top of the focused side, or -1.
func (p *comparePane) topRow() int {
	if i := p.rowAt(p.focus, p.off[p.focus]); i >= 0 {
		return p.lay.rows[i].row
	}
	return -1
}

func (p *comparePane) switchFocus() {
	old := p.focus
	p.focus = 1 - old
	if p.opts.narrow && p.synced {
		p.alignFrom(old)
	}
	p.buildHead()
	if p.opts.narrow {
		p.emit(statusMsg{text: "showing " + p.sideLabel(p.focus)})
	}
}

// refRow is where jumps start: the passage last jumped to while it is on
// screen, else the row at the top.
func (p *comparePane) refRow() int {
	s := p.focus
	if p.cur >= 0 && p.cur < len(p.lay.rows) {
		st := p.lay.rows[p.cur].start[s]
		if st >= p.off[s] && st < p.off[s]+p.bodyH() {
			return p.cur
		}
	}
	return p.rowAt(s, p.off[s])
}

// jump moves to the next (dir > 0) or previous shared passage, or passage
// only one side has. A run of rows only one side has is one passage.
func (p *comparePane) jump(dir int, shared bool) {
	rows := p.lay.rows
	if len(rows) == 0 {
		return
	}
	is := func(i int) bool { return (rows[i].kind == rowShared) == shared }
	sameRun := func(i, j int) bool { return rows[i].kind == rows[j].kind && rows[i].kind != rowShared }
	ref := p.refRow()
	target := -1
	if dir > 0 {
		i := ref + 1
		for i > 0 && i < len(rows) && !shared && is(i) && sameRun(i-1, i) && i-1 >= ref {
			i++
		}
		for ; i < len(rows); i++ {
			if is(i) {
				target = i
				break
			}
		}
	} else {
		for i := ref - 1; i >= 0; i-- {
			if is(i) {
				for !shared && i > 0 && is(i-1) && sameRun(i-1, i) {
					i--
				}
				target = i
				break
			}
		}
	}
	what := "shared passage"
	if !shared {
		what = "passage only one side has"
	}
	if target < 0 {
		where := "below"
		if dir < 0 {
			where = "above"
		}
		p.emit(statusMsg{text: "no " + what + " " + where})
		return
	}
	p.goToRow(target)
	n, k := 0, 0
	for i := range rows {
		if is(i) && (shared || i == 0 || !sameRun(i-1, i) || !is(i-1)) {
			n++
			if i <= target {
				k = n
			}
		}
	}
	if shared {
		p.emit(statusMsg{text: fmt.Sprintf("shared passage %d of %d", k, n)})
	} else {
		side := 0
		if rows[target].kind == rowOwnRight {
			side = 1
		}
		p.emit(statusMsg{text: fmt.Sprintf("only in %s: passage %d of %d", p.sideLabel(side), k, n)})
	}
}

// matchCount says how many search matches there are.
func matchCount(n int) string {
	if n == 1 {
		return "1 match"
	}
	return formatCount(n) + " matches"
}

// goToRow makes row i current and scrolls it to the top. Narrow, when the
// side shown has nothing there (a passage only the other side has, a
// match on the other side), the other side is shown.
func (p *comparePane) goToRow(i int) {
	p.cur = i
	r := p.lay.rows[i]
	if p.opts.narrow {
		s := p.focus
		row := &p.cmp.Rows[r.row]
		hasText := sideSents(row, s, p.opts.swapped) != nil
		if !hasText || p.opts.query != "" && r.matches[s] == 0 && r.matches[1-s] > 0 {
			p.focus = 1 - s
			p.buildHead()
		}
	}
	if p.synced || p.opts.narrow {
		p.off = r.start
	} else {
		p.off[p.focus] = r.start[p.focus]
	}
	p.clampOffsets()
}

// jumpMatch moves to the next (dir > 0), previous (dir < 0) or first
// visible-or-following (dir == 0) row with a search match.
func (p *comparePane) jumpMatch(dir int) {
	if p.lay == nil || p.query == "" {
		p.emit(statusMsg{text: "no search: / to find words in both sides"})
		return
	}
	if p.lay.matches == 0 {
		p.emit(statusMsg{text: fmt.Sprintf("%q is in neither side", p.query), err: true})
		return
	}
	rows := p.lay.rows
	var at []int
	for i, r := range rows {
		if r.matches[0]+r.matches[1] > 0 {
			at = append(at, i)
		}
	}
	k, note, ok := nextHit(at, p.refRow(), dir)
	if !ok { // every match is in rows the view filter hides
		p.emit(statusMsg{text: fmt.Sprintf("%q is only in passages hidden by this view (u)", p.query)})
		return
	}
	target := at[k]
	p.goToRow(target)
	r := rows[target]
	p.emit(statusMsg{text: joinRight(fmt.Sprintf("%s · %d on the left, %d on the right", matchCount(p.lay.matches), r.matches[0], r.matches[1]), note)})
}

// openCurrent opens the current passage (or the top one) in its article,
// on the focused side when it has text there.
func (p *comparePane) openCurrent() {
	i := p.refRow()
	if i < 0 {
		return
	}
	row := &p.cmp.Rows[p.lay.rows[i].row]
	side := p.focus
	if sideSents(row, side, p.opts.swapped) == nil {
		side = 1 - side
	}
	sents := sideSents(row, side, p.opts.swapped)
	d := sideDoc(p.cmp, side, p.opts.swapped)
	first, last := d.Sentences[sents[0]], d.Sentences[sents[len(sents)-1]]
	end := first.End
	if last.Block == first.Block {
		end = last.End
	}
	p.emit(openPassageMsg{a: d.Article, block: first.Block, start: first.Start, end: end})
}

// sideLabel names side s for messages: "A (outlet)".
func (p comparePane) sideLabel(s int) string {
	if p.cmp == nil {
		return p.sideWord(s)
	}
	d := sideDoc(p.cmp, s, p.opts.swapped)
	letter := "A"
	if d == p.cmp.B {
		letter = "B"
	}
	return letter + " (" + outletName(d.Article) + ")"
}

func (p comparePane) sideWord(s int) string {
	if s == 0 {
		return "left"
	}
	return "right"
}

func outletName(a *corpus.Article) string { return comparison.OutletName(a) }

// position is the status-line position: the row at the top and how far.
func (p comparePane) position() string {
	if p.columns() {
		if p.mlay == nil || len(p.mlay.lines) == 0 {
			return ""
		}
		return fmt.Sprintf("line %d/%d", p.moff+1, len(p.mlay.lines))
	}
	if p.lay == nil || len(p.lay.rows) == 0 {
		return ""
	}
	s := p.focus
	i := p.rowAt(s, p.off[s])
	n := len(p.lay.lines[s])
	pc := 100
	if n > p.bodyH() {
		pc = (p.off[s] + p.bodyH()) * 100 / n
	}
	out := fmt.Sprintf("passage %d/%d · %d%%", i+1, len(p.lay.rows), pc)
	if p.opts.query != "" {
		out = joinRight(matchCount(p.lay.matches), out)
	}
	return out
}

// buildHead lays out the strip and the column heads.
func (p *comparePane) buildHead() {
	p.head = nil
	if p.w <= 0 || p.h <= 0 || p.a == nil {
		return
	}
	st := p.sh.styles
	w := p.w
	var lines []string
	if p.columns() {
		p.head = fitLines(p.columnsHead(), w, 4)
		if maxHead := max(p.h/2, 1); len(p.head) > maxHead {
			p.head = p.head[len(p.head)-maxHead:]
		}
		p.buildWait()
		return
	}
	if p.many != nil {
		k := p.sh.keys.Compare
		lines = append(lines, " "+st.Story.Value.Render(p.pairText())+
			st.Meta.Render(fmt.Sprintf(" · %s/%s other pairs · %d columns show all", keyHint(k.NextPair), keyHint(k.PrevPair),
				len(p.many)*minColumnW+(len(p.many)-1)*gutterW)))
	}
	if c := p.cmp; c != nil {
		v := st.Story.Value.Render
		la, lb := "A", "B"
		strip := fmt.Sprintf(" %s similar · %s of %s is in %s · %s of %s is in %s · %s",
			v(fmt.Sprintf("%d%%", pct(c.Similarity))),
			v(fmt.Sprintf("%d%%", pct(c.CoverageA))), la, lb,
			v(fmt.Sprintf("%d%%", pct(c.CoverageB))), lb, la,
			quoteCounts(c, v))
		lines = append(lines, strip)
		second := " " + verdict(c) + " · " + p.opts.filter.String()
		if !p.synced {
			second += " · sides scroll apart (s)"
		}
		if p.searching || p.query != "" {
			second = p.searchLine()
		}
		lines = append(lines, st.Meta.Render(second))
	} else {
		lines = append(lines, " "+st.Meta.Render("Comparing "+outletName(p.a)+" with "+p.otherName()+"…"), "")
		if p.searching {
			lines[1] = p.searchLine()
		}
	}
	lines = append(lines, p.columnHeads()...)
	lines = append(lines, p.legendRule())
	if maxHead := max(p.h/2, 1); len(lines) > maxHead {
		// Short terminals: the columns' heads and the rule stay, the
		// figures go.
		lines = lines[len(lines)-maxHead:]
	}
	p.head = fitLines(lines, w, len(lines))
	p.clampOffsets()
	p.buildWait()
}

// buildWait lays out the body shown while comparing, or the error.
func (p *comparePane) buildWait() {
	st := p.sh.styles
	switch {
	case p.err != "":
		p.wait = center([]string{st.Error.UnsetBackground().Render(p.err), st.Meta.Render("esc goes back")}, p.w, p.bodyH())
	case p.lay == nil || p.columns() && p.mlay == nil:
		p.wait = center([]string{p.spin + " comparing…"}, p.w, p.bodyH())
	default:
		p.wait = nil
	}
}

// setSpin shows spinner frame f while comparing.
func (p *comparePane) setSpin(f string) {
	p.spin = f
	if p.computing() && p.w > 0 {
		p.buildHead()
	}
}

func (p comparePane) otherName() string {
	if p.b != nil {
		return outletName(p.b)
	}
	return "the closest article of its story"
}

func (p comparePane) searchLine() string {
	st := p.sh.styles
	line := " " + st.StatusKey.UnsetBackground().Render("/") + p.query
	if p.searching {
		line += "▏"
	}
	if p.lay != nil && p.query != "" && p.lay.opts.query == p.query {
		line += st.Meta.Render(fmt.Sprintf("   %s · n/N next/previous", matchCount(p.lay.matches)))
		if !p.searching {
			line += st.Meta.Render(" · esc clears")
		}
	}
	if p.searching {
		line += st.Meta.Render("   enter keeps · esc clears")
	}
	return line
}

// columnHeads are the two lines naming each side: letter, outlet and date,
// then the title. Narrow, only the side shown, and a note saying so.
func (p comparePane) columnHeads() []string {
	st := p.sh.styles
	docArt := func(s int) *corpus.Article {
		if p.cmp != nil {
			return sideDoc(p.cmp, s, p.opts.swapped).Article
		}
		if (s == 0) != p.opts.swapped {
			return p.a
		}
		return p.b
	}
	letter := func(s int) string {
		if (s == 0) != p.opts.swapped {
			return "A"
		}
		return "B"
	}
	meta := func(s int, w int) string {
		a := docArt(s)
		if a == nil {
			return truncate(letter(s)+"  "+p.spin+" choosing…", w)
		}
		parts := []string{outletName(a)}
		if a.HasDate() {
			parts = append(parts, a.Published.In(p.sh.now().Location()).Format("2 Jan 2006 15:04"))
		}
		parts = append(parts, formatCount(a.Words)+" words")
		return st.Story.Value.Render(letter(s)) + "  " + st.Meta.Render(truncate(strings.Join(parts, " · "), max(w-3, 1)))
	}
	title := func(s int, w int) string {
		a := docArt(s)
		if a == nil {
			return ""
		}
		ts := st.TitleDim
		if s == p.focus {
			ts = st.Title
		}
		t := a.Title
		if a.TitleDerived {
			t = MarkDerived + " " + t
		}
		return ts.Render(truncate(t, w))
	}
	if p.opts.narrow {
		s := p.focus
		other := 1 - s
		otherName := letter(other)
		if a := docArt(other); a != nil {
			otherName += " (" + outletName(a) + ")"
		}
		note := fmt.Sprintf("one side at a time below %d columns · tab shows %s", narrowCompareWidth, otherName)
		return []string{" " + meta(s, p.w-2), " " + title(s, p.w-2), " " + st.Note.Render(truncate(note, p.w-2))}
	}
	left := (p.w - gutterW) / 2
	right := p.w - gutterW - left
	gut := st.Rule.Render(" │ ")
	return []string{
		fitLine(" "+meta(0, left-1), left) + gut + fitLine(meta(1, right-1), right),
		fitLine(" "+title(0, left-1), left) + gut + fitLine(title(1, right-1), right),
	}
}

// legendRule is the rule under the heads, with what the marks mean.
func (p comparePane) legendRule() string {
	st := p.sh.styles
	ss := st.Story
	legend := " " + ss.Shared.Render(markCopied) + " copied " + ss.Shared.Render(markReworded) + " reworded " +
		ss.Own.Render(markLeftOnly+" "+markRightOnly) + " one side only  " + ss.Copied.Render("copied words") + " " + ss.Common.Render("shared words") + " "
	lw := cellWidth(ansiStrip(legend))
	if lw+4 > p.w {
		return st.Rule.Render(repeat("─", p.w))
	}
	return st.Rule.Render("──") + legend + st.Rule.Render(repeat("─", p.w-2-lw))
}

// quoteCounts says how many quotes the two share and each has alone.
func quoteCounts(c *compare.Comparison, v func(...string) string) string {
	onlyA, onlyB := 0, 0
	for _, q := range c.Quotes {
		switch {
		case q.A != nil && q.B == nil:
			onlyA++
		case q.B != nil && q.A == nil:
			onlyB++
		}
	}
	return fmt.Sprintf("%s shared (%d only A, %d only B)", v(plural(c.SharedQuotes, "quote")), onlyA, onlyB)
}

// verdict reads the figures as a sentence (one definition, in compare).
func verdict(c *compare.Comparison) string { return c.Verdict().Text }

// view returns exactly h lines of w columns.
func (p comparePane) view() []string {
	if p.w <= 0 || p.h <= 0 {
		return nil
	}
	if p.held != nil && len(p.held) == p.h && !p.columns() {
		return p.held
	}
	out := make([]string, 0, p.h)
	out = append(out, p.head...)
	body := p.bodyH()
	switch {
	case p.columns():
		out = append(out, p.columnsView(body)...)
	case p.err != "" || p.lay == nil:
		out = append(out, p.wait...)
	case p.opts.narrow:
		s := p.focus
		lines := p.lay.lines[s]
		curStart := -1
		if p.cur >= 0 && p.cur < len(p.lay.rows) {
			curStart = p.lay.rows[p.cur].start[s]
		}
		for i := 0; i < body; i++ {
			n := p.off[s] + i
			switch {
			case n >= len(lines):
				out = append(out, blank(p.w))
			case n == curStart && p.lay.rows[p.cur].cur[s] != "":
				out = append(out, p.lay.rows[p.cur].cur[s])
			default:
				out = append(out, lines[n])
			}
		}
	default:
		curStart := -1
		if p.cur >= 0 && p.cur < len(p.lay.rows) && p.synced {
			curStart = p.lay.rows[p.cur].start[0]
		}
		left, right := p.lay.lines[0], p.lay.lines[1]
		lw := (p.w-gutterW)/2 + 0
		rw := p.w - gutterW - lw
		for i := 0; i < body; i++ {
			l, r := p.off[0]+i, p.off[1]+i
			ls, rs := blank(lw), blank(rw)
			if l < len(left) {
				ls = left[l]
			}
			if r < len(right) {
				rs = right[r]
			}
			g := p.lay.plainGutter
			if p.synced && l < len(p.lay.gutter) {
				g = p.lay.gutter[l]
				if l == curStart {
					g = p.lay.rows[p.cur].cur[0]
				}
			}
			out = append(out, ls+g+rs)
		}
	}
	if len(out) != p.h {
		return fitLines(out, p.w, p.h)
	}
	return out
}

// scrollStep is how many lines a scrolling key moves the comparison, pair
// or columns, with body lines in view: the one rule for both layouts.
// Top and Bottom are not lines: each layout has its own ends.
func (k compareKeys) scrollStep(km tea.KeyMsg, body int) (int, bool) {
	page, half := viewPage(body)
	n, ok := k.step(km, page, half)
	if !ok || isEnd(n) {
		return 0, false
	}
	return n, true
}

// scrolls reports whether km is one of the scrolling keys of scrollStep.
func (k compareKeys) scrolls(km tea.KeyMsg) bool {
	_, ok := k.scrollStep(km, 1)
	return ok
}

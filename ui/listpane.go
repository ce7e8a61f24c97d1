package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
)

// listPane is the article list: one row per article, a column header, a
// selection. Its lines are rebuilt whenever something they show changes, so
// that view only joins them.
type listPane struct {
	sh      *shared
	all     []*item // every article loaded, in list order
	items   []*item // the rows shown: all, or those the filter lets through
	filter  listFilter
	sort    sortMode
	sel     int
	offset  int // index of the first visible row
	w, h    int
	focused bool
	moved   bool        // the reader has moved the selection (see add)
	empty   []string    // shown instead of rows when there are no items
	group   listStories // grouping by story (liststories.go)
	unread  int         // articles loaded and not read, for the status line

	lines []string // cached view: exactly h lines of w columns

	intents
}

// Intents the list hands to the root model.
type (
	openMsg       struct{ it *item }
	toggleReadMsg struct{ it *item }
	filterMsg     struct{ f listFilter } // show only what f lets through
)

// listFilter narrows the list. Filters combine: both on shows unread
// bookmarks. The filter is applied when it changes (and to articles as they
// load), not on every mark: an article read or unbookmarked while a filter is
// on stays in place until the filter is applied again, so the list never
// jumps under the reader.
type listFilter struct {
	bookmarked bool // bookmarked articles only
	unread     bool // unread articles only
	feed       feedFilter
}

func (f listFilter) on() bool { return f.bookmarked || f.unread || f.feed.on() }

// String names the filter for the status line.
func (f listFilter) String() string {
	if f.feed.on() {
		rest := f
		rest.feed = feedFilter{}
		return joinRight(rest.String(), "feed "+f.feed.title)
	}
	switch {
	case f.bookmarked && f.unread:
		return "unread bookmarked only"
	case f.bookmarked:
		return "bookmarked only"
	case f.unread:
		return "unread only"
	}
	return ""
}

// adjective describes the articles f lets through: "unread bookmarked".
func (f listFilter) adjective() string {
	f.feed = feedFilter{}
	return strings.TrimSuffix(f.String(), " only")
}

// describe says what n articles let through are: "3 unread articles from
// Harbour Gazette".
func (f listFilter) describe(n int) string {
	s := plural(n, strings.TrimSpace(f.adjective()+" article"))
	if f.feed.on() {
		s += " from " + f.feed.title
	}
	return s
}

func (p listPane) passes(it *item) bool {
	if p.filter.bookmarked && !p.sh.lib.Bookmarks.Has(it.key) {
		return false
	}
	if p.filter.feed.on() && !p.filter.feed.files[it.a.Path] {
		return false
	}
	return !p.filter.unread || !p.sh.lib.Marks.Has(it.key)
}

// filtered is the items of xs that pass the filter, in order.
func (p listPane) filtered(xs []*item) []*item {
	if !p.filter.on() {
		return xs
	}
	out := make([]*item, 0, len(xs))
	for _, it := range xs {
		if p.passes(it) {
			out = append(out, it)
		}
	}
	return out
}

// setFilter applies f to every article, keeping the selection on the same
// article when it is still shown.
func (p *listPane) setFilter(f listFilter) {
	cur := p.selected()
	p.filter = f
	p.items = p.filtered(p.all)
	p.regroup()
	p.sel = clamp(p.sel, 0, max(len(p.items)-1, 0))
	if cur != nil {
		p.selectItem(cur)
	}
	p.refresh()
}

func newListPane(sh *shared) listPane { return listPane{sh: sh, focused: true} }

func (p listPane) selected() *item {
	if p.sel < 0 || p.sel >= len(p.items) {
		return nil
	}
	return p.items[p.sel]
}

func (p listPane) update(msg tea.Msg) (listPane, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	if in, ok := p.requestKey(km); ok {
		p.emit(in)
		return p, nil
	}
	k := p.sh.keys.List
	// A page is the rows in view: the column header is not a row.
	if n, ok := k.step(km, p.rowsHeight(), max(p.rowsHeight()/2, 1)); ok {
		p.move(n)
		return p, nil
	}
	switch {
	case key.Matches(km, p.sh.keys.Stories.Fold, p.sh.keys.Stories.FoldAll):
		p.emit(statusMsg{text: p.toggleFold(key.Matches(km, p.sh.keys.Stories.FoldAll))})
		return p, nil
	case key.Matches(km, k.Sort):
		p.setSort(p.sort.next())
		p.emit(statusMsg{text: "sorted by " + p.sort.String()})
		return p, nil
	case key.Matches(km, k.Open):
		if it := p.selected(); it != nil {
			p.emit(openMsg{it})
			return p, nil
		}
	case key.Matches(km, k.ToggleRead):
		if it := p.selected(); it != nil {
			p.emit(toggleReadMsg{it})
			return p, nil
		}
	case key.Matches(km, k.BookmarksOnly):
		f := p.filter
		f.bookmarked = !f.bookmarked
		p.emit(filterMsg{f})
	case key.Matches(km, k.UnreadOnly):
		f := p.filter
		f.unread = !f.unread
		p.emit(filterMsg{f})
	case key.Matches(km, k.Quit):
		return p, tea.Quit
	default:
		if it := p.selected(); it != nil {
			if in := articleAction(km, k.articleActions, it); in != nil {
				p.emit(in)
			}
		}
	}
	return p, nil
}

// requestKey is the intent of a key that asks for another pane or the
// root's help, checked before the list's own keys.
func (p listPane) requestKey(km tea.KeyMsg) (tea.Msg, bool) {
	switch {
	case key.Matches(km, p.sh.keys.Global.Focus):
		if it := p.selected(); it != nil {
			return openMsg{it}, true
		}
		return nil, false
	case key.Matches(km, p.sh.keys.Stories.Group):
		return groupMsg{}, true
	case key.Matches(km, p.sh.keys.List.Search):
		return openSearchMsg{}, true
	case p.onFoldedHeader() && (key.Matches(km, p.sh.keys.Stories.Move) || key.Matches(km, p.sh.keys.Stories.Split)):
		// A folded header stands for a whole story; moving or splitting one
		// article of it must not pick an article the reader cannot see.
		return statusMsg{text: "open the story (" + p.sh.keys.Stories.Fold.Help().Key + ") to choose the article to move or split out"}, true
	}
	return readerRequest(km, p.sh.keys, p.selected())
}

// wheel scrolls the selection by n rows (mouse wheel).
func (p *listPane) wheel(n int) { p.move(n) }

func (p *listPane) move(n int) {
	if p.grouped() {
		p.selectIndex(p.group.fold.step(p.sel, n, len(p.items))) // over folded stories
		return
	}
	p.selectIndex(p.sel + n)
}

func (p *listPane) selectIndex(i int) {
	p.sel = clamp(i, 0, max(len(p.items)-1, 0))
	if p.grouped() {
		p.sel = p.group.fold.anchor(p.sel)
	}
	p.moved = true
	p.refresh()
}

// selectItem selects it if it is in the list.
func (p *listPane) selectItem(it *item) {
	for i, x := range p.items {
		if x == it {
			p.selectIndex(i)
			return
		}
	}
}

func (p *listPane) setSort(s sortMode) {
	cur := p.selected()
	p.sort = s
	sortItems(p.all, s)
	sortItems(p.items, s)
	p.regroup()
	if cur != nil {
		p.selectItem(cur) // keep the reader on the same article
	}
	p.refresh()
}

// add merges newly loaded items, keeping the selected article selected.
func (p *listPane) add(items []*item) {
	if len(items) == 0 {
		return
	}
	cur := p.selected()
	p.countUnread(items, 1)
	// Sorted in a copy: the caller's items stay in load order, the order
	// the library, the index and the grouping take them in (an index
	// snapshot and a stored grouping pair with the articles place by
	// place only in that order).
	items = slices.Clone(items)
	sortItems(items, p.sort)
	p.all = mergeItems(p.all, items, p.sort)
	if p.filter.on() {
		p.items = mergeItems(p.items, p.filtered(items), p.sort)
	} else {
		// Unfiltered, the list shows every article in the same order
		// (laid out by story below when grouped): a copy, where a second
		// merge compared each new item again through its pointer.
		p.items = slices.Clone(p.all)
	}
	p.regroup()
	// While loading, the list starts at the top as articles stream in; once
	// the reader has moved, the selection stays on their article.
	if cur != nil && p.moved {
		p.selectItem(cur)
	}
	p.refresh()
}

// remove drops the items drop selects and returns them, keeping the
// selection on the same article when it stays.
func (p *listPane) remove(drop func(*item) bool) []*item {
	cur := p.selected()
	var out []*item
	keep := p.all[:0:0]
	for _, it := range p.all {
		if drop(it) {
			out = append(out, it)
		} else {
			keep = append(keep, it)
		}
	}
	if len(out) == 0 {
		return nil
	}
	p.countUnread(out, -1)
	p.all = keep
	items := p.items[:0:0]
	for _, it := range p.items {
		if !drop(it) {
			items = append(items, it)
		}
	}
	p.items = items
	p.regroup()
	if cur != nil && !drop(cur) {
		p.selectItem(cur)
	} else {
		p.sel = clamp(p.sel, 0, max(len(p.items)-1, 0))
	}
	p.refresh()
	return out
}

func (p *listPane) setSize(w, h int) tea.Cmd {
	p.w, p.h = w, h
	p.refresh()
	return nil
}

func (p *listPane) setFocused(f bool) {
	p.focused = f
	p.refresh()
}

func (p *listPane) setEmpty(lines []string) {
	p.empty = lines
	// They show only while the list shows nothing: otherwise there is
	// nothing to redraw (every batch of a load was drawn twice).
	if len(p.items) == 0 {
		p.refresh()
	}
}

func (p listPane) rowsHeight() int { return max(p.h-1, 1) }

// refresh rebuilds the cached lines after anything shown changed.
func (p *listPane) refresh() {
	if p.w <= 0 || p.h <= 0 {
		p.lines = nil
		return
	}
	rows := p.rowsHeight()
	if p.grouped() && len(p.items) > 0 {
		p.refreshGrouped(listColumns(p.w))
		return
	}
	// Keep the selection visible, moving the window as little as possible.
	if p.sel < p.offset {
		p.offset = p.sel
	}
	if p.sel >= p.offset+rows {
		p.offset = p.sel - rows + 1
	}
	p.offset = clamp(p.offset, 0, max(len(p.items)-rows, 0))

	lines := make([]string, 0, p.h)
	if len(p.items) == 0 {
		p.lines = center(p.empty, p.w, p.h)
		return
	}
	cols := listColumns(p.w)
	lines = append(lines, p.headerLine(cols))
	for i := p.offset; i < len(p.items) && len(lines) < p.h; i++ {
		lines = append(lines, p.row(i, cols))
	}
	p.lines = fitLines(lines, p.w, p.h)
}

func (p listPane) view() []string {
	if len(p.lines) != p.h {
		return fitLines(nil, p.w, p.h)
	}
	return p.lines
}

// columns is the width of each list column; 0 hides a column.
type columns struct {
	title, outlet, date, words int
}

const (
	markWidth  = 4 // cursor, unread mark, bookmark mark, space
	dateWidth  = 12
	wordsWidth = 6
	colGap     = 2
)

// minTitleWidth is the narrowest title column worth showing other columns for.
const minTitleWidth = 24

// listColumns decides which columns fit in width w: the title and word count
// always, then the outlet (what Parallax is about), then the date.
func listColumns(w int) columns {
	c := columns{words: wordsWidth}
	rest := w - markWidth - colGap - wordsWidth - 1
	if outlet := clamp(rest/4, 12, 22); rest-outlet-colGap >= minTitleWidth {
		c.outlet = outlet
		rest -= outlet + colGap
	}
	if rest-dateWidth-colGap >= minTitleWidth {
		c.date = dateWidth
		rest -= dateWidth + colGap
	}
	c.title = max(rest, 1)
	return c
}

func (p listPane) headerLine(c columns) string {
	mark := func(s sortMode, label string) string {
		if p.sort == s {
			return label + " ▾"
		}
		return label
	}
	var sb strings.Builder
	sb.WriteString(blank(markWidth))
	sb.WriteString(padRight(mark(sortTitle, "Title"), c.title))
	if c.outlet > 0 {
		sb.WriteString(blank(colGap) + padRight(mark(sortOutlet, "Outlet"), c.outlet))
	}
	if c.date > 0 {
		sb.WriteString(blank(colGap) + padRight(mark(sortDate, "Date"), c.date))
	}
	sb.WriteString(blank(colGap) + padLeft("Words", c.words) + " ")
	return p.sh.styles.ColumnHead.Render(truncate(sb.String(), p.w))
}

// cell renders a cell of a row (an article's, a folded story's header);
// the selected row adds its background to every cell so the highlight is
// unbroken.
func (p listPane) cell(selected bool) func(lipgloss.Style, string) string {
	var rowStyle lipgloss.Style
	if selected {
		rowStyle = p.sh.styles.SelectedBg
		if p.focused {
			rowStyle = p.sh.styles.Selected
		}
	}
	return func(s lipgloss.Style, text string) string {
		if selected {
			s = s.Inherit(rowStyle)
		}
		return s.Render(text)
	}
}

// row renders the row of the list's item i. Each cell is styled on its
// own; the selected row adds its background to every cell so the
// highlight is unbroken.
func (p listPane) row(i int, c columns) string {
	it, selected := p.items[i], i == p.sel
	st := p.sh.styles
	read := p.sh.lib.Marks.Has(it.key)
	base := st.Row
	if read {
		base = st.RowRead
	}
	cell := p.cell(selected)

	var sb strings.Builder
	cursor := " "
	if selected {
		cursor = "›"
	}
	sb.WriteString(cell(base, cursor))
	if read {
		sb.WriteString(cell(base, " "))
	} else {
		sb.WriteString(cell(st.Unread, markUnread))
	}
	if p.sh.lib.Bookmarks.Has(it.key) {
		sb.WriteString(cell(st.Bookmark, markBookmark))
	} else {
		sb.WriteString(cell(base, " "))
	}
	sb.WriteString(cell(base, " "))

	a := it.a
	titleW := c.title
	if pre := p.treePrefix(i); pre != "" {
		sb.WriteString(cell(st.Story.Tree, pre))
		titleW -= cellWidth(pre)
	}
	if a.TitleDerived {
		// Titles made from the lead sentence are marked, so nobody mistakes
		// them for the outlet's headline.
		sb.WriteString(cell(st.Derived, MarkDerived+" "))
		titleW -= 2
		sb.WriteString(cell(base.Italic(true), padRight(truncate(a.Title, titleW), titleW)))
	} else {
		sb.WriteString(cell(base, padRight(truncate(a.Title, titleW), titleW)))
	}
	gap := cell(base, blank(colGap))
	if c.outlet > 0 {
		sb.WriteString(gap)
		if a.Outlet == "" {
			sb.WriteString(cell(st.Meta.Italic(true), padRight(truncate("unknown source", c.outlet), c.outlet)))
		} else {
			sb.WriteString(cell(st.Meta, padRight(truncate(a.Outlet, c.outlet), c.outlet)))
		}
	}
	if c.date > 0 {
		sb.WriteString(gap)
		sb.WriteString(cell(st.Meta, padRight(listDate(a.Published, p.sh.now()), c.date)))
	}
	sb.WriteString(gap)
	sb.WriteString(cell(st.Meta, padLeft(formatCount(a.Words), c.words)+" "))
	return sb.String()
}

// listDate is the date column: "01 Dec 13:37" this year, "01 Dec 2024"
// otherwise, "—" when the date is unknown. Times are shown in the reader's
// zone (the clock's location) so that outlets can be compared.
func listDate(t, now time.Time) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(now.Location())
	if t.Year() == now.Year() {
		return t.Format("02 Jan 15:04")
	}
	return t.Format("02 Jan 2006")
}

// formatCount writes n with thousands separators.
func formatCount(n int) string {
	s := strconv.Itoa(n)
	if n < 0 || len(s) <= 3 {
		return s
	}
	var sb strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		sb.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if sb.Len() > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(s[i : i+3])
	}
	return sb.String()
}

func padRight(s string, w int) string {
	n := cellWidth(s)
	if n >= w {
		return s
	}
	return s + blank(w-n)
}

func padLeft(s string, w int) string {
	n := cellWidth(s)
	if n >= w {
		return s
	}
	return blank(w-n) + s
}

// intents are what a pane asks of the root model (open this, go back, show
// a message). The root handles them right after the pane's update, before
// the next key, so keys that arrive together act in order.
type intents struct{ pending []tea.Msg }

func (in *intents) emit(msg tea.Msg) { in.pending = append(in.pending, msg) }

// take returns the pending intents and forgets them.
func (in *intents) take() []tea.Msg {
	out := in.pending
	in.pending = nil
	return out
}

// msgCmd wraps a message in a command.
func msgCmd(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }

// The list's side of the root's bookkeeping: what the status line and the
// header count, and where the list was before a search.

// countUnread adds sign for each unread article of items (1 for
// articles added, -1 for articles removed).
func (p *listPane) countUnread(items []*item, sign int) {
	for _, it := range items {
		if !p.sh.lib.Marks.Has(it.key) {
			p.unread += sign
		}
	}
}

// addUnread changes the unread count by n (marks set or cleared) and shows
// the marks.
func (p *listPane) addUnread(n int) {
	p.unread += n
	p.refresh()
}

// filterOn reports whether a filter is applied.
func (p *listPane) filterOn() bool { return p.filter.on() }

// currentFilter is the filter applied.
func (p *listPane) currentFilter() listFilter { return p.filter }

// shown is how many rows the list shows.
func (p *listPane) shown() int { return len(p.items) }

// neighbour is the row delta away from the selection, or nil.
func (p *listPane) neighbour(delta int) *item {
	i := p.sel + delta
	if i < 0 || i >= len(p.items) {
		return nil
	}
	return p.items[i]
}

// where is the list's place, to come back to.
func (p *listPane) where() listPlace {
	return listPlace{it: p.selected(), offset: p.offset, moved: p.moved}
}

// putBack returns the list to a place where.
func (p *listPane) putBack(r listPlace) {
	if r.it != nil {
		p.selectItem(r.it)
	}
	p.moved = r.moved
	p.offset = r.offset
	p.refresh()
}

// itemOf is the list's row of article a, or nil.
func (p *listPane) itemOf(a *corpus.Article) *item {
	for _, it := range p.all {
		if it.a == a {
			return it
		}
	}
	return nil
}

// rows is every article loaded, in list order (filtered out or not).
func (p *listPane) rows() []*item { return p.all }

// grouping reports whether the reader asked for the list grouped by story.
func (p *listPane) grouping() bool { return p.group.on }

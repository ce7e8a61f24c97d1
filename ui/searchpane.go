package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// A search asks for searchPage results, enough to fill a tall terminal:
// snippets are most of a search's cost. Moving near the end of them asks for
// another page, up to searchMaxResults (the count says how many match).
const (
	searchPage       = 30
	searchMaxResults = 1000
)

// searchPane is the corpus search: a query bar, a line about the results,
// and the results, two rows each (the title with outlet and date, then a
// snippet around the best hits). It searches the library's index (filled
// in the background while the corpus loads). Every keystroke runs a search
// in a command; it cancels the previous one, and results carry a sequence
// number so that stale ones are dropped.
type searchPane struct {
	sh *shared
	// items are the list's rows of the articles handed to the index, so
	// that a result opens the same row; the index itself is the library's.
	items map[*corpus.Article]*item

	active bool
	input  textinput.Model
	w, h   int

	res     *search.Results // the latest good results; nil before the first
	query   string          // the query of res
	errText string          // why the text in the bar is not a valid query
	sel     int
	offset  int // first result shown
	limit   int // results asked for
	seq     uint64
	cancel  context.CancelFunc

	restore listPlace // where the list was when the search opened

	lines []string // cached view
	intents
}

// listPlace is a list position to come back to.
type listPlace struct {
	it     *item
	offset int
	moved  bool
}

// Messages of the search.
type (
	searchResultsMsg struct {
		seq   uint64
		query string
		res   *search.Results
		err   error
		ix    *search.Index // searched: one found damaged is rebuilt
	}
	openResultMsg  struct{ r *search.Result }
	closeSearchMsg struct{}
)

func newSearchPane(sh *shared) searchPane {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = "search: words, \"a phrase\", -word, outlet:name, title:word"
	in.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would redraw twice a second
	return searchPane{sh: sh, items: map[*corpus.Article]*item{}, input: in}
}

// register records the rows of articles handed to the index and returns
// the articles; expect is how many a load will hand in all (-1 when not
// known), so that the record is made once at its size (growing it was a
// tenth of a warm start's update loop at 100,000 articles).
func (p *searchPane) register(items []*item, expect int) []*corpus.Article {
	if len(p.items) == 0 && expect > len(items) {
		p.items = make(map[*corpus.Article]*item, expect)
	}
	arts := make([]*corpus.Article, len(items))
	for i, it := range items {
		arts[i] = it.a
		p.items[it.a] = it
	}
	return arts
}

// rerun runs the open search again on what the index now holds.
func (p *searchPane) rerun() tea.Cmd {
	if !p.active || strings.TrimSpace(p.input.Value()) == "" {
		p.refresh()
		return nil
	}
	return p.run()
}

func (p searchPane) behind() bool { return p.sh.lib.Index.Behind() }

// open opens an empty search; back is where the list was, for close.
func (p *searchPane) open(back listPlace) tea.Cmd {
	p.restore = back
	p.active = true
	p.input.SetValue("")
	p.res, p.query, p.errText = nil, "", ""
	p.sel, p.offset = 0, 0
	p.limit = searchPage
	p.seq = p.sh.nextSeq()
	cmd := p.input.Focus()
	p.refresh()
	return tea.Batch(cmd, jobsCmd(p.sh.lib.Index.StopHolding()))
}

// close closes the search and says where the list was when it opened.
func (p *searchPane) close() listPlace {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.active = false
	p.seq = p.sh.nextSeq() // results still on their way are stale
	p.input.Blur()
	p.res = nil
	return p.restore
}

// isOpen reports whether the search is open (shown, or an article opened
// from it is).
func (p *searchPane) isOpen() bool { return p.active }

// step selects the result delta away and returns it with the command that
// fetches more results when it nears the end; nil past either end.
func (p *searchPane) step(delta int) (*search.Result, tea.Cmd) {
	i, n := p.sel+delta, 0
	if p.res != nil {
		n = len(p.res.Hits)
	}
	if i < 0 || i >= n {
		return nil, nil
	}
	p.selectIndex(i)
	return p.selected(), p.more()
}

func (p searchPane) selected() *search.Result {
	if p.res == nil || p.sel < 0 || p.sel >= len(p.res.Hits) {
		return nil
	}
	return &p.res.Hits[p.sel]
}

// selectedArticle is the article of the selected result, for comparing
// selections (results are rebuilt on every search).
func (p searchPane) selectedArticle() *corpus.Article {
	if r := p.selected(); r != nil {
		return r.Article
	}
	return nil
}

// forget drops the rows of articles that left the corpus.
func (p *searchPane) forget(items []*item) {
	if len(items) == 0 {
		return
	}
	for _, it := range items {
		delete(p.items, it.a)
	}
}

func (p searchPane) itemOf(r *search.Result) *item {
	if it := p.items[r.Article]; it != nil {
		return it
	}
	return newItem(r.Article)
}

// update handles a key typed into the search, or the results of a search;
// the same shape as every pane's update.
func (p searchPane) update(msg tea.Msg) (searchPane, tea.Cmd) {
	switch msg := msg.(type) {
	case searchResultsMsg:
		p.setResults(msg)
		if msg.err == nil {
			return p, nil
		}
		// A snapshot found damaged (said once) or of other articles late
		// is built again; the search reruns as the rebuilt index grows
		// (store.Indexed).
		jobs, notice := p.sh.lib.Index.SearchFailed(msg.ix, msg.err)
		var said tea.Cmd
		if notice != "" {
			said = statusCmd(notice)
		}
		return p, tea.Batch(jobsCmd(jobs...), said)
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p searchPane) handleKey(km tea.KeyMsg) (searchPane, tea.Cmd) {
	k := p.sh.keys.Search
	switch {
	case key.Matches(km, k.Up):
		p.selectIndex(p.sel - 1)
		return p, nil
	case key.Matches(km, k.Down):
		p.selectIndex(p.sel + 1)
		return p, p.more()
	case key.Matches(km, k.PageUp):
		p.selectIndex(p.sel - p.visible())
		return p, nil
	case key.Matches(km, k.PageDown):
		p.selectIndex(p.sel + p.visible())
		return p, p.more()
	case key.Matches(km, k.Open):
		if r := p.selected(); r != nil {
			p.emit(openResultMsg{r})
		}
		return p, nil
	case key.Matches(km, k.Close):
		p.emit(closeSearchMsg{})
		return p, nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(km)
	if p.input.Value() == before {
		p.refresh() // the cursor moved
		return p, cmd
	}
	p.limit = searchPage
	return p, tea.Batch(cmd, p.run())
}

// more asks for the next page of results when the selection nears the end
// of those shown and more match.
func (p *searchPane) more() tea.Cmd {
	r := p.res
	if r == nil || r.Total <= len(r.Hits) || p.sel < len(r.Hits)-p.visible() || p.limit > len(r.Hits) || p.limit >= searchMaxResults {
		return nil
	}
	p.limit = min(p.limit+max(searchPage, 2*p.visible()), searchMaxResults)
	return p.run()
}

// run searches for what is in the bar.
func (p *searchPane) run() tea.Cmd {
	if p.cancel != nil {
		p.cancel()
		p.cancel = nil
	}
	p.seq = p.sh.nextSeq()
	q := p.input.Value()
	if strings.TrimSpace(q) == "" {
		p.res, p.query, p.errText = nil, "", ""
		p.sel, p.offset = 0, 0
		p.refresh()
		return nil
	}
	p.refresh() // the bar shows the new text at once
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	seq, ix := p.seq, p.sh.lib.Index.Search()
	opt := search.Options{Limit: max(p.limit, searchPage), SnippetBytes: p.snippetBytes()}
	return func() tea.Msg {
		if ctx.Err() != nil {
			return nil // a newer keystroke came first
		}
		res, err := searchAsTyped(ctx, ix, q, opt)
		if ctx.Err() != nil {
			return nil
		}
		return searchResultsMsg{seq: seq, query: q, res: res, err: err, ix: ix}
	}
}

// searchAsTyped searches as `parallax search` does, so that both rank a
// query alike; only while the last word is not yet one the articles
// contain (the plain search finds nothing, guesses a spelling, or the
// query is unfinished) does it match that word as a prefix instead.
func searchAsTyped(ctx context.Context, ix *search.Index, q string, opt search.Options) (*search.Results, error) {
	res, err := ix.Search(ctx, q, opt)
	if err == nil && res.Total > 0 && !guessedSpelling(res) || ctx.Err() != nil {
		return res, err
	}
	opt.Typing = true
	return ix.Search(ctx, q, opt)
}

// guessedSpelling reports whether a search stood in close spellings for a
// word the articles do not contain.
func guessedSpelling(res *search.Results) bool {
	for _, sp := range res.Spellings {
		if sp.Kind == "fuzzy" {
			return true
		}
	}
	return false
}

// setResults shows the results of the latest search; older ones are
// dropped. An invalid query keeps the last good results on screen.
func (p *searchPane) setResults(msg searchResultsMsg) {
	if msg.seq != p.seq || !p.active {
		return
	}
	var qe *search.QueryError
	switch {
	case errors.As(msg.err, &qe):
		p.errText = qe.Msg
	case msg.err != nil:
		p.errText = msg.err.Error()
	default:
		// The same query again (more of the corpus indexed): stay on the
		// same article. A new query starts at the best result.
		var keep *corpus.Article
		if msg.query == p.query {
			keep = p.selectedArticle()
		}
		p.res, p.query, p.errText = p.sh.lib.Index.WithoutGone(msg.res), msg.query, ""
		p.sel, p.offset = 0, 0
		for i := range p.res.Hits {
			if p.res.Hits[i].Article == keep {
				p.sel = i
			}
		}
	}
	p.refresh()
}

func (p *searchPane) selectIndex(i int) {
	n := 0
	if p.res != nil {
		n = len(p.res.Hits)
	}
	p.sel = clamp(i, 0, max(n-1, 0))
	p.refresh()
}

func (p *searchPane) setSize(w, h int) tea.Cmd {
	p.w, p.h = w, h
	p.input.Width = max(w-cellWidth(p.input.Prompt)-3, 1)
	p.refresh()
	return nil
}

// headRows are the rows above the results: the bar, the info line, a rule.
const headRows = 3

// visible is how many results fit.
func (p searchPane) visible() int { return max((p.h-headRows)/2, 1) }

func (p searchPane) snippetBytes() int { return max(p.w*3/2, 60) }

// refresh rebuilds the cached lines.
func (p *searchPane) refresh() {
	if p.w <= 0 || p.h <= 0 {
		p.lines = nil
		return
	}
	st := p.sh.styles
	lines := make([]string, 0, p.h)
	lines = append(lines, fitLine(" "+p.input.View(), p.w), p.infoLine(), st.Rule.Render(repeat("─", p.w)))
	switch {
	case strings.TrimSpace(p.input.Value()) == "" || p.res == nil:
		lines = append(lines, p.hintLines()...)
	case len(p.res.Hits) == 0:
		lines = append(lines, "")
		for _, l := range wrap("Nothing matches every word. Check the spelling, or remove a word: all words must match.", max(p.w-4, 10)) {
			lines = append(lines, "  "+st.Meta.Render(l))
		}
	default:
		n := p.visible()
		if p.sel < p.offset {
			p.offset = p.sel
		}
		if p.sel >= p.offset+n {
			p.offset = p.sel - n + 1
		}
		p.offset = clamp(p.offset, 0, max(len(p.res.Hits)-n, 0))
		for i := p.offset; i < len(p.res.Hits) && i < p.offset+n; i++ {
			lines = append(lines, p.resultRows(&p.res.Hits[i], i == p.sel)...)
		}
	}
	lines, _ = paintHits(lines, -1, st.Hits)
	p.lines = fitLines(lines, p.w, p.h)
}

func (p searchPane) view() []string {
	if len(p.lines) != p.h {
		return fitLines(nil, p.w, p.h)
	}
	return p.lines
}

// infoLine says how many articles match, which other spellings were used,
// why the query is invalid, and whether the index is still being built.
func (p searchPane) infoLine() string {
	st := p.sh.styles
	var right string
	x := p.sh.lib.Index
	if x.Behind() {
		right = fmt.Sprintf("indexing… %s of %s", formatCount(x.Indexed()), formatCount(x.Queued()))
		if x.Loading() {
			right = fmt.Sprintf("indexing… %s so far", formatCount(x.Indexed()))
		}
	}
	var left string
	switch {
	case p.errText != "":
		left = st.Error.UnsetBackground().Render(p.errText)
	case p.res == nil || strings.TrimSpace(p.input.Value()) == "":
		left = st.Meta.Render("type to search " + plural(x.Indexed(), "article"))
	default:
		parts := []string{resultCount(p.res.Total)}
		if p.res.Total > len(p.res.Hits) && len(p.res.Hits) >= searchMaxResults {
			parts = append(parts, fmt.Sprintf("best %s shown", formatCount(len(p.res.Hits))))
		}
		if sp := spellingNote(p.res.Spellings, p.resultTexts()); sp != "" {
			parts = append(parts, sp)
		}
		left = st.Meta.Render(strings.Join(parts, " · "))
	}
	rw := cellWidth(right)
	left = truncate(left, max(p.w-rw-4, 1))
	gap := max(p.w-cellWidth(left)-rw-3, 1)
	return fitLine("  "+left+blank(gap)+st.Meta.Render(right), p.w)
}

func resultCount(n int) string {
	switch n {
	case 0:
		return "no matches"
	case 1:
		return "1 match"
	}
	return formatCount(n) + " matches"
}

// resultRows are the two rows of one result: title, outlet and date; then
// the snippet. Hits are marked for paintHits.
func (p searchPane) resultRows(r *search.Result, selected bool) []string {
	st := p.sh.styles
	var rowStyle lipgloss.Style
	if selected {
		rowStyle = st.Selected
	}
	cell := func(s lipgloss.Style, text string) string {
		if selected {
			s = s.Inherit(rowStyle)
		}
		return s.Render(text)
	}
	a := r.Article
	outletW, dateW := 0, 0
	if p.w >= 60 {
		outletW = clamp(p.w/5, 10, 22)
	}
	if p.w >= 80 {
		dateW = dateWidth
	}
	titleW := p.w - 2 - 1
	if outletW > 0 {
		titleW -= outletW + colGap
	}
	if dateW > 0 {
		titleW -= dateW + colGap
	}
	titleW = max(titleW, 1)

	var sb strings.Builder
	cursor := "  "
	if selected {
		cursor = "› "
	}
	sb.WriteString(cell(st.Row, cursor))
	title := markHits(a.Title, r.TitleSpans)
	if a.TitleDerived {
		sb.WriteString(cell(st.Derived, MarkDerived+" "))
		sb.WriteString(cell(st.Row.Italic(true), padRight(truncate(title, titleW-2), titleW-2)))
	} else {
		sb.WriteString(cell(st.Row.Bold(true), padRight(truncate(title, titleW), titleW)))
	}
	gap := cell(st.Row, blank(colGap))
	if outletW > 0 {
		outlet, style := a.Outlet, st.Meta
		if outlet == "" {
			outlet, style = "unknown source", st.Meta.Italic(true)
		}
		sb.WriteString(gap + cell(style, padRight(truncate(outlet, outletW), outletW)))
	}
	if dateW > 0 {
		sb.WriteString(gap + cell(st.Meta, padRight(listDate(a.Published, p.sh.now()), dateW)))
	}
	sb.WriteString(cell(st.Row, " "))

	snippetW := max(p.w-4-1, 1)
	snippet := truncate(markHits(r.Snippet, r.Highlights), snippetW)
	second := cell(st.Row, "    ") + cell(st.Meta, padRight(snippet, snippetW)) + cell(st.Row, " ")
	return []string{sb.String(), second}
}

// hintLines are shown before anything is typed: the query language.
func (p searchPane) hintLines() []string {
	lines := []string{""}
	for _, l := range queryHelp(p.sh, p.w-4) {
		lines = append(lines, "  "+l)
	}
	return lines
}

// queryHelp explains the query language in lines of at most w columns.
func queryHelp(sh *shared, w int) []string {
	st := sh.styles
	rows := [][2]string{
		{"two words", "articles with both words, anywhere"},
		{`"exact phrase"`, "the words together, in this order"},
		{"-word", "leave out articles with the word"},
		{"outlet:name", "outlets whose name starts with name"},
		{"title:word", "the word in the title"},
	}
	keyW := 0
	for _, r := range rows {
		keyW = max(keyW, cellWidth(r[0]))
	}
	var lines []string
	for _, r := range rows {
		desc := wrap(r[1], max(w-keyW-2, 10))
		for i, d := range desc {
			k := ""
			if i == 0 {
				k = r[0]
			}
			lines = append(lines, st.Title.UnsetBold().Render(padRight(k, keyW))+"  "+d)
		}
	}
	lines = append(lines, "")
	for _, note := range []string{
		"Results appear as you type: the last word matches as a prefix.",
		"Matching is forgiving: case and accents are ignored (kyiv finds Kyiv, cafe finds café), simple inflections and possessives match (talks finds talk), and a word not in any article falls back to close spellings; the bar says which it used.",
	} {
		for _, l := range wrap(note, max(w, 10)) {
			lines = append(lines, st.Meta.Render(l))
		}
	}
	return lines
}

// resultTexts are the titles and snippets of the best results, where the
// spellings a search used are written as the articles write them.
func (p searchPane) resultTexts() []string {
	var out []string
	for i := 0; i < len(p.res.Hits) && i < 10; i++ {
		out = append(out, p.res.Hits[i].Article.Title, p.res.Hits[i].Snippet)
	}
	return out
}

package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/search"
)

// renderSlotArticle is the renderer slot for what the article pane shows.
const renderSlotArticle = "article"

// articlePane shows one article: a header (title and what is known about it)
// and the body rendered by glamour in the background. When the terminal is
// wide it doubles as the list's preview.
type articlePane struct {
	sh          *shared
	it          *item
	w, h        int
	focused     bool
	showRemoved bool
	back        string // the story pane leaving returns to, for the help; "" for the list

	header []string // cached header lines, fitted to w
	body   scroller
	want   renderKey   // the rendering the pane is waiting for or showing
	seq    uint64      // sequence number of the latest render request
	ready  bool        // body holds the rendering of want
	jumpTo int         // line to scroll to when the next rendering arrives; -1 for none
	mark   articleMark // a passage to highlight (articlemark.go)

	// held is what the pane showed before switching to an article that is
	// still rendering (a few milliseconds): showing it until the rendering
	// arrives means moving through the list never flashes an empty body.
	held []string

	// headerText: the header was built with the article's text (its
	// reading time and removed lines); until then it is built again when
	// a message says the text may have arrived.
	headerText bool

	// Search highlighting (find.go): hits is what is highlighted, base the
	// hits of the corpus search the article was opened from, raw the body
	// rendering with hit markers, before paintHits.
	hits     *hitSet
	base     *hitSet
	raw      []string
	find     findBar
	findView string // cached find bar line

	intents
}

// Intents the article pane hands to the root model.
type (
	backMsg struct{}
	stepMsg struct{ delta int } // next (+1) or previous (-1) article
)

func newArticlePane(sh *shared) articlePane {
	return articlePane{sh: sh, jumpTo: -1, find: newFindBar()}
}

func (p articlePane) update(msg tea.Msg) (articlePane, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		if msg.seq == p.seq && msg.key == p.want {
			p.setBody(msg)
		}
		p.textArrived()
		return p, nil
	case foundMsg:
		return p, p.setFound(msg)
	case tea.KeyMsg:
		return p.handleKey(msg)
	}
	return p, nil
}

func (p articlePane) handleKey(km tea.KeyMsg) (articlePane, tea.Cmd) {
	if p.find.typing {
		return p.findKey(km)
	}
	if key.Matches(km, p.sh.keys.Global.Focus) {
		p.emit(focusListMsg{})
		return p, nil
	}
	if in, ok := readerRequest(km, p.sh.keys, p.it); ok {
		p.emit(in)
		return p, nil
	}
	k := p.sh.keys.Article
	switch {
	case key.Matches(km, k.Find):
		return p, p.startFind()
	case key.Matches(km, k.NextHit):
		p.stepHit(+1)
		return p, nil
	case key.Matches(km, k.PrevHit):
		p.stepHit(-1)
		return p, nil
	case key.Matches(km, k.Back) && p.find.active && km.String() == "esc":
		return p, p.clearFind()
	case p.scrollKey(km, k.scrollKeys):
	case key.Matches(km, k.Next):
		p.emit(stepMsg{+1})
		return p, nil
	case key.Matches(km, k.Prev):
		p.emit(stepMsg{-1})
		return p, nil
	case key.Matches(km, k.ToggleRead):
		if p.it != nil {
			p.emit(toggleReadMsg{p.it})
			return p, nil
		}
	case key.Matches(km, k.Boilerplate):
		if p.it == nil {
			return p, nil
		}
		if !p.it.a.HasText() {
			p.emit(statusMsg{text: "the article's text is still loading"})
			return p, nil
		}
		if len(p.it.a.Removed) == 0 {
			p.emit(statusMsg{text: "no boilerplate was removed from this article"})
			return p, nil
		}
		p.showRemoved = !p.showRemoved
		if p.showRemoved {
			// The removed lines follow the body: scroll to where they start.
			p.jumpTo = max(len(p.body.lines)-1, 0)
		}
		p.buildHeader()
		cmd := p.request()
		if p.showRemoved {
			p.emit(statusMsg{text: fmt.Sprintf("showing %s removed at the end", plural(len(p.it.a.Removed), "line"))})
		}
		return p, cmd
	case key.Matches(km, k.Back):
		p.emit(backMsg{})
		return p, nil
	default:
		if p.it != nil {
			if in := articleAction(km, k.articleActions, p.it); in != nil {
				p.emit(in)
			}
		}
	}
	return p, nil
}

// scrollKey scrolls the body for a scrolling key; it reports whether km
// was one.
func (p *articlePane) scrollKey(km tea.KeyMsg, k scrollKeys) bool {
	page, half := viewPage(p.body.h)
	n, ok := k.step(km, page, half)
	if ok {
		p.body.scroll(n)
	}
	return ok
}

// show switches to it (scrolled to the top) and returns the command that
// renders its body, or nil when the rendering is cached.
func (p *articlePane) show(it *item) tea.Cmd {
	if it == p.it {
		return nil
	}
	if it == nil {
		p.unhold()
	} else {
		p.hold()
	}
	p.it = it
	p.hits, p.base = nil, nil
	p.resetFind()
	p.mark = articleMark{}
	p.showRemoved = false
	p.jumpTo = -1
	p.body.top()
	p.buildHeader()
	return p.request()
}

// setSize resizes the pane; the body is re-rendered for the new width.
func (p *articlePane) setSize(w, h int) tea.Cmd {
	if w == p.w && h == p.h {
		return nil
	}
	p.unhold() // the held picture has the old size
	p.w, p.h = w, h
	if w <= 0 && !p.ready {
		// Hidden (the article was left) before its rendering came: stop
		// that work rather than finish what nobody will see.
		p.sh.renderer.cancel(renderSlotArticle)
		p.want = renderKey{}
	}
	p.buildHeader()
	return p.request()
}

// setBack names the story pane leaving the article returns to ("" for
// the list), for the help.
func (p *articlePane) setBack(name string) { p.back = name }

func (p *articlePane) setFocused(f bool) {
	p.focused = f
	p.buildHeader()
}

// refresh rebuilds what depends on state outside the pane (read marks).
func (p *articlePane) refresh() { p.buildHeader() }

// request asks for the body rendering that fits the current state.
func (p *articlePane) request() tea.Cmd {
	if p.it == nil || p.w <= 0 {
		return nil
	}
	k := renderKey{id: p.it.a.ID, width: p.w, style: p.sh.glamourStyle, showRemoved: p.showRemoved, hits: p.hits.fingerprint()}
	if k == p.want && p.ready {
		return nil
	}
	sameArticle := p.want.id == k.id
	p.want = k
	p.ready = false
	if lines, ok := p.sh.cache.get(k); ok {
		p.setBody(renderedMsg{key: k, lines: lines})
		return nil
	}
	if sameArticle {
		// Same text, new width or options: show the old rendering fitted to
		// the new width until the new one arrives, rather than a blank.
		p.body.setLines(p.body.lines)
	} else {
		// Another article: never show the previous body under this header;
		// one whose text is not in memory yet says so until it is.
		p.body.setFitted(p.loadingLines())
	}
	p.seq = p.sh.nextSeq()
	var hits []search.Pos
	if p.hits != nil {
		hits = p.hits.body
	}
	return p.sh.renderer.cmdHits(renderSlotArticle, p.seq, p.it.a, k, hits)
}

// loadingLines are the body while the article's text is being loaded
// (the rendering loads it), nil when the text is in memory.
func (p *articlePane) loadingLines() []string {
	if p.it.a.HasText() {
		return nil
	}
	return []string{fitLine("  "+p.sh.styles.Meta.Render("loading the text…"), p.w)}
}

// removedLines is how many lines were removed from the article as
// boilerplate, 0 while its text is not in memory.
func (p *articlePane) removedLines() int {
	if !p.headerText {
		return 0
	}
	return len(p.it.a.Removed)
}

// textArrived builds the header again when it was built before the
// article's text was in memory and the text is there now.
func (p *articlePane) textArrived() {
	if p.it != nil && !p.headerText && p.it.a.HasText() {
		p.buildHeader()
	}
}

// hold keeps the current picture on screen until the next rendering arrives.
func (p *articlePane) hold() {
	if p.held == nil && p.ready && p.it != nil && p.w > 0 && p.h > 0 {
		p.held = p.view()
	}
}

func (p *articlePane) unhold() { p.held = nil }

func (p *articlePane) setBody(msg renderedMsg) {
	if msg.err != nil {
		p.body.setLines(wrap("Could not render this article: "+msg.err.Error(), p.w))
	} else {
		// Keep the reader's place in the text across a re-wrap.
		frac := 0.0
		if n := len(p.body.lines); n > 0 {
			frac = float64(p.body.offset) / float64(n)
		}
		p.raw = msg.lines
		p.body.setFitted(msg.lines)
		p.body.offset = int(frac * float64(len(msg.lines)))
		if p.jumpTo >= 0 {
			p.body.offset = p.jumpTo
		}
		p.body.clampOffset()
		p.paint()
		p.applyMark()
	}
	p.jumpTo = -1
	p.ready = true
	p.unhold()
}

// buildHeader lays out the header for the current article and width, and
// gives the body the rows that remain.
func (p *articlePane) buildHeader() {
	p.header = nil
	if p.it == nil || p.w <= 0 {
		p.body.setSize(p.w, p.h)
		return
	}
	st := p.sh.styles
	a := p.it.a
	// The text (reading time, removed lines) is read only once it is in
	// memory: it may be loading in another goroutine until then.
	p.headerText = a.HasText()
	inner := max(p.w-2, 1) // the same left margin glamour gives the body
	titleStyle := st.TitleDim
	if p.focused {
		titleStyle = st.Title
	}

	var lines []string
	title := a.Title
	if p.hits != nil {
		title = markHits(title, p.hits.title)
	}
	if a.TitleDerived {
		title = MarkDerived + " " + title
	}
	tl := wrap(title, inner)
	if len(tl) > 2 {
		tl = []string{tl[0], truncate(strings.Join(tl[1:], " "), inner)}
	}
	for _, l := range tl {
		lines = append(lines, "  "+titleStyle.Render(l))
	}
	lines, _ = paintHits(lines, -1, st.Hits)

	var meta []string
	if a.Outlet != "" {
		meta = append(meta, a.Outlet)
	} else {
		meta = append(meta, "unknown source")
	}
	if a.Byline != "" {
		meta = append(meta, "by "+a.Byline)
	}
	if a.HasDate() {
		meta = append(meta, a.Published.In(p.sh.now().Location()).Format("Mon 2 Jan 2006 15:04"))
	}
	if a.Via != "" {
		meta = append(meta, "via "+a.Via)
	}
	if a.Dateline != "" {
		meta = append(meta, a.Dateline)
	}
	meta = append(meta, formatCount(a.Words)+" words")
	if p.headerText {
		meta = append(meta, fmt.Sprintf("%d min read", a.ReadingMinutes()))
	}
	for _, l := range wrapParts(meta, inner, 2) {
		lines = append(lines, "  "+st.Meta.Render(l))
	}

	var notes []string
	if p.sh.lib.Bookmarks.Has(p.it.key) {
		notes = append(notes, "★ bookmarked")
	}
	if a.TitleDerived {
		notes = append(notes, "title taken from the opening sentence")
	}
	if n := p.removedLines(); n > 0 {
		if p.showRemoved {
			notes = append(notes, fmt.Sprintf("%s of site boilerplate shown at the end · B hides", plural(n, "line")))
		} else {
			notes = append(notes, fmt.Sprintf("%s of site boilerplate removed · B shows", plural(n, "line")))
		}
	}
	if len(notes) > 0 {
		for _, l := range wrapParts(notes, inner, 2) {
			lines = append(lines, "  "+st.Note.Render(l))
		}
	}
	lines = append(lines, st.Rule.Render(strings.Repeat("─", p.w)))

	// On short terminals the header gives way to the body.
	if maxHeader := max(p.h/2, 1); len(lines) > maxHeader {
		lines = append(lines[:maxHeader-1], lines[len(lines)-1])
		if maxHeader == 1 {
			lines = lines[:1]
		}
	}
	p.header = fitLines(lines, p.w, len(lines))
	p.body.setSize(p.w, max(p.h-len(p.header)-p.findRows(), 0))
	p.buildFindBar()
}

func (p articlePane) view() []string {
	if p.held != nil {
		return p.held
	}
	out := make([]string, 0, p.h)
	if p.it == nil {
		return center([]string{p.sh.styles.Meta.Render("No article selected")}, p.w, p.h)
	}
	out = append(out, p.header...)
	out = append(out, p.body.view()...)
	if p.findRows() > 0 {
		out = append(out, p.findView)
	}
	if len(out) != p.h {
		return fitLines(out, p.w, p.h)
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return formatCount(n) + " " + word + "s"
}

package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// pagerPane shows full-screen text that only scrolls: the help screen and the
// load report. Its content is rebuilt by the root when the width changes.
type pagerPane struct {
	sh    *shared
	title string
	body  scroller
	w, h  int

	intents
}

// closeMsg asks the root to leave a full-screen pane.
type closeMsg struct{}

func newPagerPane(sh *shared) pagerPane { return pagerPane{sh: sh} }

func (p pagerPane) update(msg tea.Msg) (pagerPane, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	k := p.sh.keys.Pager
	page, half := viewPage(p.body.h)
	if n, ok := k.step(km, page, half); ok {
		p.body.scroll(n)
	} else if key.Matches(km, k.Close) {
		p.emit(closeMsg{})
	}
	return p, nil
}

// set replaces the content and size; the scroll position is kept when the
// content is the same kind (a resize), reset when asked.
func (p *pagerPane) set(title string, lines []string, w, h int, resetScroll bool) {
	p.title, p.w, p.h = title, w, h
	p.body.setSize(w, max(h-2, 0))
	if resetScroll {
		p.body.top()
	}
	p.body.setLines(lines)
}

func (p pagerPane) view() []string {
	st := p.sh.styles
	out := make([]string, 0, p.h)
	out = append(out, fitLine(" "+st.Title.Render(p.title), p.w))
	out = append(out, fitLine(st.Rule.Render(repeat("─", p.w)), p.w))
	out = append(out, p.body.view()...)
	return fitLines(out, p.w, p.h)
}

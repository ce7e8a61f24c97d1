package ui

import (
	"fmt"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// The reading panes' side of the pane contract (pane.go): the list, the
// article, the search and the pager (help, the load report). Like the
// story panes' (pane_impl.go), thin methods over each pane's own update,
// view and size.

// Messages the root sends to particular panes rather than to all.
type (
	// wheelMsg is the mouse wheel over a pane: rows (or a step) to move.
	wheelMsg struct{ delta int }
	// focusMsg says whether the pane has the keyboard, for panes shown
	// beside another (the list and the article on a wide terminal).
	focusMsg struct{ on bool }
)

// Intents of the reading panes.
type (
	// selectionMsg says the list's selection moved to another article.
	selectionMsg struct{}
	// resultMovedMsg says the search's selected result is another article.
	resultMovedMsg struct{}
	// openSearchMsg asks for the search in the list's place.
	openSearchMsg struct{}
	// focusListMsg asks to leave the article for the list beside it.
	focusListMsg struct{}
	// groupMsg asks to group the list by story, or to stop.
	groupMsg struct{}
	// openFeedsMsg asks for the feeds view; the root gives it to the
	// feeds view with the fetch results so far.
	openFeedsMsg struct{ feedResultsMsg }
)

func (p *listPane) Update(msg tea.Msg) tea.Cmd {
	before := p.selected()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case wheelMsg:
		p.wheel(msg.delta)
	case focusMsg:
		p.setFocused(msg.on)
	default:
		*p, cmd = p.update(msg)
	}
	if p.selected() != before {
		p.emit(selectionMsg{})
	}
	return cmd
}
func (p *listPane) View() []string           { return p.view() }
func (p *listPane) SetSize(w, h int) tea.Cmd { return p.setSize(w, h) }
func (p *listPane) KeyMap(k *keyMap) help.KeyMap {
	return listHelp{k, p.sh.width >= wideWidth}
}
func (p *listPane) Title() string { return "Keys: list" }

// Position is the list's place, filter, order and unread count.
func (p *listPane) Position() string {
	var pos string
	if n := len(p.items); n > 0 {
		pos = fmt.Sprintf("%s/%s", formatCount(p.sel+1), formatCount(n))
	}
	return joinRight(p.filter.String(), "by "+p.sort.String(), pos, formatCount(max(p.unread, 0))+" unread")
}

// place is where the article shown is in the list, for the article's
// status line.
func (p *listPane) place() string {
	return joinRight(p.filter.String(), fmt.Sprintf("%s/%s", formatCount(p.sel+1), formatCount(len(p.items))))
}
func (p *listPane) Typing() bool     { return false }
func (p *listPane) Take() []tea.Msg  { return p.take() }
func (p *listPane) Busy() bool       { return false }
func (p *listPane) SetSpin(f string) {}

// Open selects a's row, when the list has it.
func (p *listPane) Open(a *corpus.Article) tea.Cmd {
	for _, it := range p.items {
		if it.a == a {
			p.selectItem(it)
			break
		}
	}
	return nil
}

func (p *articlePane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case wheelMsg:
		p.body.scroll(3 * msg.delta)
		return nil
	case focusMsg:
		p.setFocused(msg.on)
		return nil
	}
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *articlePane) View() []string           { return p.view() }
func (p *articlePane) SetSize(w, h int) tea.Cmd { return p.setSize(w, h) }
func (p *articlePane) KeyMap(k *keyMap) help.KeyMap {
	if p.typing() {
		return findHelp{k}
	}
	return articleHelp{k, p.sh.width >= wideWidth, p.back}
}
func (p *articlePane) Title() string { return "Keys: article" }

// Position is the find's hit and how far the article is read; the root
// puts where the article is in the list or the search before it.
func (p *articlePane) Position() string {
	return joinRight(p.hitPosition(), fmt.Sprintf("%d%%", p.body.percent()))
}
func (p *articlePane) Typing() bool     { return p.typing() }
func (p *articlePane) Take() []tea.Msg  { return p.take() }
func (p *articlePane) Busy() bool       { return false }
func (p *articlePane) SetSpin(f string) {}

// Open shows a, scrolled to the top.
func (p *articlePane) Open(a *corpus.Article) tea.Cmd {
	if p.it != nil && p.it.a == a {
		return nil
	}
	return p.show(newItem(a))
}

func (p *searchPane) Update(msg tea.Msg) tea.Cmd {
	before := p.selectedArticle()
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case wheelMsg:
		p.selectIndex(p.sel + msg.delta)
	case focusMsg:
	default:
		*p, cmd = p.update(msg)
	}
	if p.selectedArticle() != before {
		p.emit(resultMovedMsg{})
	}
	return cmd
}
func (p *searchPane) View() []string               { return p.view() }
func (p *searchPane) SetSize(w, h int) tea.Cmd     { return p.setSize(w, h) }
func (p *searchPane) KeyMap(k *keyMap) help.KeyMap { return searchHelp{k} }
func (p *searchPane) Title() string                { return "Keys: search" }

// Position is the selected result of every match, as the bar counts them:
// more are fetched as the selection moves down.
func (p *searchPane) Position() string {
	if r := p.res; r != nil && len(r.Hits) > 0 {
		return formatCount(p.sel+1) + "/" + formatCount(r.Total)
	}
	return ""
}

// Typing: the search bar has the keyboard while the search is shown.
func (p *searchPane) Typing() bool     { return true }
func (p *searchPane) Take() []tea.Msg  { return p.take() }
func (p *searchPane) Busy() bool       { return false }
func (p *searchPane) SetSpin(f string) {}

// Open opens an empty search; it is over the corpus, not an article. The
// root opens it from the list with openSearch instead, which also keeps
// the list's place to come back to.
func (p *searchPane) Open(*corpus.Article) tea.Cmd { return p.open(listPlace{}) }

func (p *pagerPane) Update(msg tea.Msg) tea.Cmd {
	if w, ok := msg.(wheelMsg); ok {
		p.body.scroll(3 * w.delta)
		return nil
	}
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *pagerPane) View() []string { return p.view() }

// SetSize keeps the lines; the root sets them again for a new width.
func (p *pagerPane) SetSize(w, h int) tea.Cmd {
	p.w, p.h = w, h
	p.body.setSize(w, max(h-2, 0))
	return nil
}
func (p *pagerPane) KeyMap(k *keyMap) help.KeyMap { return pagerHelp{k} }
func (p *pagerPane) Title() string                { return p.title }
func (p *pagerPane) Position() string             { return fmt.Sprintf("%d%%", p.body.percent()) }

// Typing: every key is the pager's (? and ! close it, as esc does).
func (p *pagerPane) Typing() bool                 { return true }
func (p *pagerPane) Take() []tea.Msg              { return p.take() }
func (p *pagerPane) Busy() bool                   { return false }
func (p *pagerPane) SetSpin(f string)             {}
func (p *pagerPane) Open(*corpus.Article) tea.Cmd { return nil }

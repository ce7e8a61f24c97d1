package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// The story panes' side of the pane contract (pane.go): thin methods over
// each pane's own update, view and size.

func (p *comparePane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case pickedMsg:
		return p.start(msg.a, msg.b)
	case compareManyMsg:
		return p.startMany(msg.arts)
	case wheelMsg:
		p.scroll(3 * msg.delta)
		return nil
	case tea.KeyMsg:
		if requestStoryView(&p.intents, p.sh.keys, msg, p.searching, p.storyArticle()) {
			return nil
		}
	}
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *comparePane) View() []string           { return p.view() }
func (p *comparePane) SetSize(w, h int) tea.Cmd { return p.setSize(w, h) }
func (p *comparePane) KeyMap(k *keyMap) help.KeyMap {
	return compareHelp{k, p.searching, p.many != nil}
}
func (p *comparePane) Title() string    { return "Keys: comparison" }
func (p *comparePane) Position() string { return p.position() }
func (p *comparePane) Typing() bool     { return p.searching }
func (p *comparePane) Take() []tea.Msg  { return p.take() }
func (p *comparePane) Busy() bool       { return p.computing() }
func (p *comparePane) SetSpin(f string) { p.setSpin(f) }

func (p *pickerPane) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *pickerPane) View() []string               { return p.view() }
func (p *pickerPane) SetSize(w, h int) tea.Cmd     { return p.setSize(w, h) }
func (p *pickerPane) KeyMap(k *keyMap) help.KeyMap { return pickerHelp{k, p.filtering, p.moving} }
func (p *pickerPane) Title() string {
	if p.moving {
		return "Keys: moving an article into another story"
	}
	return "Keys: choosing what to compare"
}
func (p *pickerPane) Position() string { return p.position() }
func (p *pickerPane) Typing() bool     { return p.filtering }
func (p *pickerPane) Take() []tea.Msg  { return p.take() }
func (p *pickerPane) Busy() bool       { return p.a != nil && !p.ready }
func (p *pickerPane) SetSpin(f string) {
	p.spin = f
	if !p.ready {
		p.refresh()
	}
}

func (p *coveragePane) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyMsg); ok && requestStoryView(&p.intents, p.sh.keys, km, false, p.storyArticle()) {
		return nil
	}
	var cmd tea.Cmd
	*p, cmd = p.update(msg)
	return cmd
}
func (p *coveragePane) View() []string               { return p.view() }
func (p *coveragePane) SetSize(w, h int) tea.Cmd     { return p.setSize(w, h) }
func (p *coveragePane) KeyMap(k *keyMap) help.KeyMap { return coverageHelp{k} }
func (p *coveragePane) Title() string                { return "Keys: coverage" }
func (p *coveragePane) Position() string             { return p.position() }
func (p *coveragePane) Typing() bool                 { return false }
func (p *coveragePane) Take() []tea.Msg              { return p.take() }
func (p *coveragePane) Busy() bool {
	return p.seq != 0 && p.cov == nil && p.err == ""
}
func (p *coveragePane) SetSpin(f string) {
	p.spin = f
	if p.lay == nil {
		p.rebuild()
	}
}

func (p *comparePane) Open(a *corpus.Article) tea.Cmd  { return p.start(a, nil) }
func (p *pickerPane) Open(a *corpus.Article) tea.Cmd   { return p.start(a) }
func (p *coveragePane) Open(a *corpus.Article) tea.Cmd { return p.start(a) }

// requestStoryView raises the story view on a (the comparison's or the
// coverage's article) for the story view's key; it reports whether the
// key was that. With no article yet, or while typing, the key is the
// pane's.
func requestStoryView(in *intents, k *keyMap, km tea.KeyMsg, typing bool, a *corpus.Article) bool {
	if a == nil || typing || !key.Matches(km, k.Stories.View) {
		return false
	}
	in.emit(storyRequest{modeStoryView, a})
	return true
}

// storyArticle is the article the comparison is about, or nil.
func (p *comparePane) storyArticle() *corpus.Article {
	if p.cmp != nil {
		return p.cmp.A.Article
	}
	return nil
}

// storyArticle is the first article of the coverage, or nil.
func (p *coveragePane) storyArticle() *corpus.Article {
	if p.cov != nil && len(p.cov.Docs) > 0 {
		return p.cov.Docs[0].Article
	}
	return nil
}

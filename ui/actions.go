package ui

import (
	"errors"
	"fmt"
	"os/exec"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// Intents that act on one article, from the list or the article pane.
type (
	bookmarkMsg      struct{ it *item }
	markStoryReadMsg struct{ it *item }
	copyMsg          struct{ it *item }
	editMsg          struct{ it *item }
	openURLMsg       struct{ it *item }
)

// editorReadyMsg says the read-only copy for the editor is written.
type editorReadyMsg struct {
	path string
	cmd  *exec.Cmd
}

// editorDoneMsg says the editor has exited and its copy is removed.
type editorDoneMsg struct{ err error }

// articleAction is the intent an article key asks for, or nil.
func articleAction(km tea.KeyMsg, k articleActions, it *item) tea.Msg {
	switch {
	case key.Matches(km, k.Bookmark):
		return bookmarkMsg{it}
	case key.Matches(km, k.MarkStoryRead):
		return markStoryReadMsg{it}
	case key.Matches(km, k.Copy):
		return copyMsg{it}
	case key.Matches(km, k.Edit):
		return editMsg{it}
	case key.Matches(km, k.OpenURL):
		return openURLMsg{it}
	}
	return nil
}

// readerRequest is the intent of a key the list and the article share
// that asks for another pane: a story pane on it (typed by the pane, never
// by the key, which the reader may rebind), the feeds, a refresh. ok is
// false for other keys.
func readerRequest(km tea.KeyMsg, k *keyMap, it *item) (tea.Msg, bool) {
	switch {
	case key.Matches(km, k.Feeds.Refresh):
		return refreshNowMsg{}, true
	case key.Matches(km, k.Feeds.View):
		return openFeedsMsg{}, true
	}
	var want mode
	switch {
	case key.Matches(km, k.Stories.Compare):
		want = modeCompare
	case key.Matches(km, k.Stories.Pick):
		want = modePicker
	case key.Matches(km, k.Stories.Coverage):
		want = modeCoverage
	case key.Matches(km, k.Stories.View):
		want = modeStoryView
	case key.Matches(km, k.Stories.Move):
		want = modeMoveStory
	case key.Matches(km, k.Stories.Split):
		if it == nil {
			return statusMsg{text: "no article selected"}, true
		}
		return splitStoryMsg{it}, true
	default:
		return nil, false
	}
	if it == nil {
		return statusMsg{text: "no article selected"}, true
	}
	return storyRequest{want, it.a}, true
}

// updateAction handles the article intents; ok is false for other messages.
func (m Model) updateAction(msg tea.Msg) (Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case bookmarkMsg:
		m, cmd := m.toggleBookmark(msg.it)
		return m, cmd, true
	case markStoryReadMsg:
		m, cmd := m.markStoryRead(msg.it)
		return m, cmd, true
	case filterMsg:
		m, cmd := m.setFilter(msg.f)
		return m, cmd, true
	case copyMsg:
		return m, copyCmd(m.sh.sys, msg.it.a), true
	case openURLMsg:
		return m, openURLCmd(m.sh.sys, msg.it.a), true
	case editMsg:
		return m, prepareEditCmd(m.sh.sys, msg.it.a), true
	case editorReadyMsg:
		path := msg.path
		return m, m.sh.sys.exec(msg.cmd, func(err error) tea.Msg {
			if rerr := removeCopy(path); err == nil && rerr != nil {
				err = fmt.Errorf("could not remove the editor's copy %s: %w", path, rerr)
			}
			return editorDoneMsg{err}
		}), true
	case editorDoneMsg:
		if msg.err != nil {
			m.status = statusLine{text: "editor: " + msg.err.Error(), isErr: true}
		}
		return m, nil, true
	}
	return m, nil, false
}

func (m Model) toggleBookmark(it *item) (Model, tea.Cmd) {
	on := m.sh.lib.Bookmarks.Toggle(it.key, m.sh.now())
	text := "bookmark removed"
	if on {
		text = "bookmarked · " + keyHint(m.sh.keys.List.BookmarksOnly) + " shows bookmarks only"
	}
	m.list.refresh()
	m.article.refresh()
	return m, tea.Batch(m.saveMarks(m.sh.lib.Bookmarks, "bookmarks"), statusCmd(text))
}

// markStoryRead marks it and every other article of its story read.
func (m Model) markStoryRead(it *item) (Model, tea.Cmd) {
	ids := map[string]bool{it.a.ID: true}
	if m.sh.storyOf != nil {
		for _, id := range m.sh.storyOf(it.a) {
			ids[id] = true
		}
	}
	now, marked, story := m.sh.now(), 0, 0
	for _, x := range m.list.rows() {
		if !ids[x.a.ID] {
			continue
		}
		story++
		if m.sh.lib.Marks.Set(x.key, true, now) {
			marked++
		}
	}
	m.list.addUnread(-marked)
	m.article.refresh()
	var text string
	switch {
	case story <= 1 && marked == 1:
		text = "marked as read"
	case story <= 1:
		text = "already read"
	case marked == 0:
		text = fmt.Sprintf("all %d articles of this story were already read", story)
	default:
		text = fmt.Sprintf("marked %s of this story as read", plural(marked, "article"))
	}
	return m, tea.Batch(m.save(), statusCmd(text))
}

// setFilter applies a list filter and says what the list now shows.
func (m Model) setFilter(f listFilter) (Model, tea.Cmd) {
	before := m.list.selected()
	m.list.setFilter(f)
	m.list.setEmpty(m.emptyLines())
	text := "showing all articles"
	if f.on() {
		text = "showing " + f.describe(m.list.shown())
	}
	cmds := []tea.Cmd{statusCmd(text)}
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
		if m.list.selected() == nil && m.frame.wide {
			cmds = append(cmds, m.article.show(nil))
		}
	}
	return m, tea.Batch(cmds...)
}

// copyCmd puts a's url on the clipboard, or its text as Markdown when it has
// no url.
func copyCmd(sys system, a *corpus.Article) tea.Cmd {
	return func() tea.Msg {
		what, text := "url "+a.URL, a.URL
		if a.URL == "" {
			what, text = "the article as Markdown ("+plural(a.Words, "word")+")", corpus.Markdown(a)
		}
		if err := sys.copy(text); err != nil {
			if errors.Is(err, errTooLongToCopy) {
				return statusMsg{text: "not copied: the article is too long for the terminal clipboard; E opens it in the editor", err: true}
			}
			return statusMsg{text: "could not copy: " + err.Error(), err: true}
		}
		return statusMsg{text: "copied " + what}
	}
}

// openURLCmd opens a's url with the system opener, in the background.
func openURLCmd(sys system, a *corpus.Article) tea.Cmd {
	return func() tea.Msg {
		u, err := webURL(a.URL)
		if err != nil {
			return statusMsg{text: err.Error(), err: true}
		}
		c, err := sys.opener(u)
		if err != nil {
			return statusMsg{text: err.Error(), err: true}
		}
		if err := sys.start(c); err != nil {
			return statusMsg{text: "could not open the url: " + err.Error(), err: true}
		}
		return statusMsg{text: "opened " + u}
	}
}

// prepareEditCmd writes the read-only copy the editor opens.
func prepareEditCmd(sys system, a *corpus.Article) tea.Cmd {
	return func() tea.Msg {
		path, err := writeReadOnlyCopy(sys.tempDir, corpus.Markdown(a))
		if err != nil {
			return statusMsg{text: "could not write a copy for the editor: " + err.Error(), err: true}
		}
		c, err := sys.editor(path)
		if err != nil {
			removeCopy(path)
			return statusMsg{text: err.Error(), err: true}
		}
		return editorReadyMsg{path: path, cmd: c}
	}
}

// keyHint is the first key of b as help shows it.
func keyHint(b key.Binding) string { return b.Help().Key }

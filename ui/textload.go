package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/ui/library"
)

// The root's part in loading texts in the background (library.Texts): the
// store lists its articles without their texts, so the list and the search
// are ready before the texts are. Nothing in the reader waits for this
// load: a pane that shows an article's text loads that text in its own
// command (the renderer, a comparison, a search), showing a loading line
// until it is there; what needs every text (grouping) starts after it.

// textsLoaded takes a finished batch: the next starts, the panes hear of it
// (a header waiting for its article's text), and grouping waits no more
// once the last batch is in.
func (m Model) textsLoaded(msg library.TextsLoaded) (Model, tea.Cmd) {
	next := jobsCmd(m.sh.lib.Texts.Loaded(msg))
	m, cmd := m.broadcast(msg)
	return m, tea.Batch(next, cmd, m.groupingAfterIndex(), m.freshCheck())
}

// textChrome is the status line's note while texts load: "texts 40%".
func (m Model) textChrome() string {
	if !m.sh.lib.Texts.Loading() {
		return ""
	}
	return fmt.Sprintf("texts %d%%", m.sh.lib.Texts.Percent())
}

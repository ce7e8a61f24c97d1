package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/store"
)

// jobsCmd runs the store index's jobs off the update loop; their results come
// back as messages. nil jobs are skipped.
func jobsCmd(jobs ...store.Job) tea.Cmd {
	var cmds []tea.Cmd
	for _, j := range jobs {
		if j != nil {
			cmds = append(cmds, func() tea.Msg { return j() })
		}
	}
	return tea.Batch(cmds...)
}

// The root model's part in searching: opening and closing the search over
// the list, routing search messages, and opening results.

// listMode is where "back" goes: the search results while a search is
// open, the list otherwise.
func (m Model) listMode() mode {
	if m.search.isOpen() {
		return modeSearch
	}
	return modeList
}

// updateSearch handles the messages of the search and the find bar.
func (m Model) updateSearch(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case store.Indexed:
		cmd := jobsCmd(m.sh.lib.Index.Added(msg)...)
		return m, tea.Batch(cmd, m.search.rerun(), m.groupingAfterIndex(), m.freshCheck())
	case store.SnapshotRead:
		jobs, notice := m.sh.lib.Index.SnapshotLoaded(msg)
		if notice != "" {
			m.status = statusLine{text: notice}
		}
		var rerun tea.Cmd
		if msg.Err() == nil {
			rerun = m.search.rerun() // the whole corpus is searchable now
		}
		return m, tea.Batch(jobsCmd(jobs...), rerun, m.groupingAfterIndex(), m.freshCheck())
	case store.SnapshotWritten:
		if msg.Err != nil {
			m.status = statusLine{text: "the search index snapshot could not be saved: " + msg.Err.Error()}
		}
	case resultMovedMsg:
		return m, m.resultChanged()
	case openSearchMsg:
		return m, m.openSearch()
	case openResultMsg:
		return m, m.openResult(msg.r)
	case closeSearchMsg:
		return m, m.closeSearch()
	}
	return m, nil
}

// openSearch opens the search bar in the list's place (`/`).
func (m *Model) openSearch() tea.Cmd {
	cmd := m.search.open(m.list.where())
	return tea.Batch(cmd, m.setMode(modeSearch))
}

// closeSearch puts the list back as it was when the search opened.
func (m *Model) closeSearch() tea.Cmd {
	m.list.putBack(m.search.close())
	return tea.Batch(m.article.clearHits(), m.setMode(modeList))
}

// resultChanged shows the selected result in the preview (wide terminals)
// with its hits highlighted.
func (m *Model) resultChanged() tea.Cmd {
	if !m.frame.wide || m.mode != modeSearch {
		return nil
	}
	r := m.search.selected()
	if r == nil {
		return m.article.show(nil) // nothing matches: no stale preview
	}
	return m.article.showHits(m.search.itemOf(r), newHitSet(r.Positions, r.TitleSpans))
}

// openResult opens a result scrolled to its first hit, every hit
// highlighted.
func (m *Model) openResult(r *search.Result) tea.Cmd {
	it := m.search.itemOf(r)
	cmd := m.open(it)
	return tea.Batch(cmd, m.article.showHits(it, newHitSet(r.Positions, r.TitleSpans)))
}

// stepResult opens the next or previous result (] and [ in an article
// opened from the search).
func (m Model) stepResult(delta int) (Model, tea.Cmd) {
	r, more := m.search.step(delta)
	if r == nil {
		if delta > 0 {
			return m, statusCmd("this is the last result")
		}
		return m, statusCmd("this is the first result")
	}
	return m, tea.Batch(m.openResult(r), more)
}

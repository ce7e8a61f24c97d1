package ui

import (
	tea "github.com/charmbracelet/bubbletea"
)

// The check that follows a list served on the word of the store's folder
// record (corpus.Options.TrustFolders: no folder changed, so no file was
// stat'ed): a file rewritten in place changes no folder, so every file is
// checked against the store afterwards (Store.Check), off the update loop,
// and what changed reaches the list as --watch's changes do (handleWatch). It
// waits for the search index to be complete (read from the snapshot, or
// built), so that a start's list and search do not share the cores with
// it; it reads no text, and nothing comes of it when nothing changed.

// freshCheck starts the check when one is due, the index is complete and
// no read of the stored stories runs (it takes both cores for a moment,
// and stories are what the reader waits for; the check is a safety net).
func (m *Model) freshCheck() tea.Cmd {
	if !m.load.freshPending || m.load.loading || m.sh.lib.Index.Behind() || m.story.state.readingStored {
		return nil
	}
	m.load.freshPending = false
	m.load.freshRunning = true
	ctx, st := m.ctx, m.st
	return func() tea.Msg {
		cs, err := st.Check(ctx)
		if err != nil || len(cs) == 0 {
			return freshCheckedMsg{}
		}
		changes := make([]watchedChange, len(cs))
		for i, c := range cs {
			changes[i] = watchedChange{Change: c}
			for _, a := range c.Articles {
				changes[i].items = append(changes[i].items, newItem(a))
			}
		}
		return freshCheckedMsg{changes: &watchMsg{changes: changes}}
	}
}

// freshCheckedMsg ends the check: what changed, if anything.
type freshCheckedMsg struct{ changes *watchMsg }

func (m Model) freshChecked(msg freshCheckedMsg) (Model, tea.Cmd) {
	m.load.freshRunning = false
	if msg.changes == nil {
		return m, nil
	}
	return m.handleWatch(*msg.changes)
}

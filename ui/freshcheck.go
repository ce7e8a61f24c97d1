package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// The check that follows a list served on the word of the store's folder
// record (corpus.Options.TrustFolders: no folder changed, so no file was
// stat'ed): a file rewritten in place changes no folder, so every file is
// checked against the store afterwards, off the update loop, and what
// changed reaches the list as --watch's changes do (handleWatch). It
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
	ctx, src, opt := m.ctx, m.cfg.Source, m.cfg.Load
	return func() tea.Msg {
		opt.ListOnly, opt.TrustFolders, opt.ChangedOnly = true, false, true
		var changes []watchedChange
		at := map[string]int{} // path -> index in changes
		change := func(path string) *watchedChange {
			i, ok := at[path]
			if !ok {
				i = len(changes)
				at[path] = i
				changes = append(changes, watchedChange{Change: watch.Change{Path: path}})
			}
			return &changes[i]
		}
		_, err := store.Open(ctx, src, store.Options{Options: opt, Progress: func(b corpus.Batch) {
			for _, a := range b.Articles {
				c := change(a.Path)
				c.Articles = append(c.Articles, a)
				c.items = append(c.items, newItem(a))
			}
			for _, s := range b.Skipped {
				change(s.Path).Skipped = &s
			}
			for _, p := range b.Gone {
				change(p).Removed = true
			}
		}})
		if err != nil || len(changes) == 0 {
			return freshCheckedMsg{}
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

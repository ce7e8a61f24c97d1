package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/watch"
)

// watchMsg carries files that changed on disk while the reader runs
// (--watch). next waits for the following changes.
type watchMsg struct {
	changes []watchedChange
	next    tea.Cmd
}

// watchErrMsg says watching could not start.
type watchErrMsg struct{ err error }

// watchedChange is a watch.Change with its items made off the update loop.
type watchedChange struct {
	watch.Change
	items []*item
}

// startWatch follows the source's changes through the reader's store
// (store.Store.Changes, which puts them in its own list; the reader hands
// them to the store's index, in order with its batches: handleWatch) and
// returns the command that delivers the first changes. It stops when ctx
// is cancelled.
func startWatch(ctx context.Context, src corpus.Source, st store.Store) tea.Cmd {
	if len(src.Paths) == 0 {
		return nil
	}
	return func() tea.Msg {
		ch := make(chan watchMsg, 1)
		err := st.Changes(ctx, func(cs []watch.Change) {
			msg := watchMsg{}
			for _, c := range cs {
				wc := watchedChange{Change: c}
				for _, a := range c.Articles {
					wc.items = append(wc.items, newItem(a))
				}
				msg.changes = append(msg.changes, wc)
			}
			select {
			case ch <- msg:
			case <-ctx.Done():
			}
		})
		if err != nil {
			return watchErrMsg{err}
		}
		return waitWatch(ctx, ch)()
	}
}

func waitWatch(ctx context.Context, ch <-chan watchMsg) tea.Cmd {
	return func() tea.Msg {
		select {
		case msg := <-ch:
			msg.next = waitWatch(ctx, ch)
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}

// handleWatch applies changed files: their old articles leave the list,
// their new ones join it, and the load report follows.
func (m Model) handleWatch(msg watchMsg) (Model, tea.Cmd) {
	var added []*item
	cs := make([]watch.Change, len(msg.changes))
	for i, c := range msg.changes {
		cs[i] = c.Change
		added = append(added, c.items...)
	}
	under := store.Affected(cs)
	before := m.list.selected()
	removed := m.list.remove(func(it *item) bool { return under(it.a.Path) })
	m.list.add(added)
	m.sh.lib.Remove(articlesOf(removed))
	m.sh.lib.Add(articlesOf(added))
	skipped := m.load.skipped[:0:0]
	for _, s := range m.load.skipped {
		if !under(s.Path) {
			skipped = append(skipped, s)
		}
	}
	for _, c := range msg.changes {
		if c.Skipped != nil {
			skipped = append(skipped, *c.Skipped)
		}
	}
	m.load.skipped = skipped
	m.list.setEmpty(m.emptyLines())
	files := len(msg.changes)
	m.status = statusLine{text: fmt.Sprintf("%s changed on disk: %s in, %d out", plural(files, "file"), plural(len(added), "article"), len(removed))}
	m.search.forget(removed)
	m.search.register(added, -1)
	_, index := m.sh.lib.Index.Apply(cs)
	cmds := []tea.Cmd{msg.next, m.startGrouping(), jobsCmd(index)}
	m.search.refresh()
	if m.list.selected() != before {
		cmds = append(cmds, m.selectionChanged())
	}
	return m, tea.Batch(cmds...)
}

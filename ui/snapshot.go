package ui

import (
	"errors"
	"io/fs"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// The search index of a corpus opened before is read back from its
// snapshot instead of being built again (most of the CPU of a large warm
// start). A snapshot applies only to the same articles, and the loader
// says whether every file so far came unchanged from the parsed-corpus
// cache: while that holds, the reader keeps the arriving articles back
// from the index and, when the load ends, reads the snapshot for them.
// The first file that was read afresh ends the wait and indexing goes on
// as usual; an index built in full is written as the next snapshot.

// snapshotLoadedMsg delivers a snapshot read for arts, or why it could not be.
type snapshotLoadedMsg struct {
	ix   *search.Index
	arts []*corpus.Article
	err  error
}

// snapshotSavedMsg says a snapshot was written (err nil) or not.
type snapshotSavedMsg struct{ err error }

// useSnapshot sets where the snapshot is kept, and holds articles back
// from the index only if one exists.
func (p *searchPane) useSnapshot(path string) {
	p.snapshot = path
	if path == "" {
		return
	}
	if st, err := os.Stat(path); err == nil && st.Mode().IsRegular() {
		p.holding = true
	}
}

// loadBatch takes a batch of the load: held back while a snapshot may
// apply (allCached: every file so far came from the cache), else indexed.
func (p *searchPane) loadBatch(items []*item, done, allCached bool) tea.Cmd {
	if !p.holding {
		cmd := p.index(items, done)
		return tea.Batch(cmd, p.saveIfComplete())
	}
	p.loading = !done
	defer p.refresh()
	arts := p.register(items)
	p.held = append(p.held, arts...)
	if !allCached {
		// A file was read afresh: the snapshot cannot be of these articles.
		return p.stopHolding()
	}
	if !done {
		return nil
	}
	p.holding = false
	held, path := p.held, p.snapshot
	p.held, p.adding = nil, true
	return func() tea.Msg {
		ix, err := search.LoadSnapshot(path, held)
		if err == nil {
			now := time.Now()
			_ = os.Chtimes(path, now, now) // recently used: not pruned
		}
		return snapshotLoadedMsg{ix: ix, arts: held, err: err}
	}
}

// stopHolding gives up waiting for the snapshot and indexes the articles
// held so far (and those still to come) as they arrive: a file was read
// afresh, or the reader opened the search before the load ended and wants
// what has loaded so far to be searchable now.
func (p *searchPane) stopHolding() tea.Cmd {
	if !p.holding {
		return nil
	}
	p.holding = false
	p.pending = append(p.pending, p.held...)
	p.held = nil
	if p.adding || len(p.pending) == 0 {
		return nil
	}
	return p.addPending()
}

// snapshotLoaded puts a snapshot's index in place, or indexes the articles
// it was read for when it did not apply. notice is what the reader should
// be told: a damaged snapshot (one of other articles is no news).
func (p *searchPane) snapshotLoaded(msg snapshotLoadedMsg) (cmd tea.Cmd, notice string) {
	p.adding = false
	if msg.err != nil {
		if !errors.Is(msg.err, search.ErrStale) && !errors.Is(msg.err, fs.ErrNotExist) {
			notice = "the search index snapshot was unreadable (" + msg.err.Error() + ") and will be rebuilt"
		}
		p.pending = append(msg.arts, p.pending...)
		return p.addPending(), notice
	}
	p.ix, p.fromSnapshot = msg.ix, true
	p.indexed += len(msg.arts)
	var next tea.Cmd
	if len(p.pending) > 0 { // --watch found changes meanwhile
		next = p.addPending()
	}
	return tea.Batch(next, p.rerun()), ""
}

// saveIfComplete writes the snapshot, once, when an index built here holds
// the whole corpus.
func (p *searchPane) saveIfComplete() tea.Cmd {
	if p.snapshot == "" || p.fromSnapshot || p.saved || p.holding || p.behind() || p.adding || len(p.pending) > 0 {
		return nil
	}
	p.saved = true
	ix, path := p.ix, p.snapshot
	return func() tea.Msg {
		err := ix.WriteSnapshot(path)
		if err == nil {
			corpus.PruneCaches(path)
		}
		return snapshotSavedMsg{err}
	}
}

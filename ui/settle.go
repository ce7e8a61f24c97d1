package ui

import (
	"runtime/debug"

	tea "github.com/charmbracelet/bubbletea"
)

// A start leaves garbage behind (the heads decoded, the stored stories
// and the index snapshot matched, the list merged batch by batch, the
// freshness check's listing): with the collector's headroom, about as
// much again as what the reader keeps, resident until the heap grows
// into it. Once every part of the start has ended, it is given back to
// the system once (measured at 100,000 articles: resident anonymous
// memory 254 MB before, 129 MB after, for 0.1 cpu-s off the update loop;
// BENCHMARKS.md "Round 25: reader warm start").

// settleStart returns the command that gives the start's garbage back,
// the first time the start has settled: the load ended, the search index
// complete and not being added to, the freshness check done, no story
// work running or waiting, a new grouping kept. An index opened from its
// snapshot with a delta (files added or gone since) is written first as
// the next snapshot: the merge waits until then so as not to slow the
// start down.
func (m *Model) settleStart() tea.Cmd {
	if m.load.settled || !m.startSettled() {
		return nil
	}
	m.load.settled = true
	save, endGC := m.sh.lib.Index.Save(), m.load.endStartGC
	return func() tea.Msg {
		var written tea.Msg
		if save != nil {
			written = save()
		}
		if endGC != nil {
			endGC()
		}
		freeOSMemory()
		return written
	}
}

// freeOSMemory is debug.FreeOSMemory, a variable for tests to count.
var freeOSMemory = debug.FreeOSMemory

func (m *Model) startSettled() bool {
	ix, st := m.sh.lib.Index, m.story.state
	return !m.load.loading && !m.load.freshPending && !m.load.freshRunning &&
		!ix.Behind() && !ix.Adding() && !st.busy && !st.deferred && st.saving == 0
}

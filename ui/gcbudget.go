package ui

import (
	"os"
	"runtime/debug"
	"sync"
)

// The reader's collector setting (GOGC) follows what it is doing:
//
//   - Story grouping allocates several times what it keeps (word counts and
//     fingerprints it drops as it goes). At the default GOGC the heap grows
//     to twice what is live before a collection, so on a corpus of 100,000
//     articles grouping alone lifted the reader's peak memory by a quarter.
//     While a grouping runs the collector keeps the heap within
//     groupingGCPercent of what is live.
//   - While the list loads, a start allocates what it keeps and little
//     else: a collection then marks a heap that is nearly all live, to
//     free next to nothing. Until the list is whole (unless the user set
//     GOGC) the collector runs at loadGCPercent: at 100,000 articles the
//     list was whole 0.02–0.05 s sooner and the start took a tenth of a
//     CPU-second less, for 20 MB more resident at that moment, given back
//     when the start settles (BENCHMARKS.md, round 33).
//   - A start keeps nearly all it allocates until it settles (the list's
//     articles, the index opened from its snapshot, the stored stories), as
//     a listing command does (ui/cli/gc.go): at the default the collector
//     ran four times while the list loaded and again at each step after,
//     finding little garbage. Until the start settles (settle.go), unless
//     the user set GOGC, it runs at startGCPercent: at 100,000 articles the
//     start's CPU fell by a tenth and its peak grew by up to a sixth (at
//     400, by a third), and what the start leaves is given back when it
//     settles.
//
// The user's own setting is restored after both.
const (
	groupingGCPercent = 25
	startGCPercent    = 200
	loadGCPercent     = 800
)

var gcBudget struct {
	mu        sync.Mutex
	user      int  // the setting before the first period still running began
	groupings int  // groupings running
	starting  bool // a start that has not settled
	loading   bool // a start whose list is not whole yet
}

// applyGC sets GOGC for what runs now; under gcBudget.mu.
func applyGC() {
	b := &gcBudget
	v := b.user
	switch {
	case b.groupings > 0:
		v = min(v, groupingGCPercent) // an off (-1) or tighter setting is kept
	case (b.starting || b.loading) && v >= 0:
		if _, set := os.LookupEnv("GOGC"); set {
			break
		}
		if b.loading {
			v = max(v, loadGCPercent)
		} else {
			v = max(v, startGCPercent)
		}
	}
	debug.SetGCPercent(v)
}

// tightenGC starts a period of tight collection; the function it returns
// ends it. Periods may overlap (a superseded grouping is still ending).
func tightenGC() (release func()) {
	return gcPeriod(func(on bool) {
		if on {
			gcBudget.groupings++
		} else {
			gcBudget.groupings--
		}
	})
}

// relaxStartGC starts the start's period of relaxed collection; the
// function it returns ends it (settle.go). There is one start.
func relaxStartGC() (end func()) {
	return gcPeriod(func(on bool) { gcBudget.starting = on })
}

// relaxLoadGC starts the period of the start's load (see loadGCPercent);
// the function it returns ends it, when the list is whole.
func relaxLoadGC() (end func()) {
	return gcPeriod(func(on bool) { gcBudget.loading = on })
}

// gcPeriod begins a period (mark(true)) and returns what ends it
// (mark(false)), once however often it is called; the setting follows
// both. The user's setting is noted when no period runs.
func gcPeriod(mark func(on bool)) (end func()) {
	b := &gcBudget
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.groupings == 0 && !b.starting && !b.loading {
		b.user = debug.SetGCPercent(-1)
		debug.SetGCPercent(b.user)
	}
	mark(true)
	applyGC()
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			defer b.mu.Unlock()
			mark(false)
			applyGC()
		})
	}
}

package ui

import (
	"runtime/debug"
	"sync"
)

// Story grouping allocates several times what it keeps (word counts and
// fingerprints it drops as it goes). At the default GOGC the heap grows to
// twice what is live before a collection, so on a corpus of 100,000
// articles grouping alone lifted the reader's peak memory by a quarter. While a
// grouping runs the collector keeps the heap within groupingGCPercent of
// what is live; the user's own GOGC setting is restored after it.
const groupingGCPercent = 25

var tightGC struct {
	mu     sync.Mutex
	n      int // groupings running
	before int // GOGC before the first of them
}

// tightenGC starts a period of tight collection; the function it returns
// ends it. Periods may overlap (a superseded grouping is still ending).
func tightenGC() (release func()) {
	tightGC.mu.Lock()
	defer tightGC.mu.Unlock()
	if tightGC.n == 0 {
		tightGC.before = debug.SetGCPercent(groupingGCPercent)
		if tightGC.before < groupingGCPercent {
			debug.SetGCPercent(tightGC.before) // already tighter, or off (-1)
		}
	}
	tightGC.n++
	var once sync.Once
	return func() {
		once.Do(func() {
			tightGC.mu.Lock()
			defer tightGC.mu.Unlock()
			if tightGC.n--; tightGC.n == 0 {
				debug.SetGCPercent(tightGC.before)
			}
		})
	}
}

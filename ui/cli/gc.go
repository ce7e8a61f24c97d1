package cli

import (
	"os"
	"runtime/debug"
)

// listGCPercent is the collector's setting (GOGC) while a listing command
// (list, show, compare: command.listOnly) runs. Such a command keeps
// nearly all it allocates until it exits, the store's list above all: at
// the default of 100 a warm list at 100,000 articles collected five times
// while its heap grew from nothing to its peak, finding little garbage,
// and with the write barrier on, fresh heap pages faulted twice (a read,
// then a copy on write with a TLB shootdown). At 400 its CPU fell by 4–5%
// and its peak memory hardly grew, nor did a cold list's (see
// BENCHMARKS.md, "Round 25: list and cold open").
const listGCPercent = 400

// relaxGC sets the collector to listGCPercent, unless the user set GOGC,
// and returns what restores the setting before it.
func relaxGC() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	before := debug.SetGCPercent(listGCPercent)
	return func() { debug.SetGCPercent(before) }
}

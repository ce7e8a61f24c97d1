package ui

import (
	"runtime/debug"
	"testing"
)

// Tight collection lasts while any grouping runs and then gives back the
// setting that was there before; a tighter or disabled GOGC is kept.
func TestTightenGC(t *testing.T) {
	orig := debug.SetGCPercent(100)
	defer debug.SetGCPercent(orig)
	gc := func() int { v := debug.SetGCPercent(-1); debug.SetGCPercent(v); return v }

	a := tightenGC()
	b := tightenGC()
	if got := gc(); got != groupingGCPercent {
		t.Fatalf("during grouping GOGC is %d, want %d", got, groupingGCPercent)
	}
	a()
	a() // releasing twice is harmless
	if got := gc(); got != groupingGCPercent {
		t.Fatalf("one grouping still running: GOGC %d", got)
	}
	b()
	if got := gc(); got != 100 {
		t.Fatalf("after grouping GOGC is %d, want 100 back", got)
	}
	for _, user := range []int{10, -1} {
		debug.SetGCPercent(user)
		r := tightenGC()
		if got := gc(); got != user {
			t.Errorf("GOGC %d became %d during grouping", user, got)
		}
		r()
		if got := gc(); got != user {
			t.Errorf("GOGC %d became %d after grouping", user, got)
		}
	}
}

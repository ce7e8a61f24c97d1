package ui

import (
	"os"
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
	keepsUserGC(t, "grouping", tightenGC, 10, -1)
}

// keepsUserGC checks that a period begun by begin leaves each of the
// user's settings as it is, during it and after.
func keepsUserGC(t *testing.T, period string, begin func() func(), settings ...int) {
	t.Helper()
	gc := func() int { v := debug.SetGCPercent(-1); debug.SetGCPercent(v); return v }
	for _, user := range settings {
		debug.SetGCPercent(user)
		end := begin()
		if got := gc(); got != user {
			t.Errorf("GOGC %d became %d during the %s", user, got, period)
		}
		end()
		if got := gc(); got != user {
			t.Errorf("GOGC %d became %d after the %s", user, got, period)
		}
	}
}

// gcSteps sets GOGC to 100 for the test, the user's GOGC in the
// environment left out, and returns a check of the setting at a step.
func gcSteps(t *testing.T) (want func(step string, v int)) {
	t.Helper()
	orig := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(orig) })
	if v, set := os.LookupEnv("GOGC"); set {
		t.Setenv("GOGC", v)
		os.Unsetenv("GOGC")
	}
	return func(step string, v int) {
		t.Helper()
		got := debug.SetGCPercent(-1)
		debug.SetGCPercent(got)
		if got != v {
			t.Fatalf("%s: GOGC %d, want %d", step, got, v)
		}
	}
}

// keepsEnvGC checks that GOGC set in the environment is left as it is
// during a period begun by begin, and then the user's other settings.
func keepsEnvGC(t *testing.T, period string, begin func() func(), settings ...int) {
	t.Helper()
	t.Setenv("GOGC", "100")
	end := begin()
	if got := debug.SetGCPercent(-1); got != 100 {
		t.Errorf("GOGC set by the user became %d during the %s", got, period)
	}
	debug.SetGCPercent(100)
	end()
	os.Unsetenv("GOGC")
	keepsUserGC(t, period, begin, settings...)
}

// A start collects at startGCPercent until it settles, unless the user set
// GOGC; a grouping during it is tight, and the start's setting returns
// after it; the user's setting returns when both have ended.
func TestStartGC(t *testing.T) {
	want := gcSteps(t)
	end := relaxStartGC()
	want("during the start", startGCPercent)
	tight := tightenGC()
	want("grouping during the start", groupingGCPercent)
	tight()
	want("after a grouping during the start", startGCPercent)
	end()
	end() // ending twice is harmless
	want("after the start", 100)
	keepsEnvGC(t, "start", relaxStartGC, 800, -1)
}

// While the list loads the collector runs at loadGCPercent, then at the
// start's setting until the start settles; a grouping meanwhile is tight.
func TestLoadGC(t *testing.T) {
	want := gcSteps(t)
	endStart, endLoad := relaxStartGC(), relaxLoadGC()
	want("while the list loads", loadGCPercent)
	tight := tightenGC()
	want("grouping while the list loads", groupingGCPercent)
	tight()
	endLoad()
	endLoad()
	want("the list whole", startGCPercent)
	endStart()
	want("after the start", 100)
	keepsEnvGC(t, "load", relaxLoadGC, 1000, -1)
}

// The load's relaxed collection ends with the batch that makes the list
// whole, not before.
func TestLoadGCEndsWhenTheListIsWhole(t *testing.T) {
	hs := articlesHarness(t, sampleArticles()[:1], 80, 24)
	ended := 0
	hs.m.load.endLoadGC = func() { ended++ }
	hs.send(loadBatchMsg{gen: hs.m.load.gen, items: []*item{newItem(sampleArticles()[1])}, read: 2, total: 4})
	if ended != 0 {
		t.Fatal("ended before the list was whole")
	}
	hs.send(loadBatchMsg{gen: hs.m.load.gen, items: []*item{newItem(sampleArticles()[2])}, read: 4, total: 4, done: true})
	if ended != 1 {
		t.Fatalf("ended %d times once the list was whole, want once", ended)
	}
}

package ui

import (
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// countFrees replaces freeOSMemory (a no-op in these tests: TestMain)
// with a counter for the test.
func countFrees(t *testing.T) *int {
	t.Helper()
	n := 0
	was := freeOSMemory
	freeOSMemory = func() { n++ }
	t.Cleanup(func() { freeOSMemory = was })
	return &n
}

// A start gives its garbage back once, when all of it has ended: a cold
// start (the index built, the stories grouped) and a warm one (the
// snapshot and the stored stories read, the freshness check run) alike;
// keys pressed after it do not do it again.
func TestStartGivesBackItsGarbageOnce(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, 40, 5); err != nil {
		t.Fatal(err)
	}
	settleTimes(t, dir)
	cfg := Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}
	for _, start := range []string{"cold", "warm"} {
		frees := countFrees(t)
		hs := startHarness(t, cfg, 100, 30)
		if !hs.m.load.settled || *frees != 1 {
			t.Fatalf("%s start: settled %v, %d frees, want 1", start, hs.m.load.settled, *frees)
		}
		if hs.m.story.state.busy || hs.m.sh.lib.Stories() == nil || hs.m.sh.lib.Index.Behind() {
			t.Fatalf("%s start: settled before the stories (%v) or the index (behind %v)", start, hs.m.sh.lib.Stories() != nil, hs.m.sh.lib.Index.Behind())
		}
		hs.press("z", "z", "j")
		if *frees != 1 {
			t.Errorf("%s start: %d frees after keys, want 1", start, *frees)
		}
	}
}

// Any part of the start still running holds the giving back off.
func TestSettleWaitsForEveryPartOfTheStart(t *testing.T) {
	countFrees(t)
	hs := startHarness(t, Config{Source: corpus.Source{Paths: []string{writeGen(t, 20)}}}, 100, 30)
	for name, unsettle := range map[string]func(m *Model){
		"loading":             func(m *Model) { m.load.loading = true },
		"fresh check due":     func(m *Model) { m.load.freshPending = true },
		"fresh check running": func(m *Model) { m.load.freshRunning = true },
		"stories busy":        func(m *Model) { m.story.state.busy = true },
		"stories deferred":    func(m *Model) { m.story.state.deferred = true },
		"stories being kept":  func(m *Model) { m.story.state.saving = 1 },
	} {
		m := hs.m
		m.load.settled = false
		if m.settleStart() == nil {
			t.Fatalf("%s: nothing running, yet no giving back", name)
		}
		m = hs.m
		m.load.settled = false
		unsettle(&m)
		if m.settleStart() != nil {
			t.Errorf("%s: gave back while the start runs", name)
		}
	}
}

func writeGen(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	if err := gen.Write(dir, n, 9); err != nil {
		t.Fatal(err)
	}
	return dir
}

package storyedits

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/compare"
)

func TestPathHonoursXDGStateHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	if got := Path(); !strings.HasPrefix(got, dir) || filepath.Base(got) != File {
		t.Errorf("Path() = %q, want %s under %s", got, File, dir)
	}
}

func TestEditsRoundTrip(t *testing.T) {
	p := filepath.Join(t.TempDir(), File)
	e, warn := Open(p)
	if warn != nil || len(e.All()) != 0 {
		t.Fatalf("a missing file: %v, %v", warn, e.All())
	}
	e.Set("a", compare.StoryEdit{With: "b"})
	e.Set("c", compare.StoryEdit{Alone: true})
	e.Set("gone", compare.StoryEdit{Alone: true})
	e.Clear("gone")
	if e.Clear("never") {
		t.Error("Clear of an article never edited reported an edit")
	}
	if err := e.Save(); err != nil {
		t.Fatal(err)
	}
	again, warn := Open(p)
	if warn != nil {
		t.Fatal(warn)
	}
	want := map[string]compare.StoryEdit{"a": {With: "b"}, "c": {Alone: true}}
	if got := again.All(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("read back %v, want %v", got, want)
	}
	if ed, ok := again.Get("a"); !ok || ed.With != "b" {
		t.Errorf("Get(a) = %v, %v", ed, ok)
	}
	if info, err := os.Stat(p); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the file: %v, %v (want mode 0600)", info, err)
	}
}

// Two readers open at once: each save keeps what the other saved, and a
// clear in one removes the edit from the file.
func TestSaveMergesInstances(t *testing.T) {
	p := filepath.Join(t.TempDir(), File)
	one, _ := Open(p)
	two, _ := Open(p)
	one.Set("a", compare.StoryEdit{Alone: true})
	one.Set("shared", compare.StoryEdit{With: "a"})
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	two.Set("b", compare.StoryEdit{With: "a"})
	if err := two.Save(); err != nil {
		t.Fatal(err)
	}
	one.Clear("shared")
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	final, _ := Open(p)
	got := final.All()
	if _, ok := got["shared"]; ok || got["a"] != (compare.StoryEdit{Alone: true}) || got["b"] != (compare.StoryEdit{With: "a"}) {
		t.Errorf("merged file: %v", got)
	}
	if _, ok := one.Get("b"); !ok {
		t.Error("a save does not adopt what the other instance saved")
	}
}

// Edits that say nothing (neither or both, or joining itself) are dropped
// on reading; a corrupt file is set aside with a warning.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, File)
	os.WriteFile(p, []byte(`{"version":1,"edits":{"a":{},"b":{"with":"c","alone":true},"c":{"with":"c"},"d":{"alone":true}}}`), 0o600)
	e, warn := Open(p)
	if warn != nil || len(e.All()) != 1 {
		t.Errorf("want only d kept: %v, %v", e.All(), warn)
	}
	os.WriteFile(p, []byte("{not json"), 0o600)
	e, warn = Open(p)
	if warn == nil || !strings.Contains(warn.Error(), "moved it to") || len(e.All()) != 0 {
		t.Errorf("corrupt file: %v, %v", e.All(), warn)
	}
	if aside, _ := filepath.Glob(p + ".corrupt-*"); len(aside) != 1 {
		t.Errorf("set aside: %v", aside)
	}
	e.Set("x", compare.StoryEdit{Alone: true})
	if err := e.Save(); err != nil {
		t.Errorf("saving after a corrupt file was set aside: %v", err)
	}
}

// helperEnv makes the test binary a process that saves edits (see
// TestMain): the directory, a name prefix, and how many edits.
const helperEnv = "STORYEDITS_HELPER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		parts := strings.SplitN(spec, "|", 3)
		n, _ := strconv.Atoi(parts[2])
		e, _ := Open(parts[0])
		for i := 0; n == 0 || i < n; i++ { // n == 0: until killed
			e.Set(fmt.Sprintf("%s%d", parts[1], i), compare.StoryEdit{With: "target"})
			if err := e.Save(); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func helper(t *testing.T, path, prefix string, n int) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+path+"|"+prefix+"|"+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start a second process: %v", err)
	}
	return cmd
}

// Two processes saving edits at the same time lose none of them.
func TestTwoProcesses(t *testing.T) {
	p := filepath.Join(t.TempDir(), File)
	const n = 25
	one, two := helper(t, p, "one-", n), helper(t, p, "two-", n)
	if err := one.Wait(); err != nil {
		t.Fatal(err)
	}
	if err := two.Wait(); err != nil {
		t.Fatal(err)
	}
	e, warn := Open(p)
	if warn != nil {
		t.Fatal(warn)
	}
	if got := len(e.All()); got != 2*n {
		t.Errorf("%d edits in the file, want %d from both processes", got, 2*n)
	}
}

// A process killed while saving leaves a file that reads whole: the edits
// of some save, never a torn write.
func TestKilledWhileSaving(t *testing.T) {
	p := filepath.Join(t.TempDir(), File)
	cmd := helper(t, p, "k-", 0)
	deadline := time.Now().Add(10 * time.Second)
	for {
		if e, warn := Open(p); warn == nil && len(e.All()) >= 20 || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	e, warn := Open(p)
	if warn != nil {
		t.Fatalf("after a kill: %v", warn)
	}
	if len(e.All()) < 20 {
		t.Errorf("after a kill: %d edits, want the 20 or more saved before it", len(e.All()))
	}
	e.Set("after", compare.StoryEdit{Alone: true})
	if err := e.Save(); err != nil {
		t.Errorf("saving after a kill: %v", err)
	}
}

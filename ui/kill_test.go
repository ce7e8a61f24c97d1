package ui

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui/config"
)

// killChildEnv makes the test binary run killChild instead of the tests.
const killChildEnv = "PARALLAX_KILL_CHILD_CONFIG"

// killChild does what a running reader does to its files, as fast as it
// can, until it is killed: reads the configuration, marks and bookmarks
// articles and saves both state files.
func killChild() {
	cfgPath := os.Getenv(killChildEnv)
	reads, err1 := userstate.OpenReads()
	books, err2 := userstate.OpenBookmarks()
	if err1 != nil || err2 != nil {
		fmt.Println("open:", err1, err2)
		os.Exit(1)
	}
	now := time.Date(2025, 12, 3, 9, 30, 0, 0, time.UTC)
	for i := 0; ; i++ {
		if _, probs := config.Load(cfgPath); len(probs) > 0 {
			fmt.Println("config:", probs)
			os.Exit(1)
		}
		key := fmt.Sprintf("url:https://example.com/%d/%d", os.Getpid(), i)
		reads.Set(key, true, now)
		books.Toggle(fmt.Sprintf("url:https://example.com/%d", i%7), now)
		if err := reads.Save(); err != nil {
			fmt.Println("save:", err)
			os.Exit(1)
		}
		if err := books.Save(); err != nil {
			fmt.Println("save:", err)
			os.Exit(1)
		}
		if i == 0 {
			fmt.Println("ready")
		}
	}
}

// TestStateSurvivesKill kills a process that saves state in a tight loop at
// random moments, many times. After every kill both state files parse, no
// saved read mark is lost, the configuration file is untouched, and the
// temporary files a killed save leaves are removed by the next start.
func TestStateSurvivesKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts many processes")
	}
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	t.Setenv("XDG_STATE_HOME", state)
	cfgPath := filepath.Join(dir, "config.toml")
	cfgText := []byte("sort = \"outlet\"\ntheme = \"dark\"\n[keys]\nbookmark = \"b\"\n")
	if err := os.WriteFile(cfgPath, cfgText, 0o644); err != nil {
		t.Fatal(err)
	}
	sdir := filepath.Join(state, userfiles.AppDir)
	rng := rand.New(rand.NewPCG(1, 2))
	const kills = 60
	prevReads, tempsSeen := 0, 0
	for i := 0; i < kills; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), killChildEnv+"="+cfgPath)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "ready\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child %d: %q", i, line)
		}
		// Random moments: anywhere inside the next few saves.
		time.Sleep(time.Duration(rng.IntN(4000)) * time.Microsecond)
		cmd.Process.Kill()
		cmd.Wait()

		n := requireStateFile(t, filepath.Join(sdir, userstate.ReadsFile))
		requireStateFile(t, filepath.Join(sdir, userstate.BookmarksFile))
		if n < prevReads {
			t.Fatalf("kill %d: %d read marks on disk, %d before: saved marks were lost", i, n, prevReads)
		}
		prevReads = n
		if b, _ := os.ReadFile(cfgPath); !bytes.Equal(b, cfgText) {
			t.Fatalf("kill %d: the configuration file changed:\n%s", i, b)
		}

		temps, _ := filepath.Glob(filepath.Join(sdir, ".*.tmp-*"))
		tempsSeen += len(temps)
		if len(temps) > 2 { // at most one save in flight per file
			t.Fatalf("kill %d: temporary files accumulate: %v", i, temps)
		}
		// By the next start they are old; opening removes them (a young one
		// could be another instance's save in progress).
		old := time.Now().Add(-time.Hour)
		for _, f := range temps {
			os.Chtimes(f, old, old)
		}
		for _, open := range []func() (*userstate.Marks, error){userstate.OpenReads, userstate.OpenBookmarks} {
			if _, warn := open(); warn != nil {
				t.Fatalf("kill %d: reopening warned: %v", i, warn)
			}
		}
		if left, _ := filepath.Glob(filepath.Join(sdir, ".*.tmp-*")); len(left) != 0 {
			t.Fatalf("kill %d: the next start left temporary files: %v", i, left)
		}
	}
	if prevReads == 0 {
		t.Fatal("no read mark was ever saved")
	}
	t.Logf("%d kills, %d read marks saved, %d kills landed mid-save (left a temporary file)", kills, prevReads, tempsSeen)
}

// requireStateFile checks that path is a complete state file and returns how
// many marks it holds.
func requireStateFile(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("state file: %v", err)
	}
	var f struct {
		Version int                  `json:"version"`
		Marks   map[string]time.Time `json:"marks"`
	}
	if err := json.Unmarshal(b, &f); err != nil || f.Version != 1 || f.Marks == nil {
		t.Fatalf("%s is torn or invalid (%v):\n%s", path, err, b)
	}
	return len(f.Marks)
}

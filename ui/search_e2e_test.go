package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchEndToEndInTmux searches the seeds in the real binary: type a
// name, see the matches, open one at its first hit, step through the hits,
// then go back to the results and to the list.
func TestSearchEndToEndInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "parallax")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parallax-e2e-search-%d", os.Getpid()), name: "search"}
	s.tmux("new-session", "-d", "-s", s.name, "-x", "80", "-y", "24",
		"-e", "TERM=xterm-256color", "-e", "XDG_STATE_HOME="+filepath.Join(dir, "state"),
		// The shell reports the exit status: tmux now and then leaves an
		// exited pane process unreaped (see TestEndToEndInTmux).
		"sh", "-c", `"$0"; echo "parallax exited with status $?"; sleep 60`, bin)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	s.tmux("set-option", "-t", s.name, "remain-on-exit", "on")

	s.waitFor(`1/5 · 5 unread`)
	s.keys("/")
	s.waitFor(`type to search 5 articles`)
	s.tmux("send-keys", "-t", s.name, "-l", "umer") // a prefix already finds him
	s.waitFor(`3 matches`)
	s.tmux("send-keys", "-t", s.name, "-l", "ov")
	screen := s.waitFor(`/ umerov\s`)
	if !strings.Contains(screen, "3 matches") || strings.Count(screen, "Umerov") < 3 {
		t.Fatalf("results for umerov:\n%s", screen)
	}
	s.requireFits(80, 24)

	s.keys("Down", "Up", "Enter")
	s.waitFor(`result 1/3 · hit 1/\d+`)
	s.keys("n")
	s.waitFor(`result 1/3 · hit 2/\d+`)
	s.keys("Escape")
	s.waitFor(`3 matches`)
	s.keys("Escape")
	screen = s.waitFor(`1/5 · 4 unread`)
	if strings.Contains(screen, "/ umerov") {
		t.Fatalf("search still shown after esc:\n%s", screen)
	}

	// Find inside an article, on a wide terminal.
	s.tmux("resize-window", "-t", s.name, "-x", "160", "-y", "45")
	s.keys("Enter", "/")
	s.tmux("send-keys", "-t", s.name, "-l", "ukrain")
	s.waitFor(`/ukrain.*hit 1/\d+`)
	s.requireFits(160, 45)
	s.keys("Enter", "N")
	s.waitFor(`hit (\d+)/\d+ · n/N`)
	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)
}

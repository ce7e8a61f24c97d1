package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// tmuxSession drives the real binary in a detached tmux server of its own.
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", s.name) }

func (s *tmuxSession) keys(keys ...string) {
	s.tmux(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

// waitFor polls the screen until it matches re. The limit only bounds a
// broken run; nothing asserts how long anything took.
func (s *tmuxSession) waitFor(re string) string {
	s.t.Helper()
	rx := regexp.MustCompile(re)
	var screen string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if screen = s.screen(); rx.MatchString(screen) {
			return screen
		}
	}
	s.t.Fatalf("screen never matched %q; last screen:\n%s", re, screen)
	return ""
}

var (
	e2eBuild    sync.Once
	e2eBin      string
	e2eBuildErr error
)

// e2eBinary skips the test when tmux is missing (failing in CI, whose
// .ci/run installs it) or under -short, and builds parallax once per run.
func e2eBinary(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is required in CI (.ci/run installs it)")
		}
		t.Skip("tmux not installed")
	}
	if testing.Short() {
		t.Skip("builds the binary")
	}
	e2eBuild.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-e2e-bin")
		if err != nil {
			e2eBuildErr = err
			return
		}
		e2eBin = filepath.Join(dir, "parallax")
		build := exec.Command("go", "build", "-o", e2eBin, ".")
		build.Dir = ".."
		if out, err := build.CombinedOutput(); err != nil {
			e2eBuildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if e2eBuildErr != nil {
		t.Fatal(e2eBuildErr)
	}
	return e2eBin
}

// removeE2EBinary deletes the folder the binary was built in (22 MB a
// run otherwise left in the temporary folder); TestMain calls it.
func removeE2EBinary() {
	if e2eBin != "" {
		os.RemoveAll(filepath.Dir(e2eBin))
	}
}

// startReader runs parallax with args in a w x h terminal of a tmux server
// of its own, with every XDG directory under home (a fresh temp dir unless
// given in env as HOME=...) and env added. A shell runs it and prints
// "parallax exited with status N": tmux (3.3a) now and then leaves an
// exited pane process unreaped, so its own pane_dead_status cannot be
// relied on.
func startReader(t *testing.T, name string, w, h int, home string, env []string, args ...string) *tmuxSession {
	t.Helper()
	bin := e2eBinary(t)
	if home == "" {
		home = t.TempDir()
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("parallax-%s-%d", name, os.Getpid()), name: name}
	cmd := []string{"new-session", "-d", "-s", s.name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"-e", "TERM=xterm-256color"}
	for _, v := range append([]string{
		"XDG_STATE_HOME=" + filepath.Join(home, "state"), "XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "XDG_DATA_HOME=" + filepath.Join(home, "data"),
	}, env...) {
		cmd = append(cmd, "-e", v)
	}
	cmd = append(cmd, "sh", "-c", `"$0" "$@"; echo "parallax exited with status $?"; sleep 60`, bin)
	s.tmux(append(cmd, args...)...)
	t.Cleanup(func() { s.stop() })
	s.tmux("set-option", "-t", s.name, "remain-on-exit", "on")
	return s
}

// stop ends the reader before its session: a reader still running when
// the test's folders are removed may be saving into them (its store, its
// state), and the removal then fails. It asks the reader to quit (ctrl+c,
// which saves and exits) and waits a while for it to say it has exited.
func (s *tmuxSession) stop() {
	shown := func() bool {
		out, _ := exec.Command("tmux", "-L", s.socket, "capture-pane", "-p", "-t", s.name).Output()
		return strings.Contains(string(out), "parallax exited with status")
	}
	if !shown() {
		exec.Command("tmux", "-L", s.socket, "send-keys", "-t", s.name, "C-c").Run()
		for i := 0; i < 200 && !shown(); i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}
	exec.Command("tmux", "-L", s.socket, "kill-server").Run()
}

func (s *tmuxSession) requireFits(w, h int) {
	s.t.Helper()
	lines := strings.Split(strings.TrimRight(s.screen(), "\n"), "\n")
	for i, l := range lines {
		if n := len([]rune(l)); n > w {
			s.t.Fatalf("line %d is %d wide at %dx%d: %q", i, n, w, h, l)
		}
	}
}

// TestEndToEndInTmux builds parallax and uses it as a person would: open,
// move, open an article, page, go back, resize to wide and small, quit.
func TestEndToEndInTmux(t *testing.T) {
	dir := t.TempDir()
	state := filepath.Join(dir, "state")
	s := startReader(t, "e2e", 80, 24, dir, []string{"NO_COLOR="})

	s.waitFor(`5 articles`)
	s.waitFor(`1/5 · 5 unread`)
	s.requireFits(80, 24)

	s.keys("j", "j")
	s.waitFor(`3/5`)
	s.keys("G")
	s.waitFor(`5/5`)
	s.keys("g", "Enter")
	screen := s.waitFor(`1/5 · \d+%`)
	if !strings.Contains(screen, "words") || !strings.Contains(screen, "min read") {
		t.Fatalf("article header missing:\n%s", screen)
	}
	s.keys("Space")
	s.waitFor(`1/5 · [1-9]\d*%`)
	s.keys("]")
	s.waitFor(`2/5 · \d+%`)
	s.keys("Escape")
	s.waitFor(`2/5 · 3 unread`)

	s.tmux("resize-window", "-t", s.name, "-x", "160", "-y", "45")
	screen = s.waitFor(`│`) // list and preview side by side
	s.requireFits(160, 45)
	if n := len(strings.Split(strings.TrimRight(screen, "\n"), "\n")); n > 45 {
		t.Fatalf("%d lines on a 45-line terminal", n)
	}
	s.keys("Tab")
	s.waitFor(`2/5 · \d+%`)

	s.tmux("resize-window", "-t", s.name, "-x", "30", "-y", "6")
	s.waitFor(`Terminal too small`)
	s.tmux("resize-window", "-t", s.name, "-x", "80", "-y", "24")
	s.waitFor(`2/5 · \d+%`)

	s.keys("C-c")
	s.waitFor(`parallax exited with status 0`)

	// Read marks survived the run.
	b, err := os.ReadFile(filepath.Join(state, "parallax", "reads.json"))
	if err != nil || strings.Count(string(b), "sha256:")+strings.Count(string(b), "url:") != 2 {
		t.Fatalf("read marks after the run: %v\n%s", err, b)
	}
}

// TestEndToEndDailyUse runs the real binary with a configuration file:
// problems are reported, a rebound key works, a bookmark is made and
// filtered on and survives the run, and y reaches tmux's clipboard through
// OSC 52.
func TestEndToEndDailyUse(t *testing.T) {
	dir := t.TempDir()
	state, cfg := filepath.Join(dir, "state"), filepath.Join(dir, "config")
	if err := os.MkdirAll(filepath.Join(cfg, "parallax"), 0o755); err != nil {
		t.Fatal(err)
	}
	conf := "sort = \"title\"\ntheme = \"light\"\n[keys]\nbookmark = \"S\"\nfly = \"x\"\n"
	if err := os.WriteFile(filepath.Join(cfg, "parallax", "config.toml"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startReader(t, "daily", 80, 24, dir, nil)
	s.tmux("set-option", "-s", "set-clipboard", "on") // accept OSC 52 into a paste buffer

	s.waitFor(`config: config.toml:5: unknown action "fly"`)
	s.waitFor(`by title · 1/5`)
	s.keys("j", "S")
	s.waitFor(`bookmarked`)
	s.keys("'")
	screen := s.waitFor(`1 of 5 articles`)
	if !strings.Contains(screen, "●★") || !strings.Contains(screen, "bookmarked only") {
		t.Fatalf("bookmarked-only list:\n%s", screen)
	}
	s.keys("y")
	s.waitFor(`copied the article as Markdown`)
	var buf string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if out, err := exec.Command("tmux", "-L", s.socket, "show-buffer").Output(); err == nil {
			buf = string(out)
			break
		}
	}
	if !strings.HasPrefix(buf, "# ") || !strings.Contains(buf, " words") {
		t.Fatalf("tmux clipboard holds %q, want the article as Markdown", buf)
	}
	s.keys("q")
	screen = s.waitFor(`parallax exited with status 0`)
	if !strings.Contains(screen, `parallax: config:`) {
		t.Fatalf("config problems not left on the terminal after quitting:\n%s", screen)
	}
	b, err := os.ReadFile(filepath.Join(state, "parallax", "bookmarks.json"))
	if err != nil || strings.Count(string(b), "sha256:")+strings.Count(string(b), "url:") != 1 {
		t.Fatalf("bookmarks after the run: %v\n%s", err, b)
	}
}

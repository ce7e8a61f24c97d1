package ui

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"golang.org/x/term"
)

const panicHelperEnv = "PARALLAX_PANIC_HELPER"

// A panic that escapes the reader leaves the terminal as it found it:
// cooked mode and the main screen. The test binary runs itself in a tmux
// pane, puts the terminal in raw mode on the alternate screen as the
// reader does, and panics; the shell after it then reports the terminal's
// mode.
func TestTerminalRestoredAfterPanic(t *testing.T) {
	if os.Getenv(panicHelperEnv) != "" {
		defer restoreTerminalOnPanic(os.Stdin, os.Stdout)()
		if _, err := term.MakeRaw(int(os.Stdin.Fd())); err != nil {
			fmt.Println("no terminal:", err)
			return
		}
		os.Stdout.WriteString("\x1b[?1049h\x1b[?25l")
		panic("a fault past Bubble Tea's recovery")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	socket := fmt.Sprintf("parallax-panic-%d", os.Getpid())
	tmux := func(args ...string) string {
		out, err := exec.Command("tmux", append([]string{"-L", socket}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	tmux("new-session", "-d", "-s", "panic", "-x", "80", "-y", "24", "-e", panicHelperEnv+"=1",
		"sh", "-c", `"$0" -test.run='^TestTerminalRestoredAfterPanic$' 2>/dev/null; echo "mode: $(stty -a | tr ' ' '\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')"; sleep 60`,
		os.Args[0])
	var screen string
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if screen = tmux("capture-pane", "-p", "-t", "panic"); strings.Contains(screen, "mode: ") {
			break
		}
	}
	if !strings.Contains(screen, "mode: icanon echo") {
		t.Errorf("after the panic the terminal is not in cooked mode:\n%s", screen)
	}
	if alt := strings.TrimSpace(tmux("display-message", "-p", "-t", "panic", "#{alternate_on}")); alt != "0" {
		t.Errorf("after the panic the terminal is still on the alternate screen (alternate_on=%s)", alt)
	}
}

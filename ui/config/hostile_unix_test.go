//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A FIFO or a link to /dev/zero as config.toml is refused at once: the
// start neither hangs nor fills memory.
func TestSpecialConfigFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.toml")
	fifo := filepath.Join(dir, "fifo.toml")
	if os.Symlink("/dev/zero", zero) != nil || syscall.Mkfifo(fifo, 0o600) != nil {
		t.Skip("no FIFOs or symlinks here")
	}
	for _, p := range []string{zero, fifo} {
		done := make(chan []Problem, 1)
		go func() { _, probs := Load(p); done <- probs }()
		select {
		case probs := <-done:
			if len(probs) != 1 || !strings.Contains(probs[0].Msg, "not a regular file") {
				t.Errorf("%s: %+v, want not a regular file", filepath.Base(p), probs)
			}
		case <-time.After(10 * time.Second): // a deadlock guard, not a timing assertion
			t.Fatalf("%s: Load hangs", filepath.Base(p))
		}
	}
}

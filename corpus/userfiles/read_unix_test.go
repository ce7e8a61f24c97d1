//go:build unix

package userfiles

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadRegularRefusesFIFOAndDevice(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadRegular(zero, 1<<20); err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("link to /dev/zero: %v, want refused as a device", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadRegular(fifo, 5); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "FIFO") {
			t.Errorf("FIFO: %v, want refused", err)
		}
	case <-time.After(10 * time.Second): // a deadlock guard, not a timing assertion
		t.Fatal("reading a FIFO blocked")
	}
}

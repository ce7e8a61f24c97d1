package userstate

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// markerEnv makes the test binary a helper process that marks keys and
// saves after each, as a reader does (see TestTwoProcessesKeepAllMarks).
const markerEnv = "PARALLAX_USERSTATE_MARKER"

func TestMain(m *testing.M) {
	if spec := os.Getenv(markerEnv); spec != "" {
		os.Exit(runMarker(spec))
	}
	os.Exit(m.Run())
}

// runMarker parses "PATH|PREFIX|N" and marks PREFIX0..PREFIXN-1 in PATH,
// saving after each mark.
func runMarker(spec string) int {
	parts := strings.Split(spec, "|")
	n, _ := strconv.Atoi(parts[2])
	m, warn := Open(parts[0])
	if warn != nil {
		fmt.Fprintln(os.Stderr, warn)
		return 1
	}
	for i := range n {
		m.Set(parts[1]+strconv.Itoa(i), true, t0)
		if err := m.Save(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// Two readers marking at the same time keep every mark of both: each
// save re-reads, merges and writes under the lock.
func TestTwoProcessesKeepAllMarks(t *testing.T) {
	p := filepath.Join(t.TempDir(), ReadsFile)
	const each = 100
	var cmds []*exec.Cmd
	for _, prefix := range []string{"one-", "two-"} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), markerEnv+"="+p+"|"+prefix+"|"+strconv.Itoa(each))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("marker process: %v", err)
		}
	}
	m, warn := Open(p)
	if warn != nil {
		t.Fatal(warn)
	}
	t.Logf("%d of %d marks kept", m.Len(), 2*each)
	if m.Len() != 2*each {
		t.Fatalf("%d marks saved, want %d", m.Len(), 2*each)
	}
}

// A state file that is a FIFO or a link to a device is refused at once:
// the start neither hangs nor reads forever, and nothing overwrites it.
func TestSpecialStateFilesAreRefused(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip("no symlinks:", err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := mkfifo(fifo); err != nil {
		t.Skip("no FIFOs:", err)
	}
	for _, p := range []string{zero, fifo} {
		done := make(chan error, 1)
		var m *Marks
		go func() { var warn error; m, warn = Open(p); done <- warn }()
		select {
		case warn := <-done:
			if warn == nil || !strings.Contains(warn.Error(), "not a regular file") {
				t.Errorf("%s: warning %v, want not a regular file", filepath.Base(p), warn)
			}
			m.Set("a", true, t0)
			if err := m.Save(); err == nil {
				t.Errorf("%s: Save must refuse to replace it", filepath.Base(p))
			}
		case <-time.After(10 * time.Second): // a deadlock guard, not a timing assertion
			t.Fatalf("%s: Open hangs", filepath.Base(p))
		}
	}
}

func TestOversizedStateFileIsRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), ReadsFile)
	f, _ := os.Create(p)
	f.Truncate(maxFileSize + 1) // sparse: no disk used
	f.Close()
	if _, warn := Open(p); warn == nil || !strings.Contains(warn.Error(), "too large") {
		t.Errorf("warning %v, want too large", warn)
	}
}

func TestEmptyStateFileIsNotCorrupt(t *testing.T) {
	for _, content := range []string{"", "\n", "  \n\t"} {
		p := filepath.Join(t.TempDir(), ReadsFile)
		os.WriteFile(p, []byte(content), 0o600)
		m, warn := Open(p)
		if warn != nil || m.Len() != 0 {
			t.Errorf("%q: %d marks, warning %v; want empty and no warning", content, m.Len(), warn)
		}
		if aside, _ := filepath.Glob(p + corruptInfix + "*"); len(aside) != 0 {
			t.Errorf("%q: set aside as %v", content, aside)
		}
	}
}

// Set-aside corrupt copies do not pile up: the newest keepCorrupt stay.
func TestCorruptCopiesArePruned(t *testing.T) {
	p := filepath.Join(t.TempDir(), ReadsFile)
	var oldest string
	for i := range keepCorrupt + 1 {
		name := p + corruptInfix + fmt.Sprintf("20200101T00000%d.000Z", i)
		if i == 0 {
			oldest = name
		}
		os.WriteFile(name, []byte("x"), 0o600)
	}
	os.WriteFile(p, []byte("{garbage"), 0o600)
	if _, warn := Open(p); warn == nil {
		t.Fatal("want a corrupt warning")
	}
	aside, _ := filepath.Glob(p + corruptInfix + "*")
	if len(aside) != keepCorrupt {
		t.Errorf("%d set-aside copies, want %d", len(aside), keepCorrupt)
	}
	if _, err := os.Stat(oldest); err == nil {
		t.Error("the oldest copy must go first")
	}
}

package userstate

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A save replaces the file, it does not write into it: a reader that opened
// the old file (another instance loading its marks) reads the old content
// whole, a link to the old file keeps it, and the path names a new file.
// A plain write in place would show that reader a truncated or mixed file.
func TestSaveReplacesTheFileWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ReadsFile)
	m, warn := Open(path)
	if warn != nil {
		t.Fatal(warn)
	}
	m.Set("first", true, t0)
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	oldInfo, _ := os.Stat(path)
	link := filepath.Join(dir, "link")
	if err := os.Link(path, link); err != nil {
		t.Skipf("no hard links here: %v", err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()

	for _, k := range []string{"second", "third", "a-much-longer-key-that-makes-the-file-grow"} {
		m.Set(k, true, t0)
	}
	m.Set("first", false, t0)
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}

	seen, _ := io.ReadAll(reader)
	if string(seen) != string(old) {
		t.Errorf("a reader of the old file saw %q, want the old content %q", seen, old)
	}
	if kept, _ := os.ReadFile(link); string(kept) != string(old) {
		t.Errorf("the old file changed in place: %q", kept)
	}
	newInfo, _ := os.Stat(path)
	if os.SameFile(oldInfo, newInfo) {
		t.Error("the save wrote into the old file instead of replacing it")
	}
	if newInfo.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 (marks are the user's own)", newInfo.Mode().Perm())
	}
	now, _ := os.ReadFile(path)
	if !strings.Contains(string(now), "a-much-longer-key") || strings.Contains(string(now), `"first"`) {
		t.Errorf("saved file: %s", now)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(temps) != 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}

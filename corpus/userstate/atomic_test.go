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
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want the file and the link (no temporary file left)", len(entries))
	}
}

// WriteFileAtomic on its own: the same guarantees, a new folder created
// with search permission, and a failed write leaves the old file and no
// temporary file.
func TestWriteFileAtomicReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "state.json")
	if err := WriteFileAtomic(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm()&0o100 == 0 {
		t.Fatalf("folder: %v, want search permission (error %v)", st.Mode().Perm(), err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := WriteFileAtomic(path, []byte("two, longer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if seen, _ := io.ReadAll(reader); string(seen) != "one\n" {
		t.Errorf("the old file's reader saw %q", seen)
	}
	if got, _ := os.ReadFile(path); string(got) != "two, longer\n" {
		t.Errorf("file holds %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	// The path is a folder now: the rename fails, and no temporary file
	// stays behind.
	blocked := filepath.Join(dir, "blocked")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(blocked, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(blocked, []byte("x"), 0o644); err == nil {
		t.Error("replacing a non-empty folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "blocked state.json" {
		t.Errorf("folder holds %v, want no temporary file", names)
	}
}

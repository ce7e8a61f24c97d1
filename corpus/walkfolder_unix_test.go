//go:build unix

package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// readFolder gives what os.ReadDir gives, without the hidden entries, in
// name order: every kind of entry, names that are not ASCII, and a folder
// larger than one read of its entries.
func TestReadFolderIsReadDir(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 5000; i++ { // about 40 bytes a record: several reads
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("file-%05d-%s.txt", i, strings.Repeat("x", i%7))), nil, 0o644)
	}
	for _, name := range []string{"Ünïcode névé.txt", "日本語.md", "a b", ".hidden", ".hidden-dir"} {
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Symlink("sub", filepath.Join(dir, "link"))
	os.Symlink("nowhere", filepath.Join(dir, "broken"))
	syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644)
	want := []dirEntry{}
	dirents, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirents {
		if !strings.HasPrefix(d.Name(), ".") {
			want = append(want, dirEntry{name: d.Name(), mode: d.Type()})
		}
	}
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := readFolder(f)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("readFolder: %d entries, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(a, b []dirEntry) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

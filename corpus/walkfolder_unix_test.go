//go:build unix

package corpus

import (
	"context"
	"fmt"
	"io"
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
	for _, stat := range []bool{false, true} {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		got, statsOf, err := readFolder(f, stat)
		stats := statsOf()
		if err != nil {
			t.Fatal(err)
		}
		checkFolderStats(t, dir, got, stats, stat)
		for i := range got {
			got[i].pos = 0
		}
		if !slices.Equal(got, want) {
			t.Fatalf("readFolder: %d entries, want %d; first difference at %d", len(got), len(want), firstDiff(got, want))
		}
	}
}

// checkFolderStats checks that stats holds, by entry pos, the size and
// time of each regular file of entries, and nothing for the others.
func checkFolderStats(t *testing.T, dir string, entries []dirEntry, stats []fileStatus, stat bool) {
	t.Helper()
	if !stat {
		if stats != nil {
			t.Fatalf("readFolder without stat gave %d stats", len(stats))
		}
		return
	}
	if len(stats) != len(entries) {
		t.Fatalf("readFolder: %d stats for %d entries", len(stats), len(entries))
	}
	seen := make([]bool, len(entries))
	for _, e := range entries {
		if seen[e.pos] {
			t.Fatalf("two entries at pos %d", e.pos)
		}
		seen[e.pos] = true
		s := stats[e.pos]
		if !e.mode.IsRegular() {
			if s.ok {
				t.Errorf("%s (%v): stat'ed, want not", e.name, e.mode)
			}
			continue
		}
		info, err := os.Stat(filepath.Join(dir, e.name))
		if err != nil {
			t.Fatal(err)
		}
		if !s.ok || s.st.Size != info.Size() || s.st.ModNano != info.ModTime().UnixNano() || !s.st.Regular {
			t.Errorf("%s: status %+v, want size %d, time %d", e.name, s, info.Size(), info.ModTime().UnixNano())
		}
	}
}

// The stats of a large folder are taken by helpers while it is read and
// sorted; each file gets its own status whatever the folder's size.
func TestReadFolderStats(t *testing.T) {
	for _, n := range []int{0, 1, 1500, 20000} {
		dir := t.TempDir()
		for i := range n {
			os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%06d-%s.txt", (i*7919)%n, strings.Repeat("y", i%13))), []byte(strings.Repeat("z", i%97)), 0o644)
		}
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		f, err := os.Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		entries, statsOf, err := readFolder(f, true)
		stats := statsOf()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != n+1 {
			t.Fatalf("%d files: %d entries", n, len(entries))
		}
		if !slices.IsSortedFunc(entries, func(a, b dirEntry) int { return strings.Compare(a.name, b.name) }) {
			t.Fatalf("%d files: not in name order", n)
		}
		checkFolderStats(t, dir, entries, stats, true)
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

// IDs are claimed in name order whether a file is one or a symbolic link
// to one: the link that sorts first keeps the short ID, in a folder large
// enough for its stats to be taken while the IDs are claimed.
func TestIDsOfLinkedFilesInNameOrder(t *testing.T) {
	dir := t.TempDir()
	text := func(title string) string {
		return title + "\n\nThe council voted on the harbour plan after a long debate about the cost of the new quay.\n"
	}
	elsewhere, other := filepath.Join(t.TempDir(), "target.txt"), filepath.Join(t.TempDir(), "other.txt")
	writeFile(t, elsewhere, text("Linked Story"))
	writeFile(t, other, text("Linked B"))
	for i := range 3000 { // more than one read of the folder's entries
		writeFile(t, filepath.Join(dir, fmt.Sprintf("n%04d.txt", i)), text(fmt.Sprintf("Story %d", i)))
	}
	writeFile(t, filepath.Join(dir, "a.txt"), text("Plain Story"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "a.md")); err != nil { // sorts before a.txt
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "b.md"), text("Plain B"))
	if err := os.Symlink(other, filepath.Join(dir, "b.txt")); err != nil { // sorts after b.md
		t.Fatal(err)
	}
	cacheDir := t.TempDir()
	for run := range 2 { // the second walk stats the files against the store
		c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir})
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{}
		for _, a := range c.Articles {
			titles[a.ID] = a.Title
		}
		want := map[string]string{"a": "Linked Story", "a.txt": "Plain Story", "b": "Plain B", "b.txt": "Linked B"}
		for id, title := range want {
			if titles[id] != title {
				t.Errorf("run %d: %q is %q, want %q", run, id, titles[id], title)
			}
		}
	}
}

package search

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A freshness record holds while nothing changes and stops holding when a
// file is added (at the top or in an empty folder), rewritten, grown,
// removed or renamed, when a folder appears, or when it is asked about
// other roots or another file size limit. A record that cannot be read
// never holds.
func TestFreshness(t *testing.T) {
	setup := func(t *testing.T) (string, []string) {
		root := t.TempDir()
		files := []string{filepath.Join(root, "a.txt"), filepath.Join(root, "sub", "b.txt")}
		os.MkdirAll(filepath.Join(root, "sub"), 0o755)
		os.MkdirAll(filepath.Join(root, "empty"), 0o755)
		for _, f := range files {
			os.WriteFile(f, []byte("Headline\n\nBody."), 0o644)
		}
		// Times in the past, so that a change made now is seen however
		// coarse the file system's clock.
		old := time.Now().Add(-time.Hour)
		for _, p := range append(files, root, filepath.Join(root, "sub"), filepath.Join(root, "empty")) {
			os.Chtimes(p, old, old)
		}
		return root, files
	}
	for _, tc := range []struct {
		name   string
		change func(root string)
	}{
		{"nothing", func(string) {}},
		{"a file added", func(root string) { os.WriteFile(filepath.Join(root, "c.txt"), []byte("x"), 0o644) }},
		{"a file added to an empty folder", func(root string) { os.WriteFile(filepath.Join(root, "empty", "c.txt"), []byte("x"), 0o644) }},
		{"a folder added", func(root string) { os.Mkdir(filepath.Join(root, "new"), 0o755) }},
		{"a file rewritten", func(root string) { os.WriteFile(filepath.Join(root, "a.txt"), []byte("Headline\n\nBody!"), 0o644) }},
		{"a file grown", func(root string) {
			f, _ := os.OpenFile(filepath.Join(root, "sub", "b.txt"), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString(" More.")
			f.Close()
		}},
		{"a file removed", func(root string) { os.Remove(filepath.Join(root, "sub", "b.txt")) }},
		{"a file renamed", func(root string) { os.Rename(filepath.Join(root, "a.txt"), filepath.Join(root, "z.txt")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, files := setup(t)
			rec := RecordFreshness([]string{root}, 1<<20).Bytes(files)
			if rec == nil || !StillFresh(rec, []string{root}, 1<<20) {
				t.Fatal("a record does not hold right after it was made")
			}
			tc.change(root)
			if got, want := StillFresh(rec, []string{root}, 1<<20), tc.name == "nothing"; got != want {
				t.Fatalf("still fresh: %v, want %v", got, want)
			}
		})
	}
	root, files := setup(t)
	rec := RecordFreshness([]string{root}, 1<<20).Bytes(files)
	if StillFresh(rec, []string{root, root}, 1<<20) || StillFresh(rec, []string{root + "x"}, 1<<20) || StillFresh(rec, []string{root}, 1<<10) {
		t.Error("a record holds for other roots or another size limit")
	}
	program = func() string { return "another parallax" }
	held := StillFresh(rec, []string{root}, 1<<20)
	program = executableStamp
	if held || !StillFresh(rec, []string{root}, 1<<20) {
		t.Errorf("a record holds for another program (%v), or not for its own", held)
	}
	for n := range len(rec) {
		if StillFresh(rec[:n], []string{root}, 1<<20) {
			t.Fatalf("a record cut to %d of %d bytes holds", n, len(rec))
		}
	}
	// Taken before the load: a file changed while the corpus loads is
	// newer than the record.
	f := RecordFreshness([]string{root}, 1<<20)
	os.WriteFile(files[0], []byte("Headline\n\nChanged while loading."), 0o644)
	if StillFresh(f.Bytes(files), []string{root}, 1<<20) {
		t.Error("a file changed during the load is taken for unchanged")
	}
	f = RecordFreshness([]string{root}, 1<<20)
	if f.Bytes(files[:1]) != nil || f.Bytes(append(files, filepath.Join(root, "other.txt"))) != nil {
		t.Error("a record vouches for articles of other files than those recorded")
	}
	if f.Bytes(files) == nil || RecordFreshness([]string{files[0]}, 1<<20).Bytes(files[:1]) == nil {
		t.Error("no record for the files recorded (a folder, a file given as root)")
	}
	if err := os.Symlink(files[0], filepath.Join(root, "link.txt")); err == nil {
		if RecordFreshness([]string{root}, 1<<20) != nil {
			t.Error("a corpus with a symbolic link got a record (its target can change unseen)")
		}
	}
	if RecordFreshness([]string{filepath.Join(root, "gone")}, 1<<20) != nil {
		t.Error("a record was made of a missing root")
	}
}

// FuzzStillFresh: a freshness record of any bytes is read without a panic,
// and holds only if it names the folders and files as they are; the seed,
// a record just made, holds.
func FuzzStillFresh(f *testing.F) {
	root := f.TempDir()
	file := filepath.Join(root, "a.txt")
	os.WriteFile(file, []byte("Headline\n\nBody."), 0o644)
	rec := RecordFreshness([]string{root}, 0).Bytes([]string{file})
	f.Add(rec)
	f.Add([]byte{2, 0, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		holds := StillFresh(b, []string{root}, 0)
		if bytes.Equal(b, rec) && !holds {
			t.Fatal("a record just made does not hold")
		}
	})
}

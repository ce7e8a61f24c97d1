//go:build unix

package corpus

import (
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// walkRecordTree makes two roots that exercise every rule the walk's
// order and IDs follow: nested folders between files, IDs that collide
// (a.txt and a.md; a file named like another's ID with its extension),
// hidden entries, names out of ASCII, a symbolic link to a file elsewhere
// and one to a folder, a root that is a file; and a folder past one read
// of its entries. It returns the roots as given.
func walkRecordTree(t *testing.T) []string {
	t.Helper()
	base := t.TempDir()
	dir, solo := filepath.Join(base, "news"), filepath.Join(base, "solo.md")
	body := func(title string) string {
		return title + "\n\nThe council met on Tuesday to vote on the harbour plan, after a debate about the quay's cost.\n"
	}
	for i := range 1500 {
		writeFile(t, filepath.Join(dir, "bulk", fmt.Sprintf("f%04d.txt", i)), body(fmt.Sprintf("Bulk story %d", i)))
	}
	for name, title := range map[string]string{
		"a.txt": "Plain A", "a.md": "Markdown A", "a.md.txt": "Doubled A",
		"b/c.txt": "Nested C", "b.txt": "File B", "b/d/e.txt": "Deep E",
		"zürich.txt": "Zürich Story", "ß/ñ.txt": "Accented", ".hidden.txt": "Hidden",
		"h/.secret/x.txt": "Hidden folder", "~a.txt": "Tilde",
		"q.md": "Q Markdown", "q.txt": "Q Text",
		"q\x7f.txt": "Q Deleted", // its ID and its full name are taken: q.txt~2
	} {
		writeFile(t, filepath.Join(dir, name), body(title))
	}
	elsewhere := filepath.Join(t.TempDir(), "target.txt")
	writeFile(t, elsewhere, body("Linked File"))
	if err := os.Symlink(elsewhere, filepath.Join(dir, "linked.txt")); err != nil {
		t.Fatal(err)
	}
	folder := t.TempDir()
	writeFile(t, filepath.Join(folder, "inside.txt"), body("Inside A Linked Folder"))
	if err := os.Symlink(folder, filepath.Join(dir, "m-linked")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, solo, "---\ntitle: Solo Root\n---\n\n"+body("Solo"))
	settle(t, base)
	settle(t, folder)
	return []string{dir, solo}
}

// trustedLoad is the reader's start: trusting the folder record, the
// articles in the order they arrive (the walk's).
func trustedLoad(t *testing.T, roots []string, cacheDir string) (arts []*Article, last Batch) {
	t.Helper()
	Stream(context.Background(), Source{Paths: roots}, Options{CacheDir: cacheDir, ListOnly: true, TrustFolders: true}, func(b Batch) {
		arts = append(arts, b.Articles...)
		last = b
	})
	return arts, last
}

func idsAndPaths(arts []*Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = a.ID + " " + a.Path + " " + a.Title
	}
	return out
}

// The record holds what a walk finds, in its order with its IDs; a start
// that trusts the folder record hands on the same articles in the same
// order from it, without reading a folder, and the record is what it
// used (an ID changed in the record shows).
func TestWalkRecordIsTheWalk(t *testing.T) {
	roots, cacheDir := walkRecordTree(t), t.TempDir()
	jobs, skipped := walkPaths(context.Background(), roots, nil)
	if len(skipped) != 0 {
		t.Fatalf("skipped %v", skipped)
	}
	checked, _ := trustedLoad(t, roots, cacheDir) // the first: a walk
	state := UnchangedStore(cacheDir, Source{Paths: roots})
	files, err := readWalkRecord(walkRecordPath(cacheDir, roots), roots, state, true)
	if err != nil {
		t.Fatalf("no record after a load that walked: %v", err)
	}
	if len(files) != len(jobs) {
		t.Fatalf("the record holds %d files, the walk found %d", len(files), len(jobs))
	}
	for i, j := range jobs {
		if files[i] != (walkedFile{j.osPath, j.id}) {
			t.Fatalf("file %d: record %v, walk %s %s", i, files[i], j.osPath, j.id)
		}
	}
	if !slices.ContainsFunc(files, func(f walkedFile) bool { return !strings.Contains(f.path, f.id) }) {
		t.Error("no ID outside its path: the tree should have one (a collision's)")
	}

	recorded, last := trustedLoad(t, roots, cacheDir)
	if !last.Trusted || !slices.Equal(idsAndPaths(recorded), idsAndPaths(checked)) {
		t.Fatalf("from the record (trusted %v):\n%v\nwant\n%v", last.Trusted, idsAndPaths(recorded), idsAndPaths(checked))
	}

	// Proof that the start read the record: an ID changed in it shows.
	i := slices.IndexFunc(files, func(f walkedFile) bool { return strings.HasSuffix(f.path, "zürich.txt") })
	files[i].id = "changed-in-the-record"
	if err := writeWalkRecord(walkRecordPath(cacheDir, roots), roots, state, walkList{files}); err != nil {
		t.Fatal(err)
	}
	arts, _ := trustedLoad(t, roots, cacheDir)
	if !slices.ContainsFunc(arts, func(a *Article) bool { return a.ID == "changed-in-the-record" }) {
		t.Fatal("the start did not take its files from the record")
	}

	// A file added: the folder record no longer holds, the start walks,
	// and the record is made again for the new state.
	writeFile(t, filepath.Join(roots[0], "b", "new.txt"), "New Story\n\nIt arrived after the record was made, with text enough.\n")
	arts, last = trustedLoad(t, roots, cacheDir)
	if last.Trusted || len(arts) != len(checked)+1 || slices.ContainsFunc(arts, func(a *Article) bool { return a.ID == "changed-in-the-record" }) {
		t.Fatalf("after a file was added: trusted %v, %d articles (want %d), the record's ID kept", last.Trusted, len(arts), len(checked)+1)
	}
	settle(t, filepath.Dir(roots[0]))
	trustedLoad(t, roots, cacheDir) // vouches again, with settled folders
	state = UnchangedStore(cacheDir, Source{Paths: roots})
	if _, err := readWalkRecord(walkRecordPath(cacheDir, roots), roots, state, false); err != nil {
		t.Fatalf("no record for the new state: %v", err)
	}
}

// A record is used only for the store state and the roots (as given, in
// order) it was made for, whole: damaged, cut short, made for another
// state (a file rewritten in place and stored by a check changes the
// state, not the folders) or for the roots in another order, it is not,
// and the next load that walks makes it again.
func TestWalkRecordOnlyForItsStateAndRoots(t *testing.T) {
	roots, cacheDir := walkRecordTree(t), t.TempDir()
	want, _ := trustedLoad(t, roots, cacheDir)
	path := walkRecordPath(cacheDir, roots)
	state := UnchangedStore(cacheDir, Source{Paths: roots})
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readWalkRecord(path, roots, "another state", false); err == nil {
		t.Error("read for another state")
	}
	if _, err := readWalkRecord(path, []string{roots[1], roots[0]}, state, false); err == nil {
		t.Error("read for the roots in another order")
	}
	for name, damage := range map[string]func([]byte) []byte{
		"a byte flipped": func(b []byte) []byte { b[len(b)/2] ^= 0x40; return b },
		"cut short":      func(b []byte) []byte { return b[:len(b)-9] },
		"emptied":        func(b []byte) []byte { return b[:0] },
	} {
		if err := os.WriteFile(path, damage(slices.Clone(good)), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := readWalkRecord(path, roots, state, true); err == nil {
			t.Errorf("%s: read", name)
		}
		got, last := trustedLoad(t, roots, cacheDir)
		if !last.Trusted || !slices.Equal(idsAndPaths(got), idsAndPaths(want)) {
			t.Errorf("%s: the start gave other articles (trusted %v)", name, last.Trusted)
		}
		if _, err := readWalkRecord(path, roots, state, true); err != nil {
			t.Errorf("%s: not made again by the start that walked: %v", name, err)
		}
	}

	// Rewritten in place: the check stores it, and the state changes
	// while the folders do not. The check, a walk, records for the new
	// state; a record left for the old one is not used, and is replaced.
	old, err := readWalkRecord(path, roots, state, true)
	if err != nil {
		t.Fatal(err)
	}
	old[0].id = "from-the-old-record"
	p := filepath.Join(roots[0], "a.txt")
	writeFile(t, p, "Rewritten A\n\nThe same file, written again where it lies, with text enough.\n")
	settle(t, filepath.Dir(roots[0]))
	Stream(context.Background(), Source{Paths: roots}, Options{CacheDir: cacheDir, ListOnly: true, ChangedOnly: true}, func(Batch) {})
	newState := UnchangedStore(cacheDir, Source{Paths: roots})
	if newState == "" || newState == state {
		t.Fatalf("the check left state %q (was %q)", newState, state)
	}
	if _, err := readWalkRecord(path, roots, newState, false); err != nil {
		t.Fatalf("the check recorded no walk for the new state: %v", err)
	}
	if err := writeWalkRecord(path, roots, state, walkList{old}); err != nil {
		t.Fatal(err)
	}
	got, last := trustedLoad(t, roots, cacheDir)
	if !last.Trusted || slices.ContainsFunc(got, func(a *Article) bool { return a.ID == "from-the-old-record" }) {
		t.Errorf("trusted %v, or the record of the old state was used", last.Trusted)
	}
	if !slices.ContainsFunc(got, func(a *Article) bool { return a.Title == "Rewritten A" }) {
		t.Error("the start after the check does not show the rewritten file")
	}
	if _, err := readWalkRecord(path, roots, newState, false); err != nil {
		t.Errorf("the start did not record its walk for the new state: %v", err)
	}
}

// A walk that skipped anything vouches for nothing and leaves no record:
// a FIFO among the files, standard input among the roots.
func TestNoWalkRecordForAWalkThatSkipped(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	settle(t, dir)
	trustedLoad(t, []string{dir}, cacheDir)
	if _, err := os.Stat(walkRecordPath(cacheDir, []string{dir})); err == nil {
		t.Error("a walk past a FIFO left a record")
	}
	if files, _, _ := recordedWalk(cacheDir, []string{dir, "-"}); files != nil {
		t.Error("a record for standard input")
	}
}

func FuzzReadWalkRecord(f *testing.F) {
	roots := []string{"/news", "/one.md"}
	files := walkList{{{"/news/a.txt", "a"}, {"/news/a.md", "a.md"}, {"/news/b/c.txt", "b/c"}, {"/one.md", "one"}, {"/news/x", "odd~2"}}}
	path := filepath.Join(f.TempDir(), "walk.cache")
	if err := writeWalkRecord(path, roots, "s1", files); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	got, err := readWalkRecord(path, roots, "s1", true)
	if err != nil || !slices.Equal(got, files[0]) {
		f.Fatalf("round trip: %v, %v", got, err)
	}
	f.Add(good[len(walkRecordMagic)+1 : len(good)-4-len(walkRecordEnd)]) // the body
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		p := filepath.Join(t.TempDir(), "walk.cache")
		// Sealed, so that the decoding past the checksum is what is fuzzed.
		if err := os.WriteFile(p, seal(walkRecordMagic, storeVersion, body, walkRecordEnd), 0o600); err != nil {
			t.Fatal(err)
		}
		files, err := readWalkRecord(p, roots, "s1", true)
		for _, f := range files {
			if err == nil && (f.path == "" || f.id == "") {
				t.Fatalf("an empty path or ID read back: %v", f)
			}
		}
	})
}

// A record whose checksum holds but whose contents do not fit is refused,
// never read as files: roots cut short, an ID reaching past its path, an
// empty ID, bytes after the last file.
func TestWalkRecordRefusesWhatDoesNotFit(t *testing.T) {
	roots := []string{"/news"}
	body := func(roots []string, files func([]byte) []byte, extra ...byte) []byte {
		b := appendStr(nil, "s1")
		b = binary.AppendUvarint(b, uint64(len(roots)))
		for _, r := range roots {
			b = appendStr(b, r)
		}
		return append(files(b), extra...)
	}
	one := func(path string, idAt, idLen uint64) func([]byte) []byte {
		return func(b []byte) []byte {
			b = binary.AppendUvarint(b, 1)
			b = appendStr(b, path)
			b = binary.AppendUvarint(b, idAt)
			return binary.AppendUvarint(b, idLen)
		}
	}
	explicit := func(path, id string) func([]byte) []byte {
		return func(b []byte) []byte {
			b = binary.AppendUvarint(b, 1)
			b = appendStr(b, path)
			b = binary.AppendUvarint(b, 0)
			return appendStr(b, id)
		}
	}
	dir := t.TempDir()
	read := func(body []byte, roots []string) ([]walkedFile, error) {
		p := filepath.Join(dir, "walk.cache")
		if err := os.WriteFile(p, seal(walkRecordMagic, storeVersion, body, walkRecordEnd), 0o600); err != nil {
			t.Fatal(err)
		}
		return readWalkRecord(p, roots, "s1", true)
	}
	if files, err := read(body(roots, one("/news/a.txt", 7, 1)), roots); err != nil || len(files) != 1 || files[0].id != "a" {
		t.Fatalf("the well-formed record: %v, %v", files, err)
	}
	for name, tc := range map[string]struct {
		body  []byte
		roots []string
	}{
		"read for more roots than it was made for": {body(roots, one("/news/a.txt", 7, 1)), []string{"/news", "/more"}},
		"read for fewer roots":                     {body([]string{"/news", "/more"}, one("/news/a.txt", 7, 1)), roots},
		"an ID starting past its path":             {body(roots, one("/news/a.txt", 13, 0)), roots},
		"an ID running past its path":              {body(roots, one("/news/a.txt", 7, 6)), roots},
		"an empty ID":                              {body(roots, explicit("/news/a.txt", "")), roots},
		"an empty path":                            {body(roots, explicit("", "a")), roots},
		"a byte after the last file":               {body(roots, one("/news/a.txt", 7, 1), 0), roots},
	} {
		if files, err := read(tc.body, tc.roots); err == nil {
			t.Errorf("%s: read as %v", name, files)
		}
	}
}

// A record keeps each ID found in its path as a place in it: at 100,000
// files the IDs would otherwise be a third of the file.
func TestWalkRecordKeepsIDsAsPlacesInPaths(t *testing.T) {
	var files []walkedFile
	size := 0
	for i := range 1000 {
		id := fmt.Sprintf("%05d_f5922a8433cc9745", i)
		files = append(files, walkedFile{"/home/reader/news/" + id + ".txt", id})
		size += len(files[i].path)
	}
	p := filepath.Join(t.TempDir(), "walk.cache")
	if err := writeWalkRecord(p, []string{"/home/reader/news"}, "s1", walkList{files}); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if max := int64(size + 4*len(files) + 100); st.Size() > max {
		t.Errorf("the record takes %d bytes, more than its paths and %d more", st.Size(), max-int64(size))
	}
}

// Writing a record prunes the records of other roots, as the store's
// files are.
func TestWalkRecordPrunesOthers(t *testing.T) {
	savePrunes(t, "walk", func(path string) error {
		return writeWalkRecord(path, []string{"/news"}, "s1", walkList{{{"/news/a.txt", "a"}}})
	})
}

// recordedWalk says whether the folder record held, so that a trusting
// start whose folders changed stats its files as it walks them: no store,
// a store with its record and walk, one without a walk record, one whose
// folder changed.
func TestRecordedWalkSaysWhetherFoldersHeld(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	settle(t, dir)
	roots := []string{dir}
	check := func(when string, wantFiles, wantUnchanged bool) {
		t.Helper()
		files, _, unchanged := recordedWalk(cacheDir, roots)
		if (files != nil) != wantFiles || unchanged != wantUnchanged {
			t.Errorf("%s: %d files, unchanged %v; want files %v, unchanged %v", when, len(files), unchanged, wantFiles, wantUnchanged)
		}
	}
	check("no store", false, false)
	trustedLoad(t, roots, cacheDir)
	check("stored", true, true)
	os.Remove(walkRecordPath(cacheDir, roots))
	check("no walk record", false, true)
	writeFile(t, filepath.Join(dir, "d0", "new.txt"), "New Story\n\nIt arrived after the record was made, with text enough.\n")
	check("a folder changed", false, false)
}

package corpus

import (
	"context"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// settle sets the times of every folder and file under dir to one time
// long past, out of the racy window, as a corpus left alone for a while
// has them. What already has that time is left alone: setting times
// changes a file's status change time, which the store sees.
func settle(t *testing.T, dir string) {
	t.Helper()
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	var paths []string
	filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err == nil {
			paths = append(paths, p)
		}
		return nil
	})
	// Deepest first: setting a file's times leaves its folder's alone.
	slices.Reverse(paths)
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.ModTime().Equal(old) {
			continue
		}
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
}

// settledStore loads dir with the store in cacheDir after settling it, and
// returns the state the load left, which the folder record vouches for.
func settledStore(t *testing.T, dir, cacheDir string) StoreState {
	t.Helper()
	settle(t, dir)
	_, last := loadWithCache(t, dir, cacheDir)
	if last.StoreState == "" {
		t.Fatal("a load of a settled corpus left no store state")
	}
	if got := UnchangedStore(cacheDir, Source{Paths: []string{dir}}); got != last.StoreState {
		t.Fatalf("right after the load: UnchangedStore = %q, want %q", got, last.StoreState)
	}
	return last.StoreState
}

// The folder record sees every change that goes through a folder: a file
// added (at the top, in a subfolder, through a rename), removed or renamed,
// a folder added or removed, a folder's time set back; it does not see a
// file rewritten in place (the rule says so: the search checks its hits'
// files, and every load checks every file). After any change a load makes
// the store vouch again, for a new state when the files changed.
func TestUnchangedStoreSeesFolderChanges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, dir string)
		seen   bool
	}{
		{"file added", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "new.txt"), "New headline\n\nA new article arrived.")
		}, true},
		{"file added in a subfolder", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "d1", "new.txt"), "New headline\n\nA new article arrived.")
		}, true},
		{"file removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, "d0", "a000.txt")) }, true},
		{"file renamed", func(t *testing.T, dir string) {
			os.Rename(filepath.Join(dir, "d0", "a000.txt"), filepath.Join(dir, "d0", "z.txt"))
		}, true},
		{"file replaced by rename, as editors save", func(t *testing.T, dir string) {
			p := filepath.Join(dir, "d2", "a002.txt")
			writeFile(t, filepath.Join(dir, "d2", ".a002.tmp"), "Changed headline\n\nChanged text.")
			os.Rename(filepath.Join(dir, "d2", ".a002.tmp"), p)
		}, true},
		{"folder added", func(t *testing.T, dir string) { os.Mkdir(filepath.Join(dir, "d9"), 0o755) }, true},
		{"folder removed", func(t *testing.T, dir string) { os.RemoveAll(filepath.Join(dir, "d1")) }, true},
		{"folder's time set back after a change", func(t *testing.T, dir string) {
			d := filepath.Join(dir, "d1")
			st, _ := os.Stat(d)
			writeFile(t, filepath.Join(d, "new.txt"), "New headline\n\nA new article arrived.")
			os.Chtimes(d, st.ModTime(), st.ModTime()) // its status change time still moves
		}, true},
		{"file rewritten in place", func(t *testing.T, dir string) {
			writeFile(t, filepath.Join(dir, "d0", "a003.txt"), "Rewritten headline\n\nRewritten where it lies.")
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, cacheDir := t.TempDir(), t.TempDir()
			storyCorpus(t, dir, 12)
			src := Source{Paths: []string{dir}}
			before := settledStore(t, dir, cacheDir)
			tc.change(t, dir)
			if got := UnchangedStore(cacheDir, src); (got == "") != tc.seen {
				t.Fatalf("after the change: UnchangedStore = %q, seen %v, want seen %v", got, got == "", tc.seen)
			}
			after := settledStore(t, dir, cacheDir)
			if filesChanged := tc.name != "folder added"; filesChanged == (after == before) {
				t.Errorf("state before %q, after the load %q: files changed %v", before, after, filesChanged)
			}
		})
	}
}

// A root that is a file is stamped as a file: rewritten in place, it is
// seen (its own times and size are in the record).
func TestUnchangedStoreFileRoot(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	p := filepath.Join(dir, "one.txt")
	writeFile(t, p, "Only headline\n\nThe only article.")
	settle(t, dir)
	src := Source{Paths: []string{p}}
	var last Batch
	Stream(context.Background(), src, Options{CacheDir: cacheDir}, func(b Batch) { last = b })
	if last.StoreState == "" || UnchangedStore(cacheDir, src) != last.StoreState {
		t.Fatalf("a file root: state %q, unchanged %q", last.StoreState, UnchangedStore(cacheDir, src))
	}
	writeFile(t, p, "Only headline\n\nThe only article, changed.")
	if got := UnchangedStore(cacheDir, src); got != "" {
		t.Fatalf("a file root rewritten in place: UnchangedStore = %q", got)
	}
}

// A file reached through a symbolic link is stamped itself (its folder is
// not walked): replaced by rename where it lies, it is seen.
func TestUnchangedStoreLinkedFile(t *testing.T) {
	dir, elsewhere, cacheDir := t.TempDir(), t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "t.txt")
	writeFile(t, target, "Linked headline\n\nA linked article.")
	writeFile(t, filepath.Join(dir, "a.txt"), "Plain headline\n\nA plain article.")
	if err := os.Symlink(target, filepath.Join(dir, "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	settle(t, elsewhere)
	settledStore(t, dir, cacheDir)
	writeFile(t, target+".new", "Linked headline\n\nReplaced.")
	os.Rename(target+".new", target)
	if got := UnchangedStore(cacheDir, Source{Paths: []string{dir}}); got != "" {
		t.Fatalf("a linked file replaced: UnchangedStore = %q", got)
	}
}

// A load that cannot vouch for the folders leaves no record: a folder
// modified within the racy window, a walk that skipped a folder it could
// not read.
func TestFolderRecordVouchesForNothingUnsure(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	_, last := loadWithCache(t, dir, cacheDir) // just written: racy
	if last.StoreState == "" {
		t.Fatal("a load that saved its store left no state")
	}
	if got := UnchangedStore(cacheDir, Source{Paths: []string{dir}}); got != "" {
		t.Fatalf("folders modified just before the load were vouched for: %q", got)
	}

	var rec folderRecord
	st, _ := os.Stat(dir)
	rec.add(dir, st)
	if rec.vouched() != nil {
		t.Fatal("a folder in the racy window was recorded")
	}

	// A file whose skip is not kept (too large for this run's limit): the
	// store does not hold what the load found.
	settle(t, dir)
	var skipped Batch
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, MaxFileSize: 100}, func(b Batch) {
		if b.Done {
			skipped = b
		}
	})
	if got := UnchangedStore(cacheDir, Source{Paths: []string{dir}}); got != "" || skipped.StoreState == "" {
		t.Fatalf("a load that kept no result for some files: vouched %q, state %q", got, skipped.StoreState)
	}

	settle(t, dir)
	rec = folderRecord{}
	st, _ = os.Stat(dir)
	rec.add(dir, st)
	rec.fail()
	if rec.vouched() != nil {
		t.Fatal("a record marked failed vouched")
	}
	if (*folderRecord)(nil).vouched() != nil || foldersUnchanged(nil) {
		t.Fatal("no record vouched")
	}
}

// Damaged or foreign stamps never vouch: a stamp of another folder (or of
// the same path with another identity), a manifest written before there
// were records, a manifest for other roots.
func TestForeignStampsDoNotVouch(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	settle(t, dir)
	settle(t, other)
	st, _ := os.Stat(dir)
	good := stampOf(dir, st)
	if !foldersUnchanged([]folderStamp{good}) {
		t.Fatal("a folder as stamped is not unchanged")
	}
	for name, s := range map[string]folderStamp{
		"another folder's path": func() folderStamp { s := good; s.path = other; return s }(),
		"another inode":         func() folderStamp { s := good; s.ino++; return s }(),
		"another time":          func() folderStamp { s := good; s.mtime++; return s }(),
		"another change time":   func() folderStamp { s := good; s.ctime++; return s }(),
		"a file's stamp":        func() folderStamp { s := good; s.file = true; return s }(),
		"a missing folder":      func() folderStamp { s := good; s.path = filepath.Join(dir, "gone"); return s }(),
	} {
		if foldersUnchanged([]folderStamp{good, s}) {
			t.Errorf("%s: vouched", name)
		}
	}

	// A manifest of the format before records: read, with no record.
	cacheDir := t.TempDir()
	src := Source{Paths: []string{dir}}
	p := cache.Path(cacheDir, src.Paths, "store")
	var body []byte
	body = binary.AppendUvarint(body, 1)
	body = appendStr(body, cache.AbsRoots(src.Paths)[0])
	body = binary.AppendUvarint(body, 1)
	body = appendStr(body, "store-x-1.seg")
	out := binary.AppendUvarint([]byte(manifestMagic), storeVersion)
	out = append(out, body...)
	out = binary.LittleEndian.AppendUint32(out, checksum(string(body)))
	out = append(out, manifestEnd...)
	os.WriteFile(p, out, 0o600)
	m, err := readManifest(p, cache.AbsRoots(src.Paths))
	if err != nil || len(m.names) != 1 || m.folders != nil {
		t.Fatalf("a manifest without a record: %+v %v", m, err)
	}
	if UnchangedStore(cacheDir, src) != "" {
		t.Fatal("a manifest without a record vouched")
	}
	// Stamps that hold, in a manifest made for other roots.
	writeManifest(p, cache.AbsRoots([]string{other}), manifest{names: []string{"store-x-1.seg"}, folders: []folderStamp{good}})
	if UnchangedStore(cacheDir, src) != "" {
		t.Fatal("a manifest for other roots vouched")
	}
}

// Two processes: one that opened the store before another published adds
// its segment on top without a record, and its load is not the store's
// state; one that found nothing changed does not replace the other's
// record.
func TestFolderRecordTwoProcesses(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	settledStore(t, dir, cacheDir)
	roots := []string{dir}
	rec := func() *folderRecord {
		r := &folderRecord{}
		st, _ := os.Stat(dir)
		r.add(mustAbs(t, dir), st)
		return r
	}
	one, two := openStore(cacheDir, roots, false), openStore(cacheDir, roots, false)
	one.seeAll()
	two.seeAll()
	two.putResult(filepath.Join(dir, "x.txt"), fileVersion{size: 1, mod: time.Unix(1, 0).UnixNano()}, "x", fileResult{articles: []*Article{{ID: "x", Title: "X"}}})
	two.walked = rec()
	if err := two.Save(); err != nil || two.State == "" {
		t.Fatalf("the first save: %v, state %q", err, two.State)
	}
	one.putResult(filepath.Join(dir, "y.txt"), fileVersion{size: 1, mod: time.Unix(1, 0).UnixNano()}, "y", fileResult{articles: []*Article{{ID: "y", Title: "Y"}}})
	one.walked = rec()
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	m, err := readManifest(one.manifest, one.roots)
	if err != nil || len(m.names) != 3 || m.folders != nil || one.State != "" {
		t.Fatalf("a save over another's: %d segments, record %v, state %q (%v)", len(m.names), m.folders, one.State, err)
	}

	three := openStore(cacheDir, roots, false) // sees the three segments
	four := openStore(cacheDir, roots, false)
	four.putResult(filepath.Join(dir, "z.txt"), fileVersion{size: 1, mod: time.Unix(1, 0).UnixNano()}, "z", fileResult{articles: []*Article{{ID: "z", Title: "Z"}}})
	four.walked = rec()
	if err := four.Save(); err != nil {
		t.Fatal(err)
	}
	three.seeAll()
	three.walked = rec()
	if err := three.Save(); err != nil {
		t.Fatal(err)
	}
	after, _ := readManifest(three.manifest, three.roots)
	if !slices.Equal(after.names, stateNames(t, four)) || after.folders == nil {
		t.Fatalf("a save that found nothing changed replaced another's: %v", after.names)
	}
}

// seeAll marks every entry of the store as found by this run, as a load
// that found every file unchanged does.
func (s *segStore) seeAll() {
	for _, seg := range s.segs {
		for i := range seg.seen {
			seg.seen[i].Store(true)
		}
	}
}

// stateNames is the manifest's segments after s saved.
func stateNames(t *testing.T, s *segStore) []string {
	t.Helper()
	m, err := readManifest(s.manifest, s.roots)
	if err != nil || stateOf(m.names) != s.State {
		t.Fatalf("the manifest after the save: %v, state %q want %q", err, stateOf(m.names), s.State)
	}
	return m.names
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// FuzzParseManifest: a manifest body of any bytes is read without a panic,
// and one that reads writes back to the same bytes.
func FuzzParseManifest(f *testing.F) {
	roots := []string{"/r"}
	dir := f.TempDir()
	p := filepath.Join(dir, "m")
	for _, m := range []manifest{
		{names: []string{"store-x-1.seg"}},
		{names: []string{"store-x-1.seg", "store-x-2.seg"}, folders: []folderStamp{{path: "/r", dev: 1, ino: 2, mtime: 3, ctime: 4}, {path: "/r/a", file: true, size: 9}}},
	} {
		if err := writeManifest(p, roots, m); err != nil {
			f.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		f.Add(b[len(manifestMagic)+1:])
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		m, err := parseManifest(body, roots)
		if err != nil {
			return
		}
		q := filepath.Join(t.TempDir(), "m")
		if err := writeManifest(q, roots, m); err != nil {
			t.Fatal(err)
		}
		again, err := readManifest(q, roots)
		if err != nil || !slices.Equal(again.names, m.names) || !slices.Equal(again.folders, m.folders) {
			t.Fatalf("read back: %+v %v, want %+v", again, err, m)
		}
	})
}

// A first open (no store yet, so no stat before each read) that could not
// read a file keeps no folder record either, whether it keeps the texts
// or lists without them.
func TestFirstOpenWithAnUnreadFileVouchesForNothing(t *testing.T) {
	for _, listFresh := range []bool{false, true} {
		dir, cacheDir := t.TempDir(), t.TempDir()
		storyCorpus(t, dir, 6)
		writeFile(t, filepath.Join(dir, "d0", "large.txt"), "A Large Headline\n\n"+strings.Repeat("Too long for this run's limit. ", 400))
		settle(t, dir)
		var last Batch
		opt := Options{CacheDir: cacheDir, MaxFileSize: 5000, ListOnly: listFresh, ListOnlyFresh: listFresh}
		Stream(context.Background(), Source{Paths: []string{dir}}, opt, func(b Batch) {
			if b.Done {
				last = b
			}
		})
		if last.Read == 0 || last.StoreState == "" {
			t.Fatalf("list fresh %v: read %d, state %q", listFresh, last.Read, last.StoreState)
		}
		if got := UnchangedStore(cacheDir, Source{Paths: []string{dir}}); got != "" {
			t.Errorf("list fresh %v: a first open that kept no result for some files vouched %q", listFresh, got)
		}
	}
}

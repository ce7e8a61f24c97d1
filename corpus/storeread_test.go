package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// storedView is what a reader of stored files needs of an article, without
// the IDs (which depend on the other files) and duplicate marks (which the
// corpus adds).
func storedView(arts []*Article) []string {
	var out []string
	for _, a := range arts {
		kinds := ""
		for _, b := range a.Blocks {
			kinds += string(b.Kind) + ","
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%v|%d|%s|%q|%s", a.Title, a.Outlet, a.Path, a.Published, a.Words, kinds, a.Removed, a.Body()))
	}
	sort.Strings(out)
	return out
}

// The stored articles of a file are the parser's, with their text, for the
// files the store holds as they are now; a file changed, removed or never
// stored is left to the caller; a missing store is no error, a damaged one
// is reported and what is left is still read right.
func TestStoredFilesRead(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	storyCorpus(t, dir, 6)
	src := Source{Paths: []string{dir}}
	if f, err := OpenStoredFiles(cacheDir, src); err != nil {
		t.Fatalf("missing store: %v", err)
	} else if _, ok := f.Read(filepath.Join(dir, "feed.json")); ok {
		t.Fatal("a missing store holds a file")
	}
	loadWithCache(t, dir, cacheDir)
	parsed, err := Load(context.Background(), src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	byFile := map[string][]*Article{}
	for _, a := range parsed.Articles {
		byFile[a.Path] = append(byFile[a.Path], a)
	}
	f, err := OpenStoredFiles(cacheDir, src)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range byFile {
		got, ok := f.Read(path)
		if !ok {
			t.Fatalf("%s not read from the store", path)
		}
		if g, w := storedView(got), storedView(want); strings.Join(g, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s:\n%q\nwant\n%q", path, g, w)
		}
	}

	changed, removed := filepath.Join(dir, "d0", "a000.txt"), filepath.Join(dir, "d1", "a001.txt")
	writeFile(t, changed, "A rewritten headline\n\nWith other text than before.\n")
	later := time.Now().Add(time.Minute)
	os.Chtimes(changed, later, later)
	os.Remove(removed)
	added := filepath.Join(dir, "new.txt")
	writeFile(t, added, "An added headline\n\nText.\n")
	for _, p := range []string{changed, removed, added} {
		if arts, ok := f.Read(p); ok {
			t.Errorf("%s: stored articles served for a file not stored as it is: %q", p, storedView(arts))
		}
	}

	damageSegment(t, cacheDir, filepath.Join(dir, "d2")) // a path in the index
	f, err = OpenStoredFiles(cacheDir, src)
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("damaged segment: error %v", err)
	}
	if _, ok := f.Read(filepath.Join(dir, "feed.json")); ok {
		t.Error("a file of the damaged segment was served")
	}
}

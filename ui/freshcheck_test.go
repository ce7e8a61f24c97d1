package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// settleTimes sets the times of the files in dir (gen.Write's flat
// folder) and of dir long past, as a corpus left alone for a while has
// them (the store's folder record does not vouch for a folder modified a
// moment ago).
func settleTimes(t *testing.T, dir string) {
	t.Helper()
	long := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range append(entries, nil) { // the folder last: a file's times leave it alone
		p := dir
		if e != nil {
			p = filepath.Join(dir, e.Name())
		}
		if err := os.Chtimes(p, long, long); err != nil {
			t.Fatal(err)
		}
	}
}

// A warm start lists from the store without checking each file when no
// folder changed; a file rewritten in place meanwhile (which changes no
// folder) is found by the check that follows, and its new article
// replaces the stored one in the list. When nothing changed, the check
// changes nothing.
func TestWarmStartFindsAFileRewrittenInPlace(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	if err := gen.Write(dir, 30, 3); err != nil {
		t.Fatal(err)
	}
	settleTimes(t, dir)
	cfg := Config{Source: corpus.Source{Paths: []string{dir}}, Load: corpus.Options{CacheDir: cacheDir}}
	cold := startHarness(t, cfg, 100, 30)
	titles := func(hs *harness) []string {
		var out []string
		for _, a := range hs.m.sh.lib.Articles() {
			out = append(out, a.Title)
		}
		slices.Sort(out)
		return out
	}
	before := titles(cold)

	same := startHarness(t, cfg, 100, 30)
	if got := titles(same); !slices.Equal(got, before) {
		t.Fatalf("nothing changed, yet the warm start lists %d titles, the cold %d", len(got), len(before))
	}
	if v := same.view(); strings.Contains(v, "changed on disk") {
		t.Errorf("nothing changed, yet:\n%s", v)
	}

	var path, old string
	for _, a := range cold.m.sh.lib.Articles() {
		if strings.HasSuffix(a.Path, ".txt") {
			path, old = a.Path, a.Title
			break
		}
	}
	if path == "" {
		t.Fatal("no .txt article in the generated corpus")
	}
	if err := os.WriteFile(path, []byte("Rewritten Headline Where It Lies\n\nThe text of this article was rewritten in place, with no rename.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	warm := startHarness(t, cfg, 100, 30)
	var at []string // the titles listed for path
	for _, a := range warm.m.sh.lib.Articles() {
		if a.Path == path {
			at = append(at, a.Title)
		}
	}
	if got := titles(warm); len(got) != len(before) || !slices.Equal(at, []string{"Rewritten Headline Where It Lies"}) {
		t.Fatalf("after a rewrite in place of %s (was %q): the warm start lists %d titles (cold %d), %q for the file", path, old, len(got), len(before), at)
	}
	warm.requireContains("1 file changed on disk")
}

package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A search whose snapshot is current answers without loading the corpus
// (the store of parsed files, removed, is not written again), with the same
// output; a file added or removed since is seen at once; a damaged snapshot
// is reported once, the answer is still right, and it is rebuilt.
func TestSearchWithoutLoading(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		old := time.Now().Add(-time.Hour) // see TestFreshness
		os.Chtimes(p, old, old)
		os.Chtimes(dir, old, old)
	}
	for i, body := range []string{"The ceasefire talks resumed in Geneva on Monday.", "Envoys said the ceasefire held overnight.", "Markets rose after the harvest report."} {
		write(fmt.Sprintf("a%d.txt", i), fmt.Sprintf("Headline number %d here\n\n%s", i, body))
	}
	cache := t.TempDir()
	search := commandIn(t, dir, cache)
	storeFiles := func() []string {
		files, _ := filepath.Glob(filepath.Join(cache, "store-*"))
		return files
	}
	first, _ := search("search", "--json", "ceasefire", dir)
	for _, f := range storeFiles() {
		os.Remove(f)
	}
	if again, _ := search("search", "--json", "ceasefire", dir); again != first {
		t.Fatalf("the answer from the snapshot alone differs:\n%s\nwant\n%s", again, first)
	}
	if c := storeFiles(); len(c) != 0 {
		t.Fatalf("the corpus was loaded although the snapshot was current: %v", c)
	}

	os.WriteFile(filepath.Join(dir, "a3.txt"), []byte("Headline number 3 here\n\nA new ceasefire report."), 0o644)
	if got, _ := search("search", "ceasefire", dir); strings.Count(got, "Headline number") != 3 {
		t.Fatalf("a file added is not found:\n%s", got)
	}
	os.Remove(filepath.Join(dir, "a0.txt"))
	got, _ := search("search", "ceasefire", dir)
	if strings.Count(got, "Headline number") != 2 || strings.Contains(got, "number 0") {
		t.Fatalf("a file removed is still found:\n%s", got)
	}

	// Every damaged byte (one in 97) gives the same answer, reported at
	// most once: the next search finds the snapshot rebuilt.
	snaps, _ := filepath.Glob(filepath.Join(cache, "index-*.cache"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots: %v", snaps)
	}
	want, reported := got, 0
	for k := 0; ; k += 97 {
		b, _ := os.ReadFile(snaps[0])
		if k >= len(b) {
			break
		}
		b[k] ^= 0x20
		os.Remove(snaps[0]) // a new file, as a writer makes one
		os.WriteFile(snaps[0], b, 0o600)
		got, errOut := search("search", "ceasefire", dir)
		if got != want {
			t.Fatalf("byte %d damaged: answer\n%s\nwant\n%s", k, got, want)
		}
		if n := strings.Count(errOut, "unreadable"); n > 1 {
			t.Fatalf("byte %d damaged: reported %d times: %s", k, n, errOut)
		} else {
			reported += n
		}
		if _, errOut := search("search", "ceasefire", dir); errOut != "" {
			t.Fatalf("byte %d damaged: the snapshot was not rebuilt: %s", k, errOut)
		}
	}
	if reported == 0 {
		t.Fatal("no damage was reported")
	}
}

// A search whose snapshot is current takes the articles of its results from
// the store of parsed files, not from the files: a file rewritten behind the
// store's back (same size and time) still shows what was stored, and the
// corpus is not loaded (the store is not touched). A damaged store makes
// that search load the corpus, which reports the damage once and rebuilds.
func TestSearchReadsResultsFromStore(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	old := time.Now().Add(-time.Hour) // see TestFreshness
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		os.Chtimes(p, old, old)
		os.Chtimes(dir, old, old)
	}
	write("a0.txt", "Headline number 0 here\n\nThe ceasefire talks resumed in Geneva on Monday.")
	write("a1.txt", "Headline number 1 here\n\nMarkets rose after the harvest report.")
	search := commandIn(t, dir, cache)
	first, _ := search("search", "--json", "ceasefire", dir)
	search("search", "--json", "ceasefire", dir) // the snapshot and the store are both current
	manifests, _ := filepath.Glob(filepath.Join(cache, "store-*.cache"))
	if len(manifests) != 1 {
		t.Fatalf("store manifests: %v", manifests)
	}
	os.Chtimes(manifests[0], old, old)
	write("a0.txt", "Headline number 0 here\n\nThe ceasefire TALKS resumed in Geneva on Monday.")
	if got, _ := search("search", "--json", "ceasefire", dir); got != first {
		t.Fatalf("the result was not read from the store:\n%s\nwant\n%s", got, first)
	}
	if st, err := os.Stat(manifests[0]); err != nil || !st.ModTime().Equal(old) {
		t.Fatalf("the corpus was loaded although the snapshot and the store were current")
	}

	segs, _ := filepath.Glob(filepath.Join(cache, "store-*.seg"))
	for _, p := range segs {
		b, _ := os.ReadFile(p)
		i := bytes.Index(b, []byte(filepath.Join(dir, "a0.txt")))
		if i < 0 {
			t.Fatalf("no entry for a0.txt in %s", p)
		}
		b[i+1] ^= 0x20 // in the index: the segment is dropped
		os.Remove(p)
		os.WriteFile(p, b, 0o600)
	}
	got, errOut := search("search", "--json", "ceasefire", dir)
	if strings.Count(errOut, "damaged") != 1 || !strings.Contains(got, "TALKS") {
		t.Fatalf("damaged store: reported %q, answer\n%s", errOut, got)
	}
	if again, errOut := search("search", "--json", "ceasefire", dir); errOut != "" || again != got {
		t.Fatalf("after the rebuild: reported %q, answer\n%s\nwant\n%s", errOut, again, got)
	}
}

// commandIn runs parallax commands with the cache folder cache (and no
// configuration), returning what they wrote to stdout and stderr; a
// command that fails fails the test.
func commandIn(t *testing.T, dir, cache string) func(args ...string) (string, string) {
	return func(args ...string) (string, string) {
		t.Helper()
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, ConfigPath: filepath.Join(dir, "none.toml"), CacheDir: cache}
		if code := Main(args, env); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String(), errb.String()
	}
}

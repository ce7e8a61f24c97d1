package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	searchpkg "github.com/parallax-reader/parallax/corpus/search"
)

// settledCorpus writes files into dir with times long past (out of the
// store's racy window, as a corpus left alone for a while has them) and
// returns a function that writes more the same way; the folder's times
// are set back too unless inPlace, which leaves them as a rewrite in place
// does.
func settledCorpus(t *testing.T, dir string, files map[string]string) func(name, body string, inPlace bool) {
	old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	write := func(name, body string, inPlace bool) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(p, old, old)
		if !inPlace {
			os.Chtimes(dir, old, old)
		}
	}
	for name, body := range files {
		write(name, body, false)
	}
	return write
}

// storeTouched reports whether the store's manifest in cache was written
// or marked used since markStore set its time back: whether the corpus
// was loaded.
func storeTouched(t *testing.T, cache string) bool {
	t.Helper()
	manifests, _ := filepath.Glob(filepath.Join(cache, "store-*.cache"))
	if len(manifests) != 1 {
		t.Fatalf("store manifests: %v", manifests)
	}
	st, err := os.Stat(manifests[0])
	return err != nil || !st.ModTime().Equal(storeMark)
}

var storeMark = time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)

// markStore sets the store's manifest's time back, for storeTouched.
func markStore(t *testing.T, cache string) {
	manifests, _ := filepath.Glob(filepath.Join(cache, "store-*.cache"))
	for _, m := range manifests {
		os.Chtimes(m, storeMark, storeMark)
	}
}

// A search whose snapshot is current answers without loading the corpus
// (the store is not touched), with the same output; a file added or
// removed since is seen at once; a damaged snapshot is reported once, the
// answer is still right, and it is rebuilt.
func TestSearchWithoutLoading(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i, body := range []string{"The ceasefire talks resumed in Geneva on Monday.", "Envoys said the ceasefire held overnight.", "Markets rose after the harvest report."} {
		files[fmt.Sprintf("a%d.txt", i)] = fmt.Sprintf("Headline number %d here\n\n%s", i, body)
	}
	settledCorpus(t, dir, files)
	cache := t.TempDir()
	search := commandIn(t, dir, cache)
	first, _ := search("search", "--json", "ceasefire", dir)
	markStore(t, cache)
	if again, _ := search("search", "--json", "ceasefire", dir); again != first {
		t.Fatalf("the answer from the snapshot alone differs:\n%s\nwant\n%s", again, first)
	}
	if storeTouched(t, cache) {
		t.Fatal("the corpus was loaded although the snapshot was current")
	}
	if again, _ := search("search", "--json", "--fresh", "ceasefire", dir); again != first || !storeTouched(t, cache) {
		t.Fatalf("--fresh: loaded %v, answer\n%s\nwant\n%s", storeTouched(t, cache), again, first)
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
	// Settled again, so that the searches below answer from the snapshot.
	settledCorpus(t, dir, nil)("a1.txt", files["a1.txt"], false)
	search("search", "ceasefire", dir)

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

// The files of the results a search prints are checked: a result's file
// rewritten in place (no folder changed) makes the search check every file
// and answer again, with the new text. A file rewritten in place that is
// not among the results is not seen until a load (--fresh, or any other
// command) checks it: the rule the README states.
func TestSearchChecksResultFiles(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	write := settledCorpus(t, dir, map[string]string{
		"a0.txt": "Headline number 0 here\n\nThe ceasefire talks resumed in Geneva on Monday.",
		"a1.txt": "Headline number 1 here\n\nMarkets rose after the harvest report.",
	})
	search := commandIn(t, dir, cache)
	search("search", "ceasefire", dir)
	markStore(t, cache)
	write("a0.txt", "Headline number 0 here\n\nThe ceasefire TALKS resumed in Geneva, on Monday.", true)
	if got, _ := search("search", "--json", "ceasefire", dir); !strings.Contains(got, "TALKS") || !storeTouched(t, cache) {
		t.Fatalf("a result's file rewritten in place: loaded %v, answer\n%s", storeTouched(t, cache), got)
	}

	markStore(t, cache)
	write("a1.txt", "Headline number 1 here\n\nMarkets rose after the ceasefire report.", true)
	if got, _ := search("search", "ceasefire", dir); strings.Contains(got, "number 1") || storeTouched(t, cache) {
		t.Fatalf("a file rewritten in place, not a result: loaded %v, answer\n%s", storeTouched(t, cache), got)
	}
	if got, _ := search("search", "--fresh", "ceasefire", dir); !strings.Contains(got, "number 1") {
		t.Fatalf("--fresh does not see a file rewritten in place:\n%s", got)
	}
}

// A snapshot stamped for another load is not trusted without loading: one
// made with another file size limit, one whose store state is not the
// store's (another process published since), one the reader wrote (no
// stamp).
func TestSearchSnapshotStampMismatch(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	settledCorpus(t, dir, map[string]string{"a0.txt": "Headline number 0 here\n\nThe ceasefire talks resumed in Geneva on Monday."})
	search := commandIn(t, dir, cache)
	search("search", "ceasefire", dir)
	for _, tc := range []struct {
		name   string
		before func()
		args   []string
	}{
		{"another size limit", func() {}, []string{"search", "--max-file-size", "1MB", "ceasefire", dir}},
		{"back to the first limit", func() {}, []string{"search", "ceasefire", dir}},
		{"no stamp", func() {
			snaps, _ := filepath.Glob(filepath.Join(cache, "index-*.cache"))
			c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{})
			if err != nil || len(snaps) != 1 {
				t.Fatal(err, snaps)
			}
			ix := searchpkg.New()
			ix.Add(c.Articles)
			if err := searchpkg.SaveSnapshot(ix, snaps[0]); err != nil {
				t.Fatal(err)
			}
		}, []string{"search", "ceasefire", dir}},
	} {
		tc.before()
		markStore(t, cache)
		if got, _ := search(tc.args...); !strings.Contains(got, "number 0") || !storeTouched(t, cache) {
			t.Fatalf("%s: loaded %v, answer\n%s", tc.name, storeTouched(t, cache), got)
		}
	}
	markStore(t, cache)
	if search("search", "ceasefire", dir); storeTouched(t, cache) {
		t.Fatal("the snapshot saved again was not trusted")
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

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// A file rewritten in place between two lists is listed as it is now,
// although its folder's times did not change and the store's folder
// record still vouches for the store: list prints once and cannot correct
// itself later as the reader does, so it checks every file and never lists
// on the record's word (see corpus.Options.TrustFolders).
func TestListSeesFileRewrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	settledCorpus(t, dir, map[string]string{
		"a.txt": "Ceasefire talks resume in Geneva\n\nEnvoys met on Monday to resume the ceasefire talks.",
		"b.txt": "Harvest report lifts markets\n\nMarkets rose after the harvest report on Tuesday.",
	})
	cache := t.TempDir()
	list := commandIn(t, dir, cache)
	first, _ := list("list", dir)
	if !strings.Contains(first, "Ceasefire talks resume in Geneva") {
		t.Fatalf("first list:\n%s", first)
	}
	src := corpus.Source{Paths: []string{dir}}
	state := corpus.UnchangedStore(cache, src)
	if state == "" {
		t.Fatal("the first list left no store the folder record vouches for: the test would not see a list that trusts it")
	}

	// In place: same file, same folder times; a new title and a new
	// modification time (size alone would not tell: same length).
	p := filepath.Join(dir, "a.txt")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("Ceasefire talks stall in Vienna\n\nEnvoys met on Monday to resume the ceasefire talks."); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if corpus.UnchangedStore(cache, src) != state {
		t.Fatal("the folder record saw the rewrite in place; this test needs one it cannot see")
	}

	second, _ := list("list", dir)
	if strings.Contains(second, "Geneva") || !strings.Contains(second, "Ceasefire talks stall in Vienna") {
		t.Fatalf("the list after a rewrite in place shows the old title:\n%s", second)
	}
	if third, _ := list("list", dir); third != second {
		t.Fatalf("a third list differs from the second:\n%s\nwant\n%s", third, second)
	}
}

// A list whose files are as the last list found them is answered by the
// stored listing (corpus.Options.StoredListing): it prints what that list
// printed, skips included, without reading the store at all (a store
// damaged meanwhile is not even reported); a file rewritten since is
// listed as it is now, and a list of JSON never answers from it.
func TestListAnsweredByStoredListing(t *testing.T) {
	dir := t.TempDir()
	settledCorpus(t, dir, map[string]string{
		"a.txt": "Ceasefire talks resume in Geneva\n\nEnvoys met on Monday to resume the ceasefire talks.",
		"b.txt": "Harvest report lifts markets\n\nMarkets rose after the harvest report on Tuesday.",
		"c.bin": "\x00\x01\x02binary\x00",
	})
	// A listing is stored for files settled beyond the racy window (their
	// status change time, which no test can set back, included).
	time.Sleep(2*time.Second + 100*time.Millisecond)
	cache := t.TempDir()
	list := commandIn(t, dir, cache)
	want, wantErr := list("--no-cache", "list", dir)
	if !strings.Contains(wantErr, "c.bin") {
		t.Fatalf("the binary file is not reported as skipped: %q", wantErr)
	}
	for run := range 3 { // loads, loads and stores the listing, answered
		if got, gotErr := list("list", dir); got != want || gotErr != wantErr {
			t.Fatalf("list %d:\n%s%s\nwant\n%s%s", run, got, gotErr, want, wantErr)
		}
	}
	segments, _ := filepath.Glob(filepath.Join(cache, "*", "*.seg"))
	more, _ := filepath.Glob(filepath.Join(cache, "*.seg"))
	segments = append(segments, more...)
	if len(segments) == 0 {
		t.Fatal("no segment in the store")
	}
	for _, s := range segments {
		if err := os.Truncate(s, 10); err != nil {
			t.Fatal(err)
		}
	}
	if got, gotErr := list("list", dir); got != want || gotErr != wantErr {
		t.Fatalf("answered by the listing, the list read the damaged store:\n%s%s\nwant\n%s%s", got, gotErr, want, wantErr)
	}
	if _, gotErr := list("list", "--json", dir); !strings.Contains(gotErr, "rebuilt") {
		t.Fatalf("list --json did not load (no notice of the damaged store): %q", gotErr)
	}

	f, err := os.OpenFile(filepath.Join(dir, "a.txt"), os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Ceasefire talks stall in Vienna\n\nEnvoys met on Monday to resume the ceasefire talks.")
	f.Close()
	want, _ = list("--no-cache", "list", dir)
	if !strings.Contains(want, "Vienna") {
		t.Fatalf("the rewritten file's title is not listed without store:\n%s", want)
	}
	for run := range 2 {
		if got, _ := list("list", dir); got != want {
			t.Fatalf("list %d after a rewrite in place:\n%s\nwant\n%s", run, got, want)
		}
	}
}

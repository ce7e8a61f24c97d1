package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

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

package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// loadListOnlyFresh loads dir as a listing command does: articles parsed
// afresh come without their text (Options.ListOnlyFresh). One worker, so
// that every file is read into the one reused buffer after the one before.
func loadListOnlyFresh(t *testing.T, dir, cacheDir string) (*Corpus, Batch) {
	t.Helper()
	return streamListed(t, dir, Options{CacheDir: cacheDir, ListOnly: true, ListOnlyFresh: true, Workers: 1})
}

// listFreshCorpus is storyCorpus with the seed files beside it: plain text
// with datelines, bylines and URLs, and a feed of several items.
func listFreshCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	storyCorpus(t, dir, 24)
	seeds, _ := filepath.Glob("../seeds/*")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, "seeds", filepath.Base(s)), string(data))
	}
	if len(seeds) == 0 {
		t.Fatal("no seed files")
	}
	// Files the loader skips, between the others: their buffers are not
	// reused while their results are kept.
	writeFile(t, filepath.Join(dir, "d1", "a001b.bin"), "\x00\x01binary\x00data")
	writeFile(t, filepath.Join(dir, "d1", "a001c.txt"), "")
	return dir
}

// loadedFields is articletest.Fields after the text is loaded.
func loadedFields(t *testing.T, a *Article) map[string]any {
	t.Helper()
	if err := a.LoadText(); err != nil {
		t.Fatalf("%s: LoadText: %v", a.ID, err)
	}
	return articletest.Fields(a)
}

// A cold listing load keeps no text: its articles come as a warm list
// gives them, every field (the text read back from the segment when
// opened) what the store gives, although each file was read into the
// buffer the file before it was (a field left pointing into it would now
// hold another file's bytes); with their text, what parsing gives.
func TestListOnlyFreshKeepsNoTextAndReadsItBack(t *testing.T) {
	dir, cacheDir := listFreshCorpus(t), t.TempDir()
	c, b := loadListOnlyFresh(t, dir, cacheDir)
	if b.Cached != 0 || b.Read == 0 || len(b.Notices) != 0 {
		t.Fatalf("cold load: %d of %d files from the store, notices %q", b.Cached, b.Read, b.Notices)
	}
	if len(c.Skipped) != 2 {
		t.Fatalf("skipped %v, want the binary file and the empty one", c.Skipped)
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("listed and parsed differ:\n%q\n%q", got, want)
	}
	c, _ = loadListOnlyFresh(t, dir, t.TempDir()) // texts not loaded yet
	warmDir := t.TempDir()
	loadWithCache(t, dir, warmDir)
	whole, wb := loadListOnly(t, dir, warmDir)
	if wb.Cached != wb.Read {
		t.Fatalf("warm list served %d of %d files from the store", wb.Cached, wb.Read)
	}
	if len(c.Articles) != len(whole.Articles) {
		t.Fatalf("%d articles listed, %d parsed", len(c.Articles), len(whole.Articles))
	}
	for _, a := range c.Articles {
		if a.HasText() || a.Blocks != nil || a.Removed != nil {
			t.Fatalf("%s came with its text", a.ID)
		}
	}
	// The texts come from the store's segment, not from the files: the
	// corpus is gone before they are opened.
	moved := dir + "-moved"
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	defer os.Rename(moved, dir)
	for i, a := range c.Articles {
		got, want := loadedFields(t, a), loadedFields(t, whole.Articles[i])
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s listed:\n%v\nparsed:\n%v", a.ID, got, want)
		}
	}
}

// A listed article whose text cannot be read back (its segment removed,
// or damaged) is parsed from its file again, never read as wrong text.
func TestListOnlyFreshTextFallsBackToTheFile(t *testing.T) {
	for _, damage := range []string{"removed", "damaged"} {
		t.Run(damage, func(t *testing.T) {
			dir, cacheDir := listFreshCorpus(t), t.TempDir()
			c, _ := loadListOnlyFresh(t, dir, cacheDir)
			_, segments := storeFiles(t, cacheDir)
			if len(segments) != 1 {
				t.Fatalf("%d segments", len(segments))
			}
			if damage == "removed" {
				os.Remove(segments[0])
			} else {
				data, err := os.ReadFile(segments[0])
				if err != nil {
					t.Fatal(err)
				}
				for i := 16; i < len(data)/2; i++ { // the texts come first
					data[i] ^= 0x20
				}
				if err := os.WriteFile(segments[0], data, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
				t.Fatalf("texts after the segment was %s:\n%q\nwant\n%q", damage, got, want)
			}
		})
	}
}

// The next open serves every file from the store the listing load saved.
func TestListOnlyFreshSavesTheStore(t *testing.T) {
	dir, cacheDir := listFreshCorpus(t), t.TempDir()
	loadListOnlyFresh(t, dir, cacheDir)
	c, b := loadListOnly(t, dir, cacheDir)
	if b.Cached != b.Read {
		t.Fatalf("second open served %d of %d files from the store", b.Cached, b.Read)
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("store and files differ:\n%q\n%q", got, want)
	}
}

// A segment whose texts are many times its write buffer (written by
// several workers, flushed many times) is published whole: the next open
// serves every file, the texts as parsed.
func TestStoreLargerThanItsWriteBuffer(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	para := strings.Repeat("The council met again on Tuesday and the talks went on late into the night. ", 40)
	total := 0
	for i := 0; total <= 2*textBlocks*textBlock; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Large Article Number %d\n\n", i)
		for b.Len() < 1<<20 {
			fmt.Fprintf(&b, "%d. %s\n\n", b.Len(), para)
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("large%02d.txt", i)), b.String())
		total += b.Len()
	}
	loadListOnlyFresh(t, dir, cacheDir)
	c, b := loadListOnly(t, dir, cacheDir)
	if b.Cached != b.Read || b.Read == 0 {
		t.Fatalf("second open served %d of %d files from the store", b.Cached, b.Read)
	}
	if got, want := fullSnapshot(c), oracle(t, dir); !reflect.DeepEqual(got, want) {
		t.Fatalf("store and files differ")
	}
}

// With SaveAfter the last batch comes before the store is saved; its
// Saved waits for the save (the next open is then served from the store)
// and tells why a store could not be saved.
func TestSaveAfterHandsTheLastBatchFirst(t *testing.T) {
	dir, cacheDir := listFreshCorpus(t), t.TempDir()
	var last Batch
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: cacheDir, ListOnly: true, ListOnlyFresh: true, SaveAfter: true}, func(b Batch) {
		if b.Done {
			last = b
		}
	})
	if last.Saved == nil || last.StoreState != "" {
		t.Fatalf("last batch: Saved %v, StoreState %q", last.Saved != nil, last.StoreState)
	}
	if err := last.Saved(); err != nil {
		t.Fatal(err)
	}
	if err := last.Saved(); err != nil { // waits once, answers every time
		t.Fatal(err)
	}
	if _, b := loadListOnly(t, dir, cacheDir); b.Cached != b.Read || b.Read == 0 {
		t.Fatalf("next open served %d of %d files from the store", b.Cached, b.Read)
	}

	blocker := filepath.Join(t.TempDir(), "a-file")
	writeFile(t, blocker, "not a folder")
	Stream(context.Background(), Source{Paths: []string{dir}}, Options{CacheDir: filepath.Join(blocker, "cache"), ListOnly: true, SaveAfter: true}, func(b Batch) {
		if b.Done {
			last = b
		}
	})
	if last.Saved == nil {
		t.Fatal("no Saved for a store that cannot be saved")
	}
	if err := last.Saved(); err == nil || !strings.Contains(err.Error(), "could not be saved") {
		t.Fatalf("Saved = %v, want the reason the store could not be saved", err)
	}
}

package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/store"
)

// Stored stories whose fingerprints were damaged on disk are read back
// (the grouping is intact); the first comparison finds the damage, and
// its note says so once: the fingerprints were made again and the file
// stored again, so the next start finds nothing to tell.
func TestDamagedStoredFingerprintsToldOnce(t *testing.T) {
	cacheDir, src := t.TempDir(), corpus.Source{Paths: []string{"/news"}}
	kept := compare.StoriesPath(cacheDir, src)
	arts := sampleArticles()
	for i, a := range arts {
		a.Origin = uint64(i + 1)
	}
	if _, _, err := compare.LoadOrGroupStories(context.Background(), kept, arts, compare.StoryOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(kept)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-2] ^= 0x10 // a fingerprint's weight
	if err := os.WriteFile(kept, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for start, want := range []bool{true, false} {
		from, err := store.Open(context.Background(), src, store.Options{Options: corpus.Options{CacheDir: cacheDir}, Lazy: true})
		if err != nil {
			t.Fatal(err)
		}
		from.Index().LoadBatch(arts, nil, true) // the reader's list
		st, err := from.Stories(context.Background(), store.StoryOptions{StoryOptions: compare.StoryOptions{Workers: 1}, StoredOnly: true})
		if err != nil {
			t.Fatalf("start %d: the intact grouping not read back: %v", start, err)
		}
		if note := storedDamageNote(st); note != "" {
			t.Errorf("start %d: told before the fingerprints were read: %q", start, note)
		}
		if _, _, msg := closestInStory(st, arts[0]); msg != "" {
			t.Fatalf("start %d: %s", start, msg)
		}
		note := storedDamageNote(st)
		if got := strings.Contains(note, "damaged"); got != want {
			t.Errorf("start %d: note %q, want damage told: %v", start, note, want)
		}
		if again := storedDamageNote(st); again != "" {
			t.Errorf("start %d: told twice: %q", start, again)
		}
	}
}

package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/library"
)

// Stored stories whose fingerprints were damaged on disk are read back
// (the grouping is intact); the first comparison finds the damage, and
// its note says so once: the fingerprints were made again and the file
// stored again, so the next start finds nothing to tell.
func TestDamagedStoredFingerprintsToldOnce(t *testing.T) {
	store := filepath.Join(t.TempDir(), "stories.cache")
	arts := sampleArticles()
	for i, a := range arts {
		a.Origin = uint64(i + 1)
	}
	if _, _, err := compare.LoadOrGroupStories(context.Background(), store, arts, compare.StoryOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-2] ^= 0x10 // a fingerprint's weight
	if err := os.WriteFile(store, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for start, want := range []bool{true, false} {
		st, err := library.StoredStories(store, arts, 1)
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

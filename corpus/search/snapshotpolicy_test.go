package search

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// TestSnapshotPolicy pins the one snapshot policy the reader and the
// command line share: no path is no snapshot, a saved snapshot opens for
// the same articles and is marked recently used, one of other articles is
// stale (quiet), and only damage is worth a notice.
func TestSnapshotPolicy(t *testing.T) {
	as := []*corpus.Article{
		art("a", "bbc.co.uk", "Talks in Geneva", "Ministers met in Geneva on Monday."),
		art("b", "reuters.com", "Rates held", "The central bank held rates at 4.5%."),
	}
	ix := New()
	ix.Add(as)
	if err := SaveSnapshot(ix, ""); err != nil {
		t.Fatalf("SaveSnapshot with no path: %v, want nil (nothing to do)", err)
	}
	if _, err := OpenSnapshot("", as); !errors.Is(err, fs.ErrNotExist) || SnapshotUnreadable(err) {
		t.Fatalf("OpenSnapshot with no path: %v, want a quiet not-exist", err)
	}
	path := filepath.Join(t.TempDir(), "index-policy.cache")
	if _, err := OpenSnapshot(path, as); !errors.Is(err, fs.ErrNotExist) || SnapshotUnreadable(err) {
		t.Fatalf("OpenSnapshot of a missing file: %v, want a quiet not-exist", err)
	}
	if err := SaveSnapshot(ix, path); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-48 * time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	got, err := OpenSnapshot(path, as)
	if err != nil || got.Len() != 2 {
		t.Fatalf("OpenSnapshot of the saved snapshot: %v, %v", got, err)
	}
	if st, err := os.Stat(path); err != nil || !st.ModTime().After(old) {
		t.Fatalf("an opened snapshot is marked recently used (mtime %v, was %v; %v)", st.ModTime(), old, err)
	}
	if _, err := OpenSnapshotWithoutArticles("", nil); !errors.Is(err, fs.ErrNotExist) || SnapshotUnreadable(err) {
		t.Fatalf("OpenSnapshotWithoutArticles with no path: %v, want a quiet not-exist", err)
	}
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	if lazy, err := OpenSnapshotWithoutArticles(path, nil); err != nil || lazy.Len() != 2 {
		t.Fatalf("OpenSnapshotWithoutArticles of the saved snapshot: %v, %v", lazy, err)
	}
	if st, err := os.Stat(path); err != nil || !st.ModTime().After(old) {
		t.Fatalf("a snapshot opened without its articles is marked recently used (mtime %v, was %v; %v)", st.ModTime(), old, err)
	}
	_, err = OpenSnapshot(path, as[:1])
	if !errors.Is(err, ErrStale) || SnapshotUnreadable(err) {
		t.Fatalf("OpenSnapshot for other articles: %v, want a quiet ErrStale", err)
	}
	if err := os.WriteFile(path, []byte("parallax search index\ngarbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenSnapshot(path, as); err == nil || !SnapshotUnreadable(err) {
		t.Fatalf("OpenSnapshot of a damaged file: %v, want an error worth a notice", err)
	}
}

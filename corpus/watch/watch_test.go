package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// nextChanges waits for the watcher's next batch of changes.
func nextChanges(t *testing.T, ch <-chan []Change) []Change {
	t.Helper()
	select {
	case cs := <-ch:
		return cs
	case <-time.After(10 * time.Second):
		t.Fatal("no change reported")
		return nil
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "old.txt"), "Old Headline Here\n\nBody.\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan []Change, 16)
	if err := Paths(ctx, []string{dir}, corpus.Options{}, func(cs []Change) { ch <- cs }); err != nil {
		t.Fatal(err)
	}

	// A new file, written in several steps, is read once it settles.
	p := filepath.Join(dir, "new.txt")
	f, _ := os.Create(p)
	f.WriteString("New Headline Here\n\n")
	f.Sync()
	f.WriteString("Body text.\n")
	f.Close()
	cs := nextChanges(t, ch)
	if len(cs) != 1 || cs[0].Path != p || len(cs[0].Articles) != 1 || cs[0].Articles[0].Title != "New Headline Here" || cs[0].Articles[0].ID != "new" {
		t.Fatalf("create: %+v", cs)
	}

	// A change replaces the file's articles.
	writeFile(t, p, "Edited Headline Here\n\nBody text.\n")
	cs = nextChanges(t, ch)
	if len(cs) != 1 || cs[0].Articles[0].Title != "Edited Headline Here" {
		t.Fatalf("write: %+v", cs)
	}

	// Hidden files are ignored; a new folder's files are read.
	writeFile(t, filepath.Join(dir, ".draft.txt"), "Hidden Headline\n\nBody.\n")
	writeFile(t, filepath.Join(dir, "sub", "deep.txt"), "Deep Headline Here\n\nBody.\n")
	found := false
	for deadline := time.Now().Add(5 * time.Second); !found && time.Now().Before(deadline); {
		for _, c := range nextChanges(t, ch) {
			if filepath.Base(c.Path) == ".draft.txt" {
				t.Fatalf("hidden file reported: %+v", c)
			}
			if c.Path == filepath.Join(dir, "sub", "deep.txt") && len(c.Articles) == 1 && c.Articles[0].ID == "sub/deep" {
				found = true
			}
		}
	}
	if !found {
		t.Fatal("file in a new folder not reported")
	}

	// Removal.
	os.Remove(filepath.Join(dir, "old.txt"))
	cs = nextChanges(t, ch)
	if len(cs) != 1 || !cs[0].Removed || cs[0].Path != filepath.Join(dir, "old.txt") {
		t.Fatalf("remove: %+v", cs)
	}
	os.RemoveAll(filepath.Join(dir, "sub"))
	cs = nextChanges(t, ch)
	dirGone := false
	for _, c := range cs {
		if c.Removed && c.Path == filepath.Join(dir, "sub") && c.Dir {
			dirGone = true
		}
	}
	if !dirGone {
		t.Fatalf("folder removal: %+v", cs)
	}
}

func TestWatchSingleFileRoot(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "one.txt")
	writeFile(t, p, "One Headline Here\n\nBody.\n")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan []Change, 16)
	if err := Paths(ctx, []string{p}, corpus.Options{}, func(cs []Change) { ch <- cs }); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "other.txt"), "Other Headline\n\nBody.\n")
	writeFile(t, p, "Changed Headline Here\n\nBody.\n")
	cs := nextChanges(t, ch)
	if len(cs) != 1 || cs[0].Path != p || cs[0].Articles[0].Title != "Changed Headline Here" {
		t.Fatalf("single file: %+v", cs)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

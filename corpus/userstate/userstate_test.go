package userstate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

var t0 = time.Date(2025, 12, 1, 12, 0, 0, 0, time.UTC)

func TestDirHonoursXDGStateHome(t *testing.T) {
	d := t.TempDir()
	t.Setenv("XDG_STATE_HOME", d)
	if got, want := Dir(), filepath.Join(d, userfiles.AppDir); got != want {
		t.Fatalf("Dir() = %q, want %q", got, want)
	}
}

func TestMarksPersistAcrossOpen(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	m, warn := OpenReads()
	if warn != nil {
		t.Fatalf("fresh open warned: %v", warn)
	}
	if m.Len() != 0 {
		t.Fatalf("fresh marks not empty: %d", m.Len())
	}
	m.Set("a", true, t0)
	m.Set("b", true, t0)
	if !m.Toggle("c", t0) || m.Toggle("b", t0) {
		t.Fatal("Toggle returned the wrong state")
	}
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	if m.Dirty() {
		t.Fatal("still dirty after Save")
	}
	again, warn := OpenReads()
	if warn != nil {
		t.Fatal(warn)
	}
	for key, want := range map[string]bool{"a": true, "b": false, "c": true, "d": false} {
		if again.Has(key) != want {
			t.Errorf("after reopen Has(%q) = %v, want %v", key, !want, want)
		}
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(Dir())
	if len(entries) != 2 || entries[0].Name() != ReadsFile || entries[1].Name() != ReadsFile+".lock" {
		t.Fatalf("state dir holds %v, want only %s and its lock", entries, ReadsFile)
	}
}

func TestCorruptFileIsSetAside(t *testing.T) {
	for name, content := range map[string]string{
		"garbage":      "{not json",
		"truncated":    `{"version":1,"marks":{"a":"2025-`,
		"future":       `{"version":99,"marks":{}}`,
		"wrong shapes": `{"version":1,"marks":["a"]}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, ReadsFile)
			os.WriteFile(p, []byte(content), 0o600)
			m, warn := Open(p)
			if warn == nil || !strings.Contains(warn.Error(), "corrupt-") {
				t.Fatalf("want a warning naming the set-aside file, got %v", warn)
			}
			if m == nil || m.Len() != 0 {
				t.Fatal("corrupt file must give empty, usable marks")
			}
			aside, _ := filepath.Glob(p + ".corrupt-*")
			if len(aside) != 1 {
				t.Fatalf("corrupt file not set aside: %v", aside)
			}
			if b, _ := os.ReadFile(aside[0]); string(b) != content {
				t.Fatal("set-aside file does not hold the original bytes")
			}
			m.Set("x", true, t0)
			if err := m.Save(); err != nil {
				t.Fatal(err)
			}
			if again, warn := Open(p); warn != nil || !again.Has("x") {
				t.Fatalf("save after corruption failed: %v", warn)
			}
		})
	}
}

func TestUnreadableFileIsNeverOverwritten(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read anything")
	}
	p := filepath.Join(t.TempDir(), ReadsFile)
	os.WriteFile(p, []byte(`{"version":1,"marks":{"a":"2025-12-01T12:00:00Z"}}`), 0o000)
	m, warn := Open(p)
	if warn == nil {
		t.Fatal("want a warning")
	}
	m.Set("b", true, t0)
	if err := m.Save(); err == nil {
		t.Fatal("Save must refuse to overwrite a file it could not read")
	}
}

func TestUnreadableDirectoryEntryIsNeverOverwritten(t *testing.T) {
	// A folder where the file should be cannot be read as a file: the marks
	// stay usable in memory and Save refuses rather than clobbering it.
	p := filepath.Join(t.TempDir(), ReadsFile)
	os.Mkdir(p, 0o700)
	m, warn := Open(p)
	if warn == nil {
		t.Fatal("want a warning")
	}
	m.Set("b", true, t0)
	if !m.Has("b") {
		t.Fatal("marks must work in memory")
	}
	if err := m.Save(); err == nil {
		t.Fatal("Save must fail")
	}
}

func TestSaveMergesConcurrentInstances(t *testing.T) {
	p := filepath.Join(t.TempDir(), ReadsFile)
	one, _ := Open(p)
	two, _ := Open(p)
	one.Set("a", true, t0)
	one.Set("shared", true, t0)
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	two.Set("b", true, t0)
	if err := two.Save(); err != nil {
		t.Fatal(err)
	}
	one.Set("shared", false, t0)
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	final, _ := Open(p)
	for key, want := range map[string]bool{"a": true, "b": true, "shared": false} {
		if final.Has(key) != want {
			t.Errorf("Has(%q) = %v, want %v", key, !want, want)
		}
	}
	if !one.Has("b") {
		t.Error("a save should adopt marks another instance saved")
	}
}

func TestSaveFailureKeepsChangesForRetry(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	os.WriteFile(blocker, nil, 0o600)
	m, _ := Open(filepath.Join(blocker, ReadsFile)) // parent is a file: cannot save
	m.Set("a", true, t0)
	if err := m.Save(); err == nil {
		t.Fatal("want an error")
	}
	if !m.Dirty() {
		t.Fatal("failed save must keep the change pending")
	}
}

func TestArticleKey(t *testing.T) {
	a := &corpus.Article{Title: "T", Outlet: "O", Blocks: []corpus.Block{{Kind: corpus.Paragraph, Text: "body"}}}
	b := *a
	b.ID, b.Path = "other/id", "/elsewhere/file.txt"
	if ArticleKey(a) != ArticleKey(&b) {
		t.Error("key must not depend on where the article was found")
	}
	// Marks saved by every earlier version are stored under this key: it
	// is sha256 of "O\x00T\x00-62135596800\x00body\n" (outlet, title, Unix
	// date, then each block and a newline).
	if got, want := ArticleKey(a), "sha256:0f7ef13ed01f884c96d58fdaacf61be4"; got != want {
		t.Errorf("key changed: %s, want %s (saved read marks would be lost)", got, want)
	}
	c := *a
	c.Blocks = []corpus.Block{{Kind: corpus.Paragraph, Text: "other body"}}
	if ArticleKey(a) == ArticleKey(&c) {
		t.Error("different bodies must give different keys")
	}
	d := *a
	d.URL = "https://example.com/x"
	e := c
	e.URL = d.URL
	if ArticleKey(&d) != ArticleKey(&e) || !strings.HasPrefix(ArticleKey(&d), "url:") {
		t.Error("the URL identifies an article")
	}
}

func TestOpenRemovesOnlyStaleTempFiles(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	if err := os.MkdirAll(Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(Dir(), ".reads.json.tmp-111")
	young := filepath.Join(Dir(), ".reads.json.tmp-222")
	other := filepath.Join(Dir(), ".bookmarks.json.tmp-333")
	for _, f := range []string{old, young, other} {
		if err := os.WriteFile(f, []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * staleTempAge)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)
	if _, warn := OpenReads(); warn != nil {
		t.Fatal(warn)
	}
	for f, want := range map[string]bool{old: false, young: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s exists = %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

func TestBookmarksAreASeparateFile(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	b, _ := OpenBookmarks()
	b.Set("url:x", true, t0)
	if err := b.Save(); err != nil {
		t.Fatal(err)
	}
	r, _ := OpenReads()
	if r.Has("url:x") {
		t.Fatal("a bookmark shows up as a read mark")
	}
	if _, err := os.Stat(filepath.Join(Dir(), BookmarksFile)); err != nil {
		t.Fatal(err)
	}
	m := InMemory()
	m.Set("a", true, t0)
	if err := m.Save(); err != nil || !m.Has("a") {
		t.Fatalf("in-memory marks: %v", err)
	}
}

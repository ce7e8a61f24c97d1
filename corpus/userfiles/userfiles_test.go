package userfiles

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDirsFollowAbsoluteEnvOnly(t *testing.T) {
	abs := t.TempDir()
	for _, c := range []struct {
		env string
		dir func() string
	}{
		{"XDG_STATE_HOME", StateDir}, {"XDG_CONFIG_HOME", ConfigDir},
		{"XDG_CACHE_HOME", CacheDir}, {"XDG_DATA_HOME", DataDir},
	} {
		t.Setenv(c.env, abs)
		if got, want := c.dir(), filepath.Join(abs, AppDir); got != want {
			t.Errorf("%s=%s: %s, want %s", c.env, abs, got, want)
		}
		// A relative value is invalid by the XDG specification: the
		// default applies, never a folder relative to where we run.
		t.Setenv(c.env, "relative/dir")
		if got := c.dir(); !filepath.IsAbs(got) || strings.Contains(got, "relative") {
			t.Errorf("%s=relative/dir: %s, want the absolute default", c.env, got)
		}
	}
}

func TestWriteAtomicPermissionsAndNoLeftovers(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "f.json")
	if err := WriteFileAtomic(path, []byte("one"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("content %q, want two", b)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", st.Mode().Perm())
	}
	dst, _ := os.Stat(dir)
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", dst.Mode().Perm())
	}
	// A failed write leaves the old file and no temporary file.
	boom := errors.New("boom")
	if err := WriteAtomic(path, 0o600, func(w io.Writer) error { w.Write([]byte("partial")); return boom }); err != boom {
		t.Errorf("error %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "two" {
		t.Errorf("after a failed write: %q, want two", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("folder holds %d files, want only f.json", len(ents))
	}
}

func TestRemoveStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "reads.json")
	old := filepath.Join(dir, ".reads.json.tmp-1")
	young := filepath.Join(dir, ".reads.json.tmp-2")
	other := filepath.Join(dir, ".bookmarks.json.tmp-3")
	for _, p := range []string{old, young, other} {
		os.WriteFile(p, nil, 0o600)
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	RemoveStaleTemps(path, time.Minute)
	for p, want := range map[string]bool{old: false, young: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// ReadRegular refuses what is not a regular file before reading from it
// (a FIFO would block forever, /dev/zero never ends) and caps the size.
func TestReadRegularRefusesSpecialAndLarge(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("hello"), 0o600)
	if b, err := ReadRegular(small, 5); err != nil || string(b) != "hello" {
		t.Errorf("small file: %q, %v", b, err)
	}
	if _, err := ReadRegular(small, 4); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Errorf("over the cap: %v, want too large", err)
	}
	if _, err := ReadRegular(filepath.Join(dir, "missing"), 5); !IsNotExist(err) {
		t.Errorf("missing file: %v, want not-exist", err)
	}
	if _, err := ReadRegular(dir, 5); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}

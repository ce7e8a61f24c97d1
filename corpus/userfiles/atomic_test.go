package userfiles

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"
)

// WriteFileAtomic replaces the file whole: a reader of the old file reads
// it whole, a new folder gets search permission, and a failed write leaves
// no temporary file.
func TestWriteFileAtomicReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "state.json")
	if err := WriteFileAtomic(path, []byte("one\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm()&0o100 == 0 {
		t.Fatalf("folder: %v, want search permission (error %v)", st.Mode().Perm(), err)
	}
	reader, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	if err := WriteFileAtomic(path, []byte("two, longer\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if seen, _ := io.ReadAll(reader); string(seen) != "one\n" {
		t.Errorf("the old file's reader saw %q", seen)
	}
	if got, _ := os.ReadFile(path); string(got) != "two, longer\n" {
		t.Errorf("file holds %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	// The path is a folder now: the rename fails, and no temporary file
	// stays behind.
	blocked := filepath.Join(dir, "blocked")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(blocked, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(blocked, []byte("x"), 0o644); err == nil {
		t.Error("replacing a non-empty folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "blocked state.json" {
		t.Errorf("folder holds %v, want no temporary file", names)
	}
}

// CommitUnsynced publishes what was written, as Commit does, and leaves
// no temporary file; Abort after it removes nothing published.
func TestCommitUnsyncedPublishes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "segment")
	a, err := CreateAtomic(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for i := 0; i < 64; i++ {
		chunk := strings.Repeat(string(rune('a'+i%26)), 64<<10)
		if _, err := a.WriteString(chunk); err != nil {
			t.Fatal(err)
		}
		want.WriteString(chunk)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the file is at its path before CommitUnsynced (%v)", err)
	}
	if err := a.CommitUnsynced(); err != nil {
		t.Fatal(err)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != want.String() {
		t.Fatalf("published %d bytes (error %v), want %d", len(got), err, want.Len())
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("published file: %v, %v; want mode 0600", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files, want the published one alone", len(entries))
	}
}

// AlignedBlock's memory starts at a multiple of DirectAlign and holds n.
func TestAlignedBlock(t *testing.T) {
	for _, n := range []int{DirectAlign, 16 * DirectAlign, 1 << 20} {
		for range 8 {
			b := AlignedBlock(n)
			if len(b) != 0 || cap(b) != n {
				t.Fatalf("AlignedBlock(%d): len %d cap %d", n, len(b), cap(b))
			}
			if p := uintptr(unsafe.Pointer(unsafe.SliceData(b[:1]))); p%DirectAlign != 0 {
				t.Fatalf("AlignedBlock(%d) at %#x", n, p)
			}
		}
	}
}

// Aligned writes past the page cache and unaligned ones through it, after
// BypassCache(false), make the file Commit publishes.
func TestBypassCacheWritesTheSame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segment")
	a, err := CreateAtomic(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.BypassCache(true); err != nil {
		t.Skipf("no bypass here: %v", err)
	}
	block := AlignedBlock(4 * DirectAlign)[:4*DirectAlign]
	for i := range block {
		block[i] = byte(i % 251)
	}
	if _, err := a.WriteAt(block, 0); err != nil {
		t.Fatal(err)
	}
	if err := a.BypassCache(false); err != nil {
		t.Fatal(err)
	}
	if _, err := a.WriteAt([]byte("tail"), int64(len(block))); err != nil {
		t.Fatal(err)
	}
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, append(block[:len(block):len(block)], "tail"...)) {
		t.Fatalf("file holds %d bytes (%v)", len(got), err)
	}
}

// WriteCacheAtomic publishes what write wrote; a write that fails leaves
// the old file and no temporary one.
func TestWriteCacheAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "index.cache")
	put := func(s string, err error) error {
		return WriteCacheAtomic(path, 0o600, func(w io.Writer) error {
			io.WriteString(w, s)
			return err
		})
	}
	if err := put("first", nil); err != nil {
		t.Fatal(err)
	}
	if err := put("second, failed", io.ErrUnexpectedEOF); err == nil {
		t.Fatal("a failed write was published")
	}
	if got, _ := os.ReadFile(path); string(got) != "first" {
		t.Fatalf("file holds %q, want the first", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("folder holds %d files, want 1", len(entries))
	}
}

// alignSkip reaches the next multiple of DirectAlign from any address.
func TestAlignSkip(t *testing.T) {
	for _, c := range []struct {
		p    uintptr
		skip int
	}{{0, 0}, {1, DirectAlign - 1}, {DirectAlign - 1, 1}, {DirectAlign, 0}, {DirectAlign + 5, DirectAlign - 5}, {7*DirectAlign + DirectAlign/2, DirectAlign / 2}} {
		if got := alignSkip(c.p); got != c.skip {
			t.Errorf("alignSkip(%#x) = %d, want %d", c.p, got, c.skip)
		}
	}
}

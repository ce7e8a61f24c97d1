package corpus

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// What a block writer is given is what the file holds, in order: texts
// smaller than a block, larger than several, ending exactly at a block's
// end, and empty, then the unwritten tail written after close.
func TestBlockWriterWritesWhatItIsGiven(t *testing.T) {
	sizes := []int{17, 0, textBlock - 17, 1, textBlock, 3*textBlock + 5, 4096, textBlock/2 + 1, 9}
	for _, direct := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "segment")
		f, err := userfiles.CreateAtomic(path, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		w := newBlockWriter(f)
		if !direct {
			// Through the page cache, as where the file system refuses
			// to bypass it.
			w.close()
			f.Abort()
			if f, err = userfiles.CreateAtomic(path, 0o600); err != nil {
				t.Fatal(err)
			}
			w = startBlockWriter(f, false)
		}
		t.Logf("direct %v: bypassing the page cache: %v", direct, w.direct)
		var want bytes.Buffer
		for i, n := range sizes {
			s := strings.Repeat(string(rune('a'+i)), n)
			if err := w.write(s); err != nil {
				t.Fatal(err)
			}
			want.WriteString(s)
			if w.size() != uint64(want.Len()) {
				t.Fatalf("size %d after %d bytes", w.size(), want.Len())
			}
		}
		tail, at, err := w.close()
		if err != nil {
			t.Fatal(err)
		}
		if at%userfiles.DirectAlign != 0 || int(at)+len(tail) != want.Len() {
			t.Fatalf("tail of %d bytes at %d, after %d bytes", len(tail), at, want.Len())
		}
		if _, err := f.WriteAt(tail, at); err != nil {
			t.Fatal(err)
		}
		if err := f.CommitUnsynced(); err != nil {
			t.Fatal(err)
		}
		if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("direct %v: file holds %d bytes (%v), want the %d written", direct, len(got), err, want.Len())
		}
	}
}

// A block the file system refuses to write past the page cache (EINVAL,
// as ext4 refuses memory that is not aligned; tmpfs takes it) is written
// through it, and so are the blocks after it. An error through the page
// cache is the block's.
func TestBlockWriterFallsBackToThePageCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "segment")
	f, err := userfiles.CreateAtomic(path, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	w := newBlockWriter(f)
	defer w.close()
	if !w.direct {
		t.Skip("this file system does not bypass the page cache")
	}
	var direct []bool // whether each write was made bypassing the cache
	w.writeAt = func(b []byte, at int64) (int, error) {
		direct = append(direct, w.direct)
		if w.direct {
			return 0, &os.PathError{Op: "write", Path: path, Err: syscall.EINVAL}
		}
		return f.WriteAt(b, at)
	}
	block := userfiles.AlignedBlock(2 * userfiles.DirectAlign)[:2*userfiles.DirectAlign]
	for i := range block {
		block[i] = byte('a' + i%26)
	}
	for k := range 2 {
		if err := w.writeBlock(placedBlock{block[k*userfiles.DirectAlign : (k+1)*userfiles.DirectAlign], int64(k * userfiles.DirectAlign)}); err != nil {
			t.Fatal(err)
		}
	}
	if w.direct || !slices.Equal(direct, []bool{true, false, false}) {
		t.Fatalf("writes bypassing the cache: %v, still bypassing: %v; want the refused one alone", direct, w.direct)
	}
	if got, err := os.ReadFile(f.Name()); err != nil || !bytes.Equal(got, block) {
		t.Fatalf("file holds %q (%v)", got, err)
	}
	w.writeAt = func([]byte, int64) (int, error) { return 0, syscall.ENOSPC }
	if err := w.writeBlock(placedBlock{block, 0}); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("a full disk: %v", err)
	}
	// Bypassing again, a write refused both ways is tried through the
	// page cache once, and fails with the page cache's error.
	if err := f.BypassCache(true); err != nil {
		t.Fatal(err)
	}
	w.direct = true
	tries := 0
	w.writeAt = func([]byte, int64) (int, error) {
		tries++
		if w.direct {
			return 0, syscall.EOPNOTSUPP
		}
		return 0, syscall.ENOSPC
	}
	if err := w.writeBlock(placedBlock{block, 0}); !errors.Is(err, syscall.ENOSPC) || tries != 2 || w.direct {
		t.Errorf("refused past the cache, then a full disk: %v after %d tries, bypassing %v", err, tries, w.direct)
	}
}

// A block that cannot be written stops the writer: write fails once the
// failure is known, and close returns it.
func TestBlockWriterReportsAFailedWrite(t *testing.T) {
	f, err := userfiles.CreateAtomic(filepath.Join(t.TempDir(), "segment"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	w := newBlockWriter(f)
	f.File.Close() // every write now fails
	block := strings.Repeat("x", textBlock)
	var werr error
	for i := 0; i < 4*textBlocks && werr == nil; i++ {
		werr = w.write(block)
	}
	if _, _, err := w.close(); err == nil {
		t.Fatal("close after failed writes: no error")
	}
	if werr == nil {
		t.Error("write went on after the blocks failed")
	}
}

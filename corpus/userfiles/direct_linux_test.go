package userfiles

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// BypassCache sets O_DIRECT on the descriptor and clears it; after it is
// cleared, a write from memory that is not aligned is taken.
func TestBypassCacheSetsODirect(t *testing.T) {
	a, err := CreateAtomic(filepath.Join(t.TempDir(), "segment"), 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Abort()
	flags := func() int {
		f, err := unix.FcntlInt(a.Fd(), unix.F_GETFL, 0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if err := a.BypassCache(true); err != nil {
		t.Skipf("no bypass here: %v", err)
	}
	if flags()&unix.O_DIRECT == 0 {
		t.Fatal("BypassCache(true) left O_DIRECT clear")
	}
	// An unaligned write is refused (ext4) or taken whole (tmpfs).
	block := AlignedBlock(2 * DirectAlign)[:2*DirectAlign]
	if n, err := a.WriteAt(block[1:1+DirectAlign], 0); !errors.Is(err, syscall.EINVAL) && (err != nil || n != DirectAlign) {
		t.Errorf("unaligned write past the page cache: %d bytes, %v; want EINVAL or all of it", n, err)
	}
	if err := a.BypassCache(false); err != nil {
		t.Fatal(err)
	}
	if flags()&unix.O_DIRECT != 0 {
		t.Fatal("BypassCache(false) left O_DIRECT set")
	}
	if _, err := a.WriteAt(block[1:1+DirectAlign], 0); err != nil {
		t.Errorf("unaligned write through the page cache: %v", err)
	}
}

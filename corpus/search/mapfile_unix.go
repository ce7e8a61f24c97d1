//go:build unix

package search

import (
	"os"
	"syscall"
)

// mapFile maps a snapshot read-only. The mapping is shared with the page
// cache, so opening costs no copy and a query touches only the pages it
// reads. It is never unmapped (see mapped).
func mapFile(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, syscall.EINVAL
	}
	return syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
}

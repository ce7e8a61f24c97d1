//go:build unix

package cache

import (
	"os"
	"syscall"
)

// Map maps the first size bytes of a cache file read-only and shared: its
// pages are the page cache's, read when touched and never copied, so a
// warm start costs what it reads, not what the file holds. The caller must
// have checked size against the file (a page past the end of a file is
// SIGBUS, not an error) and must never modify or truncate the file while
// it is mapped: cache files are written once, under a new name, and
// replaced by rename. The mapping is never unmapped, since strings point
// into it; it goes with the process.
func Map(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, syscall.EINVAL
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return ReadAll(f, size)
	}
	return data, nil
}

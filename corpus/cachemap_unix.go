//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// mapCacheFile maps a cache file read-only. Pages are read from the page
// cache when an entry is first decoded, so opening the cache costs the
// index alone and the bytes exist once in memory. The mapping is never
// undone: decoded articles point into it. Cache files are replaced by
// rename, never rewritten in place, so the mapped file does not change.
func mapCacheFile(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, syscall.EINVAL
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return readCacheBytes(f, size)
	}
	return data, nil
}

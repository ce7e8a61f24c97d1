//go:build unix

package corpus

import (
	"io/fs"
	"os"
	"syscall"
)

type fileKey struct{ dev, ino uint64 }

func keyOf(st fs.FileInfo) (fileKey, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(s.Dev), uint64(s.Ino)}, true
}

// openNoBlock opens p for reading without blocking, even if it has become a
// FIFO since it was listed; the caller checks that it is a regular file.
func openNoBlock(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

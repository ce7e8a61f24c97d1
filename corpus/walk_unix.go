//go:build unix

package corpus

import (
	"io/fs"
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

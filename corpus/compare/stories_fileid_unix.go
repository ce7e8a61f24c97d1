//go:build unix

package compare

import (
	"os"
	"syscall"
)

// fileNode is the device and inode of the file st describes.
func fileNode(st os.FileInfo) (dev, ino uint64, ok bool) {
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(sys.Dev), uint64(sys.Ino), true
}

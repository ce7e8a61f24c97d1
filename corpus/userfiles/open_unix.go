//go:build unix && !linux

package userfiles

import (
	"os"
	"syscall"
)

// openNoBlock opens p for reading without blocking, even if it is (or has
// become) a FIFO; the caller checks that it is a regular file.
func openNoBlock(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

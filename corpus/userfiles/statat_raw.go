//go:build linux && (amd64 || arm64)

package userfiles

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// fstatat stats name relative to the folder fd into s, with buf as the
// scratch for the name's C string.
//
// It is a raw system call: for a name in a folder in the page cache the
// kernel answers in well under a microsecond, and going through the Go
// scheduler's system-call hand-off cost more than the stat itself (200
// against 75 ms of CPU for 100,000 files, with another thread idle). A
// stat that waits on a slow disk holds its thread and P meanwhile; the
// walk stats from one goroutine, so the other P stays free.
func fstatat(fd int, name string, buf *[]byte, s *unix.Stat_t) error {
	b := append(append((*buf)[:0], name...), 0)
	*buf = b
	for {
		_, _, e := unix.RawSyscall6(unix.SYS_NEWFSTATAT, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(unsafe.Pointer(s)), 0, 0, 0)
		switch e {
		case 0:
			return nil
		case syscall.EINTR:
			continue
		}
		return e
	}
}

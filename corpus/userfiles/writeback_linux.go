package userfiles

import "golang.org/x/sys/unix"

// StartWriteback asks the kernel to start writing bytes [off, off+n) of
// the file to disk, without waiting: a large file written over time (a
// store segment of hundreds of megabytes) then reaches the disk while it
// is still being written, and Commit's sync waits for the last part only
// rather than for all of it (170 ms at 460 MB). A hint: errors are
// ignored, and Commit still syncs everything.
func (a *AtomicFile) StartWriteback(off, n int64) {
	if n <= 0 {
		return
	}
	rc, err := a.File.SyscallConn()
	if err != nil {
		return
	}
	_ = rc.Control(func(fd uintptr) {
		_ = unix.SyncFileRange(int(fd), off, n, unix.SYNC_FILE_RANGE_WRITE)
	})
}

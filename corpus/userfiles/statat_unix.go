//go:build linux || android || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd

package userfiles

import (
	"os"

	"golang.org/x/sys/unix"
)

// StatAt stats each of the names inside the open folder dir, following
// symbolic links as os.Stat does, and hands each result to each (in
// order, from the calling goroutine). Relative to the folder's descriptor
// the kernel resolves one name instead of the whole path, and nothing is
// allocated. It returns false where the system cannot (see
// statat_other.go): the caller then stats by path.
func StatAt(dir *os.File, names []string, each func(i int, st FileStat, err error)) bool {
	rc, err := dir.SyscallConn()
	if err != nil {
		return false
	}
	err = rc.Control(func(fd uintptr) {
		var s unix.Stat_t
		var path []byte
		for i, name := range names {
			if err := fstatat(int(fd), name, &path, &s); err != nil {
				each(i, FileStat{}, &os.PathError{Op: "stat", Path: name, Err: err})
				continue
			}
			each(i, FileStat{
				Regular:    uint32(s.Mode)&unix.S_IFMT == unix.S_IFREG,
				Size:       s.Size,
				ModNano:    s.Mtim.Nano(),
				ChangeNano: s.Ctim.Nano(),
				Ino:        uint64(s.Ino),
			}, nil)
		}
	})
	return err == nil
}

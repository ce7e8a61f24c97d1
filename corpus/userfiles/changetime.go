//go:build linux || android || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd

package userfiles

import (
	"io/fs"
	"syscall"
)

// ChangeTime returns st's status change time (ctime) in Unix nanoseconds,
// which no program can set back as it can the modification time; ok is
// false where the system gives none.
func ChangeTime(st fs.FileInfo) (ctime int64, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	ts := changeTimespec(s)
	return ts.Nano(), true
}

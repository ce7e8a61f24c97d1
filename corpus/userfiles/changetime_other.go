//go:build !(linux || android || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd)

package userfiles

import "io/fs"

// ChangeTime returns st's status change time (ctime) in Unix nanoseconds;
// ok is false where the system gives none, as here.
func ChangeTime(st fs.FileInfo) (ctime int64, ok bool) { return 0, false }

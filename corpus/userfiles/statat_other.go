//go:build !(linux || android || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd)

package userfiles

import "os"

// StatAt is not available here: it returns false, and the caller stats
// each file by its path.
func StatAt(dir *os.File, names []string, each func(i int, st FileStat, err error)) bool {
	return false
}

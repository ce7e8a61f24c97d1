//go:build unix

package search

import (
	"os"

	"golang.org/x/sys/unix"
)

// statIn returns the size and modification time of the regular file
// named name in the open folder d (whose path is dir).
func statIn(d *os.File, _, name string) (size, mtime int64, ok bool) {
	var st unix.Stat_t
	if err := unix.Fstatat(int(d.Fd()), name, &st, 0); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		return 0, 0, false
	}
	return st.Size, st.Mtim.Nano(), true
}

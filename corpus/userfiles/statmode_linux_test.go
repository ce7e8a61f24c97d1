package userfiles

import (
	"io/fs"
	"testing"

	"golang.org/x/sys/unix"
)

// StatMode names each file type a stat reports as os.Lstat does; a type
// without a bit of its own is irregular, never read as a regular file.
func TestStatMode(t *testing.T) {
	for _, c := range []struct {
		mode uint32
		want fs.FileMode
	}{
		{unix.S_IFREG | 0o644, 0},
		{unix.S_IFDIR | 0o755, fs.ModeDir},
		{unix.S_IFLNK | 0o777, fs.ModeSymlink},
		{unix.S_IFIFO | 0o600, fs.ModeNamedPipe},
		{unix.S_IFSOCK, fs.ModeSocket},
		{unix.S_IFCHR, fs.ModeDevice | fs.ModeCharDevice},
		{unix.S_IFBLK, fs.ModeDevice},
		{0o644, fs.ModeIrregular},
	} {
		if got := StatMode(c.mode); got != c.want {
			t.Errorf("StatMode(%#o) = %v, want %v", c.mode, got, c.want)
		}
	}
}

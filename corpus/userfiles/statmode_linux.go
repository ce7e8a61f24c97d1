package userfiles

import (
	"io/fs"

	"golang.org/x/sys/unix"
)

// StatMode is the type bits of a stat's mode as an fs.FileMode, as
// os.Lstat gives them (what FileKind names); a type Go has no bit for is
// irregular, never a regular file.
func StatMode(m uint32) fs.FileMode {
	switch m & unix.S_IFMT {
	case unix.S_IFREG:
		return 0
	case unix.S_IFDIR:
		return fs.ModeDir
	case unix.S_IFIFO:
		return fs.ModeNamedPipe
	case unix.S_IFSOCK:
		return fs.ModeSocket
	case unix.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case unix.S_IFBLK:
		return fs.ModeDevice
	case unix.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

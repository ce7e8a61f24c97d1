//go:build unix

package userfiles

import (
	"io/fs"
	"syscall"
)

// FileID identifies a file or folder on its device, so that a walk can
// tell a folder reached twice (through a link) from two folders.
type FileID struct{ dev, ino uint64 }

// IDOf returns st's FileID; ok is false where the system gives none.
func IDOf(st fs.FileInfo) (id FileID, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return FileID{}, false
	}
	return FileID{uint64(s.Dev), uint64(s.Ino)}, true
}

// Numbers returns the device and inode numbers, for keeping an ID on disk.
func (id FileID) Numbers() (dev, ino uint64) { return id.dev, id.ino }

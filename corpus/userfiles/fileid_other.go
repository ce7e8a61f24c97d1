//go:build !unix

package userfiles

import (
	"io/fs"
)

// FileID identifies a file or folder on its device, so that a walk can
// tell a folder reached twice (through a link) from two folders.
type FileID struct{ path string }

// IDOf returns st's FileID; ok is false where the system gives none.
func IDOf(st fs.FileInfo) (id FileID, ok bool) { return FileID{}, false }

// Numbers returns the device and inode numbers, for keeping an ID on disk:
// none here.
func (id FileID) Numbers() (dev, ino uint64) { return 0, 0 }

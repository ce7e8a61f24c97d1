//go:build !unix

package corpus

import (
	"io/fs"
	"os"
)

type fileKey struct{ path string }

func keyOf(st fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

func openNoBlock(p string) (*os.File, error) { return os.Open(p) }

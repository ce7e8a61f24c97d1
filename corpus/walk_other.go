//go:build !unix

package corpus

import (
	"io/fs"
)

type fileKey struct{ path string }

func keyOf(st fs.FileInfo) (fileKey, bool) { return fileKey{}, false }

//go:build !unix

package search

import (
	"os"
	"path/filepath"
)

// statIn returns the size and modification time of the regular file
// named name in the folder dir.
func statIn(_ *os.File, dir, name string) (size, mtime int64, ok bool) {
	st, err := os.Stat(filepath.Join(dir, name))
	if err != nil || !st.Mode().IsRegular() {
		return 0, 0, false
	}
	return st.Size(), st.ModTime().UnixNano(), true
}

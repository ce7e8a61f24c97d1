//go:build !linux

package userfiles

import "io/fs"

// openForRead opens path for reading without blocking (openNoBlock) and
// says what it is and its status (StatOf); the caller checks that it is a
// regular file before reading.
func openForRead(path string) (openedFile, fs.FileMode, FileStat, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, 0, FileStat{}, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, FileStat{}, err
	}
	return f, st.Mode(), StatOf(st), nil
}

//go:build !linux

package userfiles

import "io/fs"

// openForRead opens path for reading without blocking (openNoBlock) and
// says what it is and its size; the caller checks that it is a regular
// file before reading.
func openForRead(path string) (openedFile, fs.FileMode, int64, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, 0, 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, 0, 0, err
	}
	return f, st.Mode(), st.Size(), nil
}

//go:build unix

package cache

import (
	"io"
	"os"
	"syscall"
)

// ReadAll reads a cache file of the given size into memory of its own: an anonymous
// private mapping, outside the Go heap (so the collector neither scans it
// nor counts it when pacing), never unmapped, since decoded articles point
// into it. It was a mapping of the file itself, which costs no copy, but
// then anything that truncates the file while the reader runs turns the
// next read of an article into SIGBUS, which no Go code can recover from;
// a copy cannot change under us. Reading is a copy from the page cache,
// about what the page faults of the file mapping cost.
func ReadAll(f *os.File, size int64) ([]byte, error) {
	if size <= 0 || int64(int(size)) != size {
		return nil, syscall.EINVAL
	}
	data, err := syscall.Mmap(-1, 0, int(size), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return readAll(f, size)
	}
	if _, err := f.ReadAt(data, 0); err != nil {
		syscall.Munmap(data)
		if err == io.EOF {
			err = io.ErrUnexpectedEOF // the file shrank since it was stat'ed
		}
		return nil, err
	}
	return data, nil
}

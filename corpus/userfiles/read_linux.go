package userfiles

import (
	"io"
	"io/fs"

	"golang.org/x/sys/unix"
)

// openForRead opens path for reading without blocking, even if it is (or
// has become) a FIFO, and says what it is and its status (size, times,
// inode); the caller checks that it is a regular file before reading. The descriptor is used bare,
// not as an *os.File: registering each file with the poller, its finalizer
// and its locks were a third of the system's part of opening 100,000 small
// files (a corpus's first open).
func openForRead(path string) (openedFile, fs.FileMode, FileStat, error) {
	var fd int
	var err error
	for {
		fd, err = unix.Open(path, unix.O_RDONLY|unix.O_NONBLOCK|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return nil, 0, FileStat{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil {
		unix.Close(fd)
		return nil, 0, FileStat{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	mode := StatMode(st.Mode)
	return descriptor{fd, path}, mode, FileStat{Regular: mode.IsRegular(), Size: st.Size, ModNano: st.Mtim.Nano(), ChangeNano: st.Ctim.Nano(), Ino: uint64(st.Ino)}, nil
}

// descriptor is an open file's bare descriptor, and its path for errors.
type descriptor struct {
	fd   int
	path string
}

func (d descriptor) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		n, err := unix.Read(d.fd, p)
		switch {
		case err == unix.EINTR:
			continue
		case err != nil:
			return 0, &fs.PathError{Op: "read", Path: d.path, Err: err}
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (d descriptor) Close() error { return unix.Close(d.fd) }

package userfiles

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ReadRegular reads the file at path, which must be a regular file of at
// most max bytes. It never blocks on a special file (the file is opened
// non-blocking and checked before any read: a FIFO would hang a start, a
// link to /dev/zero would fill memory) and never reads more than max+1
// bytes, even from a file that grows meanwhile. Errors from the system
// keep their type (errors.Is(err, fs.ErrNotExist) works); a refused file
// gives an error saying why.
func ReadRegular(path string, max int64) ([]byte, error) {
	data, _, err := ReadRegularStat(path, max, nil)
	return data, err
}

// ReadRegularStat is ReadRegular reading into buf when it has room for the
// file (and one byte more), so that a loader can reuse one buffer for many
// files (otherwise a buffer is made), and returning the file's status as
// it was opened, before it was read: a loader that keeps what it parsed
// under the file's size and time needs no stat of its own.
func ReadRegularStat(path string, max int64, buf []byte) ([]byte, FileStat, error) {
	f, mode, st, err := openForRead(path)
	if err != nil {
		return nil, FileStat{}, err
	}
	data, err := readOpened(f, mode, st.Size, max, buf)
	if err != nil {
		return nil, FileStat{}, err
	}
	return data, st, nil
}

// readOpened reads the file openForRead opened, once it is known to be
// regular and not too large, and closes it.
func readOpened(f openedFile, mode fs.FileMode, size, max int64, buf []byte) ([]byte, error) {
	defer f.Close()
	if !mode.IsRegular() {
		return nil, fmt.Errorf("%s, not a regular file", FileKind(mode))
	}
	if size > max {
		return nil, fmt.Errorf("file too large (%s, limit %s)", HumanBytes(size), HumanBytes(max))
	}
	data, err := readSized(f, size, max, buf)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("file too large (over %s)", HumanBytes(max))
	}
	return data, nil
}

// openedFile is a file opened for reading (openForRead): a bare
// descriptor on Linux (read_linux.go), else an *os.File.
type openedFile interface {
	io.Reader
	Close() error
}

// IsNotExist reports whether err says the file is missing.
func IsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// readSized reads r to EOF, at most max+1 bytes, into a buffer sized for
// the size it had when stat'ed, where io.ReadAll's growing buffer takes
// many reads and copies. A read that returns the stat'ed size and leaves
// room in the buffer ends it: the file held what its status said, and did
// not hold more when read, so the read that would see EOF is saved (one
// system call per file in a cold load). A size of 0 says nothing (files in
// /proc), nor does a size the file no longer has: those are read to EOF.
func readSized(r io.Reader, size, max int64, buf []byte) ([]byte, error) {
	room := min(size, max) + 1 // +1: EOF, or the file has grown
	if int64(cap(buf)) >= room {
		buf = buf[:0]
	} else {
		buf = make([]byte, 0, room)
	}
	for int64(len(buf)) <= max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		end := min(int64(cap(buf)), max+1)
		n, err := r.Read(buf[len(buf):end])
		short := int64(len(buf)+n) < end
		buf = buf[:len(buf)+n]
		if err == io.EOF || err == nil && short && size > 0 && int64(len(buf)) == size {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// FileKind names what a non-regular file is, for messages.
func FileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m.IsDir():
		return "folder"
	}
	return "special file"
}

// HumanBytes writes a size for people: "1.5 MB".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

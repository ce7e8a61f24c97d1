package corpus

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// readEntries reads the visible entries of the open folder f, in the
// folder's order, with getdents into one buffer. os.File.ReadDir made a
// DirEntry and a string per name (two allocations a file, and a tenth of
// a warm list's walk at 100,000 files); here the names of a buffer share
// one string, and an entry is its name and type (d_type; an lstat only
// where the file system gives none, as ReadDir does). each, if not nil,
// is given each read's entries as they come.
func readEntries(f *os.File, each func([]dirEntry)) ([]dirEntry, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	// One slice of entries per read, joined at the end: growing one slice
	// by a read at a time copied it over and over (25 MB at 100,000).
	var chunks [][]dirEntry
	var readErr error
	count := 0
	buf := make([]byte, 64<<10)
	err = rc.Control(func(fd uintptr) {
		for {
			n, err := syscall.ReadDirent(int(fd), buf)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				readErr = os.NewSyscallError("getdents64", err)
				return
			}
			if n <= 0 {
				return
			}
			c := appendDirents(nil, int(fd), buf[:n])
			for i := range c {
				c[i].pos = uint32(count + i)
			}
			count += len(c)
			if each != nil {
				each(c)
			}
			chunks = append(chunks, c)
		}
	})
	if len(chunks) == 1 {
		return chunks[0], cmp.Or(err, readErr)
	}
	entries := make([]dirEntry, 0, sumLen(chunks))
	for _, c := range chunks {
		entries = append(entries, c...)
	}
	return entries, cmp.Or(err, readErr)
}

func sumLen(chunks [][]dirEntry) (n int) {
	for _, c := range chunks {
		n += len(c)
	}
	return n
}

// appendDirents appends the visible entries of the linux_dirent64
// records in b (d_ino, d_off, d_reclen, d_type, the name and its NUL),
// read from the folder fd.
func appendDirents(entries []dirEntry, fd int, b []byte) []dirEntry {
	// The names first, into one string: what the walk keeps of a name
	// (its path, its article's ID) is made from it.
	count, size := 0, 0
	for rec := b; len(rec) >= 19; {
		name, reclen := direntName(rec)
		if reclen == 0 {
			break
		}
		if len(name) > 0 && name[0] != '.' {
			count, size = count+1, size+len(name)
		}
		rec = rec[reclen:]
	}
	var names strings.Builder
	names.Grow(size)
	for rec := b; len(rec) >= 19; {
		name, reclen := direntName(rec)
		if reclen == 0 {
			break
		}
		if len(name) > 0 && name[0] != '.' {
			names.Write(name)
		}
		rec = rec[reclen:]
	}
	all := names.String()
	entries = slices.Grow(entries, count)
	at := 0
	for rec := b; len(rec) >= 19; {
		name, reclen := direntName(rec)
		if reclen == 0 {
			break
		}
		typ := rec[18]
		rec = rec[reclen:]
		if len(name) == 0 || name[0] == '.' {
			continue
		}
		e := dirEntry{name: all[at : at+len(name)]}
		at += len(name)
		var ok bool
		if e.mode, ok = direntMode(typ); !ok {
			var st unix.Stat_t
			if unix.Fstatat(fd, e.name, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
				continue // gone since: as ReadDir leaves it out
			}
			e.mode = userfiles.StatMode(st.Mode)
		}
		entries = append(entries, e)
	}
	return entries
}

// direntName returns the name of the linux_dirent64 record at the start
// of rec and the record's length; 0 when rec holds no whole record.
func direntName(rec []byte) ([]byte, int) {
	reclen := int(binary.NativeEndian.Uint16(rec[16:]))
	if reclen < 19 || reclen > len(rec) {
		return nil, 0
	}
	name := rec[19:reclen]
	if i := bytes.IndexByte(name, 0); i >= 0 {
		name = name[:i]
	}
	return name, reclen
}

// direntMode is the type bits of a d_type; false for DT_UNKNOWN.
func direntMode(typ byte) (fs.FileMode, bool) {
	switch typ {
	case unix.DT_REG:
		return 0, true
	case unix.DT_DIR:
		return fs.ModeDir, true
	case unix.DT_LNK:
		return fs.ModeSymlink, true
	case unix.DT_FIFO:
		return fs.ModeNamedPipe, true
	case unix.DT_SOCK:
		return fs.ModeSocket, true
	case unix.DT_CHR:
		return fs.ModeDevice | fs.ModeCharDevice, true
	case unix.DT_BLK:
		return fs.ModeDevice, true
	}
	return 0, false
}

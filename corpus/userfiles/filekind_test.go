package userfiles

import (
	"io/fs"
	"testing"
)

// Sizes are said in the largest unit they fill, to one decimal.
func TestHumanBytes(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{1023, "1023 bytes"},
		{1 << 10, "1.0 KB"},
		{1536, "1.5 KB"},
		{1<<20 - 1, "1024.0 KB"},
		{1 << 20, "1.0 MB"},
		{5 << 20, "5.0 MB"},
		{1<<30 - 1, "1024.0 MB"},
		{1 << 30, "1.0 GB"},
		{3 << 30, "3.0 GB"},
	} {
		if got := HumanBytes(c.n); got != c.want {
			t.Errorf("HumanBytes(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

// Each kind of file that is not a regular one is named for messages.
func TestFileKind(t *testing.T) {
	for _, c := range []struct {
		mode fs.FileMode
		want string
	}{
		{fs.ModeNamedPipe, "named pipe (FIFO)"},
		{fs.ModeSocket, "socket"},
		{fs.ModeDevice, "device"},
		{fs.ModeDevice | fs.ModeCharDevice, "device"},
		{fs.ModeCharDevice, "device"},
		{fs.ModeSymlink, "symbolic link"},
		{fs.ModeDir, "folder"},
		{fs.ModeIrregular, "special file"},
		{0, "special file"},
	} {
		if got := FileKind(c.mode); got != c.want {
			t.Errorf("FileKind(%v) = %q, want %q", c.mode, got, c.want)
		}
	}
}

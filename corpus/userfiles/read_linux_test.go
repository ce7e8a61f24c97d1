package userfiles

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// A bare descriptor reads what the file holds, then EOF; an empty buffer
// reads nothing; a failing read is an error naming the path.
func TestDescriptorRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("harbour talks"), 0o644); err != nil {
		t.Fatal(err)
	}
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	d := descriptor{fd, path}
	defer d.Close()
	if n, err := d.Read(nil); n != 0 || err != nil {
		t.Fatalf("an empty buffer: %d, %v", n, err)
	}
	got, err := io.ReadAll(d)
	if err != nil || string(got) != "harbour talks" {
		t.Fatalf("read %q, %v", got, err)
	}
	if n, err := d.Read(make([]byte, 8)); n != 0 || err != io.EOF {
		t.Fatalf("past the end: %d, %v; want EOF", n, err)
	}

	dfd, err := unix.Open(dir, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	folder := descriptor{dfd, dir}
	defer folder.Close()
	n, err := folder.Read(make([]byte, 8))
	var pe *fs.PathError
	if n != 0 || !errors.As(err, &pe) || pe.Path != dir || !errors.Is(err, unix.EISDIR) {
		t.Fatalf("reading a folder: %d, %v; want a path error (EISDIR) naming it", n, err)
	}
}

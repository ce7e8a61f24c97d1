package userfiles

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// WriteFileAtomic writes data to path as WriteAtomic does.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteAtomic writes path through write into a temporary file in the same
// folder (made if missing), synced before it is renamed over path, so that a
// reader or a crash finds the old file or the whole new one, never a part.
// The file gets perm; a folder it makes gets perm plus search permission
// where perm grants reading.
func WriteAtomic(path string, perm fs.FileMode, write func(io.Writer) error) error {
	return writeAtomic(path, perm, write, true)
}

// WriteCacheAtomic is WriteAtomic without the sync before the rename, for
// a cache whose every part is checked by a checksum before it is used
// (see AtomicFile.CommitUnsynced).
func WriteCacheAtomic(path string, perm fs.FileMode, write func(io.Writer) error) error {
	return writeAtomic(path, perm, write, false)
}

// writeAtomic is WriteAtomic, with or without the sync.
func writeAtomic(path string, perm fs.FileMode, write func(io.Writer) error, sync bool) error {
	a, err := CreateAtomic(path, perm)
	if err != nil {
		return err
	}
	if err := write(a); err != nil {
		a.Abort()
		return err
	}
	return a.commit(sync)
}

// AtomicFile is a file being written for WriteAtomic's rename, for a
// writer that writes it over time (a segment whose texts are written as
// files are parsed): Commit publishes it at its path, Abort removes it.
type AtomicFile struct {
	*os.File
	path string
	perm fs.FileMode
}

// CreateAtomic starts writing path as WriteAtomic does.
func CreateAtomic(path string, perm fs.FileMode) (*AtomicFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, perm|(perm&0o444)>>2); err != nil {
		return nil, err
	}
	tmp, err := os.CreateTemp(dir, TempPattern(path))
	if err != nil {
		return nil, err
	}
	return &AtomicFile{File: tmp, path: path, perm: perm}, nil
}

// Abort closes and removes the temporary file.
func (a *AtomicFile) Abort() {
	a.File.Close()
	os.Remove(a.File.Name())
}

// Commit syncs the file and renames it over its path; on failure the
// temporary file is removed.
func (a *AtomicFile) Commit() error { return a.commit(true) }

// CommitUnsynced renames the file over its path without syncing it
// first. Only for a cache whose every part is checked by a checksum
// before it is used (a store segment): a crash of the machine soon after
// may leave it torn or empty, which its reader detects and rebuilds, and
// that is cheaper than making each writer wait for hundreds of megabytes
// to reach the disk. A killed process loses nothing: its writes are in
// the kernel.
func (a *AtomicFile) CommitUnsynced() error { return a.commit(false) }

func (a *AtomicFile) commit(sync bool) (err error) {
	tmp := a.File
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if sync {
		if err = tmp.Sync(); err != nil {
			return err
		}
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), a.perm); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), a.path); err != nil {
		return err
	}
	if !sync {
		return nil // the rename need not be durable either
	}
	// Make the rename itself durable; not all systems allow syncing a folder.
	if d, derr := os.Open(filepath.Dir(a.path)); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// TempPattern is the os.CreateTemp pattern of WriteAtomic's temporary files
// for path: hidden, next to it.
func TempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// RemoveStaleTemps deletes the temporary files WriteAtomic left for the
// paths matching the glob pattern (a process killed between creating one and
// renaming it) that are older than age: a younger one may be another
// process's write in progress.
func RemoveStaleTemps(pattern string, age time.Duration) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(pattern), TempPattern(pattern)))
	cutoff := time.Now().Add(-age)
	for _, f := range matches {
		if st, err := os.Lstat(f); err == nil && st.Mode().IsRegular() && st.ModTime().Before(cutoff) {
			os.Remove(f)
		}
	}
}

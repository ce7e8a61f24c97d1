//go:build !linux

package userfiles

// StartWriteback does nothing where there is no sync_file_range: Commit
// syncs the whole file.
func (a *AtomicFile) StartWriteback(off, n int64) {}

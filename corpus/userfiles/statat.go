package userfiles

import "io/fs"

// FileStat is what a freshness check needs of a file: whether it is a
// regular file, its size and its modification time (Unix nanoseconds),
// and its status change time and inode number, which a chmod or a file
// put in another's place changes when nothing else does (zero where the
// system gives none).
type FileStat struct {
	Regular    bool
	Size       int64
	ModNano    int64
	ChangeNano int64
	Ino        uint64
}

// StatOf is the FileStat of a file whose status is st.
func StatOf(st fs.FileInfo) FileStat {
	s := FileStat{Regular: st.Mode().IsRegular(), Size: st.Size(), ModNano: st.ModTime().UnixNano()}
	s.ChangeNano, _ = ChangeTime(st)
	if id, ok := IDOf(st); ok {
		_, s.Ino = id.Numbers()
	}
	return s
}

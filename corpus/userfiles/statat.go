package userfiles

// FileStat is what a freshness check needs of a file: whether it is a
// regular file, its size and its modification time (Unix nanoseconds).
// StatAt also gives its status change time and inode number, which a
// chmod or a file put in another's place changes when nothing else does
// (zero where they were not taken).
type FileStat struct {
	Regular    bool
	Size       int64
	ModNano    int64
	ChangeNano int64
	Ino        uint64
}

package userfiles

// FileStat is what a freshness check needs of a file: whether it is a
// regular file, its size and its modification time (Unix nanoseconds).
type FileStat struct {
	Regular bool
	Size    int64
	ModNano int64
}

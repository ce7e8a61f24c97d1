package userfiles

import "unsafe"

// DirectAlign is the alignment writes that bypass the page cache need
// (see BypassCache): of their memory, their offset and their length. 4 KB
// covers every disk's logical block.
const DirectAlign = 4096

// AlignedBlock returns n bytes (n a multiple of DirectAlign) whose first
// byte is at a multiple of DirectAlign in memory, as BypassCache's writes
// need. Its length is 0, its capacity n.
func AlignedBlock(n int) []byte {
	b := make([]byte, n+DirectAlign)
	skip := alignSkip(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
	return b[skip : skip : skip+n]
}

// alignSkip is how many bytes from address p the next multiple of
// DirectAlign is (0 when p is one).
func alignSkip(p uintptr) int { return int((DirectAlign - p%DirectAlign) % DirectAlign) }

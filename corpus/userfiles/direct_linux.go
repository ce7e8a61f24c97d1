package userfiles

import "golang.org/x/sys/unix"

// BypassCache asks that writes to the file go to the disk without passing
// through the page cache (O_DIRECT), or, on false, through it again. It is
// for a file of hundreds of megabytes written once and not read soon (a
// store segment's texts): through the cache, each of its pages is a fresh
// page of memory to find, fill and later write back, which on a virtual
// machine cost a cold open a fifth of its time. While it is on, a write
// must come from memory aligned to DirectAlign (AlignedBlock), at an
// offset and of a length that are multiples of it (ext4 refuses others
// with EINVAL; tmpfs takes them), and a write that fails is written again
// by the caller with BypassCache off. An error means it is unchanged:
// a file system that cannot bypass the cache (tmpfs before Linux 6.6),
// or another system.
func (a *AtomicFile) BypassCache(on bool) error {
	rc, err := a.File.SyscallConn()
	if err != nil {
		return err
	}
	var setErr error
	if err := rc.Control(func(fd uintptr) {
		flags, err := unix.FcntlInt(fd, unix.F_GETFL, 0)
		if err != nil {
			setErr = err
			return
		}
		if on {
			flags |= unix.O_DIRECT
		} else {
			flags &^= unix.O_DIRECT
		}
		_, setErr = unix.FcntlInt(fd, unix.F_SETFL, flags)
	}); err != nil {
		return err
	}
	return setErr
}

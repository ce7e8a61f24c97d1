//go:build unix

package userfiles

import (
	"os"
	"syscall"
)

// Lock takes an exclusive advisory lock (flock) on path+".lock", made if
// missing, waiting for another process that holds it. Call the returned
// function to release it. The lock goes with the process, so a killed
// holder never leaves it taken.
func Lock(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

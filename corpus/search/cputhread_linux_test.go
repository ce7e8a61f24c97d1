//go:build linux

package search

import (
	"syscall"
	"time"
	"unsafe"
)

// threadCPUTime is the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID).
// With the goroutine locked to its thread it measures the work of one
// query, not the time other processes held the cores.
func threadCPUTime() time.Duration {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0
	}
	return time.Duration(ts.Nano())
}

//go:build unix

package main

import (
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"syscall"
)

// memProfileOnSignal writes the heap profile to path at each SIGUSR1,
// after a collection: what a running reader keeps, which a profile at
// exit (the reader's data let go) cannot show.
func memProfileOnSignal(path string) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGUSR1)
	go func() {
		for range sig {
			if f, err := os.Create(path); err == nil {
				runtime.GC()
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
	}()
}

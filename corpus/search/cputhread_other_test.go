//go:build !linux

package search

import "time"

// threadCPUTime is not measured on this platform.
func threadCPUTime() time.Duration { return 0 }

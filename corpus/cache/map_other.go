//go:build !unix

package cache

import "os"

// Map reads a cache file into memory of its own where files cannot be
// mapped.
func Map(f *os.File, size int64) ([]byte, error) { return ReadAll(f, size) }

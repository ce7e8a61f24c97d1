//go:build !unix

package cache

import "os"

// ReadAll reads a cache file into memory of its own.
func ReadAll(f *os.File, size int64) ([]byte, error) { return readAll(f, size) }

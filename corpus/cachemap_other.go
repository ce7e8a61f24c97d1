//go:build !unix

package corpus

import "os"

func mapCacheFile(f *os.File, size int64) ([]byte, error) { return readCacheBytes(f, size) }

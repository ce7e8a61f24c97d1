//go:build !unix

package search

import (
	"os"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// mapFile reads a snapshot whole where files cannot be mapped.
func mapFile(f *os.File, size int64) ([]byte, error) { return cache.ReadAll(f, size) }

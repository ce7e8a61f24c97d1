//go:build !linux

package userfiles

import "errors"

// BypassCache is not offered here: writes go through the page cache.
func (a *AtomicFile) BypassCache(on bool) error { return errors.ErrUnsupported }

//go:build !unix

package feeds

// lockFile does nothing where flock is missing; writes stay atomic, so only
// two changes at the same instant can lose one of them.
func lockFile(path string) (unlock func(), err error) { return func() {}, nil }

//go:build !unix

package userfiles

// Lock does nothing where flock is missing; saves still re-read and merge,
// so only two saves at the same instant can lose a change.
func Lock(path string) (unlock func(), err error) { return func() {}, nil }

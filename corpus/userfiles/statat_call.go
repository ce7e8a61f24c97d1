//go:build !(linux && (amd64 || arm64)) && (linux || android || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd)

package userfiles

import "golang.org/x/sys/unix"

// fstatat stats name relative to the folder fd into s (see
// statat_raw.go).
func fstatat(fd int, name string, _ *[]byte, s *unix.Stat_t) error {
	return unix.Fstatat(fd, name, s, 0)
}

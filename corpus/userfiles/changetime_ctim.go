//go:build linux || android || openbsd || dragonfly || solaris || illumos

package userfiles

import "syscall"

func changeTimespec(s *syscall.Stat_t) syscall.Timespec { return s.Ctim }

//go:build darwin || ios || freebsd || netbsd

package userfiles

import "syscall"

func changeTimespec(s *syscall.Stat_t) syscall.Timespec { return s.Ctimespec }

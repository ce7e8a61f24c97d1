//go:build !unix

package userstate

import "errors"

func mkfifo(p string) error { return errors.New("no FIFOs on this system") }

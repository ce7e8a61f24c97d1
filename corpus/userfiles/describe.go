package userfiles

import (
	"errors"
	"io/fs"
)

// Describe turns an error from reading or listing a file into the reason
// shown to the user: plain words for the common cases, and the system's
// message without the path (which is shown beside it) for the rest.
func Describe(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("file no longer exists")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

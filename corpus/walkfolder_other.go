//go:build !linux

package corpus

import "os"

// readEntries reads the visible entries of the open folder f, in the
// folder's order; each, if not nil, is given them.
func readEntries(f *os.File, each func([]dirEntry)) ([]dirEntry, error) {
	dirents, err := f.ReadDir(-1)
	entries := make([]dirEntry, 0, len(dirents))
	for _, d := range dirents {
		if name := d.Name(); visible(name) {
			entries = append(entries, dirEntry{name: name, mode: d.Type(), pos: uint32(len(entries))})
		}
	}
	if each != nil {
		each(entries)
	}
	return entries, err
}

package corpus

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// dirEntry is one visible entry of a folder, as the walk goes through it.
type dirEntry struct {
	name string
	mode fs.FileMode // the type bits only (d_type)
}

// readFolder returns the entries of the open folder f without the hidden
// ones (".name"), in name order, and the error that ended the reading
// early, if one did (with what was read before it). The names are sorted
// as plain strings: through fs.DirEntry each comparison was two interface
// calls, 6% of a warm list at 100,000 files in one folder.
func readFolder(f *os.File) ([]dirEntry, error) {
	entries, err := readEntries(f)
	slices.SortFunc(entries, func(a, b dirEntry) int { return strings.Compare(a.name, b.name) })
	return entries, err
}

// visible reports whether a folder's entry is walked: hidden ones
// (".name", "." and ".." too) are not.
func visible(name string) bool { return !strings.HasPrefix(name, ".") }

// folderJoin returns filepath.Join(dir, name) as a function of name, for
// names read from the folder (never empty, "." or "..", never holding a
// separator). When dir is clean that is one concatenation: Join's
// cleaning pass over each joined path was 5% of a warm list.
func folderJoin(dir string) func(name string) string {
	switch {
	case dir == "":
		return func(name string) string { return name }
	case dir == ".", filepath.Clean(dir) != dir, os.IsPathSeparator(dir[len(dir)-1]), filepath.VolumeName(dir) == dir:
		return func(name string) string { return filepath.Join(dir, name) }
	}
	prefix := dir + string(filepath.Separator)
	return func(name string) string { return prefix + name }
}

// fileStatus is a file's status taken by statFolderFiles; ok is false
// when it was not taken (the loader then stats the file by its path).
type fileStatus struct {
	st userfiles.FileStat
	ok bool
}

// statFolderFiles stats the regular files among entries relative to the
// open folder dir (userfiles.StatAt) and returns their status by entry;
// nil where the system cannot. A large folder's stats are shared among
// the cores (each a raw system call holding its P, see userfiles): at
// 100,000 files in one folder they were a third of a warm list's CPU, all
// on the walk's goroutine while the workers waited for it.
func statFolderFiles(dir *os.File, entries []dirEntry) []fileStatus {
	idx := make([]int, 0, len(entries))
	names := make([]string, 0, len(entries))
	for i, e := range entries {
		if e.mode.IsRegular() {
			idx = append(idx, i)
			names = append(names, e.name)
		}
	}
	if len(names) == 0 {
		return nil
	}
	stats := make([]fileStatus, len(entries))
	parts := min(runtime.GOMAXPROCS(0), max(len(names)/statShare, 1))
	failed := make([]bool, parts)
	statPart := func(k int) {
		lo, hi := k*len(names)/parts, (k+1)*len(names)/parts
		failed[k] = !userfiles.StatAt(dir, names[lo:hi], func(i int, st userfiles.FileStat, err error) {
			if err == nil {
				stats[idx[lo+i]] = fileStatus{st: st, ok: true}
			}
		})
	}
	if parts == 1 { // most folders: no goroutine
		statPart(0)
	} else {
		var wg sync.WaitGroup
		for k := range parts {
			wg.Add(1)
			go func() { defer wg.Done(); statPart(k) }()
		}
		wg.Wait()
	}
	if slices.Contains(failed, true) {
		return nil
	}
	return stats
}

// statShare is how many files' stats are worth a goroutine of their own.
const statShare = 2048

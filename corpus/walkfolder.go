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
	pos  uint32      // its place in the folder's own order: its status's index
}

// readFolder returns the entries of the open folder f without the hidden
// ones (".name"), in name order, and the error that ended the reading
// early, if one did (with what was read before it). The names are sorted
// as plain strings: through fs.DirEntry each comparison was two interface
// calls, 6% of a warm list at 100,000 files in one folder.
//
// With stat set, stats returns the status of its regular files, by each
// entry's pos (see folderStats), once they are all taken; nil where the
// system cannot take them (and always without stat). The folder stays
// open until stats has returned: the caller makes what it needs of the
// names meanwhile.
func readFolder(f *os.File, stat bool) (entries []dirEntry, stats func() []fileStatus, err error) {
	var st *folderStats
	var each func([]dirEntry)
	if stat {
		st = &folderStats{dir: f}
		each = st.add
	}
	entries, err = readEntries(f, each)
	if st != nil {
		st.read()
	}
	slices.SortFunc(entries, func(a, b dirEntry) int { return strings.Compare(a.name, b.name) })
	if st == nil {
		return entries, func() []fileStatus { return nil }, err
	}
	return entries, sync.OnceValue(st.wait), err
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

// fileStatus is a file's status taken by folderStats; ok is false when
// it was not taken (the loader then stats the file by its path).
type fileStatus struct {
	st userfiles.FileStat
	ok bool
}

// folderStats stats the regular files of a folder relative to the open
// folder (userfiles.StatAt, each a raw system call holding its P) as its
// entries are read, a read's worth at a time. A large folder's stats are
// shared among the cores and overlap the reading and the sorting of its
// names: at 100,000 files in one folder the stats were a third of a warm
// list's CPU, and the other core had waited while one read and sorted the
// names before them. A folder of one read is stat'ed by the walk alone.
type folderStats struct {
	dir     *os.File
	first   []dirEntry // the first read's, until a second shows the folder is large
	jobs    chan statJob
	done    []statJob // every job handed out, in the folder's order
	helpers sync.WaitGroup
}

// statJob is the stats of one read's entries.
type statJob struct {
	entries []dirEntry
	stats   []fileStatus // by entry, filled by run
	failed  *bool
}

// add takes the next read's entries: they are not written after, and are
// stat'ed as they are (not the sorted copy of them).
func (s *folderStats) add(entries []dirEntry) {
	if len(entries) == 0 {
		return
	}
	if s.jobs == nil {
		if s.first == nil {
			s.first = entries
			return
		}
		s.start()
	}
	j := s.job(entries)
	select {
	case s.jobs <- j:
	default: // the helpers are behind: the reading waits for them
		j.run(s.dir)
	}
}

// start hands the first read to helpers, one per core; the walk joins
// them once it has read and sorted the folder.
func (s *folderStats) start() {
	s.jobs = make(chan statJob, 64)
	for range runtime.GOMAXPROCS(0) {
		s.helpers.Add(1)
		go func() {
			defer s.helpers.Done()
			for j := range s.jobs {
				j.run(s.dir)
			}
		}()
	}
	s.jobs <- s.job(s.first)
	s.first = nil
}

func (s *folderStats) job(entries []dirEntry) statJob {
	j := statJob{entries: entries, stats: make([]fileStatus, len(entries)), failed: new(bool)}
	s.done = append(s.done, j)
	return j
}

// read says the folder has been read: a folder of one read is stat'ed
// now, by the caller; the jobs of a larger one are all handed out.
func (s *folderStats) read() {
	if s.jobs == nil {
		if s.first != nil {
			s.job(s.first).run(s.dir)
		}
		return
	}
	close(s.jobs)
}

// wait takes part in the stats still waiting, then returns them all by
// entry pos; nil if the system could not take them.
func (s *folderStats) wait() []fileStatus {
	if s.jobs != nil {
		for j := range s.jobs {
			j.run(s.dir)
		}
		s.helpers.Wait()
	}
	if len(s.done) == 1 {
		if *s.done[0].failed {
			return nil
		}
		return s.done[0].stats
	}
	n := 0
	for _, j := range s.done {
		n += len(j.stats)
	}
	stats := make([]fileStatus, 0, n)
	for _, j := range s.done {
		if *j.failed {
			return nil
		}
		stats = append(stats, j.stats...)
	}
	return stats
}

// run stats the job's regular files.
func (j statJob) run(dir *os.File) {
	idx := make([]int, 0, len(j.entries))
	names := make([]string, 0, len(j.entries))
	for i, e := range j.entries {
		if e.mode.IsRegular() {
			idx = append(idx, i)
			names = append(names, e.name)
		}
	}
	if len(names) == 0 {
		return
	}
	*j.failed = !userfiles.StatAt(dir, names, func(i int, st userfiles.FileStat, err error) {
		if err == nil {
			j.stats[idx[i]] = fileStatus{st: st, ok: true}
		}
	})
}

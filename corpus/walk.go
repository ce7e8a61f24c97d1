package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// walkPaths lists the files under the given roots. Folders are walked
// recursively in name order, hidden entries (".name") below a root are
// skipped, symbolic links are followed with loop detection, and special files
// (FIFOs, sockets, devices) are reported without ever being opened.
func walkPaths(ctx context.Context, roots []string, stdin io.Reader) ([]fileJob, []Skipped) {
	var jobs []fileJob
	var skipped []Skipped
	streamPaths(ctx, roots, stdin, nil, false, func(it walkItem) bool {
		if it.skip != nil {
			skipped = append(skipped, *it.skip)
		} else {
			jobs = append(jobs, it.job)
		}
		return true
	})
	return jobs, skipped
}

// walkItem is what the walk finds, in order: a file to load or an entry
// skipped with a reason. seq numbers items of both kinds.
type walkItem struct {
	seq  int
	job  fileJob
	skip *Skipped
	// jobs, when set, are files handed on at once (a walk record's, in
	// walk order, each with its index): the item is those files, not job
	// or seq.
	jobs []fileJob
}

// streamPaths walks like walkPaths but hands each item to yield as soon as
// it is found, so that loading starts before a large walk ends; it stops
// early when yield returns false. It returns how many items it yielded.
// Job indexes count jobs only; IDs are made unique in walk order. Each
// folder is stamped into folders (if not nil) as it is opened, before its
// entries are read (see folderRecord). With statFiles, the files found
// in a folder come stat'ed (fileJob.stat), for the store's check.
func streamPaths(ctx context.Context, roots []string, stdin io.Reader, folders *folderRecord, statFiles bool, yield func(walkItem) bool) int {
	w := &walker{ctx: ctx, seenDirs: map[userfiles.FileID]bool{}, ids: idSet{}, yield: yield, folders: folders, statFiles: statFiles}
	for _, root := range roots {
		if w.stopped {
			break
		}
		if root == "-" {
			w.addStdin(stdin)
			continue
		}
		w.root(root)
	}
	return w.seq
}

type walker struct {
	ctx      context.Context
	yield    func(walkItem) bool
	seq      int // items yielded; a job's index is its item number
	stopped  bool
	ids      idSet
	seenDirs map[userfiles.FileID]bool
	stdinUse bool
	folders  *folderRecord
	absRoot  string // the root being walked, absolute, for folders
	// statFiles: stat each file of a folder relative to the open folder
	// (see folderStats).
	statFiles bool
}

func (w *walker) emit(it walkItem) {
	if w.stopped {
		return
	}
	it.seq = w.seq
	w.seq++
	if !w.yield(it) {
		w.stopped = true
	}
}

func (w *walker) skip(p, reason string) {
	w.folders.fail() // what it could not see may change unseen
	w.emit(walkItem{skip: &Skipped{p, reason}})
}

func (w *walker) addStdin(stdin io.Reader) {
	if w.stdinUse {
		return
	}
	w.stdinUse = true
	w.folders.fail()
	if stdin == nil {
		stdin = os.Stdin
	}
	w.add("stdin", "-", "stdin", func(max int64) ([]byte, error) {
		data, err := io.ReadAll(io.LimitReader(stdin, max+1))
		if err != nil {
			return nil, userfiles.Describe(err)
		}
		if int64(len(data)) > max {
			return nil, fmt.Errorf("standard input too large (over %s)", userfiles.HumanBytes(max))
		}
		return data, nil
	}, "")
}

func (w *walker) add(id, shown, rel string, read func(int64) ([]byte, error), osPath string) {
	j := fileJob{index: w.seq, id: w.ids.claim(id, rel), path: shown, read: read, osPath: osPath}
	w.emit(walkItem{job: j})
}

// addFile adds the file at p (read from disk: no read function), with
// its status st if it was taken.
func (w *walker) addFile(p, rel string, st *userfiles.FileStat) {
	w.emitFile(p, w.ids.claim(idFor(rel), rel), st)
}

// walkFile is a file of a folder with its ID claimed, before its stat;
// for a symbolic link, what it points to (os.Stat).
type walkFile struct {
	path, id string
	target   fs.FileInfo
	err      error
}

// emitFile hands on the file at p with its claimed ID.
func (w *walker) emitFile(p, id string, st *userfiles.FileStat) {
	j := fileJob{index: w.seq, id: id, path: p, osPath: p}
	if st != nil {
		j.stat, j.statted = *st, true
	}
	w.emit(walkItem{job: j})
}

func (w *walker) root(root string) {
	st, err := os.Stat(root) // follows a symlinked root
	if err != nil {
		reason := userfiles.Describe(err).Error()
		if errors.Is(err, fs.ErrNotExist) {
			reason = NoSuchFile // given, not found: never there, not gone
		}
		w.skip(root, reason)
		return
	}
	if w.folders != nil {
		if w.absRoot, err = filepath.Abs(root); err != nil {
			w.folders.fail()
		}
	}
	switch {
	case st.Mode().IsRegular():
		w.folders.add(w.absRoot, st)
		w.addFile(root, filepath.Base(root), nil)
	case st.IsDir():
		w.dir(root, "", st)
	default:
		w.skip(root, userfiles.FileKind(st.Mode())+", not a regular file")
	}
}

// dir walks the folder at p whose path relative to its root is rel.
func (w *walker) dir(p, rel string, st fs.FileInfo) {
	if w.stopped || w.ctx.Err() != nil {
		return
	}
	if k, ok := userfiles.IDOf(st); ok {
		if w.seenDirs[k] {
			w.skip(p, "folder already visited (symbolic link loop)")
			return
		}
		w.seenDirs[k] = true
	}
	f, err := os.Open(p)
	if err != nil {
		w.skip(p, userfiles.Describe(err).Error())
		return
	}
	if w.folders != nil {
		if st, err := f.Stat(); err == nil {
			w.folders.add(filepath.Join(w.absRoot, rel), st)
		} else {
			w.folders.fail()
		}
	}
	// The entry types come with the names (d_type), so regular files need
	// no lstat each: a folder of 100,000 files stays cheap.
	entries, statsOf, err := readFolder(f, w.statFiles)
	if err != nil && len(entries) == 0 {
		statsOf()
		f.Close()
		w.skip(p, userfiles.Describe(err).Error())
		return
	}
	w.ids = w.ids.reserved(len(entries))
	join := folderJoin(p)
	joinRel := folderJoin(rel)
	// The folder's files get their paths and IDs while their stats are
	// taken (at 100,000 files in one folder each took a core a tenth of a
	// second, the one after the other); without stats to wait for, as
	// they are handed on, so that loading starts at once. IDs are claimed
	// in walk order either way, a symbolic link to a file in its place
	// among the files: no file below a subfolder can take an ID of this
	// folder's.
	files := make([]walkFile, len(entries))
	prepare := func(i int) {
		e := entries[i]
		switch {
		case e.mode.IsRegular():
			crel := joinRel(e.name)
			files[i] = walkFile{path: join(e.name), id: w.ids.claim(idFor(crel), crel)}
		case e.mode&fs.ModeSymlink != 0:
			cp := join(e.name)
			target, err := os.Stat(cp)
			files[i] = walkFile{path: cp, target: target, err: err}
			if err == nil && target.Mode().IsRegular() {
				crel := joinRel(e.name)
				files[i].id = w.ids.claim(idFor(crel), crel)
			}
		}
	}
	early := w.statFiles
	if early {
		for i := range entries {
			prepare(i)
		}
	}
	stats := statsOf()
	f.Close() // before going down: one folder open at a time
	for i, e := range entries {
		if !early {
			prepare(i)
		}
		name := e.name
		mode := e.mode
		if mode.IsRegular() {
			var st *userfiles.FileStat
			if stats != nil && stats[e.pos].ok {
				st = &stats[e.pos].st
			}
			w.emitFile(files[i].path, files[i].id, st)
			continue
		}
		cp := join(name)
		crel := joinRel(name)
		var st fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if files[i].err != nil {
				w.skip(cp, "broken or looping symbolic link")
				continue
			}
			st, mode = files[i].target, files[i].target.Mode()
			if mode.IsRegular() { // its own folder is not walked
				w.folders.add(filepath.Join(w.absRoot, crel), st)
				w.emitFile(cp, files[i].id, nil)
				continue
			}
		} else if mode.IsDir() {
			info, err := os.Lstat(cp)
			if err != nil {
				w.skip(cp, userfiles.Describe(err).Error())
				continue
			}
			st = info
		}
		switch {
		case mode.IsDir():
			w.dir(cp, crel, st)
		default:
			w.skip(cp, userfiles.FileKind(mode)+", not a regular file")
		}
	}
}

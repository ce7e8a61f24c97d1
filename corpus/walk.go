package corpus

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// walkPaths lists the files under the given roots. Folders are walked
// recursively in name order, hidden entries (".name") below a root are
// skipped, symbolic links are followed with loop detection, and special files
// (FIFOs, sockets, devices) are reported without ever being opened.
func walkPaths(ctx context.Context, roots []string, stdin io.Reader) ([]fileJob, []Skipped) {
	w := &walker{ctx: ctx, seenDirs: map[fileKey]bool{}}
	for _, root := range roots {
		if root == "-" {
			w.addStdin(stdin)
			continue
		}
		w.root(root)
	}
	uniqueIDs(w.jobs, w.rels)
	return w.jobs, w.skipped
}

type walker struct {
	ctx      context.Context
	jobs     []fileJob
	rels     []string
	skipped  []Skipped
	seenDirs map[fileKey]bool
	stdinUse bool
}

func (w *walker) skip(p, reason string) { w.skipped = append(w.skipped, Skipped{p, reason}) }

func (w *walker) addStdin(stdin io.Reader) {
	if w.stdinUse {
		return
	}
	w.stdinUse = true
	if stdin == nil {
		stdin = os.Stdin
	}
	w.add("stdin", "-", "stdin", func(max int64) ([]byte, error) {
		data, err := io.ReadAll(io.LimitReader(stdin, max+1))
		if err != nil {
			return nil, describeErr(err)
		}
		if int64(len(data)) > max {
			return nil, fmt.Errorf("standard input too large (over %s)", humanBytes(max))
		}
		return data, nil
	})
}

func (w *walker) add(id, shown, rel string, read func(int64) ([]byte, error)) {
	w.jobs = append(w.jobs, fileJob{index: len(w.jobs), id: id, path: shown, read: read})
	w.rels = append(w.rels, rel)
}

func (w *walker) addFile(p, rel string) {
	w.add(idFor(rel), p, rel, func(max int64) ([]byte, error) { return readFileLimited(p, max) })
	w.jobs[len(w.jobs)-1].osPath = p
}

func (w *walker) root(root string) {
	st, err := os.Stat(root) // follows a symlinked root
	if err != nil {
		w.skip(root, describeErr(err).Error())
		return
	}
	switch {
	case st.Mode().IsRegular():
		w.addFile(root, filepath.Base(root))
	case st.IsDir():
		w.dir(root, "", st)
	default:
		w.skip(root, fileKind(st.Mode())+", not a regular file")
	}
}

// dir walks the folder at p whose path relative to its root is rel.
func (w *walker) dir(p, rel string, st fs.FileInfo) {
	if w.ctx.Err() != nil {
		return
	}
	if k, ok := keyOf(st); ok {
		if w.seenDirs[k] {
			w.skip(p, "folder already visited (symbolic link loop)")
			return
		}
		w.seenDirs[k] = true
	}
	f, err := os.Open(p)
	if err != nil {
		w.skip(p, describeErr(err).Error())
		return
	}
	// The entry types come with the names (d_type), so regular files need
	// no lstat each: a folder of 100,000 files stays cheap.
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil && len(entries) == 0 {
		w.skip(p, describeErr(err).Error())
		return
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		cp := filepath.Join(p, name)
		crel := filepath.Join(rel, name)
		mode := e.Type()
		if mode.IsRegular() {
			w.addFile(cp, crel)
			continue
		}
		var st fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			target, err := os.Stat(cp)
			if err != nil {
				w.skip(cp, "broken or looping symbolic link")
				continue
			}
			st, mode = target, target.Mode()
		} else if mode.IsDir() {
			info, err := e.Info()
			if err != nil {
				w.skip(cp, describeErr(err).Error())
				continue
			}
			st = info
		}
		switch {
		case mode.IsRegular():
			w.addFile(cp, crel)
		case mode.IsDir():
			w.dir(cp, crel, st)
		default:
			w.skip(cp, fileKind(mode)+", not a regular file")
		}
	}
}

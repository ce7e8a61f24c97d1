// Package watch reports files added, changed or removed under the roots
// being read (--watch), parsed as the loader parses them.
package watch

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// Change is what became of one file (or folder) while watching.
type Change struct {
	// Path is the file as articles name it (Article.Path).
	Path string
	// Removed: the path is gone; drop every article whose Path is Path or,
	// when Dir is set, lies below it.
	Removed bool
	Dir     bool
	// Articles are the file's articles now: they replace any article whose
	// Path is Path. Skipped says why the file yields none, if so.
	Articles []*corpus.Article
	Skipped  *corpus.Skipped
}

// watchSettle is how long a file must be quiet before it is read, so that
// an editor's or a downloader's burst of writes costs one parse.
const watchSettle = 250 * time.Millisecond

// Paths reports files added, changed or removed under the given roots
// (files and folders, as for Source.Paths) until ctx ends. Changes are
// batched after the files settle and passed to emit from one goroutine.
// Hidden entries are ignored, as when loading. It fails only when the
// system's file watching cannot be started.
func Paths(ctx context.Context, roots []string, opt corpus.Options, emit func([]Change)) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	wt := &watcher{w: w, opt: opt, files: map[string]string{}, dirs: map[string]string{}}
	for _, r := range roots {
		if r == "-" {
			continue
		}
		st, err := os.Stat(r)
		if err != nil {
			continue
		}
		if st.IsDir() {
			wt.addTree(r, r)
		} else {
			// Watch the folder, report only this file.
			wt.files[filepath.Clean(r)] = r
			if err := w.Add(filepath.Dir(r)); err != nil {
				w.Close()
				return err
			}
		}
	}
	go wt.run(ctx, emit)
	return nil
}

type watcher struct {
	w     *fsnotify.Watcher
	opt   corpus.Options
	files map[string]string // single-file roots, cleaned -> as given
	dirs  map[string]string // watched folder -> the root it belongs to
}

// addTree watches dir and every folder below it that is not hidden, and
// returns the regular files found, for a folder that just appeared.
func (wt *watcher) addTree(dir, root string) []string {
	var files []string
	seen := map[userfiles.FileID]bool{}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if st, err := d.Info(); err == nil {
				if k, ok := userfiles.IDOf(st); ok {
					if seen[k] {
						return fs.SkipDir
					}
					seen[k] = true
				}
			}
			if wt.w.Add(p) == nil {
				wt.dirs[p] = root
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// rootOf returns the root a path lies under, for its article ID.
func (wt *watcher) rootOf(p string) (root string, ok bool) {
	if given, single := wt.files[p]; single {
		return filepath.Dir(given), true
	}
	root, ok = wt.dirs[filepath.Dir(p)]
	return root, ok
}

func (wt *watcher) run(ctx context.Context, emit func([]Change)) {
	defer wt.w.Close()
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-wt.w.Events:
			if !ok {
				return
			}
			p := filepath.Clean(ev.Name)
			if strings.HasPrefix(filepath.Base(p), ".") {
				continue
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			pending[p] = true
			timer.Reset(watchSettle)
		case <-wt.w.Errors:
			// Overflow or a vanished folder: the next events still count.
		case <-timer.C:
			changes := wt.settle(pending)
			pending = map[string]bool{}
			if len(changes) > 0 {
				emit(changes)
			}
		}
	}
}

// settle turns the paths that changed into Changes.
func (wt *watcher) settle(paths map[string]bool) []Change {
	var out []Change
	sorted := make([]string, 0, len(paths))
	for p := range paths {
		sorted = append(sorted, p)
	}
	sort.Strings(sorted)
	for _, p := range sorted {
		root, ok := wt.rootOf(p)
		if !ok {
			continue
		}
		st, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			_, wasDir := wt.dirs[p]
			if wasDir {
				for d := range wt.dirs {
					if d == p || strings.HasPrefix(d, p+string(filepath.Separator)) {
						delete(wt.dirs, d)
					}
				}
			}
			if given, single := wt.files[p]; single {
				p = given
			}
			out = append(out, Change{Path: p, Removed: true, Dir: wasDir})
		case err != nil:
			out = append(out, Change{Path: p, Skipped: &corpus.Skipped{Path: p, Reason: userfiles.Describe(err).Error()}})
		case st.IsDir():
			if _, known := wt.dirs[p]; known {
				continue
			}
			for _, f := range wt.addTree(p, root) {
				out = append(out, wt.load(f, root))
			}
		case st.Mode().IsRegular():
			if given, single := wt.files[p]; single {
				p = given // articles carry the path as the user gave it
			}
			out = append(out, wt.load(p, root))
		default:
			out = append(out, Change{Path: p, Skipped: &corpus.Skipped{Path: p, Reason: userfiles.FileKind(st.Mode()) + ", not a regular file"}})
		}
	}
	return out
}

// load parses one file as the loader would.
func (wt *watcher) load(p, root string) Change {
	arts, skipped := corpus.LoadFile(root, p, wt.opt)
	return Change{Path: p, Articles: arts, Skipped: skipped}
}

package search

import (
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// A freshness record lets a one-shot search trust a snapshot without
// loading the corpus: it lists the folders and files the snapshot's
// articles came from with their modification times (and the files' sizes),
// the same test the store of parsed files applies to a file. A file added,
// removed or renamed changes its folder's time; a file rewritten changes
// its own. It is taken before the corpus is loaded, so that a file changed
// while it loads is newer than the record. It vouches only for a corpus
// whose load skipped nothing (a skipped file would be reported on every
// run), whose every file gave articles, and which has no symbolic links (a
// link's target can change without any time here changing).
//
// A record holds only for the program that made it: a new parallax may parse
// the same files into other articles (the store of parsed files knows this by
// its format version, which a search that skips the load never reads).
//
// Format: version(uvarint) program(str) maxFileSize(varint) nroots root(str)… ngroups group…
// group: dir(str) checked(byte) mtime(varint) nfiles (name(str) size(varint) mtime(varint))…
//
// where a group is a folder and the files in it: checked says the folder
// was walked (its time is compared), str is a uvarint length and bytes.

const freshnessVersion = 3

// program names the running executable (a variable for tests).
var program = executableStamp

// executableStamp names the running executable by its path, size and
// time, or is "" when it cannot be known.
func executableStamp() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d", exe, st.Size(), st.ModTime().UnixNano())
}

// Freshness is a freshness record taken before a corpus is loaded, to be
// kept with the snapshot of what loaded (see Bytes).
type Freshness struct {
	roots       []string
	maxFileSize int64
	groups      []*stampGroup
	files       map[string]bool // every file recorded, by the path the loader gives it
}

// RecordFreshness records the folders and files under roots, to be loaded
// with the given file size limit, or returns nil when it cannot vouch for
// them (a symbolic link, a folder it cannot read).
func RecordFreshness(roots []string, maxFileSize int64) *Freshness {
	f := &Freshness{roots: roots, maxFileSize: maxFileSize, files: map[string]bool{}}
	byDir := map[string]*stampGroup{}
	group := func(dir string) *stampGroup {
		g := byDir[dir]
		if g == nil {
			g = &stampGroup{dir: dir}
			byDir[dir] = g
			f.groups = append(f.groups, g)
		}
		return g
	}
	addFile := func(path, dir string) {
		g := group(dir)
		g.files = append(g.files, fileStamp{name: filepath.Base(path)})
		f.files[path] = true
	}
	for _, root := range roots {
		st, err := os.Lstat(root)
		if err != nil || st.Mode()&fs.ModeSymlink != 0 {
			return nil
		}
		if !st.IsDir() {
			addFile(root, filepath.Dir(root))
			continue
		}
		ok := true
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			switch {
			case err != nil || e.Type()&fs.ModeSymlink != 0:
				ok = false
				return filepath.SkipAll
			case p != root && strings.HasPrefix(e.Name(), "."):
				if e.IsDir() {
					return filepath.SkipDir
				}
			case e.IsDir():
				group(p).checked = true
			default:
				addFile(p, filepath.Dir(p))
			}
			return nil
		})
		if !ok {
			return nil
		}
	}
	for _, g := range f.groups {
		if !g.stat() {
			return nil
		}
	}
	return f
}

// Bytes returns the record to keep in the snapshot (WriteSnapshot's extra
// bytes) of the articles loaded from the files it recorded, whose paths
// are articleFiles, or nil when it cannot vouch for them: some file gave
// no articles or was not recorded (f nil is no record either).
func (f *Freshness) Bytes(articleFiles []string) []byte {
	if f == nil {
		return nil
	}
	seen := map[string]bool{}
	for _, p := range articleFiles {
		if !f.files[p] {
			return nil
		}
		seen[p] = true
	}
	if len(seen) != len(f.files) {
		return nil
	}
	prog := program()
	if prog == "" {
		return nil
	}
	b := binary.AppendUvarint(nil, freshnessVersion)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(prog)
	b = binary.AppendVarint(b, f.maxFileSize)
	b = binary.AppendUvarint(b, uint64(len(f.roots)))
	for _, r := range f.roots {
		str(r)
	}
	b = binary.AppendUvarint(b, uint64(len(f.groups)))
	for _, g := range f.groups {
		str(g.dir)
		if g.checked {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
		b = binary.AppendVarint(b, g.mtime)
		b = binary.AppendUvarint(b, uint64(len(g.files)))
		for _, fs := range g.files {
			str(fs.name)
			b = binary.AppendVarint(b, fs.size)
			b = binary.AppendVarint(b, fs.mtime)
		}
	}
	return b
}

// stampGroup is a folder of a freshness record and its files.
type stampGroup struct {
	dir     string
	checked bool
	mtime   int64
	files   []fileStamp
}

type fileStamp struct {
	name        string
	size, mtime int64
}

// stat fills in the group's times and sizes as they are now; false if a
// file is missing or not a regular file.
func (g *stampGroup) stat() bool {
	d, err := openDir(g.dir)
	if err != nil {
		return false
	}
	defer d.Close()
	if g.checked {
		st, err := d.Stat()
		if err != nil {
			return false
		}
		g.mtime = st.ModTime().UnixNano()
	}
	for i := range g.files {
		f := &g.files[i]
		size, mtime, ok := statIn(d, g.dir, f.name)
		if !ok {
			return false
		}
		f.size, f.mtime = size, mtime
	}
	return true
}

// StillFresh reports whether the freshness record rec, for a corpus loaded
// from roots with the file size limit, still holds: every folder and file
// it lists is there, unchanged. A record that cannot be read does not hold.
func StillFresh(rec []byte, roots []string, maxFileSize int64) bool {
	r := &snapBytes{b: rec, ok: true}
	if r.uv() != freshnessVersion || r.str() != program() || r.v() != maxFileSize || r.uv() != uint64(len(roots)) {
		return false
	}
	for _, root := range roots {
		if r.str() != root {
			return false
		}
	}
	ngroups := r.uv()
	var groups []stampGroup
	for i := uint64(0); i < ngroups && r.ok; i++ {
		g := stampGroup{dir: r.str(), checked: r.byte() == 1, mtime: r.v()}
		n := r.uv()
		g.files = make([]fileStamp, 0, min(n, uint64(len(r.b)/4))) // each takes 4 bytes or more
		for k := uint64(0); k < n && r.ok; k++ {
			g.files = append(g.files, fileStamp{name: r.str(), size: r.v(), mtime: r.v()})
		}
		groups = append(groups, g)
	}
	if !r.ok || len(r.b) != 0 || len(groups) == 0 {
		return false
	}
	return groupsUnchanged(groups)
}

// groupsUnchanged stats the groups' folders and files, in chunks on a few
// more goroutines than cores (stat calls wait on the kernel rather than
// compute), each file by its name within its open folder, which spares the
// kernel walking the whole path every time.
func groupsUnchanged(groups []stampGroup) bool {
	const chunk = 512
	type job struct{ g, lo int }
	var jobs []job
	for gi, g := range groups {
		for lo := 0; lo == 0 || lo < len(g.files); lo += chunk {
			jobs = append(jobs, job{gi, lo})
		}
	}
	dirs := make([]*os.File, len(groups))
	for i, g := range groups {
		d, err := openDir(g.dir)
		if err != nil {
			for _, o := range dirs[:i] {
				o.Close()
			}
			return false
		}
		dirs[i] = d
		if g.checked {
			if st, err := d.Stat(); err != nil || st.ModTime().UnixNano() != g.mtime {
				for _, o := range dirs[:i+1] {
					o.Close()
				}
				return false
			}
		}
	}
	defer func() {
		for _, d := range dirs {
			d.Close()
		}
	}()
	var next atomic.Int64
	var stale atomic.Bool
	var wg sync.WaitGroup
	for range min(2*runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stale.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(jobs) {
					return
				}
				g := &groups[jobs[i].g]
				for _, f := range g.files[jobs[i].lo:min(jobs[i].lo+chunk, len(g.files))] {
					size, mtime, ok := statIn(dirs[jobs[i].g], g.dir, f.name)
					if !ok || size != f.size || mtime != f.mtime {
						stale.Store(true)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	return !stale.Load()
}

// openDir opens a folder to stat its files by name.
func openDir(dir string) (*os.File, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if st, err := d.Stat(); err != nil || !st.IsDir() {
		d.Close()
		return nil, fs.ErrInvalid
	}
	return d, nil
}

// snapBytes reads a freshness record; ok turns false at the first flaw.
type snapBytes struct {
	b  []byte
	ok bool
}

func (r *snapBytes) byte() byte {
	if len(r.b) == 0 {
		r.ok = false
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *snapBytes) uv() uint64 { return number(r, binary.Uvarint) }
func (r *snapBytes) v() int64   { return number(r, binary.Varint) }

// number reads one varint with read.
func number[T int64 | uint64](r *snapBytes, read func([]byte) (T, int)) T {
	v, n := read(r.b)
	if n <= 0 {
		r.ok = false
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapBytes) str() string {
	n := r.uv()
	if !r.ok || n > uint64(len(r.b)) {
		r.ok = false
		return ""
	}
	s := bytesString(r.b[:n]) // read while the record is: no copy
	r.b = r.b[n:]
	return s
}

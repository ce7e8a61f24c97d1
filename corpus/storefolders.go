package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The store's folder record is its fast answer to "did anything change
// since?": the manifest keeps, beside the segments, every folder the walk
// of the run that published it went through, with the folder's identity
// (device, inode) and times (modification, status change), each taken as
// the walk opened the folder, before it read the folder's entries. A file
// created, removed or renamed in a folder changes the folder's times, so
// a change during or after the walk is seen next time; the status change
// time cannot be set back (rsync -t, cp -a) as the modification time can.
// A root that is a file, and a file reached through a symbolic link (whose
// own folder is not walked), are recorded as files, with their size.
//
// What the record cannot see: a file rewritten in place (opened and
// written, no rename, as few editors and no Parallax writer do), which
// changes no folder. That is why only the one-shot search trusts it (and
// checks the files of the hits it prints, see StoredFiles.Read), while
// every load (the list, the reader, --watch) still compares each file's
// size and time with the store's entry.
//
// A run records only when it can vouch for everything: a walk that
// skipped something (a folder it could not read, standard input), or a
// folder modified less than racyWindow before it was stamped, records
// nothing, and the next check fails until a run records again.

// racyWindow: a folder modified this shortly before it is stamped can be
// modified again within the same tick of the file system's clock (from a
// few milliseconds to 2 s, by file system) without its times changing.
const racyWindow = 2 * time.Second

// folderStamp is one folder (or file) of a folder record.
type folderStamp struct {
	path         string // absolute
	file         bool   // a file, not a folder: its size counts too
	dev, ino     uint64 // 0 where the system gives none
	size         int64  // files only
	mtime, ctime int64  // Unix nanoseconds; ctime 0 where the system has none
}

// stampOf stamps the folder or file at path, whose status is st.
func stampOf(path string, st fs.FileInfo) folderStamp {
	s := folderStamp{path: path, file: !st.IsDir(), mtime: st.ModTime().UnixNano()}
	if s.file {
		s.size = st.Size()
	}
	if id, ok := userfiles.IDOf(st); ok {
		s.dev, s.ino = id.Numbers()
	}
	s.ctime, _ = userfiles.ChangeTime(st)
	return s
}

// unchanged reports whether the folder or file is as stamped now.
func (s folderStamp) unchanged() bool {
	st, err := os.Stat(s.path)
	return err == nil && st.IsDir() == !s.file && stampOf(s.path, st) == s
}

// folderRecord collects a walk's stamps. A nil record records nothing.
type folderRecord struct {
	stamps []folderStamp
	broken bool // something was met that the record cannot vouch for
}

// add stamps the folder or file at path (absolute), whose status st was
// just taken.
func (r *folderRecord) add(path string, st fs.FileInfo) {
	if r == nil || r.broken {
		return
	}
	if time.Since(st.ModTime()) < racyWindow {
		r.broken = true
		return
	}
	r.stamps = append(r.stamps, stampOf(path, st))
}

// fail marks the record as one that vouches for nothing.
func (r *folderRecord) fail() {
	if r != nil {
		r.broken = true
	}
}

// vouched returns the stamps, or nil when the record vouches for nothing.
func (r *folderRecord) vouched() []folderStamp {
	if r == nil || r.broken {
		return nil
	}
	return r.stamps
}

// foldersUnchanged reports whether a record vouches for something and
// every folder and file in it is as stamped: one stat each, however many
// files the folders hold.
func foldersUnchanged(stamps []folderStamp) bool {
	if len(stamps) == 0 {
		return false
	}
	for _, s := range stamps {
		if !s.unchanged() {
			return false
		}
	}
	return true
}

// StoreState names what a store of parsed files holds: the same state is
// the same entries, and so the same corpus for its roots. It is "" when
// there is no store or a load cannot say (see Batch.StoreState).
type StoreState string

// stateOf names the state of a store whose manifest lists the segments
// names (segment names are never used twice).
func stateOf(names []string) StoreState {
	if len(names) == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(strings.Join(names, "\x00")))
	return StoreState(hex.EncodeToString(sum[:12]))
}

// UnchangedStore returns the state of the store for src in cacheDir when
// its folder record says that nothing under src's folders changed since
// the store was published (one stat a folder, none a file; see the top of
// this file), or "" when it cannot say so (no store, no record, a folder
// changed, a damaged manifest). A caller that keeps work made from a load
// (the search snapshot) stamps it with the load's Batch.StoreState, and
// trusts it while UnchangedStore returns the same state.
func UnchangedStore(cacheDir string, src Source) StoreState {
	if cacheDir == "" || len(src.Paths) == 0 {
		return ""
	}
	m, err := readManifest(cache.Path(cacheDir, src.Paths, "store"), cache.AbsRoots(src.Paths))
	if err != nil || !foldersUnchanged(m.folders) {
		return ""
	}
	return stateOf(m.names)
}

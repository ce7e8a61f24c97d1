package corpus

import (
	"cmp"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The walk record keeps, beside the store, what the walk of the run that
// made the store's state found: its files in walk order, each with the
// article ID the walk gave it. A start that trusts the folder record
// (Options.TrustFolders) would find the same files in the same order, and
// so give them the same IDs: when no folder changed, it takes them from
// the record and reads no folder. At 100,000 files in one folder the walk
// was the serial stage of the reader's start: 0.1 s reading and sorting
// the names before the first file was handed on, another 0.1 s making
// paths and IDs while the workers waited for them.
//
//	record: magic storeVersion(uvarint) state(str) nroots(uvarint) root(str)…
//	        nfiles(uvarint) file… crc(4 bytes) walkRecordEnd
//	file:   path(str) idAt(uvarint) [idLen(uvarint) | id(str)]
//
// A file's ID is most often part of its path (the path relative to the
// root, without its extension): idAt > 0 says it is path[idAt-1:][:idLen],
// idAt 0 that it follows. Strings read back point into the file's mapping.
//
// The record names the store state (stateOf) it was made for, and its
// roots as given: the same state is the same entries, so the same files
// (a walk that skipped anything vouches for nothing, and writes no
// record), and the same roots in the same order walk them in the same
// order. It is used only while the manifest names that state and its
// folder record holds. The IDs depend on the walk's rules (idFor, idSet),
// which storeVersion covers.

const (
	walkRecordMagic = "parallax walk record\n"
	walkRecordEnd   = "PXW\n"
	maxWalkRecord   = 1 << 34 // beyond any real corpus: damage, not a record
)

// walkedFile is a file the walk found on disk, with the ID it was given.
type walkedFile struct{ path, id string }

// walkList is a walk's files in walk order, in chunks as they came (one
// slice grown to 100,000 files was copied over and over).
type walkList [][]walkedFile

func (l *walkList) add(f walkedFile) {
	if n := len(*l); n == 0 || len((*l)[n-1]) == cap((*l)[n-1]) {
		*l = append(*l, make([]walkedFile, 0, 4096))
	}
	last := &(*l)[len(*l)-1]
	*last = append(*last, f)
}

func (l walkList) len() (n int) {
	for _, c := range l {
		n += len(c)
	}
	return n
}

func walkRecordPath(dir string, roots []string) string { return cache.Path(dir, roots, "walk") }

// writeWalkRecord stores files as the walk of roots (as given) that made
// state. The file is not synced: a damaged one fails its checksum and the
// next start walks.
func writeWalkRecord(path string, roots []string, state StoreState, files walkList) error {
	size := 32 + len(state)
	for _, r := range roots {
		size += 8 + len(r)
	}
	for _, c := range files {
		for _, f := range c {
			size += 8 + len(f.path)
		}
	}
	body := make([]byte, 0, size)
	body = appendStr(body, string(state))
	body = binary.AppendUvarint(body, uint64(len(roots)))
	for _, r := range roots {
		body = appendStr(body, r)
	}
	body = binary.AppendUvarint(body, uint64(files.len()))
	for _, c := range files {
		for _, f := range c {
			body = appendStr(body, f.path)
			if at := strings.Index(f.path, f.id); at >= 0 && f.id != "" {
				body = binary.AppendUvarint(body, uint64(at)+1)
				body = binary.AppendUvarint(body, uint64(len(f.id)))
			} else {
				body = binary.AppendUvarint(body, 0)
				body = appendStr(body, f.id)
			}
		}
	}
	file := seal(walkRecordMagic, storeVersion, body, walkRecordEnd)
	err := userfiles.WriteCacheAtomic(path, 0o600, func(w io.Writer) error {
		_, err := w.Write(file)
		return err
	})
	if err == nil {
		cache.Prune(path) // the records of other roots, as for the store
	}
	return err
}

// readWalkRecord returns the files of the walk record at path when it was
// made for state and for roots as given; with files false, only whether it
// was (the files are not decoded). A missing, damaged or foreign record,
// or one made for another state, is an error.
func readWalkRecord(path string, roots []string, state StoreState, files bool) ([]walkedFile, error) {
	data, bodyAt, err := cache.MapFile(path, walkRecordMagic, storeVersion, maxWalkRecord)
	if err != nil {
		return nil, err
	}
	s, err := unseal(data[bodyAt:], walkRecordEnd)
	if err != nil {
		return nil, err
	}
	// Each read stands apart from the comparison of what it read (the
	// mutation tool evaluates both sides of a comparison it mutates).
	r := &storeReader{s: s}
	madeFor := r.str()
	if madeFor != string(state) || r.err != nil {
		return nil, cmp.Or(r.err, errors.New("made for another state of the store"))
	}
	n := r.count()
	if r.err == nil && n != len(roots) {
		return nil, errors.New("made for other roots")
	}
	for i := 0; i < n && r.err == nil; i++ {
		root := r.str()
		if root != roots[i] {
			return nil, errors.New("made for other roots")
		}
	}
	if !files {
		return nil, r.err
	}
	// A file takes at least 3 bytes: a count beyond that is damage.
	count := r.uvarint()
	out := make([]walkedFile, 0, min(count, uint64(len(s)/3)))
	for ; count > 0 && r.err == nil; count-- {
		f := walkedFile{path: r.str()}
		if at := r.uvarint(); at == 0 {
			f.id = r.str()
		} else if n := r.uvarint(); at-1 > uint64(len(f.path)) || n > uint64(len(f.path))-(at-1) {
			r.fail(errors.New("ID out of bounds"))
		} else {
			f.id = f.path[at-1 : at-1+n]
		}
		if f.path == "" || f.id == "" {
			r.fail(errors.New("empty path or ID"))
		}
		out = append(out, f)
	}
	if r.err == nil && r.off != len(s) {
		r.fail(errors.New("trailing bytes"))
	}
	if r.err != nil {
		return nil, r.err
	}
	return out, nil
}

// recordedWalk returns the walk of roots (as given) that the store in
// cacheDir was made from, and the store's folder record, when that record
// holds (no folder changed since) and the walk record was made for the
// store's state: what a walk would find now, without reading a folder.
// No files when it cannot say so; unchanged reports whether the folder
// record held (a store is there, and no folder changed).
func recordedWalk(cacheDir string, roots []string) (files []walkedFile, stamps []folderStamp, unchanged bool) {
	if cacheDir == "" || len(roots) == 0 || slices.Contains(roots, "-") {
		return nil, nil, false
	}
	m, err := readManifest(cache.Path(cacheDir, roots, "store"), cache.AbsRoots(roots))
	if err != nil || !foldersUnchanged(m.folders) {
		return nil, nil, false
	}
	files, err = readWalkRecord(walkRecordPath(cacheDir, roots), roots, stateOf(m.names), true)
	if err != nil {
		return nil, nil, true
	}
	return files, m.folders, true
}

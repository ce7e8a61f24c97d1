package corpus

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// segment is one open segment file: immutable, mapped, its entries in
// path order. A load decodes its whole index (entries); a few lookups
// (OpenStoredFiles) keep it undecoded and decode the entries they find
// (lazy).
type segment struct {
	name    string
	entries []segEntry
	seen    []atomic.Bool // per entry: its file was found in this run

	lazy *lazyIndex
}

// lazyIndex is a segment's index kept undecoded: where each entry starts.
type lazyIndex struct {
	x    segmentIndex
	offs []uint32
}

// openSegment opens and maps the segment file dir/name and checks its
// index. A segment is never modified once published, so its mapping stays
// valid however long articles point into it.
func openSegment(dir, name string) (*segment, error) { return mapSegment(dir, name, false) }

// openSegmentLazy opens a segment for a few lookups: its index is checked
// (its checksum) and scanned for where its entries start, and decoded
// entry by entry as lookups find them. At 100,000 entries that is a few
// milliseconds against several times that to decode every entry.
func openSegmentLazy(dir, name string) (*segment, error) { return mapSegment(dir, name, true) }

// mapSegment opens a segment as openSegment (lazy false) or
// openSegmentLazy do.
func mapSegment(dir, name string, lazy bool) (*segment, error) {
	data, bodyAt, err := cache.MapFile(filepath.Join(dir, name), segmentMagic, storeVersion, maxStoreFile)
	if err != nil {
		return nil, err
	}
	if !lazy {
		entries, err := parseSegment(data, bodyAt)
		if err != nil {
			return nil, err
		}
		return &segment{name: name, entries: entries, seen: make([]atomic.Bool, len(entries))}, nil
	}
	x, err := checkSegment(data, bodyAt)
	if err != nil {
		return nil, err
	}
	offs, err := x.offsets()
	if err != nil {
		return nil, err
	}
	return &segment{name: name, lazy: &lazyIndex{x: x, offs: offs}}, nil
}

// lookup returns path's entry, or nil. An entry of a lazy segment that
// does not decode is no entry (the file is then read again).
func (s *segment) lookup(path string) (*segEntry, int) {
	if l := s.lazy; l != nil {
		i := sort.Search(len(l.offs), func(i int) bool { return l.x.pathAt(l.offs[i]) >= path })
		if i == len(l.offs) || l.x.pathAt(l.offs[i]) != path {
			return nil, -1
		}
		e, err := l.x.entryAt(l.offs[i])
		if err != nil || e.path != path {
			return nil, -1
		}
		return &e, i
	}
	if i := s.find(path); i >= 0 {
		return &s.entries[i], i
	}
	return nil, -1
}

// find returns the index of path's entry, or -1 (decoded segments only).
func (s *segment) find(path string) int {
	i := sort.Search(len(s.entries), func(i int) bool { return s.entries[i].path >= path })
	if i < len(s.entries) && s.entries[i].path == path {
		return i
	}
	return -1
}

// writeSegment writes a segment of n entries atomically to path;
// entry(i) returns the i-th in path order, or false to leave it out; its
// strings need only last until the next call. Text is written as entries
// come; only the heads wait in memory (copied), since they go after all
// the text (see storeformat.go).
func writeSegment(path string, n int, entry func(i int) (segEntry, bool)) error {
	return userfiles.WriteAtomic(path, 0o600, func(f io.Writer) error {
		w := bufio.NewWriterSize(f, 1<<20)
		var head []byte
		head = append(head, segmentMagic...)
		head = binary.AppendUvarint(head, storeVersion)
		if _, err := w.Write(head); err != nil {
			return err
		}
		off := uint64(len(head))
		// What the index needs of each entry: not its strings, which
		// would keep every encoded text alive until the end.
		type placed struct {
			path                      string
			size, mod                 int64
			dead                      bool
			headOff, headLen, headCRC uint64
			textOff, textLen, textCRC uint64
		}
		var done []placed
		var heads []byte
		for i := 0; i < n; i++ {
			e, ok := entry(i)
			if !ok {
				continue
			}
			if _, err := w.WriteString(e.text); err != nil {
				return err
			}
			done = append(done, placed{
				path: e.path, size: e.size, mod: e.mod, dead: e.dead,
				headOff: uint64(len(heads)), headLen: uint64(len(e.head)), headCRC: uint64(e.headCRC),
				textOff: off, textLen: uint64(len(e.text)), textCRC: uint64(e.textCRC),
			})
			off += uint64(len(e.text))
			heads = append(heads, e.head...)
		}
		if _, err := w.Write(heads); err != nil {
			return err
		}
		headsAt := off
		off += uint64(len(heads))
		var index []byte
		index = binary.AppendUvarint(index, uint64(len(done)))
		for _, d := range done {
			index = appendStr(index, d.path)
			index = binary.AppendVarint(index, d.size)
			index = binary.AppendVarint(index, d.mod)
			var flags byte
			if d.dead {
				flags |= flagDead
			}
			index = append(index, flags)
			index = binary.AppendUvarint(index, headsAt+d.headOff)
			index = binary.AppendUvarint(index, d.headLen)
			index = binary.LittleEndian.AppendUint32(index, uint32(d.headCRC))
			index = binary.AppendUvarint(index, d.textOff)
			index = binary.AppendUvarint(index, d.textLen)
			index = binary.LittleEndian.AppendUint32(index, uint32(d.textCRC))
		}
		trailer := binary.LittleEndian.AppendUint64(nil, off)
		trailer = binary.LittleEndian.AppendUint32(trailer, checksum(string(index)))
		trailer = append(trailer, segmentEnd...)
		if _, err := w.Write(index); err != nil {
			return err
		}
		if _, err := w.Write(trailer); err != nil {
			return err
		}
		return w.Flush()
	})
}

// removeSegment deletes a segment file no manifest lists any more. A
// process that still has it mapped keeps its pages.
func removeSegment(dir, name string) { os.Remove(filepath.Join(dir, name)) }

package corpus

import (
	"cmp"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
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
	sw, err := createSegment(path)
	if err != nil {
		return err
	}
	return sw.finish(n, func(i int) (placedEntry, bool) {
		e, ok := entry(i)
		if !ok {
			return placedEntry{}, false
		}
		return sw.place(e)
	})
}

// segmentWriter writes one segment file: its texts first, from any
// goroutine and in any order (each entry's index says where its text is),
// then its heads and index in path order (finish), which publish it.
type segmentWriter struct {
	path string // where finish publishes it
	mu   sync.Mutex
	f    *userfiles.AtomicFile
	w    *blockWriter // the texts
	err  error        // the first write error: finish returns it
}

// placedEntry is an entry whose text is written: what its index entry
// and head need.
type placedEntry struct {
	path                      string
	ver                       fileVersion
	dead                      bool
	head                      string // may be a view of a caller's buffer (see finish)
	headCRC                   uint32
	textOff, textLen, textCRC uint64
}

// createSegment starts writing the segment file path (atomically: see
// userfiles.CreateAtomic).
func createSegment(path string) (*segmentWriter, error) {
	f, err := userfiles.CreateAtomic(path, 0o600)
	if err != nil {
		return nil, err
	}
	sw := &segmentWriter{path: path, f: f, w: newBlockWriter(f)}
	var head []byte
	head = append(head, segmentMagic...)
	head = binary.AppendUvarint(head, storeVersion)
	sw.w.write(string(head))
	return sw, nil
}

// writeText writes one entry's text and returns where it starts.
func (sw *segmentWriter) writeText(text string) (uint64, error) {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if sw.err != nil {
		return 0, sw.err
	}
	off := sw.w.size()
	if err := sw.w.write(text); err != nil {
		sw.err = err
		return 0, err
	}
	return off, nil
}

// place writes e's text and returns e placed, its head still e's.
func (sw *segmentWriter) place(e segEntry) (placedEntry, bool) {
	off, err := sw.writeText(e.text)
	if err != nil {
		return placedEntry{}, false // finish reports the error
	}
	return placedEntry{path: e.path, ver: e.ver, dead: e.dead,
		head: e.head, headCRC: e.headCRC, textOff: off, textLen: uint64(len(e.text)), textCRC: uint64(e.textCRC)}, true
}

// abort removes the unfinished segment.
func (sw *segmentWriter) abort() {
	sw.mu.Lock()
	defer sw.mu.Unlock()
	if sw.err == nil {
		sw.err = errors.New("segment abandoned")
	}
	sw.w.close()
	sw.f.Abort()
}

// finish writes the heads and the index of n entries, entry(i) the i-th
// in path order (false: left out; its head need only last until the next
// call: heads are copied), and publishes the segment; on failure it is
// removed. No text may be written after finish starts.
func (sw *segmentWriter) finish(n int, entry func(i int) (placedEntry, bool)) error {
	// What the index needs of each entry: not its strings, which
	// would keep every encoded text alive until the end.
	type placed struct {
		path             string
		ver              fileVersion
		dead             bool
		headOff, headLen uint64
		headCRC          uint32
		textOff, textLen uint64
		textCRC          uint64
	}
	done := make([]placed, 0, n)
	var heads []byte
	for i := 0; i < n; i++ {
		e, ok := entry(i)
		if !ok {
			continue
		}
		if len(heads)+len(e.head) > cap(heads) {
			// Room for as many again as the entries so far took on
			// average: one copy where doubling made many.
			heads = slices.Grow(heads, (len(heads)/max(i, 1)+len(e.head))*(n-i))
		}
		done = append(done, placed{
			path: e.path, ver: e.ver, dead: e.dead,
			headOff: uint64(len(heads)), headLen: uint64(len(e.head)), headCRC: e.headCRC,
			textOff: e.textOff, textLen: e.textLen, textCRC: e.textCRC,
		})
		heads = append(heads, e.head...)
	}
	sw.mu.Lock()
	defer sw.mu.Unlock()
	tail, at, err := sw.w.close()
	if err = cmp.Or(sw.err, err); err != nil {
		sw.f.Abort()
		return err
	}
	headsAt := uint64(at) + uint64(len(tail))
	off := headsAt + uint64(len(heads))
	var index []byte
	index = binary.AppendUvarint(index, uint64(len(done)))
	for _, d := range done {
		index = appendStr(index, d.path)
		index = binary.AppendVarint(index, d.ver.size)
		index = binary.AppendVarint(index, d.ver.mod)
		index = binary.AppendVarint(index, d.ver.ctime)
		index = binary.AppendUvarint(index, d.ver.ino)
		var flags byte
		if d.dead {
			flags |= flagDead
		}
		index = append(index, flags)
		index = binary.AppendUvarint(index, headsAt+d.headOff)
		index = binary.AppendUvarint(index, d.headLen)
		index = binary.LittleEndian.AppendUint32(index, d.headCRC)
		index = binary.AppendUvarint(index, d.textOff)
		index = binary.AppendUvarint(index, d.textLen)
		index = binary.LittleEndian.AppendUint32(index, uint32(d.textCRC))
	}
	trailer := binary.LittleEndian.AppendUint64(nil, off)
	trailer = binary.LittleEndian.AppendUint32(trailer, checksum(string(index)))
	trailer = append(trailer, segmentEnd...)
	for _, part := range [][]byte{tail, heads, index, trailer} {
		if _, err := sw.f.WriteAt(part, at); err != nil {
			sw.err = err
			sw.f.Abort()
			return err
		}
		at += int64(len(part))
	}
	sw.err = errors.New("segment finished")
	// Not synced: every part of a segment is checked before it is used
	// (the index by the trailer's checksum, each head and text by its
	// own), so a segment a crash tore is found and rebuilt, and a load
	// does not wait for its texts to reach the disk.
	return sw.f.CommitUnsynced()
}

// removeSegment deletes a segment file no manifest lists any more. A
// process that still has it mapped keeps its pages.
func removeSegment(dir, name string) { os.Remove(filepath.Join(dir, name)) }

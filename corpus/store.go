package corpus

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// The store keeps what the parsers made of each file, keyed by the file's
// path, size and modification time, so that opening an unchanged corpus
// again reads no file and parses nothing. One store serves one set of
// roots: a manifest (storemanifest.go) naming immutable segment files
// (storeformat.go, storesegment.go), which are mapped, not read, and
// decoded per file as the loader asks for it.
//
// A run that finds new or changed files, or misses old ones, adds one
// small segment: the new entries, and tombstones for the files gone. When
// that would make more than maxSegments, the save merges the newer
// segments with what it adds into one (mergeFrom: the large old ones are
// left as they are), and when a segment was damaged it merges every live
// entry; the entries it keeps are copied from the old mappings, never
// decoded. Saving takes
// the store's lock, so two processes saving at once publish one after the
// other; the second appends to what the first published, or merges it.

// maxSegments is how many segments a store may have before a save merges
// them.
const maxSegments = 4

// staleSegmentAge: an unlisted segment younger than this may be another
// process's save in progress; an older one is left by a killed process.
const staleSegmentAge = time.Hour

// madeEntry is what one file yielded in this run, kept until the save.
// Articles keep the part of each ID that follows the file's own ID
// (suffixes), since the file's ID can change when other files appear.
type madeEntry struct {
	ver      fileVersion
	articles []*Article
	suffixes []string
	skip     string
	sum      article.Sum
	textKeys []string
	// placed: the entry is encoded and its text written to the store's
	// next segment (segStore.draft); articles and suffixes are then dropped.
	placed *placedEntry
	draft  *segmentWriter // the segment placed's text is in
}

// segStore is an open store. Lookups are safe from many goroutines; Save
// publishes what changed.
type segStore struct {
	dir      string
	manifest string
	roots    []string // absolute and sorted, as the manifest names them
	given    []string // as the run was given them (the walk record's)
	listOnly bool     // articles come without their text (Options.ListOnly)
	// listFresh: articles parsed afresh come without theirs too, read back
	// from the segment (Options.ListOnlyFresh).
	listFresh bool

	segs    []*segment // oldest first; a newer segment's entry wins
	opened  manifest   // the manifest as this run opened it
	rebuild bool       // a damaged or unreadable part was dropped: merge on save
	Notice  string     // why part of the store was discarded, if it was

	// walked is this run's folder record (storefolders.go), complete
	// when Save is called; State is what Save leaves the store holding,
	// when that is what this run loaded (see Batch.StoreState).
	walked *folderRecord
	// walkFiles is this run's walk, for the walk record (walkrecord.go);
	// walkRecorded: it was taken from the record, which holds for it.
	walkFiles    walkList
	walkRecorded bool
	State        StoreState
	// unkept: a file's result was not kept (a skip that depends on the
	// moment), so the store does not hold all this run found, and no
	// record vouches for it.
	unkept atomic.Bool

	// trusted: the folder record held at open, so files are served
	// without a stat each (Options.TrustFolders); changedOnly: files
	// served are not decoded (Options.ChangedOnly). Gone is what Save
	// found gone, as paths.
	trusted, changedOnly bool
	Gone                 []string

	mu   sync.Mutex
	made map[string]*madeEntry
	// draft is the next segment, its texts written as files are parsed
	// (see placeMade), so that a cold open's save is not all at the end;
	// draftName is its name; closed: the load was abandoned, write none.
	draft     *segmentWriter
	draftName string
	closed    bool
}

// storeExists reports whether the store of parsed files for roots in dir
// has been published (its manifest is there), with one stat.
func storeExists(dir string, roots []string) bool {
	_, err := os.Stat(cache.Path(dir, roots, "store"))
	return err == nil
}

// openStore opens the store for a set of roots inside dir. A missing
// store is empty; a damaged segment or manifest is dropped and Notice
// says so. It never fails: at worst the store is empty.
func openStore(dir string, roots []string, listOnly bool) *segStore {
	s := &segStore{
		dir:      dir,
		manifest: cache.Path(dir, roots, "store"),
		roots:    cache.AbsRoots(roots),
		given:    roots,
		listOnly: listOnly,
		made:     map[string]*madeEntry{},
	}
	// A merge by another process can delete a segment between our reading
	// the manifest and opening it: the manifest then names its successor.
	for attempt := 0; attempt < 3; attempt++ {
		m, err := readManifest(s.manifest, s.roots)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return s
		case err != nil:
			s.Notice = fmt.Sprintf("the corpus store was unreadable (%v) and will be rebuilt", err)
			s.rebuild = true
			return s
		}
		segs, missing, damage := openSegments(dir, m.names, openSegment)
		if missing && attempt < 2 {
			continue
		}
		s.segs, s.opened = segs, m
		if damage != nil {
			s.Notice = fmt.Sprintf("the corpus store was damaged (%v) and will be rebuilt", damage)
		}
		s.rebuild = missing || damage != nil
		return s
	}
	return s
}

// openSegments opens the named segments with open (openSegment, or
// openSegmentLazy for a few lookups), leaving out the missing and the
// damaged ones.
func openSegments(dir string, names []string, open func(dir, name string) (*segment, error)) (segs []*segment, missing bool, damage error) {
	for _, name := range names {
		seg, err := open(dir, name)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			missing = true
		case err != nil:
			if damage == nil {
				damage = fmt.Errorf("%s: %w", name, err)
			}
		default:
			segs = append(segs, seg)
		}
	}
	return segs, missing, damage
}

// lookup returns what a file yielded last time as job j's result, if its
// version (size, times, inode) is unchanged. An entry
// that fails its checksum or cannot be decoded is a miss: the file is
// read again, and its new entry shadows the bad one.
func (s *segStore) lookup(j fileJob, v fileVersion) (fileResult, bool) {
	for k := len(s.segs) - 1; k >= 0; k-- {
		seg := s.segs[k]
		e, i := seg.lookup(j.osPath)
		if e == nil {
			continue
		}
		if e.dead || e.ver != v {
			return fileResult{}, false
		}
		return s.serve(seg, e, i, j)
	}
	return fileResult{}, false
}

// lookupTrusted returns what a file yielded last time, unchecked: the
// folder record vouches for it (Options.TrustFolders).
func (s *segStore) lookupTrusted(j fileJob) (fileResult, bool) {
	for k := len(s.segs) - 1; k >= 0; k-- {
		seg := s.segs[k]
		e, i := seg.lookup(j.osPath)
		if e == nil {
			continue
		}
		if e.dead {
			return fileResult{}, false
		}
		return s.serve(seg, e, i, j)
	}
	return fileResult{}, false
}

// serve decodes the i-th entry e of seg as job j's result (nothing, for
// a ChangedOnly load) and marks it seen.
func (s *segStore) serve(seg *segment, e *segEntry, i int, j fileJob) (fileResult, bool) {
	r := fileResult{index: j.index, cached: true}
	if !s.changedOnly {
		var err error
		if r, err = decodeEntry(e, j, !s.listOnly); err != nil {
			return fileResult{}, false
		}
	}
	if seg.seen != nil {
		seg.seen[i].Store(true)
	}
	return r, true
}

// putResult records what a file yielded in this run under v, the file's
// version as it was before it was read.
// Results that depend on the moment (a file that vanished or could not
// be read) are not kept.
//
// It returns the entry as placed in the draft segment and the draft, or
// nil when it was not placed (the save encodes it then).
func (s *segStore) putResult(path string, v fileVersion, fileID string, r fileResult) (*placedEntry, *segmentWriter) {
	e := &madeEntry{ver: v, sum: r.sum, textKeys: r.textKeys}
	if r.skipped != nil {
		if !cacheableSkip(r.skipped.Reason) {
			s.notKept()
			return nil, nil
		}
		e.skip = r.skipped.Reason
	}
	for _, a := range r.articles {
		cp := *a // the corpus may annotate articles (DuplicateOf) before the save
		e.articles = append(e.articles, &cp)
		e.suffixes = append(e.suffixes, strings.TrimPrefix(a.ID, fileID))
	}
	if p, sw, ok := s.placeMade(path, e); ok {
		e.placed, e.draft, e.articles, e.suffixes = &p, sw, nil, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.made[path] = e
	return e.placed, e.draft
}

// notKept records that a file's result was not kept (see unkept).
func (s *segStore) notKept() { s.unkept.Store(true) }

// placeMade encodes e and writes its text to the draft segment, from the
// worker that parsed its file: a cold open's save then writes only the
// heads and the index after the last file (it encoded and wrote 460 MB of
// text at 100,000 files, 1.9 cpu-s on one core while the other idled).
// False when there is no draft (the load was abandoned, or the draft
// could not be made): the save encodes the entry then.
func (s *segStore) placeMade(path string, e *madeEntry) (placedEntry, *segmentWriter, bool) {
	sw := s.draftWriter()
	if sw == nil {
		return placedEntry{}, nil, false
	}
	buf := encodePool.Get().(*encodeBuffers)
	defer encodePool.Put(buf)
	se, ok := e.encode(path, buf)
	if !ok {
		return placedEntry{}, nil, false
	}
	p, ok := sw.place(se)
	p.head = strings.Clone(p.head) // a view of buf
	return p, sw, ok
}

// encodePool holds the workers' encodeBuffers.
var encodePool = sync.Pool{New: func() any { return new(encodeBuffers) }}

// draftWriter returns the draft segment, made on first use; nil when the
// load was abandoned or it cannot be made.
func (s *segStore) draftWriter() *segmentWriter {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.draft == nil && !s.closed {
		name := s.newSegmentName()
		sw, err := createSegment(filepath.Join(s.dir, name))
		if err != nil {
			s.closed = true // the save will report why
			return nil
		}
		s.draft, s.draftName = sw, name
	}
	return s.draft
}

// abandon removes the draft segment of a load that will not be saved.
func (s *segStore) abandon() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.draft != nil {
		s.draft.abort()
		s.draft = nil
	}
}

// cacheableSkip: reasons that follow from the file's content alone.
func cacheableSkip(reason string) bool {
	for _, r := range []string{"empty file", "only whitespace", "binary file", "no article text", "not valid", "no article"} {
		if strings.Contains(reason, r) {
			return true
		}
	}
	return false
}

// entries is how many entries the store's decoded segments hold: about
// how many files a load of its roots will meet.
func (s *segStore) entries() int {
	n := 0
	for _, seg := range s.segs {
		n += len(seg.entries)
	}
	return n
}

// newest reports whether no segment after the k-th has an entry for path.
func (s *segStore) newest(k int, path string) bool {
	for _, later := range s.segs[k+1:] {
		if later.find(path) >= 0 {
			return false
		}
	}
	return true
}

// gone lists the files the store holds that this run did not find.
func (s *segStore) gone() []segEntry {
	var out []segEntry
	for k, seg := range s.segs {
		for i := range seg.entries {
			e := &seg.entries[i]
			if e.dead || seg.seen[i].Load() || s.made[e.path] != nil || !s.newest(k, e.path) {
				continue
			}
			out = append(out, segEntry{path: e.path, dead: true})
		}
	}
	return out
}

// kept lists what a save that merges the segments from the from-th on
// keeps of them, in no order: each path's newest entry there, unless this
// run made it anew or found it gone; and a tombstone (a dead entry, or one
// for a file gone in this run) only while an older segment, not merged,
// still holds the path. With from 0, every live entry of the store.
func (s *segStore) kept(from int, gone []segEntry) []segEntry {
	older := func(path string) bool {
		for _, seg := range s.segs[:from] {
			if seg.find(path) >= 0 {
				return true
			}
		}
		return false
	}
	isGone := make(map[string]bool, len(gone))
	var out []segEntry
	for _, g := range gone {
		isGone[g.path] = true
		if older(g.path) {
			out = append(out, g)
		}
	}
	for k := from; k < len(s.segs); k++ {
		for _, e := range s.segs[k].entries {
			if isGone[e.path] || s.made[e.path] != nil || !s.newest(k, e.path) || e.dead && !older(e.path) {
				continue
			}
			out = append(out, e)
		}
	}
	return out
}

// mergeFrom is the first segment a save merges when one more would make
// too many: the last whose entries still in use are at least twice the
// files that follow it (in the newer segments, made or found gone in this
// run), so that segments shrink geometrically from the oldest and an
// entry is rewritten about log n times in all, not at every merge (the
// 100,000 files' segment was rewritten, 1.5-2 s, at every fourth save). A
// segment whose entries are mostly shadowed is merged. 0 merges them all.
func (s *segStore) mergeFrom(gone []segEntry) int {
	later := make(map[string]bool, len(s.made)+len(gone))
	for p := range s.made {
		later[p] = true
	}
	for _, g := range gone {
		later[g.path] = true
	}
	for from := len(s.segs) - 1; from > 0; from-- {
		for _, e := range s.segs[from].entries {
			later[e.path] = true
		}
		prev := s.segs[from-1]
		inUse := 0
		for _, e := range prev.entries {
			if !e.dead {
				inUse++
			}
		}
		for p := range later {
			if i := prev.find(p); i >= 0 && !prev.entries[i].dead {
				inUse--
			}
		}
		if inUse >= 2*len(later) {
			return from
		}
	}
	return 0
}

// Save publishes what changed in this run, if anything did: a new
// segment, then the manifest naming it (see the top of this file), then
// prunes old stores. The manifest keeps this run's folder record when the
// store it publishes holds what this run found (no other process
// published in between), and is published for the record alone when
// only that changed.
func (s *segStore) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	sw, name := s.draft, s.draftName
	s.draft = nil
	finished := false
	defer func() {
		if sw != nil && !finished {
			sw.abort()
		}
	}()
	s.State = ""
	gone := s.gone()
	s.Gone = s.Gone[:0]
	for _, g := range gone {
		s.Gone = append(s.Gone, g.path)
	}
	if len(s.made) == 0 && len(gone) == 0 && !s.rebuild {
		s.State = stateOf(s.opened.names)
		s.recordWalk(s.State)
		if folders := s.vouched(); folders != nil && len(s.opened.names) > 0 && !slices.Equal(folders, s.opened.folders) {
			return s.saveFolders(folders)
		}
		cache.MarkUsed(s.manifest)
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	unlock, err := userfiles.Lock(s.manifest)
	if err != nil {
		return err
	}
	defer unlock()
	cur, err := readManifest(s.manifest, s.roots)
	if err != nil {
		cur = manifest{} // unreadable or missing: this save replaces it
	}
	current := cur.names
	merge := s.rebuild || len(current) == 0 || len(current)+1 > maxSegments
	// A small segment holds what changed and tombstones; a merge holds
	// what it keeps of the segments it merges: all of them, or (when the
	// store is as this run opened it) the newer ones (mergeFrom).
	from := 0
	if merge && !s.rebuild && len(current) > 0 && slices.Equal(current, s.opened.names) {
		from = s.mergeFrom(gone)
	}
	type item struct {
		e    segEntry
		made *madeEntry
	}
	kept := gone
	if merge {
		kept = s.kept(from, gone)
	}
	items := make([]item, 0, len(kept)+len(s.made))
	for _, e := range kept {
		items = append(items, item{e: e})
	}
	for path, m := range s.made {
		items = append(items, item{e: segEntry{path: path}, made: m})
	}
	slices.SortFunc(items, func(a, b item) int { return strings.Compare(a.e.path, b.e.path) })
	if sw == nil {
		name = s.newSegmentName()
		if sw, err = createSegment(filepath.Join(s.dir, name)); err != nil {
			return err
		}
	}
	var scratch encodeBuffers
	finished = true
	err = sw.finish(len(items), func(i int) (placedEntry, bool) {
		m := items[i].made
		switch {
		case m == nil:
			return sw.place(items[i].e)
		case m.placed != nil:
			// Its text went to a draft that is gone (an earlier save
			// failed): not stored, the file is read again next time.
			return *m.placed, m.draft == sw
		}
		e, ok := m.encode(items[i].e.path, &scratch)
		if !ok {
			return placedEntry{}, false
		}
		return sw.place(e)
	})
	if err != nil {
		return err
	}
	names := append(current[:len(current):len(current)], name)
	if merge {
		names = append(current[:from:from], name)
	}
	// A merge of all holds this run's entries alone, a partial one is of
	// the store as this run opened it; a new segment on top of another
	// process's publishing holds more than this run found, so no record
	// vouches for it and this run's load is not its state.
	ours := merge || slices.Equal(current, s.opened.names)
	var folders []folderStamp
	if ours {
		folders = s.vouched()
	}
	if err := writeManifest(s.manifest, s.roots, manifest{names: names, folders: folders}); err != nil {
		removeSegment(s.dir, name)
		return err
	}
	s.made, s.rebuild = map[string]*madeEntry{}, false
	if ours {
		s.State = stateOf(names)
		s.recordWalk(s.State)
	}
	s.removeUnlisted(current, names)
	cache.Prune(s.manifest)
	return nil
}

// recordWalk keeps this run's walk as the walk record of the store's
// state (walkrecord.go), when the folder record vouches for the walk and
// the record does not already hold it. A record that cannot be written
// only means the next start walks.
func (s *segStore) recordWalk(state StoreState) {
	if state == "" || s.walkRecorded || len(s.walkFiles) == 0 || s.vouched() == nil {
		return
	}
	path := walkRecordPath(s.dir, s.given)
	if _, err := readWalkRecord(path, s.given, state, false); err == nil {
		return
	}
	_ = writeWalkRecord(path, s.given, state, s.walkFiles)
}

// vouched is this run's folder record, if it vouches for the store.
func (s *segStore) vouched() []folderStamp {
	if s.unkept.Load() {
		return nil
	}
	return s.walked.vouched()
}

// saveFolders publishes the manifest again with a new folder record when
// nothing else changed, unless another process published since this run
// opened the store (its record then describes the newer store).
func (s *segStore) saveFolders(folders []folderStamp) error {
	unlock, err := userfiles.Lock(s.manifest)
	if err != nil {
		return err
	}
	defer unlock()
	cur, err := readManifest(s.manifest, s.roots)
	if err != nil || !slices.Equal(cur.names, s.opened.names) {
		return nil
	}
	return writeManifest(s.manifest, s.roots, manifest{names: cur.names, folders: folders})
}

// segmentPrefix starts the names of this store's segment files.
func (s *segStore) segmentPrefix() string {
	return strings.TrimSuffix(filepath.Base(s.manifest), filepath.Ext(s.manifest)) + "-"
}

func (s *segStore) newSegmentName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return s.segmentPrefix() + hex.EncodeToString(b[:]) + segmentExt
}

// removeUnlisted deletes this store's segments the manifest no longer
// lists: at once those it listed before this save (was), after
// staleSegmentAge those of a save in progress elsewhere or of a killed
// process.
func (s *segStore) removeUnlisted(before, names []string) {
	listed := map[string]bool{}
	for _, n := range names {
		listed[n] = true
	}
	was := map[string]bool{}
	for _, n := range before {
		was[n] = true
	}
	pattern := filepath.Join(s.dir, s.segmentPrefix()+"*"+segmentExt)
	matches, _ := filepath.Glob(pattern)
	for _, m := range matches {
		name := filepath.Base(m)
		if listed[name] {
			continue
		}
		if st, err := os.Lstat(m); err == nil && (was[name] || time.Since(st.ModTime()) >= staleSegmentAge) {
			os.Remove(m)
		}
	}
	userfiles.RemoveStaleTemps(pattern, staleSegmentAge)
}

// encodeBuffers are reused by every encode of one save: a cold save
// encodes all the corpus's text, which as fresh buffers was garbage as
// large as the corpus, growing the heap to twice what it holds.
type encodeBuffers struct{ head, text []byte }

// encode turns an entry made in this run into a segment entry for path,
// whose strings share buf: valid until the next encode with it (the
// segment writer copies them out at once).
func (m *madeEntry) encode(path string, buf *encodeBuffers) (segEntry, bool) {
	head, text, err := appendEntry(buf.head[:0], buf.text[:0], m)
	if err != nil {
		return segEntry{}, false // not stored; the file is read again next time
	}
	buf.head, buf.text = head, text
	h, t := unsafe.String(unsafe.SliceData(head), len(head)), unsafe.String(unsafe.SliceData(text), len(text))
	return segEntry{path: path, ver: m.ver, head: h, text: t, headCRC: checksum(h), textCRC: checksum(t)}, true
}

package corpus

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/formats"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// defaultMaxFileSize is the largest file read when Options.MaxFileSize is 0.
const defaultMaxFileSize = 20 << 20

// Source says where a corpus comes from: files and folders on disk (Paths,
// where "-" means standard input), or a file system such as the embedded
// seeds (FS, read from its root). Paths wins when both are set.
type Source struct {
	Paths []string
	FS    fs.FS
	// FSName prefixes the Path of articles read from FS ("seeds").
	FSName string
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Options tune loading. The zero value is ready to use.
type Options struct {
	MaxFileSize int64 // bytes; 0 means defaultMaxFileSize
	Workers     int   // parallel parsers; 0 means GOMAXPROCS
	// BatchInterval is how often Stream hands over what it has; 0 means 50ms.
	BatchInterval time.Duration
	// CacheDir holds the store of parsed files; "" turns it off. Only files
	// on disk are stored (not FS sources or standard input).
	CacheDir string
	// ListOnly: articles served from the store come without their text
	// (Blocks and Removed) until Article.LoadText, so that listing reads
	// only what a list shows. Articles parsed in this run keep theirs
	// (unless ListOnlyFresh).
	ListOnly bool
	// ListOnlyFresh (with ListOnly and a store): articles parsed in this
	// run come without their text too, read back from the store when
	// opened, and the load keeps no file's text: for a command that lists
	// and opens a few, not for one that indexes what it parsed.
	ListOnlyFresh bool
	// SaveAfter: the last batch comes before the store of parsed files
	// is saved, which goes on in the background (Batch.Saved waits for
	// it): a listing command sorts and prints while the store is
	// written. The last batch then has no StoreState and no Gone.
	SaveAfter bool
	// TrustFolders: when the store's folder record says that nothing
	// changed under the roots' folders since it was published (one stat
	// a folder, see UnchangedStore), files are served from the store
	// without a stat each. A file rewritten in place changes no folder
	// and is then served as stored (Batch.Trusted says so): a caller
	// that trusts checks afterwards with a ChangedOnly load.
	TrustFolders bool
	// ChangedOnly: every file is checked against the store (size and
	// modification time) as usual, but only the files not served from it
	// (new or changed) are handed over; the others are neither decoded
	// nor reported, and the last batch's Gone names the files the store
	// held that this load did not find. It is the check that follows a
	// load with TrustFolders.
	ChangedOnly bool
	// StoredListing: a load for a list (the rows it shows, see Listing).
	// When every file the walk finds (each stat'ed) is as the stored
	// listing of the roots recorded, the last batch carries that listing
	// (Batch.Listing, its skips in Skipped) and nothing else is loaded or
	// opened. Otherwise the load goes on as usual, after the walk, and its
	// last batch carries the stamp the rows it shows are stored with
	// (Batch.Stamp), when they can be.
	StoredListing bool
}

// Batch is one delivery of Stream: the articles parsed and the files skipped
// since the previous batch, with cumulative progress. The last batch has Done
// set. Total is the number of files found (known once the walk ends; until
// then it is -1).
type Batch struct {
	Articles []*Article
	Skipped  []Skipped
	Read     int
	Total    int
	Done     bool
	// Cached counts the files (so far, cumulative) served from the
	// store without being read.
	Cached int
	// Fresh are the articles of this batch that came from files read
	// afresh (new, or changed since the store had them), not served from
	// the store: what a search index made of the store's articles lacks
	// (search.LoadSnapshotUpdated).
	Fresh []*Article
	// Notices are things the user should know that are not about one file
	// (a damaged store, a store that could not be saved).
	Notices []string
	// StoreState, in the last batch, is the state of the store of parsed
	// files when it holds what this load found (see UnchangedStore), else
	// "".
	StoreState StoreState
	// Trusted, in the last batch: the files were served from the store
	// on the word of its folder record (Options.TrustFolders), without
	// checking each.
	Trusted bool
	// Gone, in the last batch of a ChangedOnly load: the files (as
	// Article.Path names them) the store held that were not found.
	Gone []string
	// Saved, in the last batch of a SaveAfter load that opened a store,
	// waits until the store is saved and tells why it could not be.
	Saved func() error
	// Listing, in the last batch of a StoredListing load, is the stored
	// listing when it answered the load (no articles were loaded).
	Listing *Listing
	// Stamp, in the last batch of a StoredListing load that loaded, is
	// what to store the listing of what it shows with; nil when what the
	// load found is not only a matter of its files' bytes (a file it
	// could not read, a FIFO, a file not stat'ed by the walk).
	Stamp *ListingStamp
}

// Load reads a whole corpus and returns it in the default order. It fails
// only when ctx is cancelled; unreadable files are reported in Skipped.
func Load(ctx context.Context, src Source, opt Options) (*Corpus, error) {
	c := &Corpus{}
	Stream(ctx, src, opt, func(b Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		c.StoreState = b.StoreState
		c.Fresh = append(c.Fresh, b.Fresh...)
		c.Listing, c.Stamp = cmp.Or(b.Listing, c.Listing), cmp.Or(b.Stamp, c.Stamp)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c.Sort()
	sort.SliceStable(c.Skipped, func(i, j int) bool { return c.Skipped[i].Path < c.Skipped[j].Path })
	return c, nil
}

// fileJob is one file found by the walk.
type fileJob struct {
	index  int
	id     string
	path   string // as shown to the user
	osPath string // the file on disk, "" for FS sources and stdin
	// read reads the file; nil: it is osPath, read from disk.
	read func(max int64) ([]byte, error)
	// stat is osPath's status when the walk took it (statted).
	stat    userfiles.FileStat
	statted bool
}

type fileResult struct {
	index    int    // the walk's item number: results are taken in this order
	path     string // of the file, as shown
	articles []*Article
	skipped  *Skipped
	cached   bool
	sum      article.Sum // of the file's bytes, for byte-identical files
	textKeys []string    // per article, see article.TextKey
}

// Stream loads a corpus in the background of the caller's goroutine and
// calls emit with batches as files are parsed; emit is never called
// concurrently. It returns after the final batch (Done) has been emitted, or
// as soon as ctx is cancelled.
func Stream(ctx context.Context, src Source, opt Options, emit func(Batch)) {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = defaultMaxFileSize
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchInterval <= 0 {
		opt.BatchInterval = 50 * time.Millisecond
	}

	// The store is opened while the folders are walked: one waits on the
	// disk for directory entries, the other for the store's index.
	var cacheCh chan *segStore
	var folders *folderRecord // the store's, read once the walk has ended
	startStore := func() {}
	if opt.CacheDir != "" && len(src.Paths) > 0 {
		folders = &folderRecord{}
		cacheCh = make(chan *segStore, 1)
		startStore = sync.OnceFunc(func() {
			go func() {
				s := openStore(opt.CacheDir, src.Paths, opt.ListOnly)
				s.changedOnly = opt.ChangedOnly
				s.listFresh = opt.ListOnly && opt.ListOnlyFresh
				s.trusted = opt.TrustFolders && !opt.ChangedOnly && foldersUnchanged(s.opened.folders)
				cacheCh <- s
			}()
		})
	}
	// Files on disk checked against the store are stat'ed by the walk,
	// relative to their open folder (see folderStats); a load that trusts
	// the folder record may need no stat at all. A first open (no store
	// yet) has nothing to compare: the reads take each file's status.
	statFiles := cacheCh != nil && !opt.TrustFolders && storeExists(opt.CacheDir, src.Paths)
	// A listing load (StoredListing) prints its walk, and holds the walk's
	// files until the print is compared with the stored listing's, read
	// meanwhile; the store is opened only if the listing does not answer.
	var printer *walkPrinter
	var stored chan storedListing
	var answered *Listing // the stored listing, when it answers the load
	var print listingPrint
	printed, settled := false, false
	if opt.StoredListing && statFiles && !opt.ChangedOnly && !slices.Contains(src.Paths, "-") {
		printer = newWalkPrinter(src.Paths, opt.MaxFileSize)
		stored = make(chan storedListing, 1)
		go func() {
			p, l, err := readListing(listingPath(opt.CacheDir, src.Paths))
			stored <- storedListing{p, l, err == nil}
		}()
	} else {
		startStore()
	}

	// The walk hands files over as it finds them, so that loading starts at
	// once however large the corpus is; a queue lets it run ahead of the
	// workers (and of the cache, which they wait for).
	// The channels are buffered so that a file is handed on without a
	// goroutine switch each: at 100,000 unchanged files the hand-offs
	// were a tenth of a warm list's CPU.
	found := make(chan walkItem, 1024)
	walked := make(chan int, 1)
	// The files a walk found on disk, in order with their IDs, for the
	// walk record (walkrecord.go): kept while a folder record is made.
	var walkFiles walkList
	fromRecord := false // the files came from the walk record
	go func() {
		defer close(found)
		send := func(it walkItem) bool {
			if folders != nil && !fromRecord && it.skip == nil && it.jobs == nil && it.job.osPath != "" {
				walkFiles.add(walkedFile{it.job.osPath, it.job.id})
			}
			select {
			case found <- it:
				return true
			case <-ctx.Done():
				return false
			}
		}
		if printer == nil {
			stat := statFiles
			if opt.TrustFolders && !opt.ChangedOnly && folders != nil {
				files, stamps, unchanged := recordedWalk(opt.CacheDir, src.Paths)
				if files != nil {
					folders.stamps, fromRecord = stamps, true
					walked <- sendRecorded(files, send)
					return
				}
				// A folder changed: the store will not trust its record
				// and checks each file, so the walk stats them relative
				// to their folders as it reads them (folderStats), as a
				// checked load's does, not the workers each by its path
				// (at 100,000 files the workers' stats by path held a
				// start after 1,000 new files at 0.45-0.5 s).
				stat = !unchanged && storeExists(opt.CacheDir, src.Paths)
			}
			walked <- walkSource(ctx, src, folders, stat, send)
			return
		}
		// Held in chunks: one slice grown to 100,000 items was copied
		// over and over.
		var held [][]walkItem
		n := walkSource(ctx, src, folders, statFiles, func(it walkItem) bool {
			printer.add(it)
			if len(held) == 0 || len(held[len(held)-1]) == cap(held[len(held)-1]) {
				held = append(held, make([]walkItem, 0, 4096))
			}
			held[len(held)-1] = append(held[len(held)-1], it)
			return ctx.Err() == nil
		})
		print, printed = printer.sum()
		settled = printer.settled(time.Now())
		if st := <-stored; printed && st.ok && st.print == print && ctx.Err() == nil {
			answered = st.listing
			cacheCh <- nil // no store: the workers find no file to load
			walked <- n
			return
		}
		startStore()
	sending:
		for _, chunk := range held {
			for _, it := range chunk {
				if !send(it) {
					break sending
				}
			}
		}
		walked <- n
	}()

	// Workers take files and hand on results in batches (see
	// queueJobs): a hand-off per file was a tenth of a warm list.
	jobCh := make(chan []fileJob, 2*opt.Workers)
	resCh := make(chan []fileResult, 4*opt.Workers)
	var wg sync.WaitGroup
	wg.Add(1 + opt.Workers)
	go func() {
		defer wg.Done()
		queueJobs(ctx, found, jobCh, resCh, opt.Workers)
	}()
	cacheReady := make(chan *segStore, 1)
	go func() {
		var cache *segStore
		if cacheCh != nil {
			cache = <-cacheCh
		}
		cacheReady <- cache
		for w := 0; w < opt.Workers; w++ {
			go func() {
				defer wg.Done()
				for batch := range jobCh {
					out := make([]fileResult, len(batch))
					for i, j := range batch {
						out[i] = loadCached(j, opt.MaxFileSize, cache)
						out[i].path = j.path
					}
					resCh <- out
				}
			}()
		}
	}()
	go func() { wg.Wait(); close(resCh) }()

	total := -1
	var cache *segStore
	pending := Batch{Total: total}
	tick := time.NewTicker(opt.BatchInterval)
	defer tick.Stop()
	flush := func(done bool) {
		pending.Done = done
		emit(pending)
		pending = Batch{Read: pending.Read, Total: total, Cached: pending.Cached}
	}
	// Results are taken in walk order (parsing stays parallel; a result
	// that arrives early waits in early), so that which of two identical
	// files is "the duplicate" does not depend on scheduling.
	dups := newDuplicates()
	recordable := true // see Batch.Stamp
	early := map[int]fileResult{}
	next := 0
	for {
		select {
		case c := <-cacheReady:
			cache, cacheReady = c, nil
			if c != nil && c.Notice != "" {
				pending.Notices = append(pending.Notices, c.Notice)
			}
			if c != nil {
				dups.reserve(c.entries())
			}
		case n := <-walked:
			total, pending.Total = n, n
		case rs, ok := <-resCh:
			if !ok {
				if ctx.Err() == nil {
					if cacheReady != nil { // sent before any worker started
						cache = <-cacheReady
						if cache != nil && cache.Notice != "" {
							pending.Notices = append(pending.Notices, cache.Notice)
						}
					}
					if total < 0 { // the walk ended before its count was taken
						total = <-walked
						pending.Total = total
					}
					if cache != nil {
						cache.walked = folders
						cache.walkFiles, cache.walkRecorded = walkFiles, fromRecord
					}
					if answered != nil {
						pending.Listing = answered
						pending.Skipped = append(pending.Skipped, answered.Skipped...)
						pending.Read = total
						markListingUsed(opt.CacheDir, src.Paths)
					} else if printed && settled && recordable {
						pending.Stamp = &ListingStamp{path: listingPath(opt.CacheDir, src.Paths), print: print}
					}
					if cache != nil && opt.SaveAfter {
						pending.Trusted = cache.trusted
						pending.Saved = saveInBackground(cache)
					} else if cache != nil {
						if err := cache.Save(); err != nil {
							pending.Notices = append(pending.Notices, "the corpus store could not be saved: "+err.Error())
						}
						pending.StoreState = cache.State
						pending.Trusted = cache.trusted
						pending.Gone = cache.Gone
					}
					flush(true)
				}
				return
			}
			take := func(r *fileResult) {
				next++
				pending.Read++
				if r.cached {
					pending.Cached++
				}
				dups.check(r, r.path)
				// A file it could not read makes a load's listing a
				// matter of more than its files' bytes (see Stamp); a
				// skip for the file's content (kept by the store, or
				// not yet), or a duplicate's, does not.
				if k := r.skipped; k != nil && !r.cached && !cacheableSkip(k.Reason) && !strings.HasPrefix(k.Reason, duplicatePrefix) {
					recordable = false
				}
				pending.Articles = append(pending.Articles, r.articles...)
				if !r.cached {
					pending.Fresh = append(pending.Fresh, r.articles...)
				}
				if r.skipped != nil {
					pending.Skipped = append(pending.Skipped, *r.skipped)
				}
			}
			for i := range rs {
				if rs[i].index != next {
					early[rs[i].index] = rs[i]
					continue
				}
				take(&rs[i])
				for {
					r, ok := early[next]
					if !ok {
						break
					}
					delete(early, next)
					take(&r)
				}
			}
		case <-tick.C:
			if len(pending.Articles) > 0 || len(pending.Skipped) > 0 || len(pending.Notices) > 0 {
				flush(false)
			}
		case <-ctx.Done():
			// Drain so that workers can exit; then no file is put into
			// the store, and its draft segment is removed.
			go func() {
				for range resCh {
				}
				if cacheReady != nil {
					cache = <-cacheReady
				}
				if cache != nil {
					cache.abandon()
				}
			}()
			return
		}
	}
}

// sendRecorded hands on the files of a walk record as a walk would have
// found them, a run of files at a time (one hand-off a file, and the
// queue's select for each, were a tenth of a trusted start's CPU before
// the list was whole); it returns how many it handed on.
func sendRecorded(files []walkedFile, send func(walkItem) bool) int {
	const run = 4096
	for at := 0; at < len(files); at += run {
		jobs := make([]fileJob, min(run, len(files)-at))
		for k := range jobs {
			f := files[at+k]
			jobs[k] = fileJob{index: at + k, id: f.id, path: f.path, osPath: f.path}
		}
		if !send(walkItem{jobs: jobs}) {
			return at
		}
	}
	return len(files)
}

// walkSource hands what the walk finds in src to yield and returns how many
// items it found; folders (if not nil) records src's folders; statFiles
// stats files as their folders are read (fileJob.stat).
func walkSource(ctx context.Context, src Source, folders *folderRecord, statFiles bool, yield func(walkItem) bool) int {
	if len(src.Paths) > 0 {
		return streamPaths(ctx, src.Paths, src.Stdin, folders, statFiles, yield)
	}
	if src.FS == nil {
		return 0
	}
	jobs, skipped := walkFS(src.FS, src.FSName)
	n := 0
	for i := range skipped {
		if !yield(walkItem{seq: n, skip: &skipped[i]}) {
			return n
		}
		n++
	}
	for _, j := range jobs {
		j.index = n
		if !yield(walkItem{seq: n, job: j}) {
			return n
		}
		n++
	}
	return n
}

// maxJobBatch is the most files a worker takes at once.
const maxJobBatch = 64

// queueJobs passes the walk's files on to the workers through a queue that
// never blocks the walk, and its skips straight to the results. It closes
// jobs when the walk has ended and every file was taken.
//
// Files go in batches of consecutive files, up to maxJobBatch but no more
// than a share of what waits for the workers: a warm load hands on
// 100,000 files in a few thousand batches, and the last files of a cold
// load (parsing takes milliseconds a file) are still spread over every
// worker.
func queueJobs(ctx context.Context, found <-chan walkItem, jobs chan<- []fileJob, results chan<- []fileResult, workers int) {
	defer close(jobs)
	// The queue is a list of chunks, so that it never copies what waits
	// as it grows (a warm walk runs far ahead: 100,000 files waited at
	// once). A batch handed on is a view of the first chunk, which is
	// never written where it was handed on.
	var queue [][]fileJob
	head, waiting := 0, 0 // head: the first chunk's next file
	for found != nil || waiting > 0 {
		var out chan<- []fileJob
		var batch []fileJob
		if waiting > 0 {
			k := min(maxJobBatch, max(1, waiting/(2*workers)), len(queue[0])-head)
			out, batch = jobs, queue[0][head:head+k:head+k]
		}
		select {
		case it, ok := <-found:
			switch {
			case !ok:
				found = nil
			case it.skip != nil:
				results <- []fileResult{{index: it.seq, skipped: it.skip}}
			case it.jobs != nil:
				queue = append(queue, it.jobs[:len(it.jobs):len(it.jobs)])
				waiting += len(it.jobs)
			default:
				if len(queue) == 0 || len(queue[len(queue)-1]) == cap(queue[len(queue)-1]) {
					queue = append(queue, make([]fileJob, 0, queueChunk))
				}
				last := &queue[len(queue)-1]
				*last = append(*last, it.job)
				waiting++
			}
		case out <- batch:
			head += len(batch)
			waiting -= len(batch)
			// A chunk handed on whole is done (were it the last, the
			// next file found starts another).
			if head == len(queue[0]) {
				queue[0] = nil
				queue, head = queue[1:], 0
			}
		case <-ctx.Done():
			return
		}
	}
}

// queueChunk is how many files one chunk of queueJobs' queue holds.
const queueChunk = 1024

// loadCached serves a file from the cache when its size and modification
// time are unchanged, else loads it and records the result.
func loadCached(j fileJob, max int64, cache *segStore) fileResult {
	if cache == nil || j.osPath == "" {
		return loadOne(j, max)
	}
	if cache.trusted {
		if r, ok := cache.lookupTrusted(j); ok {
			return r
		}
	}
	st := j.stat
	if !j.statted {
		if cache.entries() == 0 && j.read == nil {
			// Nothing to look up (a first open): the file's status is
			// the one its read takes, before reading.
			return loadFresh(j, max, nil, cache)
		}
		info, err := os.Stat(j.osPath)
		if err == nil {
			st = userfiles.StatOf(info)
		}
	}
	if !st.Regular {
		return loadOne(j, max) // let loadOne report it
	}
	if r, ok := cache.lookup(j, versionOf(st)); ok {
		return r
	}
	return loadFresh(j, max, &st, cache)
}

// loadFresh loads a file the store does not hold and records the result
// under st, the file's status before it was read; nil: the status its
// read took (when the read failed, nothing is recorded).
func loadFresh(j fileJob, max int64, st *userfiles.FileStat, cache *segStore) fileResult {
	if cache.listFresh && j.read == nil {
		return loadListed(j, max, st, cache)
	}
	r, _, readSt := loadOneInto(j, max, nil)
	if st = cmp.Or(st, readSt); st == nil {
		cache.notKept() // unread: a skip that depends on the moment
		return r
	}
	cache.putResult(j.osPath, versionOf(*st), j.id, r)
	return r
}

// saveInBackground saves the store while the caller goes on; the function
// it returns waits for the save.
func saveInBackground(cache *segStore) func() error {
	done := make(chan struct{})
	var err error
	go func() {
		defer close(done)
		if err = cache.Save(); err != nil {
			err = fmt.Errorf("the corpus store could not be saved: %w", err)
		}
	}()
	return func() error {
		<-done
		return err
	}
}

// loadListed parses a file for a listing command (Options.ListOnlyFresh):
// its articles come back as a warm load gives them, decoded from their
// head in the draft segment, their text read from there when opened. The
// file's bytes are then referenced by nothing, and the buffer they were
// read into is reused for the next file: a cold list neither keeps the
// corpus's text (it held 1 GB at 100,000 files) nor faults in fresh pages
// for each file. A file that could not be placed keeps its parsed text.
func loadListed(j fileJob, max int64, st *userfiles.FileStat, cache *segStore) fileResult {
	bp := readBuffers.Get().(*[]byte)
	r, data, readSt := loadOneInto(j, max, *bp)
	var placed *placedEntry
	var draft *segmentWriter
	if st = cmp.Or(st, readSt); st == nil {
		cache.notKept() // unread: a skip that depends on the moment
	} else {
		placed, draft = cache.putResult(j.osPath, versionOf(*st), j.id, r)
	}
	if placed == nil || r.skipped != nil {
		*bp = nil // data, if it is the pooled buffer, stays with r
		readBuffers.Put(bp)
		return r
	}
	e := &segEntry{head: placed.head, headCRC: placed.headCRC, textCRC: uint32(placed.textCRC)}
	listed, err := decodeEntryText(e, j, false, &textOnDisk{segment: draft.path, off: placed.textOff, n: placed.textLen})
	if err != nil {
		*bp = nil
		readBuffers.Put(bp)
		return r
	}
	listed.cached = false // read from the file in this run
	if cap(data) <= maxPooledRead {
		*bp = data
	}
	readBuffers.Put(bp)
	return listed
}

// readBuffers hold the file buffers loadListed reuses; a buffer grown past
// maxPooledRead for one large file is not kept.
var readBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledRead = 1 << 20

func loadOne(j fileJob, max int64) fileResult {
	r, _, _ := loadOneInto(j, max, nil)
	return r
}

// loadOneInto is loadOne reading the file into buf when it has room (see
// userfiles.ReadRegularStat); it returns the buffer the bytes are in, which
// the result's articles reference, and the file's status as its read took
// it, before reading (nil when the file was not read from disk or could
// not be).
func loadOneInto(j fileJob, max int64, buf []byte) (res fileResult, data []byte, st *userfiles.FileStat) {
	skip := func(reason string) fileResult {
		return fileResult{index: j.index, skipped: &Skipped{Path: j.path, Reason: reason}}
	}
	defer func() {
		// A parser bug must cost one file, never the session.
		if p := recover(); p != nil {
			res = skip(fmt.Sprintf("internal error while parsing: %v", p))
		}
	}()
	var err error
	if j.read != nil {
		data, err = j.read(max)
	} else {
		var fst userfiles.FileStat
		if data, fst, err = readFileStat(j.osPath, max, buf); err == nil {
			st = &fst
		}
	}
	if err != nil {
		return skip(err.Error()), data, nil
	}
	if reason := unusable(data); reason != "" {
		return skip(reason), data, st
	}
	// data is this call's own buffer, only read from here on.
	arts, err := formats.ParseOwned(path.Base(filepath.ToSlash(j.path)), data)
	if err != nil {
		return skip(err.Error()), data, st
	}
	if len(arts) == 0 {
		return skip("no article text found"), data, st
	}
	assignIDs(j.id, arts)
	res = fileResult{index: j.index, articles: arts, sum: article.SumOf(data)}
	origin := originOf(res.sum)
	for _, a := range arts {
		a.Path = j.path
		a.Origin = origin
		res.textKeys = append(res.textKeys, article.TextKey(a))
	}
	return res, data, st
}

// unusable says why data cannot be an article file, or "".
func unusable(data []byte) string {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return "empty file"
		}
		return "only whitespace"
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if looksBinary(head) {
		return "binary file, not text"
	}
	return ""
}

// looksBinary: a NUL byte (outside UTF-16 text) or many control bytes.
func looksBinary(b []byte) bool {
	if len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF) {
		return false
	}
	ctl := 0
	i := 0
	// Eight bytes at a time: text has a byte below 0x20 (a line end) only
	// every few dozen bytes, and only words holding one are looked into.
	for ; i+8 <= len(b); i += 8 {
		if w := binary.LittleEndian.Uint64(b[i:]); (w-0x2020202020202020)&^w&0x8080808080808080 == 0 {
			continue // no byte below 0x20
		}
		if controlBytes(b[i:i+8], &ctl) {
			return true
		}
	}
	if controlBytes(b[i:], &ctl) {
		return true
	}
	return ctl*20 > len(b) // more than 5% control bytes
}

// controlBytes adds to ctl the control bytes of b that text does not use
// and reports whether b holds a NUL.
func controlBytes(b []byte, ctl *int) (nul bool) {
	for _, c := range b {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != 0x0C && c != 0x1B {
			*ctl++
		}
	}
	return false
}

// readFileLimited reads a regular file of at most max bytes without ever
// blocking on a special file (see userfiles.ReadRegular).
func readFileLimited(p string, max int64, buf []byte) ([]byte, error) {
	data, _, err := readFileStat(p, max, buf)
	return data, err
}

// readFileStat is readFileLimited that also returns the file's status as
// it was opened (see userfiles.ReadRegularStat).
func readFileStat(p string, max int64, buf []byte) ([]byte, userfiles.FileStat, error) {
	data, st, err := userfiles.ReadRegularStat(p, max, buf)
	if err != nil {
		return nil, st, userfiles.Describe(err)
	}
	return data, st, nil
}

// idFor turns a path relative to its root into an article ID: no extension,
// '/'-separated.
func idFor(rel string) string {
	rel = filepath.ToSlash(rel)
	if ext := path.Ext(rel); ext != "" && len(ext) < len(path.Base(rel)) {
		rel = strings.TrimSuffix(rel, ext)
	}
	return cleanID(rel)
}

// cleanID makes a file's relative path fit to be an article ID, which is
// printed everywhere: a file name can hold escape sequences and newlines,
// which CleanLine removes. A name of nothing else becomes "unnamed" (idSet
// makes it unique).
func cleanID(rel string) string {
	if id := formats.CleanLine(rel); id != "" {
		return id
	}
	return "unnamed"
}

// idSet hands out unique article IDs in walk order: a later file whose ID
// is taken keeps its extension (rel), then gets a numeric suffix.
type idSet map[string]bool

// reserved returns the set with room for n more IDs: a copy when n is
// more than it holds (so copies stay a fraction of the work), which
// spares a folder of 100,000 files a dozen rehashes as the set grows.
func (s idSet) reserved(n int) idSet {
	if n <= len(s) || n < 64 {
		return s
	}
	t := make(idSet, len(s)+n)
	maps.Copy(t, s)
	return t
}

func (s idSet) claim(id, rel string) string {
	n := len(s)
	if s[id] = true; len(s) > n { // one hash, not a look-up and an insert
		return id
	}
	full := cleanID(filepath.ToSlash(rel))
	id = full
	for n := 2; s[id]; n++ {
		id = fmt.Sprintf("%s~%d", full, n)
	}
	s[id] = true
	return id
}

func walkFS(fsys fs.FS, name string) ([]fileJob, []Skipped) {
	var jobs []fileJob
	var rels []string
	var skipped []Skipped
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		shown := path.Join(name, p)
		if err != nil {
			skipped = append(skipped, Skipped{shown, userfiles.Describe(err).Error()})
			return nil
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fp := p
		jobs = append(jobs, fileJob{index: len(jobs), id: idFor(p), path: shown, read: func(max int64) ([]byte, error) {
			f, err := fsys.Open(fp)
			if err != nil {
				return nil, userfiles.Describe(err)
			}
			defer f.Close()
			data, err := io.ReadAll(io.LimitReader(f, max+1))
			if err != nil {
				return nil, userfiles.Describe(err)
			}
			if int64(len(data)) > max {
				return nil, fmt.Errorf("file too large (over %s)", userfiles.HumanBytes(max))
			}
			return data, nil
		}})
		rels = append(rels, p)
		return nil
	})
	ids := idSet{}
	for i := range jobs {
		jobs[i].id = ids.claim(jobs[i].id, rels[i])
	}
	return jobs, skipped
}

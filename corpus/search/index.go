// Package search is Parallax's full-text search: an in-memory inverted index
// with BM25 ranking (title matches weigh more), built incrementally while a
// corpus loads, and a small query language (see ParseQuery).
//
// Concurrency: an Index is safe for one or more writers (Add) and any number
// of concurrent readers (Search, Len). Add analyses its batch without
// holding any lock, then publishes it under a short write lock; each Search
// works on the articles published when it starts, so a UI can add batches
// while the user types.
package search

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Index is an in-memory inverted index over articles.
type Index struct {
	addMu   sync.Mutex // serialises Add, so documents are numbered in order
	workers []*worker  // Add's reusable working memory (guarded by addMu)
	mu      sync.RWMutex

	docs   []*corpus.Article
	blen   []uint32 // body length in tokens
	tlen   []uint16 // title length in tokens
	outlet []uint32 // index into outlets
	fwd    [][]byte // body term IDs, varint encoded, 0 between blocks: for phrases and highlighting

	terms  []term // by term ID; ID 0 is unused (block separator)
	vocab  vocab  // word -> term ID
	byStem map[string][]uint32
	byKey  map[string][]uint32 // transliteration key, for names
	sorted []uint32            // term IDs in text order, for prefixes

	outlets  []string // folded
	outletID map[string]uint32

	bodyTokens, titleTokens uint64

	cache searchCache // what searches derive from the index and keep (termbits.go)

	// base is the mapped snapshot the index was opened from (mapped.go),
	// layer what was added to it since (layer.go); damaged is what was
	// found wrong in it.
	base    *mapped
	layer   *layer
	damaged atomic.Pointer[error]
}

// term is one distinct folded word and its postings.
type term struct {
	text  string
	docs  []uint32 // documents whose body has the term, ascending
	tfs   []uint8  // term frequency in each, saturated at 255
	tdocs []uint32 // documents whose title has the term, ascending
	count uint32   // occurrences
	caps  uint32   // occurrences written with a capital letter
}

// isName: a word mostly written capitalised is a proper name, whose
// transliteration variants are matched with each other.
func (t *term) isName() bool { return t.caps*4 > t.count*3 }

// New returns an empty index.
func New() *Index {
	return &Index{
		terms:    make([]term, 1),
		vocab:    newVocab(),
		byStem:   map[string][]uint32{},
		byKey:    map[string][]uint32{},
		outletID: map[string]uint32{},
	}
}

// Len returns the number of articles published in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live()
}

// newWords numbers the words of a batch that the index does not know yet.
// Workers share it; they meet it only for new words, which are rare once
// a corpus is under way.
type newWords struct {
	mu     sync.Mutex
	ids    map[string]uint32
	words  []string
	hashes []uint64
	base   uint32 // the first new ID: len(ix.terms) when the batch started
}

// worker analyses a contiguous range of a batch. Its buffers live across
// batches, so indexing allocates little more than the index itself.
type worker struct {
	lo, hi int    // the batch range
	known  []term // ix.terms when the batch started (read-only)
	newIDs map[string]uint32

	// By term ID.
	count, caps []uint32 // this batch's body occurrences
	touched     []uint32 // IDs whose count or ntitle is not 0
	seen        []int32  // last document that used the ID
	slot        []int32  // its place in that document's pairs
	ndocs       []uint32 // documents of the range whose body has the ID
	ntitle      []uint32 // and whose title has it
	// Where this worker's postings of the ID go in the term's lists
	// (publishing: each worker's share of a list is reserved up front).
	at, tat []uint32

	// By document of the range, in order.
	pairs    []uint32 // distinct body term IDs of each document
	tfs      []uint8  // and their frequencies
	pairEnd  []int
	titles   []uint32 // distinct title term IDs of each document
	titleEnd []int
	bodyN    []uint32
	titleN   []int
	fwdEnd   []int
	fwd      []byte // encoded bodies (scratch)
	chunk    []byte // the same, exactly sized, kept by the index
}

// grow makes the per-ID arrays cover id.
func (w *worker) grow(id uint32) *worker {
	if int(id) < len(w.seen) {
		return w
	}
	n := max(int(id)+1, 2*len(w.seen), 1024)
	w.count = append(w.count, make([]uint32, n-len(w.count))...)
	w.caps = append(w.caps, make([]uint32, n-len(w.caps))...)
	w.slot = append(w.slot, make([]int32, n-len(w.slot))...)
	w.ndocs = append(w.ndocs, make([]uint32, n-len(w.ndocs))...)
	w.ntitle = append(w.ntitle, make([]uint32, n-len(w.ntitle))...)
	w.at = append(w.at, make([]uint32, n-len(w.at))...)
	w.tat = append(w.tat, make([]uint32, n-len(w.tat))...)
	for len(w.seen) < n {
		w.seen = append(w.seen, -1)
	}
	return w
}

// id returns the term ID of a word, numbering it if it is new.
func (w *worker) id(v *vocab, nw *newWords, word []byte) uint32 {
	h := v.hash(word)
	if id := v.find(w.known, word, h); id != 0 {
		return id
	}
	if id, ok := w.newIDs[string(word)]; ok {
		return id
	}
	s := string(word)
	nw.mu.Lock()
	id, ok := nw.ids[s]
	if !ok {
		id = nw.base + uint32(len(nw.words))
		nw.ids[s] = id
		nw.words = append(nw.words, s)
		nw.hashes = append(nw.hashes, h)
	}
	nw.mu.Unlock()
	w.newIDs[s] = id
	w.grow(id)
	return id
}

// analyse indexes article a, document number d, into the worker's buffers.
// The text of an article listed without it is read for this alone, not
// kept (Article.Text: an index of the whole corpus does not hold the
// corpus's text in memory); one that cannot be read is indexed by its
// title alone.
func (w *worker) analyse(v *vocab, nw *newWords, a *corpus.Article, d int32) {
	blocks, _ := a.Text()
	bodyN := uint32(0)
	for bi, b := range blocks {
		if bi > 0 {
			w.fwd = append(w.fwd, 0)
		}
		text := b.Text
		lang.Folded.Each(text, func(word []byte, start, _ int) {
			id := w.id(v, nw, word)
			if w.count[id] == 0 && w.ntitle[id] == 0 {
				w.touched = append(w.touched, id)
			}
			w.count[id]++
			if c := text[start]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && isUpperAt(text, start) {
				w.caps[id]++
			}
			w.fwd = binary.AppendUvarint(w.fwd, uint64(id))
			bodyN++
			if w.seen[id] != d {
				w.seen[id] = d
				w.slot[id] = int32(len(w.pairs))
				w.pairs = append(w.pairs, id)
				w.tfs = append(w.tfs, 0)
				w.ndocs[id]++
			}
			if k := w.slot[id]; w.tfs[k] < 255 {
				w.tfs[k]++
			}
		})
	}
	w.pairEnd = append(w.pairEnd, len(w.pairs))
	w.bodyN = append(w.bodyN, bodyN)
	w.fwdEnd = append(w.fwdEnd, len(w.fwd))
	titleN := 0
	tfirst := len(w.titles)
	lang.Folded.Each(a.Title, func(word []byte, _, _ int) {
		titleN++
		id := w.id(v, nw, word)
		if !slices.Contains(w.titles[tfirst:], id) {
			w.titles = append(w.titles, id)
			if w.count[id] == 0 && w.ntitle[id] == 0 {
				w.touched = append(w.touched, id)
			}
			w.ntitle[id]++
		}
	})
	w.titleEnd = append(w.titleEnd, len(w.titles))
	w.titleN = append(w.titleN, titleN)
}

func (w *worker) reset(lo, hi int, known []term) {
	w.lo, w.hi, w.known = lo, hi, known
	w.grow(uint32(len(known)))
	if w.newIDs == nil {
		w.newIDs = map[string]uint32{}
	}
	clear(w.newIDs)
	w.pairs, w.tfs, w.pairEnd = w.pairs[:0], w.tfs[:0], w.pairEnd[:0]
	w.titles, w.titleEnd = w.titles[:0], w.titleEnd[:0]
	w.bodyN, w.titleN, w.fwdEnd, w.fwd = w.bodyN[:0], w.titleN[:0], w.fwdEnd[:0], w.fwd[:0]
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// Add indexes a batch of articles and publishes them to searches. Articles
// must not be modified afterwards. The batch is analysed on all cores.
//
// Workers look words up in the index vocabulary without a lock (only Add
// changes it, and not while they run), number new words through a shared
// table, and encode each body straight into the forward index. Publishing
// holds the write lock while the postings are appended, in parallel by
// term.
func (ix *Index) Add(batch []*corpus.Article) {
	if len(batch) == 0 {
		return
	}
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	if ix.base != nil && ix.docs == nil {
		panic("search: Add to an index opened without its articles")
	}
	if ix.base != nil {
		ix.addDelta(batch)
		return
	}

	nw := min(runtime.GOMAXPROCS(0), (len(batch)+63)/64)
	for len(ix.workers) < nw {
		ix.workers = append(ix.workers, &worker{})
	}
	workers := ix.workers[:nw]
	base := len(ix.docs) // only Add changes it
	known := ix.terms
	fresh := &newWords{ids: map[string]uint32{}, base: uint32(len(known))}
	chunk := (len(batch) + nw - 1) / nw
	parallel(nw, func(k int) {
		w := workers[k]
		w.reset(min(k*chunk, len(batch)), min((k+1)*chunk, len(batch)), known)
		for i := w.lo; i < w.hi; i++ {
			w.analyse(&ix.vocab, fresh, batch[i], int32(base+i))
		}
		w.chunk = slices.Clone(w.fwd)
		w.known = nil
	})

	ix.mu.Lock()
	defer ix.mu.Unlock()
	added := make([]uint32, len(fresh.words))
	for k, s := range fresh.words {
		g := fresh.base + uint32(k)
		ix.terms = append(ix.terms, term{text: s})
		ix.vocab.insert(ix.terms, g, fresh.hashes[k])
		st, _ := lang.Stemmed.Term(s)
		ix.byStem[st] = append(ix.byStem[st], g)
		key := lang.TranslitKey(s)
		ix.byKey[key] = append(ix.byKey[key], g)
		added[k] = g
	}
	ix.mergeSorted(added)
	for _, w := range workers {
		from := 0
		for j := range w.hi - w.lo {
			a := batch[w.lo+j]
			ix.docs = append(ix.docs, a)
			ix.blen = append(ix.blen, w.bodyN[j])
			ix.tlen = append(ix.tlen, uint16(min(w.titleN[j], 65535)))
			ix.bodyTokens += uint64(w.bodyN[j])
			ix.titleTokens += uint64(w.titleN[j])
			end := w.fwdEnd[j]
			ix.fwd = append(ix.fwd, w.chunk[from:end:end])
			from = end
			ix.outlet = append(ix.outlet, ix.outletOf(a.Outlet))
		}
		w.chunk = nil
	}
	ix.reserve(workers)
	// Postings, in parallel: each worker's range of documents follows the
	// previous worker's, so its postings of a term go to the slots that
	// reserve set aside for it, which no other goroutine writes.
	terms := ix.terms
	parallel(nw, func(k int) {
		w := workers[k]
		p, t := 0, 0
		for j := range w.hi - w.lo {
			d := uint32(base + w.lo + j)
			for ; p < w.pairEnd[j]; p++ {
				g := w.pairs[p]
				tm := &terms[g]
				tm.docs[w.at[g]] = d
				tm.tfs[w.at[g]] = w.tfs[p]
				w.at[g]++
			}
			for ; t < w.titleEnd[j]; t++ {
				g := w.titles[t]
				terms[g].tdocs[w.tat[g]] = d
				w.tat[g]++
			}
		}
	})
}

// reserve adds the batch's occurrences to the terms and lengthens their
// posting lists for the batch's postings, setting aside each worker's
// share in order. Each list is grown by half again what it needs at once:
// append's own growth (1.25x for large slices) would copy the lists of
// common words many times.
func (ix *Index) reserve(workers []*worker) {
	for _, w := range workers {
		for _, g := range w.touched {
			tm := &ix.terms[g]
			tm.count += w.count[g]
			tm.caps += w.caps[g]
			w.count[g], w.caps[g] = 0, 0
			w.at[g], w.tat[g] = uint32(len(tm.docs)), uint32(len(tm.tdocs))
			tm.docs = lengthen(tm.docs, int(w.ndocs[g]))
			tm.tfs = lengthen(tm.tfs, int(w.ndocs[g]))
			tm.tdocs = lengthen(tm.tdocs, int(w.ntitle[g]))
			w.ndocs[g], w.ntitle[g] = 0, 0
		}
		w.touched = w.touched[:0]
	}
}

// lengthen extends s by k elements (to be written by the caller), growing
// its capacity by half again when it must grow.
func lengthen[T any](s []T, k int) []T {
	if k == 0 {
		return s
	}
	n := len(s) + k
	if n > cap(s) {
		s = slices.Grow(s, k+n/2)
	}
	return s[:n]
}

// parallel runs fn(0..n-1) on n goroutines and waits for them.
func parallel(n int, fn func(k int)) {
	if n == 1 {
		fn(0)
		return
	}
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() { defer wg.Done(); fn(k) }()
	}
	wg.Wait()
}

func (ix *Index) outletOf(name string) uint32 {
	f := lang.Fold(name)
	id, ok := ix.outletID[f]
	if !ok {
		id = uint32(len(ix.outlets))
		ix.outlets = append(ix.outlets, f)
		ix.outletID[f] = id
	}
	return id
}

// mergeSorted adds new term IDs to the text-ordered vocabulary.
func (ix *Index) mergeSorted(added []uint32) {
	if len(added) == 0 {
		return
	}
	less := func(a, b uint32) int { return strings.Compare(ix.termText(a), ix.termText(b)) }
	slices.SortFunc(added, less)
	out := make([]uint32, 0, len(ix.sorted)+len(added))
	i, j := 0, 0
	for i < len(ix.sorted) && j < len(added) {
		if less(ix.sorted[i], added[j]) <= 0 {
			out = append(out, ix.sorted[i])
			i++
		} else {
			out = append(out, added[j])
			j++
		}
	}
	out = append(out, ix.sorted[i:]...)
	out = append(out, added[j:]...)
	ix.sorted = out
}

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
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Index is an in-memory inverted index over articles.
type Index struct {
	addMu sync.Mutex // serialises Add, so documents are numbered in order
	mu    sync.RWMutex

	docs   []*corpus.Article
	blen   []uint32 // body length in tokens
	tlen   []uint16 // title length in tokens
	outlet []uint32 // index into outlets
	fwd    [][]byte // body term IDs, varint encoded, 0 between blocks: for phrases

	terms  []term // by term ID; ID 0 is unused (block separator)
	dict   map[string]uint32
	byStem map[string][]uint32
	byKey  map[string][]uint32 // transliteration key, for names
	sorted []uint32            // term IDs in text order, for prefixes

	outlets  []string // folded
	outletID map[string]uint32

	bodyTokens, titleTokens uint64
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
		dict:     map[string]uint32{},
		byStem:   map[string][]uint32{},
		byKey:    map[string][]uint32{},
		outletID: map[string]uint32{},
	}
}

// Len returns the number of articles published in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
}

// analysed is one article turned into local term IDs by a worker.
type analysed struct {
	body    []uint32 // local IDs+1 in order, 0 between blocks
	title   []uint32 // distinct local IDs+1 of the title
	uniq    []uint32 // distinct local IDs+1 of the body
	tf      []uint8
	titleN  int
	bodyN   int
	encoded []byte // body in global IDs, filled in after mapping
}

// worker holds one goroutine's local vocabulary for a batch.
type worker struct {
	dict   map[string]uint32
	words  []string
	count  []uint32
	caps   []uint32
	global []uint32 // local ID -> global ID, after mapping
	seen   []int32  // scratch: last document that used a local ID
	slot   []int32  // scratch: its place in that document's uniq
}

// id returns the local ID+1 of a word; body words count towards the
// capitalisation statistics (titles are title-cased, so they do not).
func (w *worker) id(word []byte, body, capital bool) uint32 {
	id, ok := w.dict[string(word)]
	if !ok {
		id = uint32(len(w.words))
		s := string(word)
		w.dict[s] = id
		w.words = append(w.words, s)
		w.count = append(w.count, 0)
		w.caps = append(w.caps, 0)
		w.seen = append(w.seen, -1)
		w.slot = append(w.slot, 0)
	}
	if body {
		w.count[id]++
	}
	if body && capital {
		w.caps[id]++
	}
	return id + 1
}

func (w *worker) analyse(a *corpus.Article, n int32, out *analysed) {
	var body, uniq []uint32
	var tfs []uint8
	for bi, b := range a.Blocks {
		if bi > 0 {
			body = append(body, 0)
		}
		text := b.Text
		lang.EachToken(text, func(word []byte, start, _ int) {
			c := text[start]
			id := w.id(word, true, 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf && isUpperAt(text, start))
			body = append(body, id)
			out.bodyN++
			l := id - 1
			if w.seen[l] != n {
				w.seen[l] = n
				w.slot[l] = int32(len(uniq))
				uniq = append(uniq, id)
				tfs = append(tfs, 0)
			}
			if k := w.slot[l]; tfs[k] < 255 {
				tfs[k]++
			}
		})
	}
	out.body, out.uniq, out.tf = body, uniq, tfs
	var tids []uint32
	lang.EachToken(a.Title, func(word []byte, _, _ int) {
		out.titleN++
		id := w.id(word, false, false)
		if !slices.Contains(tids, id) {
			tids = append(tids, id)
		}
	})
	out.title = tids
}

func isUpperAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// Add indexes a batch of articles and publishes them to searches. Articles
// must not be modified afterwards. The batch is analysed on all cores.
func (ix *Index) Add(batch []*corpus.Article) {
	if len(batch) == 0 {
		return
	}
	ix.addMu.Lock()
	defer ix.addMu.Unlock()

	nw := min(runtime.GOMAXPROCS(0), (len(batch)+63)/64)
	workers := make([]*worker, nw)
	res := make([]analysed, len(batch))
	chunk := (len(batch) + nw - 1) / nw
	run := func(fn func(k int, w *worker, lo, hi int)) {
		var wg sync.WaitGroup
		for k := 0; k < nw; k++ {
			lo, hi := k*chunk, min((k+1)*chunk, len(batch))
			if lo >= hi {
				continue
			}
			wg.Add(1)
			go func() { defer wg.Done(); fn(k, workers[k], lo, hi) }()
		}
		wg.Wait()
	}
	for k := range workers {
		workers[k] = &worker{dict: map[string]uint32{}}
	}
	run(func(_ int, w *worker, lo, hi int) {
		for i := lo; i < hi; i++ {
			w.analyse(batch[i], int32(i), &res[i])
		}
	})

	// Give every new word a global ID (short write lock: readers may see
	// terms without postings yet, which match nothing).
	ix.mu.Lock()
	var added []uint32
	for _, w := range workers {
		if w == nil {
			continue
		}
		w.global = make([]uint32, len(w.words))
		for l, s := range w.words {
			g, ok := ix.dict[s]
			if !ok {
				g = uint32(len(ix.terms))
				ix.terms = append(ix.terms, term{text: s})
				ix.dict[s] = g
				st := lang.Stem(s)
				ix.byStem[st] = append(ix.byStem[st], g)
				k := lang.TranslitKey(s)
				ix.byKey[k] = append(ix.byKey[k], g)
				added = append(added, g)
			}
			w.global[l] = g
			ix.terms[g].count += w.count[l]
			ix.terms[g].caps += w.caps[l]
		}
	}
	ix.mergeSorted(added)
	ix.mu.Unlock()

	// Translate to global IDs and encode the forward index, in parallel.
	run(func(_ int, w *worker, lo, hi int) {
		var buf []byte
		for i := lo; i < hi; i++ {
			r := &res[i]
			buf = buf[:0]
			for _, id := range r.body {
				g := uint32(0)
				if id != 0 {
					g = w.global[id-1]
				}
				buf = binary.AppendUvarint(buf, uint64(g))
			}
			r.encoded = slices.Clone(buf)
			for j, id := range r.uniq {
				r.uniq[j] = w.global[id-1]
			}
			for j, id := range r.title {
				r.title[j] = w.global[id-1]
			}
			r.body = nil
		}
	})

	ix.mu.Lock()
	defer ix.mu.Unlock()
	for i, a := range batch {
		r := &res[i]
		d := uint32(len(ix.docs))
		ix.docs = append(ix.docs, a)
		n := r.bodyN
		ix.blen = append(ix.blen, uint32(n))
		ix.tlen = append(ix.tlen, uint16(min(r.titleN, 65535)))
		ix.bodyTokens += uint64(n)
		ix.titleTokens += uint64(r.titleN)
		ix.fwd = append(ix.fwd, r.encoded)
		ix.outlet = append(ix.outlet, ix.outletOf(a.Outlet))
		for j, g := range r.uniq {
			t := &ix.terms[g]
			t.docs = append(t.docs, d)
			t.tfs = append(t.tfs, r.tf[j])
		}
		for _, g := range r.title {
			t := &ix.terms[g]
			t.tdocs = append(t.tdocs, d)
		}
	}
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
	less := func(a, b uint32) int { return strings.Compare(ix.terms[a].text, ix.terms[b].text) }
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

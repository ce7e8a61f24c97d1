package search

import (
	"math/bits"
	"sync"
)

// docSet is a set of document numbers, one bit each. A set may be shorter
// than the index: missing words are empty.
type docSet []uint64

func (s docSet) has(d uint32) bool {
	i := int(d >> 6)
	return i < len(s) && s[i]&(1<<(d&63)) != 0
}

func (s docSet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// or adds s2 to s (s is at least as long).
func (s docSet) or(s2 docSet) {
	for i, w := range s2 {
		s[i] |= w
	}
}

// and keeps in s what s2 has.
func (s docSet) and(s2 docSet) {
	n := min(len(s), len(s2))
	for i := range n {
		s[i] &= s2[i]
	}
	clear(s[n:])
}

// andNot removes from s what s2 has.
func (s docSet) andNot(s2 docSet) {
	for i := range min(len(s), len(s2)) {
		s[i] &^= s2[i]
	}
}

// each calls fn for every document of s in order; fn returns false to
// remove it.
func (s docSet) filter(fn func(d uint32) bool) {
	for i, w := range s {
		for w != 0 {
			b := w & -w
			d := uint32(i<<6 + bits.TrailingZeros64(w))
			if !fn(d) {
				s[i] &^= b
			}
			w &^= b
		}
	}
}

func (s docSet) addDocs(docs []uint32) {
	for _, d := range docs {
		s[d>>6] |= 1 << (d & 63)
	}
}

func (s docSet) removeDocs(docs []uint32) {
	for _, d := range docs {
		s[d>>6] &^= 1 << (d & 63)
	}
}

// termSets keeps the document sets of common terms' posting lists, so that
// a search ANDs and ORs them a word at a time instead of walking every
// posting (the completions of a two-letter prefix have about a million at
// 100,000 articles). A set is built the first time a search needs it and
// extended when the list has grown; published sets are never modified, so
// searches read them without a lock. Only lists holding at least one
// document in denseDiv are kept: a set then takes at most half the memory
// of the list's document numbers (three quarters with the rank).
// searchCache is what searches derive from the index and keep.
type searchCache struct {
	sets  termSets
	spell spellIndex
}

type termSets struct {
	mu sync.Mutex
	m  map[uint64]*termSet // by term ID<<1, | 1 for title postings
}

type termSet struct {
	n    int // postings covered
	set  docSet
	rank []uint32 // documents in set[:i], so that a document's posting is found in O(1)
}

// find returns the place of document d in the posting list, or -1.
func (t *termSet) find(d uint32) int {
	i := int(d >> 6)
	if i >= len(t.set) {
		return -1
	}
	bit := uint64(1) << (d & 63)
	w := t.set[i]
	if w&bit == 0 {
		return -1
	}
	return int(t.rank[i]) + bits.OnesCount64(w&(bit-1))
}

const denseDiv = 16

// dense reports whether a posting list of an index of n documents is
// worth a cached set.
func dense(list []uint32, n int) bool { return len(list) >= 64 && len(list) >= n/denseDiv }

// get returns the set of docs, the postings of term id (title postings if
// title). Caller holds the index's read lock, so docs cannot grow meanwhile.
func (c *termSets) get(id uint32, title bool, docs []uint32) *termSet {
	key := uint64(id) << 1
	if title {
		key |= 1
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.m[key]
	if e != nil && e.n == len(docs) {
		return e
	}
	if c.m == nil {
		c.m = map[uint64]*termSet{}
	}
	from, old := 0, docSet(nil)
	if e != nil && e.n < len(docs) {
		from, old = e.n, e.set
	}
	set := make(docSet, int(docs[len(docs)-1]>>6)+1)
	copy(set, old)
	set.addDocs(docs[from:])
	rank := make([]uint32, len(set))
	r := 0
	for i, w := range set {
		rank[i] = uint32(r)
		r += bits.OnesCount64(w)
	}
	e = &termSet{n: len(docs), set: set, rank: rank}
	c.m[key] = e
	return e
}

package search

import "hash/maphash"

// vocab maps words to term IDs. It is an open-addressing hash table that
// can be probed with a []byte without allocating (the indexer looks up
// every token of the corpus). Only Add writes it, holding ix.mu; Add's
// workers read it without a lock while analysing a batch, which is safe
// because no write can happen then (Add is serialised by addMu).
type vocab struct {
	seed  maphash.Seed
	slots []uint64 // hash fingerprint<<32 | term ID; 0 is empty (ID 0 is unused)
	n     int
}

func newVocab() vocab { return vocab{seed: maphash.MakeSeed(), slots: make([]uint64, 256)} }

func (v *vocab) hash(w []byte) uint64 { return maphash.Bytes(v.seed, w) }

// find returns the ID of word w (whose hash is h), or 0.
func (v *vocab) find(terms []term, w []byte, h uint64) uint32 {
	mask := uint64(len(v.slots) - 1)
	fp := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0
		}
		if s>>32 == fp && terms[uint32(s)].text == string(w) {
			return uint32(s)
		}
	}
}

// lookup is find for a string.
func (v *vocab) lookup(terms []term, w string) uint32 {
	h := maphash.String(v.seed, w)
	mask := uint64(len(v.slots) - 1)
	fp := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := v.slots[i]
		if s == 0 {
			return 0
		}
		if s>>32 == fp && terms[uint32(s)].text == w {
			return uint32(s)
		}
	}
}

// insert adds term id, whose text hashes to h and is not in the table yet.
func (v *vocab) insert(terms []term, id uint32, h uint64) {
	if (v.n+1)*2 > len(v.slots) {
		old := v.slots
		v.slots = make([]uint64, 2*len(old))
		for _, s := range old {
			if s != 0 {
				v.place(maphash.String(v.seed, terms[uint32(s)].text), uint32(s))
			}
		}
	}
	v.place(h, id)
	v.n++
}

func (v *vocab) place(h uint64, id uint32) {
	mask := uint64(len(v.slots) - 1)
	i := h & mask
	for v.slots[i] != 0 {
		i = (i + 1) & mask
	}
	v.slots[i] = h>>32<<32 | uint64(id)
}

func (v *vocab) hashString(s string) uint64 { return maphash.String(v.seed, s) }

package compare

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// What a stored grouping keeps for joining new articles (stories_join.go)
// and for the fingerprints of a grouping read back, so that neither reads
// a stored article's text:
//
//	terms:         nterms sorted docs hash(8)... df...
//	article terms: per stored article, in the grouping's order:
//	               names query index
//	names, query, index: n term...
//	fingerprints:  (stories_fpstore.go)
//
// where the terms of a list are ascending, each stored as its gap from the
// one before (the first from 0), and counts are uvarints. The
// fingerprints, most of the file, are laid out to be used in place.

// termStats numbers the terms of a grouping and counts the articles using
// each: the inverse document frequencies that weigh the fingerprints.
type termStats struct {
	hashes []uint64 // term number → hash
	// sorted: hashes[:sorted] ascend (a full grouping numbers its terms in
	// the order of their hashes); the terms after came with joined
	// articles.
	sorted int
	df     []int32 // term number → articles counted using it
	docs   int     // the articles counted
}

// groupTerms is what a grouping keeps to be stored for joining, beside its
// fingerprints: the term statistics, each article's names and query and
// index terms (by index in the grouping's articles), and how many
// articles the last full grouping grouped (base) and how many joined it
// since.
type groupTerms struct {
	termStats
	query        *queryTable
	names        *termLists
	base, joined int
}

// storedTerms is groupTerms as read back, by stored article, with the
// fingerprints.
type storedTerms struct {
	termStats
	fps   []fingerprint
	query *queryTable
	names *termLists
}

// lookup returns the number of the term with hash h, if it has one.
func (t *termStats) lookup(h uint64, tail map[uint64]uint32) (uint32, bool) {
	if i, ok := slices.BinarySearch(t.hashes[:t.sorted], h); ok {
		return uint32(i), true
	}
	i, ok := tail[h]
	return i, ok
}

// tailTerms maps the hashes of the terms after the sorted ones to their
// numbers.
func (t *termStats) tailTerms() map[uint64]uint32 {
	tail := make(map[uint64]uint32, len(t.hashes)-t.sorted)
	for i := t.sorted; i < len(t.hashes); i++ {
		tail[t.hashes[i]] = uint32(i)
	}
	return tail
}

// appendTermSections appends the two term sections of s, whose articles
// firsts (their first listings) are stored in this order.
func appendTermSections(buf []byte, s *Stories, firsts []int32) []byte {
	t := s.terms
	size := 3*binary.MaxVarintLen32 + 9*len(t.hashes) + 3*sectionHead + 16
	for _, i := range firsts {
		size += 8*len(s.fps[i]) + 3*(len(t.names.of(int(i)))+queryTerms+indexTerms) + 4
	}
	buf = slices.Grow(buf, size)
	at := beginSection(&buf)
	buf = binary.AppendUvarint(buf, uint64(len(t.hashes)))
	buf = binary.AppendUvarint(buf, uint64(t.sorted))
	buf = binary.AppendUvarint(buf, uint64(t.docs))
	for _, h := range t.hashes {
		buf = binary.LittleEndian.AppendUint64(buf, h)
	}
	for _, d := range t.df {
		buf = binary.AppendUvarint(buf, uint64(d))
	}
	endSection(buf, at)
	at = beginSection(&buf)
	appendList := func(buf []byte, terms []uint32) []byte {
		buf = binary.AppendUvarint(buf, uint64(len(terms)))
		prev := uint32(0)
		for _, x := range terms {
			buf = binary.AppendUvarint(buf, uint64(x-prev))
			prev = x
		}
		return buf
	}
	fps := make([]fingerprint, len(firsts))
	for k, i := range firsts {
		fps[k] = s.fps[i]
		buf = appendList(buf, t.names.of(int(i)))
		buf = appendList(buf, t.query.queryOf(int(i)))
		buf = appendList(buf, t.query.indexOf(int(i)))
	}
	endSection(buf, at)
	return appendFingerprints(buf, fps)
}

// readTerms reads and checks the term sections, once; a file without
// them (or with damaged ones) is an error, and a join groups afresh.
func (g *storedGrouping) readTerms() (*storedTerms, error) {
	g.termsOnce.Do(func() {
		if g.mapped == nil {
			g.termsErr = errors.New("no stored terms")
			return
		}
		rest, err := g.mapped()
		if err != nil {
			g.termsErr = err
			return
		}
		g.terms, g.termsErr = parseTerms(rest, len(g.ids))
	})
	return g.terms, g.termsErr
}

// parseTerms checks and decodes the two term sections at the start of
// data for n stored articles: every term number in range, every list
// ascending and no longer than grouping makes it, every weight a
// normalised one.
func parseTerms(data []byte, n int) (*storedTerms, error) {
	body, rest, err := cutSection(data, "terms")
	if err != nil {
		return nil, err
	}
	r := &storeReader{b: body}
	nterms := r.uvarint(uint64(len(body)/8), "term count")
	t := &storedTerms{}
	t.sorted = r.uvarint(uint64(nterms), "sorted terms")
	t.docs = r.uvarint(math.MaxInt32, "documents")
	if r.err == nil && len(r.b) < 8*nterms {
		r.fail("term hashes")
	}
	if r.err != nil {
		return nil, r.err
	}
	t.hashes = make([]uint64, nterms)
	for i := range t.hashes {
		t.hashes[i] = binary.LittleEndian.Uint64(r.b[8*i:])
	}
	r.b = r.b[8*nterms:]
	if !slices.IsSorted(t.hashes[:t.sorted]) {
		r.fail("term order")
	}
	t.df = make([]int32, nterms)
	for i := range t.df {
		t.df[i] = int32(r.uvarint(uint64(t.docs), "document frequency"))
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes in terms")
	}
	if r.err != nil {
		return nil, r.err
	}
	body, rest, err = cutSection(rest, "article terms")
	if err != nil {
		return nil, err
	}
	fpBody, rest, err := cutSection(rest, "fingerprints")
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("%w: trailing bytes", errDamaged)
	}
	if t.fps, err = parseFingerprints(fpBody, n, nterms); err != nil {
		return nil, err
	}
	r = &storeReader{b: body}
	list := func(limit int, what string, into []uint32) []uint32 {
		m := r.uvarint(uint64(limit), what)
		prev := uint32(0)
		for x := range m {
			gap := r.uvarint(uint64(nterms), what)
			if r.err == nil && (x > 0 && gap == 0 || uint64(prev)+uint64(gap) >= uint64(nterms)) {
				r.fail(what)
			}
			if r.err != nil {
				return into
			}
			prev += uint32(gap)
			into = append(into, prev)
		}
		return into
	}
	t.names = &termLists{off: make([]uint32, n+1)}
	t.query = &queryTable{
		query: make([]uint32, n*queryTerms), nq: make([]uint8, n),
		index: make([]uint32, n*indexTerms), ni: make([]uint8, n),
	}
	for k := 0; k < n && r.err == nil; k++ {
		t.names.terms = list(len(r.b), "names", t.names.terms)
		t.names.off[k+1] = uint32(len(t.names.terms))
		q := list(queryTerms, "query terms", t.query.query[k*queryTerms:k*queryTerms])
		ix := list(indexTerms, "index terms", t.query.index[k*indexTerms:k*indexTerms])
		t.query.nq[k], t.query.ni[k] = uint8(len(q)), uint8(len(ix))
	}
	if r.err == nil && len(r.b) > 0 {
		r.fail("trailing bytes in article terms")
	}
	if r.err != nil {
		return nil, r.err
	}
	return t, nil
}

package compare

import (
	"context"
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

// A bag is what grouping reads from one article, packed as varints: its
// terms in the order of the numbers the counting worker gave them, each as
// the gap from the previous number, doubled, plus one when the term occurs
// more than once and its count follows (three terms in four occur once);
// then the terms it writes capitalised inside a sentence (names: who and
// where). Most terms take one or two bytes: at 100,000 articles of ~250
// distinct terms each, the bags are most of what grouping holds.
type bag struct {
	enc   []byte
	terms int32 // distinct terms in enc
	names int32 // names at the end of enc
}

// uvarint decodes the varint at b[k:], returning it and the index after it.
func uvarint(b []byte, k int) (uint32, int) {
	var v uint32
	for shift := 0; ; shift += 7 {
		c := b[k]
		k++
		v |= uint32(c&0x7f) << shift
		if c < 0x80 {
			return v, k
		}
	}
}

// each calls f with each term (the counting worker's number) and its count,
// and returns where the names start.
func (b *bag) each(f func(local uint32, n uint32)) int {
	k, local := 0, uint32(0)
	for range b.terms {
		var v, n uint32
		v, k = uvarint(b.enc, k)
		n = 1
		if v&1 != 0 {
			n, k = uvarint(b.enc, k)
		}
		local += v >> 1
		f(local, n)
	}
	return k
}

// termCounts is the output of countTerms: the bags, and the numbering of
// terms across workers. Term numbers follow the order of the terms' hashes,
// so that anything ordered or broken by term (fingerprints, ties between
// equal weights) comes out as it would with the hashes themselves.
type termCounts struct {
	bags    []bag
	workers int        // article i was counted by worker i%workers
	remap   [][]uint32 // worker → its numbers → term numbers
	df      []int32    // term number → articles using the term
	hashes  []uint64   // term number → hash, ascending
	// docs is the number of articles df counts, when more than the bags
	// (new articles joining a stored grouping); 0: the bags'.
	docs int
}

// term returns the term number of a worker's number for article i's term.
func (c *termCounts) term(i int, local uint32) uint32 {
	return c.remap[i%c.workers][local]
}

// thinBody: a body under this many words says too little (or is site
// furniture) to fingerprint an article by; its summary joins its title.
const thinBody = 100

// countTerms builds the term bags of the articles in parallel: title (twice,
// it names the event) and body, content words stemmed, demonyms mapped to
// their country. It also counts the articles each term occurs in.
func countTerms(ctx context.Context, as []*corpus.Article, workers int) *termCounts {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	out := &termCounts{bags: make([]bag, len(as)), workers: workers, remap: make([][]uint32, workers)}
	hashes := make([][]uint64, workers)
	dfs := make([][]int32, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			// Each worker numbers the words it meets, so counting is an
			// array increment rather than a map update.
			// Words are known by their 64-bit hash, as terms are: no
			// string kept per word, and a cheaper lookup.
			stems := map[uint64]int32{} // word hash → number, -1: not a term
			idOf := map[uint64]int32{}  // term hash → number
			var hs []uint64             // number → term hash
			var df, counts []int32
			var touched, names []int32
			var enc []byte
			for i := w; i < len(as); i += workers {
				if (i/workers)%checkEvery == 0 && ctx.Err() != nil {
					return
				}
				a := as[i]
				add := func(text string, times int32, headline bool) {
					lang.Folded.Each(text, func(word []byte, start, _ int) {
						wh := uint64(14695981039346656037) // hashTerm(word)
						for _, c := range word {
							wh ^= uint64(c)
							wh *= 1099511628211
						}
						id, ok := stems[wh]
						if !ok {
							key := string(word)
							id = -1
							if h := storyTerm(key); h != 0 {
								// Words with one term ("Ukrainian",
								// "Ukraine") share its number.
								var seen bool
								if id, seen = idOf[h]; !seen {
									id = int32(len(hs))
									idOf[h] = id
									hs = append(hs, h)
									counts = append(counts, 0)
									df = append(df, 0)
								}
							}
							stems[wh] = id
						}
						if id < 0 {
							return
						}
						if counts[id] == 0 {
							touched = append(touched, id)
						}
						counts[id] += times
						if !headline && capitalisedInside(text, start) {
							names = append(names, id)
						}
					})
				}
				add(a.Title, 2, true)
				if a.Summary != "" && a.Words < thinBody {
					// A video page, a paywall teaser or a page of site
					// furniture: the outlet's own summary says what it
					// is about, as the title does.
					add(a.Summary, 1, false)
				}
				// The text of an article listed without it is read for
				// this alone, not kept (Article.Text): grouping the whole
				// corpus does not hold its text in memory.
				blocks, _ := a.Text()
				for _, bl := range blocks {
					add(bl.Text, 1, bl.Kind == corpus.Heading)
				}
				slices.Sort(names)
				names = slices.Compact(names)
				enc = enc[:0]
				slices.Sort(touched)
				prev := int32(0)
				for _, id := range touched {
					gap := uint64(id-prev) << 1
					prev = id
					if n := counts[id]; n == 1 {
						enc = binary.AppendUvarint(enc, gap)
					} else {
						enc = binary.AppendUvarint(enc, gap|1)
						enc = binary.AppendUvarint(enc, uint64(n))
					}
					counts[id] = 0
					df[id]++
				}
				for _, id := range names {
					enc = binary.AppendUvarint(enc, uint64(id))
				}
				out.bags[i] = bag{slices.Clone(enc), int32(len(touched)), int32(len(names))}
				touched, names = touched[:0], names[:0]
			}
			hashes[w], dfs[w] = hs, df
		}(w)
	}
	wg.Wait()
	if ctx.Err() != nil {
		return out
	}
	n := 0
	for _, hs := range hashes {
		n += len(hs)
	}
	all := make([]uint64, 0, n)
	for _, hs := range hashes {
		all = append(all, hs...)
	}
	slices.Sort(all)
	out.hashes = slices.Clip(slices.Compact(all))
	out.df = make([]int32, len(out.hashes))
	for w, hs := range hashes {
		r := make([]uint32, len(hs))
		for local, h := range hs {
			t, _ := slices.BinarySearch(out.hashes, h)
			r[local] = uint32(t)
			out.df[t] += dfs[w][local]
		}
		out.remap[w] = r
	}
	return out
}

// capitalisedInside: the word at i starts with a capital and does not open
// a sentence, quote or clause.
func capitalisedInside(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsUpper(r) {
		return false
	}
	// The rune before the spaces (none at the text's start: RuneError).
	p, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text[:i], " \t"))
	return unicode.IsLetter(p) || unicode.IsDigit(p) || strings.ContainsRune(",;-—–", p)
}

// storyTerm maps a folded token to its term hash, 0 for words that carry
// nothing (stop words, single letters, bare numbers).
func storyTerm(f string) uint64 {
	if len(f) < 2 || stopwords[f] || isNumeric(f) {
		return 0
	}
	if c, ok := demonyms()[f]; ok {
		return hashTerm("@" + foldName(c))
	}
	if p, ok := gazetteer()[f]; ok {
		return hashTerm("@" + foldName(p.canon))
	}
	st, _ := lang.Stemmed.Term(f)
	return hashTerm(st)
}

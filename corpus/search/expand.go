package search

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// Expansion limits for the word being typed: a one-letter prefix would
// otherwise touch most of the index.
const (
	maxPrefixTerms1 = 16
	maxPrefixTerms  = 128
	maxFuzzyTerms   = 3
)

// Spelling tells the user that a query word was matched through other
// spellings: Kind "variant" (transliteration variants of a name, used in
// addition to the word) or "fuzzy" (the word itself is not in the corpus;
// close spellings were used instead).
type Spelling struct {
	Word string   `json:"word"`
	Used []string `json:"used"`
	Kind string   `json:"kind"`
}

// maxShownTerm caps a spelling as Spelling.Used shows it: a "word" of a
// megabyte in some file must not become a megabyte of notice.
const maxShownTerm = 64

// shownTerm is term cut to maxShownTerm bytes (at a rune start), with "…".
func shownTerm(term string) string {
	if len(term) <= maxShownTerm {
		return term
	}
	end := maxShownTerm
	for end > 0 && !utf8.RuneStart(term[end]) {
		end--
	}
	return term[:end] + "…"
}

// wordMatch is what one query word matches: index terms with weights, and
// the folded forms accepted when highlighting.
type wordMatch struct {
	ids     []uint32
	weights []float32
	texts   map[string]bool
	prefix  string // highlight any token starting with it (word being typed)
}

func (m *wordMatch) add(ix *Index, id uint32, w float32) bool {
	if slices.Contains(m.ids, id) {
		return false
	}
	m.ids = append(m.ids, id)
	m.weights = append(m.weights, w)
	m.texts[ix.termText(id)] = true
	return true
}

func (m *wordMatch) accepts(tok string) bool {
	return m.texts[tok] || m.prefix != "" && strings.HasPrefix(tok, m.prefix)
}

func (m *wordMatch) acceptsBytes(tok []byte) bool {
	return m.texts[string(tok)] || m.prefix != "" && len(tok) >= len(m.prefix) && string(tok[:len(m.prefix)]) == m.prefix
}

func (t *term) df() int { return len(t.docs) + len(t.tdocs) }

// expand finds the index terms a query word stands for. Caller holds ix.mu.
func (ix *Index) expand(w string, exact, prefix bool) (wordMatch, *Spelling) {
	m := wordMatch{texts: map[string]bool{w: true}}
	id := ix.lookup(w)
	known := id != 0
	if known && ix.df(id) > 0 {
		m.add(ix, id, 1)
	}
	if exact {
		return m, nil
	}
	st, _ := lang.Stemmed.Term(w)
	for _, v := range ix.stemTerms(st) {
		if ix.df(v) > 0 {
			m.add(ix, v, 0.9)
		}
	}
	var sp *Spelling
	if known && ix.isName(id) && hasVariants(w) {
		for _, v := range ix.keyTerms(lang.TranslitKey(w)) {
			if ix.df(v) > 0 && ix.isName(v) && m.add(ix, v, 0.9) {
				if sp == nil {
					sp = &Spelling{Word: w, Kind: "variant"}
				}
				sp.Used = append(sp.Used, shownTerm(ix.termText(v)))
			}
		}
	}
	if prefix {
		m.prefix = w
		ix.addPrefix(&m, w)
	}
	if len(m.ids) == 0 {
		return m, ix.fuzzy(&m, w)
	}
	return m, sp
}

// completions returns the terms that start with p, in text order (a
// slice of ix.sorted: do not modify). Caller holds ix.mu.
func (ix *Index) completions(p string) []uint32 {
	lo, _ := slices.BinarySearchFunc(ix.sorted, p, func(id uint32, p string) int {
		return strings.Compare(ix.termText(id), p)
	})
	hi := lo + sort.Search(len(ix.sorted)-lo, func(i int) bool {
		return !strings.HasPrefix(ix.termText(ix.sorted[lo+i]), p)
	})
	return ix.sorted[lo:hi]
}

// addPrefix adds the most frequent terms that start with p.
func (ix *Index) addPrefix(m *wordMatch, p string) {
	var found []uint32
	for _, id := range ix.completions(p) {
		if ix.df(id) > 0 {
			found = append(found, id)
		}
	}
	limit := maxPrefixTerms
	if utf8.RuneCountInString(p) < 2 {
		limit = maxPrefixTerms1
	}
	if len(found) > limit {
		slices.SortFunc(found, func(a, b uint32) int { return ix.df(b) - ix.df(a) })
		found = found[:limit]
	}
	for _, id := range found {
		m.add(ix, id, 1)
	}
}

// hasVariants: a word of three letters or more may be spelled in other
// ways; shorter ones are initials and particles ("J", "Ii", "Y" share a
// transliteration key but are not one name).
func hasVariants(w string) bool { return utf8.RuneCountInString(w) >= 3 }

// fuzzy is the fallback for a word the corpus does not contain: spellings
// with the same transliteration key, else the closest spellings by edit
// distance (1 for short words, 2 for long ones).
func (ix *Index) fuzzy(m *wordMatch, w string) *Spelling {
	if !hasVariants(w) {
		return nil
	}
	sp := &Spelling{Word: w, Kind: "fuzzy"}
	for _, v := range ix.keyTerms(lang.TranslitKey(w)) {
		if text := ix.termText(v); ix.df(v) > 0 && text != w && m.add(ix, v, 0.8) {
			sp.Used = append(sp.Used, shownTerm(text))
		}
	}
	n := utf8.RuneCountInString(w)
	if len(sp.Used) == 0 && n >= 4 {
		maxD := 1
		if n >= 8 {
			maxD = 2
		}
		type cand struct {
			id   uint32
			d    int
			freq int
		}
		var cs []cand
		rw := []rune(w)
		try := func(id uint32) {
			text := ix.termText(id)
			if diff := len(text) - len(w); diff > 2*maxD || diff < -2*maxD || ix.df(id) == 0 {
				return
			}
			if d := editDistance(rw, text, maxD); d <= maxD {
				cs = append(cs, cand{id, d, ix.df(id)})
			}
		}
		if ix.cache.spell.candidates(ix, w, maxD, try) {
			// In text order, as the whole vocabulary is walked below,
			// so that ties are broken the same way.
			slices.SortFunc(cs, func(a, b cand) int { return strings.Compare(ix.termText(a.id), ix.termText(b.id)) })
		} else {
			for _, id := range ix.sorted {
				try(id)
			}
		}
		slices.SortFunc(cs, func(a, b cand) int {
			if a.d != b.d {
				return a.d - b.d
			}
			return b.freq - a.freq
		})
		for i := 0; i < len(cs) && i < maxFuzzyTerms; i++ {
			m.add(ix, cs[i].id, 0.8)
			sp.Used = append(sp.Used, shownTerm(ix.termText(cs[i].id)))
		}
	}
	if len(sp.Used) == 0 {
		return nil
	}
	return sp
}

// editDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions, adjacent transpositions), or
// max+1 as soon as it must exceed max.
func editDistance(a []rune, bs string, max int) int {
	b := []rune(bs)
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

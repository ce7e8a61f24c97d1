package lang

// The analysis chain, in the shape of a search engine's (bleve's, Lucene's):
// a tokenizer cuts text into tokens, TokenFilters rewrite (or drop) each
// token in turn, and an Analyzer is a tokenizer and its filters. The chains
// every consumer uses are Folded and Stemmed, below, so that search,
// comparison and stories agree on what a text's words and stems are.

// TokenFilter rewrites one token's text; ok is false to drop the token.
type TokenFilter interface {
	Filter(term string) (out string, ok bool)
}

// Analyzer is a tokenizer and the filters applied to its tokens, in order.
// The tokenizer is the one tokenizer type, not an interface: a call
// through an interface lets no caller's callback stay on the stack (the
// indexer's counters moved to the heap, and BenchmarkIndexBuild took 0.88
// → 1.10 cpu-s in one run on a busy machine). A second tokenizer would
// make it one.
type Analyzer struct {
	Tokenizer WordTokenizer
	Filters   []TokenFilter
}

// WordTokenizer is the one tokenizer: EachToken's words (letters and
// digits, inner apostrophes joined, ideographs one by one, dotted acronyms
// one word). Folding and dropping the possessive are filters fused into
// it, applied in the same pass: indexing a corpus spends most of its time
// here, and the fused pass allocates nothing for ASCII text.
type WordTokenizer struct{}

// Tokenize calls fn for each folded word of text, in order (EachToken):
// word is valid only during the call, start and end are its byte span.
func (WordTokenizer) Tokenize(text string, fn func(word []byte, start, end int)) {
	EachToken(text, fn)
}

// StemFilter rewrites a folded word to its Porter stem (Stem).
type StemFilter struct{}

// Filter is Stem; it keeps every word.
func (StemFilter) Filter(term string) (string, bool) { return Stem(term), true }

// The chains the consumers share.
var (
	// Folded is the folded words of a text: what search indexes and
	// finds, and what comparison and stories read.
	Folded = Analyzer{Tokenizer: WordTokenizer{}}
	// Stemmed is Folded, then the stem filter: how search finds a word's
	// other forms, and how comparison and stories match words.
	Stemmed = Analyzer{Tokenizer: WordTokenizer{}, Filters: []TokenFilter{StemFilter{}}}
)

// Each calls fn for every token of text the filters keep, with its
// filtered text (valid only during the call) and its span in text. With no
// filters it is the tokenizer alone: nothing is allocated per token.
func (a Analyzer) Each(text string, fn func(word []byte, start, end int)) {
	if len(a.Filters) == 0 {
		a.Tokenizer.Tokenize(text, fn)
		return
	}
	a.Tokenizer.Tokenize(text, func(word []byte, start, end int) {
		if t, ok := a.Term(string(word)); ok {
			fn([]byte(t), start, end)
		}
	})
}

// Analyze is the tokens of text the filters keep, with their filtered
// text.
func (a Analyzer) Analyze(text string) []Token {
	var out []Token
	a.Tokenizer.Tokenize(text, func(word []byte, start, end int) {
		if t, ok := a.Term(string(word)); ok {
			out = append(out, Token{Text: t, Start: start, End: end})
		}
	})
	return out
}

// Term runs one word that is already a token (a vocabulary entry, a
// folded word) through the filters: for Stemmed, its stem. ok is false
// when a filter drops it.
func (a Analyzer) Term(word string) (string, bool) {
	for _, f := range a.Filters {
		var ok bool
		if word, ok = f.Filter(word); !ok {
			return "", false
		}
	}
	return word, true
}

package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is the byte span of one sentence in a text. Glued is set when the
// sentence followed the previous one with no space at all ("…the
// information.High-stakes…"): a sign of a lost line break in scraped text.
type Sentence struct {
	Start, End int
	Glued      bool
}

// Text returns the sentence's text in s.
func (t Sentence) Text(s string) string { return s[t.Start:t.End] }

// starters are words that begin sentences far more often than they continue
// a name after an abbreviation ("in the U.S. The talks…", "in Ariz. He
// said…"): pronouns, determiners, conjunctions and prepositions, the
// closed classes of English. A capitalised word outside them after an
// abbreviation is taken to be part of a name ("the U.S. Congress").
var starters = setOf("the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "but",
	"and", "or", "nor", "this", "that", "these", "those", "in", "on", "at", "for", "from", "by",
	"with", "without", "under", "over", "however", "meanwhile", "there", "here", "his", "her",
	"their", "our", "my", "your", "as", "after", "before", "while", "when", "where", "if",
	"although", "though", "because", "since", "until", "during", "some", "many", "most", "few",
	"all", "both", "each", "every", "several", "such", "officials", "yet", "still", "no", "not",
	"so", "then", "also", "now", "what", "who", "whom", "whose", "which", "why", "how", "one",
	"two", "three", "asked", "instead", "later", "earlier", "today", "yesterday", "last", "next",
	"according", "despite", "more", "other", "another", "nothing", "none", "neither", "either")

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

func isOpenQuote(r rune) bool {
	return r == '“' || r == '‘' || r == '«' || r == '„' || r == '(' || r == '['
}
func isCloseQuote(r rune) bool { return r == '”' || r == '’' || r == '»' || r == ')' || r == ']' }
func isTerminator(r rune) bool {
	// The danda ends a sentence in Hindi, Bengali and the other scripts
	// of India; Arabic, Urdu and Persian ask with their own question mark.
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' || r == '！' || r == '？' ||
		r == '।' || r == '॥' || r == '؟'
}

// maxQuote bounds the quotation kept whole in one sentence: a longer
// quoted passage is split into its own sentences.
const maxQuote = 400

// Sentences splits s into sentences. It knows abbreviations (U.S., Mr.,
// Gen., Ariz., vs.), initials, decimal numbers, quotes that close a
// sentence or open the next, and text glued together without a space after
// the full stop. A full stop inside a quotation that closes within the
// paragraph ("“We will win. We always win,” he said.") does not end the
// sentence. Line breaks always end a sentence. It takes time linear in s.
func Sentences(s string) []Sentence {
	var out []Sentence
	start := 0
	glued := false
	openStraight := false // a straight double quote is open on this line
	quoteEnd := -1        // the closing quote of the quotation being read; behind i when none is
	emit := func(end int, nextGlued bool) {
		a, b := trimSpan(s, start, end)
		if a < b {
			out = append(out, Sentence{Start: a, End: b, Glued: glued})
		}
		start = end
		glued = nextGlued
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '"' {
			if !openStraight && quoteEnd < i {
				quoteEnd = closingQuote(s, i+size, '"')
			}
			openStraight = !openStraight
			i += size
			continue
		} else if r == '“' || r == '«' || r == '„' {
			if quoteEnd < i {
				quoteEnd = closingQuote(s, i+size, closeOf(r))
			}
			i += size
			continue
		} else if r == '\n' {
			// No quotation goes on past a line (closingQuote stops there).
			emit(i, false)
			openStraight = false
			i += size
			continue
		} else if !isTerminator(r) {
			i += size
			continue
		}
		// A run of terminators ("?!", "...").
		termStart := i
		j := i + size
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if !isTerminator(r2) {
				break
			}
			j += sz
		}
		single := r == '.' && j-termStart == 1
		// Closing quotes and brackets belong to this sentence; so does a
		// closing ' before a space (before a line break or at the end of s
		// it lands in the sentence anyway).
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isCloseQuote(r2) {
				j += sz
				continue
			}
			if r2 == '"' && openStraight {
				openStraight = false
				j += sz
				continue
			}
			if r2 == '\'' && strings.HasPrefix(s[j+sz:], " ") {
				j += sz
				continue
			}
			break
		}
		if j <= quoteEnd {
			// Inside a quotation that goes on after this stop.
			i = j
			continue
		}
		end := j
		// What follows? (Nothing but spaces: no sentence starts there, and
		// the last emit below ends this one.)
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		spaced := k > j
		nextWord := wordAt(s, k)
		if !startsSentence(s, k) {
			i = j
			continue
		}
		if single && !periodEnds(s, termStart, k, nextWord, spaced) {
			i = j
			continue
		}
		if !spaced {
			// Glued text: only after a word character or closing quote, so that
			// "3.5", "espreso.tv" and "U.S.-led" stay whole.
			prev, _ := utf8.DecodeLastRuneInString(s[:termStart])
			nr, _ := utf8.DecodeRuneInString(nextWord)
			if !(unicode.IsLetter(prev) || unicode.IsDigit(prev) || isCloseQuote(prev) || prev == '"') || !unicode.IsUpper(nr) {
				i = j
				continue
			}
		}
		emit(end, !spaced)
		i = end
	}
	emit(len(s), false)
	return out
}

func closeOf(open rune) rune {
	if open == '«' {
		return '»'
	}
	return '”'
}

// closingQuote finds the quote mark close that ends a quotation opened
// right before s[from], when the sentence goes on after it: the quotation
// ends without a full stop (“We will win. We always win,” he said) or is
// followed by a word in lower case (“Is it over?” she asked). Then the
// stops inside it end no sentence. It returns -1 when the quotation ends
// its sentence, or does not close on this line within maxQuote bytes (an
// unbalanced quote, a quoted passage of several paragraphs).
func closingQuote(s string, from int, close rune) int {
	limit := min(len(s), from+maxQuote)
	for i := from; i < limit; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == close {
			if quoteGoesOn(s, i, i+size) {
				return i
			}
			return -1
		} else if r == '\n' || r == '“' || r == '«' {
			return -1
		}
		i += size
	}
	return -1
}

// quoteGoesOn: the sentence goes on after the quotation closed at
// s[at:after].
func quoteGoesOn(s string, at, after int) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:at], " "))
	if !isTerminator(last) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[after:], " "))
	return unicode.IsLower(next)
}

// startsSentence: an upper-case letter, a digit, or an opening quote or
// bracket (followed by one of those) at k.
func startsSentence(s string, k int) bool {
	r, size := utf8.DecodeRuneInString(s[k:])
	if (r == '—' || r == '–') && k+size < len(s) && s[k+size] == ' ' {
		// A dash opening a line of dialogue or a new clause: "— She disagreed."
		k += size + 1
		r, size = utf8.DecodeRuneInString(s[k:])
	}
	// At the end of s the rune decodes as utf8.RuneError: no sentence.
	if isOpenQuote(r) || r == '"' || r == '\'' {
		r, _ = utf8.DecodeRuneInString(s[k+size:])
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || IsIdeograph(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// periodEnds decides whether the single full stop at s[dot] ends a
// sentence; the next sentence would start at s[k] with nextWord.
func periodEnds(s string, dot, k int, nextWord string, spaced bool) bool {
	w := wordBefore(s, dot)
	kind := Abbrev(w)
	if !spaced && (kind == DottedAcronym || kind == Initial ||
		strings.HasPrefix(s[k+len(nextWord):], ".") && isDottedAcronym(w+"."+nextWord)) {
		// Inside a dotted acronym: "F.B.I.", "J.K. Rowling", "Ph.D.".
		return false
	}
	switch kind {
	case TitleAbbrev:
		return false
	case NumberAbbrev:
		r, _ := utf8.DecodeRuneInString(s[k:])
		return !unicode.IsDigit(r)
	case EndAbbrev, DottedAcronym, Initial:
		// Decided by what follows: a word that starts sentences, or a
		// quotation opening ("…in the U.S. “We are ready,” he said").
		r, _ := utf8.DecodeRuneInString(s[k:])
		return starters[strings.ToLower(nextWord)] || isOpenQuote(r) && r != '(' && r != '[' || r == '"'
	}
	return true
}

// wordAt returns the letters starting at k, skipping an opening quote.
func wordAt(s string, k int) string {
	r, size := utf8.DecodeRuneInString(s[k:])
	if isOpenQuote(r) || r == '"' || r == '\'' {
		k += size
	}
	e := k
	for e < len(s) {
		r, size := utf8.DecodeRuneInString(s[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	return s[k:e]
}

// trimSpan trims ASCII white space ("\r" of CRLF text included) from
// both ends of s[a:b].
func trimSpan(s string, a, b int) (int, int) {
	for a < b && isSpaceByte(s[a]) {
		a++
	}
	for b > a && isSpaceByte(s[b-1]) {
		b--
	}
	return a, b
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

// SplitSentences returns the sentence texts of s.
func SplitSentences(s string) []string {
	ss := Sentences(s)
	out := make([]string, len(ss))
	for i, t := range ss {
		out[i] = t.Text(s)
	}
	return out
}

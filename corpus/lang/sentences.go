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

// titleAbbrevs precede a name and never end a sentence.
var titleAbbrevs = setOf("mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col",
	"capt", "cpt", "sgt", "adm", "maj", "cmdr", "rev", "hon", "pres", "atty", "supt", "det", "insp",
	"st", "mt", "ft", "no", "nos", "vs", "v", "cf", "eg", "e.g", "i.e", "ie", "approx", "fig", "vol",
	"messrs", "mme", "mlle", "gov", "rt", "ave", "blvd", "dept", "est", "ca", "op", "pp", "para")

// endAbbrevs may end a sentence, so they only split before a clear starter.
// Month abbreviations are here: "on Jan. 5" goes on, "in Jan. The next…"
// does not.
var endAbbrevs = setOf("etc", "inc", "ltd", "co", "corp", "bros", "plc", "llc", "al", "jr", "sr",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")

// starters are words that begin sentences far more often than they continue
// a name after an abbreviation ("in the U.S. The talks…").
var starters = setOf("the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "but", "and",
	"this", "that", "these", "those", "in", "on", "at", "for", "however", "meanwhile", "there",
	"his", "her", "their", "our", "as", "after", "before", "while", "when", "if", "some", "many",
	"officials", "yet", "still", "no", "not", "so", "then", "what", "who", "why", "how")

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
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '。' || r == '！' || r == '？'
}

// Sentences splits s into sentences. It knows abbreviations (U.S., Mr.,
// Gen., vs.), initials, decimal numbers, quotes that close a sentence or open
// the next, and text glued together without a space after the full stop.
// Line breaks always end a sentence.
func Sentences(s string) []Sentence {
	var out []Sentence
	start := 0
	glued := false
	straight := 0 // straight double quotes seen so far, for open/close parity
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
		switch {
		case r == '"':
			straight++
			i += size
			continue
		case r == '\n':
			emit(i, false)
			i += size
			continue
		case !isTerminator(r):
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
		// Closing quotes and brackets belong to this sentence.
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isCloseQuote(r2) {
				j += sz
				continue
			}
			if r2 == '"' && straight%2 == 1 {
				straight++
				j += sz
				continue
			}
			if r2 == '\'' && (j+sz >= len(s) || s[j+sz] == ' ' || s[j+sz] == '\n') {
				j += sz
				continue
			}
			break
		}
		end := j
		// What follows?
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if k >= len(s) {
			emit(end, false)
			i = end
			continue
		}
		spaced := k > j
		nextWord := wordAt(s, k)
		if !startsSentence(s, k) {
			i = j
			continue
		}
		if single {
			if !periodEnds(s, termStart, nextWord) {
				i = j
				continue
			}
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

// startsSentence: an upper-case letter, a digit, or an opening quote or
// bracket (followed by one of those) at k.
func startsSentence(s string, k int) bool {
	r, size := utf8.DecodeRuneInString(s[k:])
	if (r == '—' || r == '–') && k+size < len(s) && s[k+size] == ' ' {
		// A dash opening a line of dialogue or a new clause: "— She disagreed."
		k += size + 1
		if k >= len(s) {
			return false
		}
		r, size = utf8.DecodeRuneInString(s[k:])
	}
	if isOpenQuote(r) || r == '"' || r == '\'' {
		if k+size >= len(s) {
			return false
		}
		r, _ = utf8.DecodeRuneInString(s[k+size:])
	}
	return unicode.IsUpper(r) || unicode.IsDigit(r) || IsIdeograph(r) || unicode.IsLetter(r) && !unicode.IsLower(r)
}

// periodEnds decides whether the full stop at s[dot] ends a sentence.
func periodEnds(s string, dot int, nextWord string) bool {
	w := wordBefore(s, dot)
	lw := strings.ToLower(w)
	nw := strings.ToLower(nextWord)
	switch {
	case w == "":
		return true
	case titleAbbrevs[strings.TrimSuffix(lw, ".")]:
		return false
	case endAbbrevs[lw]:
		return starters[nw]
	case utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]):
		// An initial ("J. Smith") unless the next word clearly starts anew.
		return false
	case strings.Contains(w, ".") && dottedAcronym(w):
		// Dotted acronym: U.S., U.K., a.m., Ph.D.
		return starters[nw]
	}
	return true
}

// dottedAcronym: every dot-separated part is one or two letters ("U.S",
// "a.m", "Ph.D"), unlike a domain name ("example.com") that ends a
// sentence like any word.
func dottedAcronym(w string) bool {
	for _, part := range strings.Split(w, ".") {
		if n := utf8.RuneCountInString(part); n > 2 {
			return false
		}
	}
	return true
}

// wordBefore returns the word (letters and inner dots) ending right before
// the full stop at s[dot].
func wordBefore(s string, dot int) string {
	i := dot
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || r == '.' {
			i -= size
			continue
		}
		break
	}
	return strings.TrimLeft(s[i:dot], ".")
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

func trimSpan(s string, a, b int) (int, int) {
	for a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == '\t') {
		b--
	}
	return a, b
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

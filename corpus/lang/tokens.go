package lang

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: its folded form and its byte span in the
// original string.
type Token struct {
	Text       string // folded, possessive "'s" removed
	Start, End int    // byte offsets of the word in the original text
}

// IsIdeograph reports scripts written without spaces between words (Han,
// Hiragana, Katakana, Hangul syllables are tokenised per character).
func IsIdeograph(r rune) bool {
	// Below the first Hangul Jamo (Latin, Cyrillic, Greek…) without a call:
	// this much is inlined, and the tokeniser asks for every rune.
	return r >= 0x1100 && isIdeographAbove(r)
}

func isIdeographAbove(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// Marks of every kind belong to their word: a spacing vowel sign
	// (Devanagari's ि, Mc) splitting a word in two was as wrong as an accent.
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// asciiWord maps ASCII letters and digits to their lower case, other bytes
// to 0.
var asciiWord = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokens splits s into words: runs of letters and digits, joined across
// inner apostrophes ("don't") but split at hyphens and other punctuation
// ("Russia-Ukraine" is two words). Single letters joined by full stops are
// one word, an acronym: "F.B.I." is "fbi" (its span ends before the last
// full stop), as "FBI" is. Ideographic characters are one token each. A
// trailing possessive ("Umerov’s", "allies'") is dropped from Text.
func Tokens(s string) []Token {
	var out []Token
	EachToken(s, func(word []byte, start, end int) {
		out = append(out, Token{Text: string(word), Start: start, End: end})
	})
	return out
}

// EachToken calls fn for every token of s, in order, exactly as Tokens would
// return them, but without allocating per token for ASCII text: word is the
// folded token text and is only valid during the call. Indexers use it.
func EachToken(s string, fn func(word []byte, start, end int)) { eachToken(s, true, fn) }

// eachToken is EachToken; fast takes the ASCII fast path, which tests
// check against the general path alone.
func eachToken(s string, fast bool, fn func(word []byte, start, end int)) {
	var arr [64]byte
	buf := arr[:0]
	i := 0
	for i < len(s) {
		c := s[i]
		// Fast path: a run of ASCII letters and digits ended by an ASCII
		// byte that is not an apostrophe is a whole token (most of an
		// English text). Anything else is left to the general path below,
		// a letter before a full stop too (it may start "F.B.I.").
		if fast && c < utf8.RuneSelf {
			if asciiWord[c] == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(s) && asciiWord[s[j]] != 0 {
				j++
			}
			if j == len(s) || s[j] < utf8.RuneSelf && s[j] != '\'' && (s[j] != '.' || j > i+1) {
				buf = buf[:0]
				for k := i; k < j; k++ {
					buf = append(buf, asciiWord[s[k]])
				}
				fn(buf, i, j)
				i = j
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:]) // inlined for ASCII
		if IsIdeograph(r) {
			fn(append(buf[:0], s[i:i+size]...), i, i+size)
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		if end, ok := acronymAt(s, i); ok {
			buf = buf[:0]
			for k := i; k < end; {
				r, n := utf8.DecodeRuneInString(s[k:])
				if r != '.' {
					buf = appendTokenText(buf, s[k:k+n])
				}
				k += n
			}
			fn(buf, i, end)
			i = end + possessiveAfter(s, end)
			continue
		}
		start := i
		end := i + size
		ascii := r < utf8.RuneSelf
		apos := false
		j := end
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) && !IsIdeograph(r2) {
				if r2 >= utf8.RuneSelf {
					ascii = false
				}
				j += sz
				end = j
				continue
			}
			// An inner apostrophe (a word is folded, so a curly one is
			// straightened); at the end of s the rune after it decodes as
			// utf8.RuneError, no letter.
			if isApostrophe(r2) {
				r3, _ := utf8.DecodeRuneInString(s[j+sz:])
				if unicode.IsLetter(r3) && !IsIdeograph(r3) {
					apos = true
					j += sz
					continue
				}
			}
			break
		}
		w := s[start:end]
		if ascii && !apos {
			buf = buf[:0]
			for k := 0; k < len(w); k++ {
				b := w[k]
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf = append(buf, b)
			}
		} else {
			buf = appendTokenText(buf[:0], w)
		}
		if len(buf) > 0 { // a lone combining mark folds to nothing
			fn(buf, start, end)
		}
		i = end
	}
}

// acronymAt reports whether a dotted acronym starts at s[i]: two or more
// single letters, each but perhaps the last followed by a full stop
// ("F.B.I.", "U.S", "a.m."), not part of a longer dotted name
// ("www.a.b.com"). end is the end of its last letter.
func acronymAt(s string, i int) (end int, ok bool) {
	if i > 0 && s[i-1] == '.' {
		return 0, false
	}
	n := 0
	for k := i; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsLetter(r) || IsIdeograph(r) {
			break
		}
		after := k + size
		// Combining marks belong to the letter ("É" written decomposed).
		for after < len(s) {
			m, size := utf8.DecodeRuneInString(s[after:])
			if !unicode.Is(unicode.M, m) {
				break
			}
			after += size
		}
		if after < len(s) && s[after] != '.' {
			if r, _ := utf8.DecodeRuneInString(s[after:]); isWordRune(r) || isApostrophe(r) {
				break // not a single letter: "U.S.The" ends at "S"
			}
		}
		n++
		end = after
		if after == len(s) || s[after] != '.' {
			break
		}
		k = after + 1
	}
	return end, n >= 2
}

// possessiveAfter is the length of a possessive written after an
// acronym's full stop ("F.B.I.'s"), 0 if there is none.
func possessiveAfter(s string, end int) int {
	if end >= len(s) || s[end] != '.' {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[end+1:])
	k := end + 1 + n
	if !isApostrophe(r) || k >= len(s) || s[k] != 's' {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(s[k+1:]); isWordRune(r) {
		return 0 // at the end of s: utf8.RuneError, no word rune
	}
	return k + 1 - end
}

// appendTokenText folds a word, strips a possessive ending and removes inner
// apostrophes ("don't" -> "dont") so that spellings agree.
func appendTokenText(buf []byte, w string) []byte {
	f := Fold(w)
	if n := len(f); n > 2 && f[n-2] == '\'' && f[n-1] == 's' {
		f = f[:n-2]
	}
	for k := 0; k < len(f); k++ {
		if f[k] != '\'' {
			buf = append(buf, f[k])
		}
	}
	return buf
}

// Words returns just the folded words of s.
func Words(s string) []string {
	toks := Tokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

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
	if r < 0x1100 { // below the first Hangul Jamo: Latin, Cyrillic, Greek…
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// Tokens splits s into words: runs of letters and digits, joined across
// inner apostrophes ("don't") but split at hyphens and other punctuation
// ("Russia-Ukraine" is two words). Ideographic characters are one token each.
// A trailing possessive ("Umerov’s", "allies'") is dropped from Text.
func Tokens(s string) []Token {
	var out []Token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsIdeograph(r) {
			out = append(out, Token{Text: string(r), Start: i, End: i + size})
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		end := i + size
		j := end
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) && !IsIdeograph(r2) {
				j += sz
				end = j
				continue
			}
			if isApostrophe(r2) && j+sz < len(s) {
				r3, _ := utf8.DecodeRuneInString(s[j+sz:])
				if unicode.IsLetter(r3) && !IsIdeograph(r3) {
					j += sz
					continue
				}
			}
			break
		}
		out = append(out, Token{Text: tokenText(s[start:end]), Start: start, End: end})
		i = end
	}
	return out
}

// tokenText folds a word and strips a possessive ending.
func tokenText(w string) string {
	f := Fold(w)
	if n := len(f); n > 2 && f[n-2] == '\'' && f[n-1] == 's' {
		f = f[:n-2]
	}
	// Remaining inner apostrophes ("don't" -> "dont") so spellings agree.
	for k := 0; k < len(f); k++ {
		if f[k] == '\'' {
			b := make([]byte, 0, len(f))
			for m := 0; m < len(f); m++ {
				if f[m] != '\'' {
					b = append(b, f[m])
				}
			}
			return string(b)
		}
	}
	return f
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

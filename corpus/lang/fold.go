// Package lang holds the language helpers that the loader, search and
// comparison share: case and diacritic folding, word tokens, and sentence
// splitting that respects abbreviations and quotes.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that do not decompose into base + mark.
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
	'ё': "е", 'Ё': "е", // Russian yo is commonly written as ye
}

// Fold lowercases s and removes diacritics, so that "Café" and "cafe", "Kyiv"
// and "KYIV" compare equal. Apostrophes are normalised to "'".
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := special[r]; ok {
			sb.WriteString(rep)
			continue
		}
		if r == '’' || r == '‘' || r == 'ʼ' || r == '`' {
			r = '\''
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return norm.NFC.String(sb.String())
}

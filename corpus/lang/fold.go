package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special maps letters that do not decompose into base + mark (ё does:
// е and a diaeresis, so "Ёлка" folds to "елка" as Russian often writes it).
var special = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'þ': "th", 'ı': "i",
}

// Fold lowercases s and removes diacritics, so that "Café" and "cafe", "Kyiv"
// and "KYIV", "Ёлка" and "елка" compare equal. Apostrophes are normalised to
// "'" and curly double quotes to '"'. It is FoldRune applied to every rune.
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
		sb.WriteString(foldBase(r))
	}
	return norm.NFC.String(sb.String())
}

// FoldRune folds one rune as Fold folds it in a text: finders that map
// folded positions back to the text fold rune by rune.
func FoldRune(r rune) string {
	if r < utf8.RuneSelf {
		return string(unicode.ToLower(r))
	}
	var sb strings.Builder
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			sb.WriteString(foldBase(c))
		}
	}
	return norm.NFC.String(sb.String())
}

// foldBase folds a rune without its combining marks.
func foldBase(r rune) string {
	if rep, ok := special[r]; ok {
		return rep
	}
	switch r {
	case '’', '‘', 'ʼ', '`':
		return "'"
	case '“', '”', '„':
		return "\""
	}
	return string(unicode.ToLower(r))
}

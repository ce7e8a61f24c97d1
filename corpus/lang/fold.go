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
// and "KYIV", "Ёлка" and "елка" compare equal. Apostrophes (’ ‘ ʼ) are
// normalised to "'" and curly double quotes to '"'. It is FoldRune applied
// to every rune: ASCII text takes strings.ToLower, which must agree
// (TestFoldASCIIAgrees; a backtick was an apostrophe only in text that held
// a non-ASCII letter too).
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
		if isDiacritic(r) {
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
		if !isDiacritic(c) {
			sb.WriteString(foldBase(c))
		}
	}
	return norm.NFC.String(sb.String())
}

// isDiacritic reports the marks Fold removes: the generic combining
// diacritics that NFD splits off accented Latin, Greek and Cyrillic letters
// (and Cyrillic's own), and the optional vowel points and cantillation of
// Hebrew and Arabic, which most text leaves out. The other nonspacing marks
// are spelling, not decoration: a Devanagari or Tamil vowel sign or virama,
// a Thai vowel. Removing them made "दुनिया" and "दिन" one word, and would
// make a word of a different word in every Brahmic script.
func isDiacritic(r rune) bool {
	if r < 0x0300 {
		return false
	}
	for _, g := range diacriticBlocks {
		if r < g[0] {
			return false
		}
		if r <= g[1] {
			return unicode.Is(unicode.Mn, r)
		}
	}
	return false
}

// diacriticBlocks are the code point ranges of isDiacritic, in order.
var diacriticBlocks = [...][2]rune{
	{0x0300, 0x036F}, // Combining Diacritical Marks
	{0x0483, 0x0489}, // Cyrillic titlo and the like
	{0x0591, 0x05C7}, // Hebrew points and accents
	{0x0610, 0x061A}, // Arabic honorifics
	{0x064B, 0x065F}, // Arabic harakat
	{0x0670, 0x0670}, // Arabic superscript alef
	{0x06D6, 0x06ED}, // Quranic marks
	{0x1AB0, 0x1AFF}, // Combining Diacritical Marks Extended
	{0x1DC0, 0x1DFF}, // … Supplement
	{0x20D0, 0x20FF}, // … for Symbols
	{0xFE20, 0xFE2F}, // Combining Half Marks
}

// foldBase folds a rune without its combining marks.
func foldBase(r rune) string {
	if rep, ok := special[r]; ok {
		return rep
	}
	switch r {
	case '’', '‘', 'ʼ':
		return "'"
	case '“', '”', '„':
		return "\""
	}
	return string(unicode.ToLower(r))
}

package corpus

import (
	"strings"
	"unicode/utf8"
)

// Internal functions for the oracle tests in package corpus_test (which
// can import corpus/gen; package corpus cannot), and the previous versions
// of those that need internals.
var (
	TextKey       = textKey
	KeywordGroups = keywordGroups
	FirstUnclean  = firstUnclean
	TidyLine      = tidyLine
	SplitLines    = splitLines
)

// OldKeywordGroups is keywordGroups before the table-driven scan:
// the keywordBoilerplate groups whose keywords start a word of line, as a
// bit set.
func OldKeywordGroups(line string) uint32 {
	var groups uint32
	prevLetter := false
	for i := 0; i < len(line); i++ {
		c := line[i] | 0x20
		letter := c >= 'a' && c <= 'z'
		if letter && !prevLetter {
			for g, kb := range keywordBoilerplate {
				for _, k := range kb.keys {
					if k[0] == c && len(line)-i >= len(k) && strings.EqualFold(line[i:i+len(k)], k) {
						groups |= 1 << g
					}
				}
			}
		}
		prevLetter = letter || line[i] >= 0x80
	}
	return groups
}

// OldFirstUnclean is firstUnclean before its eight-bytes-at-a-time path.
func OldFirstUnclean(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' || c == 0x7F {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0x2028 || r == 0x2029 || dropRune(r) || spaceRune(r) {
			return i
		}
		i += size
	}
	return -1
}

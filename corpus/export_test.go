package corpus

import "strings"

// Internal functions for the oracle tests in package corpus_test (which
// can import corpus/gen; package corpus cannot), and the previous versions
// of those that need internals.
var (
	TextKey       = textKey
	KeywordGroups = keywordGroups
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

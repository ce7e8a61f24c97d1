package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
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
	IsHeading     = isHeading
	StartersOf    = startersOf
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

// OldIsHeading is isHeading before its cheap tests were put first.
func OldIsHeading(l string) bool {
	if len(l) > 480 || utf8.RuneCountInString(l) > 120 {
		return false
	}
	words := strings.Fields(l)
	if len(words) == 0 || len(words) > 14 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'", first)) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	switch {
	case last == '.' && !lang.EndsInAbbreviation(l):
		return false
	case strings.ContainsRune(",;:!”\"…", last):
		return false
	case last == '?' && len(words) > 10:
		return false
	}
	if len(lang.Sentences(l)) != 1 {
		return false
	}
	caps, content := 0, 0
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, "\"“”‘’'()"))
		if titleStops[lw] {
			continue
		}
		content++
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“‘'(")); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	if len(words) == 1 {
		return caps == 1 && utf8.RuneCountInString(l) >= 3 && !hasDigit(l)
	}
	return len(words) <= 5 || caps*10 >= content*6
}

// Guard is a cheap test run before a regexp: whenever Re matches a string,
// Guard must hold for it, or skipping Re would change a result.
type Guard struct {
	Name  string
	Re    *regexp.Regexp
	Guard func(string) bool
}

// Guards lists the cheap tests that stand before regexps.
var Guards = []Guard{
	{"domainLine", domainRe, mayBeDomain},
	{"datePrefix", datePrefixRe, mayHaveDatePrefix},
	{"pipeSuffix", pipeSuffixRe, func(s string) bool { return mayHaveTitleSuffix(0, s) }},
	{"dashSuffix", dashSuffixRe, func(s string) bool { return mayHaveTitleSuffix(1, s) }},
	{"via0", viaRes[0], func(s string) bool { return mayMatchVia(0, s) }},
	{"via1", viaRes[1], func(s string) bool { return mayMatchVia(1, s) }},
	{"via2", viaRes[2], func(s string) bool { return mayMatchVia(2, s) }},
}

func init() {
	for g, kb := range keywordBoilerplate {
		Guards = append(Guards, Guard{fmt.Sprintf("keywordBoilerplate[%d]", g), kb.re, func(s string) bool {
			return containsAny(foldASCII(nil, s), kb.needs)
		}})
	}
}

// OldStarters is the look-up of whole-line patterns before startersOf:
// the map entry for firstWord(line).
func OldStarters(line string) []int {
	s := strings.TrimLeft(line, "#([ ")
	var w string
	switch {
	case s == "":
	case s[0] >= '0' && s[0] <= '9':
		w = "#"
	case strings.HasPrefix(s, "©"):
		w = "©"
	default:
		end := 0
		for end < len(s) && (s[end]|0x20 >= 'a' && s[end]|0x20 <= 'z') {
			end++
		}
		w = strings.ToLower(s[:end])
	}
	return boilerplateStarters[w]
}

package formats

import (
	"fmt"
	"github.com/parallax-reader/parallax/corpus/article"
	"strings"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// Internal functions for the golden and guard tests in package formats_test
// (which can import corpus/gen; package formats cannot).
var (
	KeywordGroups = func(line string) uint32 { _, g := article.CountWordsFinding(line, &keywordStarts); return g }
	FirstUnclean  = firstUnclean
	TidyLine      = tidyLine
	SplitLines    = splitLines
	IsHeading     = isHeading
	StartersOf    = startersOf
	DomainHost    = domainHost
	DomainRe      = domainRe
)

// Guard is a cheap test run before a regexp: whenever Re matches a string,
// Guard must hold for it, or skipping Re would change a result.
type Guard struct {
	Name  string
	Re    *lazyre.Regexp
	Guard func(string) bool
}

// Guards lists the cheap tests that stand before regexps.
var Guards = []Guard{
	{"domainLine", domainRe, mayBeDomain},
	{"datePrefix", datePrefixRe, mayHaveDatePrefix},
	{"pipeSuffix", pipeSuffixRe, func(s string) bool { return mayHaveTitleSuffix(0, s) }},
	{"dashSuffix", dashSuffixRe, func(s string) bool { return mayHaveTitleSuffix(1, s) }},
	{"datelineCaps", datelineCapsRe, func(s string) bool { return mayBeDateline(0, s) }},
	{"datelineComma", datelineCommaRe, func(s string) bool { return mayBeDateline(1, s) }},
	{"credit", creditRe, mayBeCredit},
	{"via0", viaRes[0], func(s string) bool { return mayMatchVia(0, s) }},
	{"via1", viaRes[1], func(s string) bool { return mayMatchVia(1, s) }},
	{"via2", viaRes[2], func(s string) bool { return mayMatchVia(2, s) }},
	{"via0 paragraph", viaRes[0], mayCreditAnOutlet},
	{"via1 paragraph", viaRes[1], mayCreditAnOutlet},
	{"via2 paragraph", viaRes[2], mayCreditAnOutlet},
	{"byline", bylineRe, mayBeByline},
	{"counter", counterRe, mayBeCounter},
	{"frontMatter", rxFrontMatter, func(s string) bool { return strings.HasPrefix(s, "---") }},
	{"markdownStart", rxMarkdownStart, func(s string) bool { return s != "" && s[0] == '#' }},
}

func init() {
	for g, kb := range keywordBoilerplate {
		Guards = append(Guards, Guard{fmt.Sprintf("keywordBoilerplate[%d]", g), kb.re, func(s string) bool {
			return containsAny(foldASCII(nil, s), kb.needs)
		}})
	}
}

// MayBeGlued is the cheap test before sentence splitting, checked against
// its plain version (coldopen_oracle_test.go), which tests each mark with
// GluedAt.
var (
	MayBeGlued = mayBeGlued
	GluedAt    = gluedAt
)

// MoreRunesThan is isHeading's bounded rune count.
var MoreRunesThan = moreRunesThan

// KeywordKeys are the keywords of each keyword group, lower case.
func KeywordKeys() [][]string {
	var keys [][]string
	for _, kb := range keywordBoilerplate {
		keys = append(keys, kb.keys)
	}
	return keys
}

// SpaceAfterYearComma is parseDateLine's comma rule, checked against the
// regexp it replaced.
var SpaceAfterYearComma = spaceAfterYearComma

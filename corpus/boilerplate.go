package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Site boilerplate: the lines scrapers leave around an article. Strong
// patterns are removed wherever they stand; weak lines (short, unpunctuated:
// "Donate Here", "Support Example News") only inside the trailing run of
// boilerplate that ends many scraped pages.

// relatedRe introduces a list of links to other stories; the short lines
// after it are headlines of those stories, not this article's headings.
var relatedRe = regexp.MustCompile(`^(?i)(?:related|read more|read also|see also|recommended|more stories|more from [\p{L} ]{1,30}|most read|trending|you may also like|also read)(?: articles| stories| posts)?:?$`)

// wholeLineBoilerplate patterns match a complete short line.
var wholeLineBoilerplate = []struct {
	starts string // the first words (lower case) of lines the pattern can match; "#" for a digit or "#([" start
	re     *regexp.Regexp
}{
	{"comment comments", regexp.MustCompile(`^(?i)comments? (?:are|is) (?:closed|disabled|off)\.?$`)},
	{"leave post no #", regexp.MustCompile(`^(?i)(?:leave a (?:reply|comment)|post a comment|\d+ comments?|no comments(?: yet)?)\.?$`)},
	{"#", regexp.MustCompile(`^[#(\[]?\d{1,4}[)\]]?$`)}, // stray counters ("31")
	{"advertisement advertising sponsored ad scroll", regexp.MustCompile(`^(?i)(?:advertisement|advertising|sponsored(?: content)?|ad|scroll to continue(?: with content)?)$`)},
	{"share save bookmark gift listen tweet email print copy whatsapp facebook twitter linkedin telegram reddit",
		regexp.MustCompile(`^(?i)(?:share|share this(?: article| story| post)?|save|save article|bookmark|gift (?:this )?article|listen(?: to this article)?|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit)(?:\s*[|/·•,]\s*(?:share|save|tweet|email|print|copy link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit))*:?$`)},
	{"#", regexp.MustCompile(`^(?i)\d{1,3} ?min(?:ute)?s? read$`)},
	{"image photo photograph picture video credit getty file", regexp.MustCompile(`^(?i)(?:image|photo|photograph|picture|video|credit|getty images|file photo)(?: credit)?\s*:\s*.{0,60}$`)},
	{"related read see recommended more most trending you also", relatedRe},
	{"follow subscribe sign join get newsletter", regexp.MustCompile(`^(?i)(?:follow us|subscribe|sign up|join our|get our|newsletter)\b.{0,80}$`)},
	{"donate make support become", regexp.MustCompile(`^(?i)(?:donate|donate here|donate now|make a donation|support us|become a (?:member|patron|subscriber))\b.{0,30}$`)},
	{"© c copyright", regexp.MustCompile(`^(?i)(?:©|\(c\)|copyright\b).{0,120}$`)},
	{"all", regexp.MustCompile(`^(?i)all rights reserved\.?$`)},
	{"tags tag categories filed topics", regexp.MustCompile(`^(?i)(?:tags?|categories|filed under|topics)\s*:.{0,200}$`)},
	{"we this accept", regexp.MustCompile(`^(?i)(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b.{0,200}$`)},
	{"click tap", regexp.MustCompile(`^(?i)(?:click here|tap here)\b.{0,80}$`)},
	{"loading please", regexp.MustCompile(`^(?i)(?:loading|please wait)\.{0,3}$`)},
}

// wholeLineMax is longer than any line the whole-line patterns can match,
// so that paragraphs skip them cheaply.
const wholeLineMax = 400

// keywordBoilerplate patterns may match inside a longer line; each runs
// only when one of its lower-case keywords occurs in the line.
var keywordBoilerplate = []struct {
	keys     []string
	maxWords int // longer lines are prose that mentions the keyword
	re       *regexp.Regexp
}{
	{[]string{"required field"}, 80, regexp.MustCompile(`(?i)indicates required fields?`)},
	{[]string{"consider", "contribution", "as little as", "support our", "support independent", "donation"}, 80,
		regexp.MustCompile(`(?i)\b(?:please consider (?:supporting|donating|subscribing)|every contribution|from as little as|support (?:our|independent) (?:journalism|reporting|work)|make a (?:one-off |monthly )?(?:donation|contribution))\b`)},
	// Payment details stand on short lines of their own.
	{[]string{"iban", "swift", "bic", "sort code", "routing number", "account", "bank", "ac #", "paypal", "vipps", "venmo", "swish", "patreon", "cash app", "cashapp"}, 20,
		regexp.MustCompile(`(?i)\b(?:iban|swift(?: code)?|bic|sort code|routing number|account (?:number|no\.?|for (?:international )?payments?)|bank (?:account|transfer)|paypal|vipps|venmo|swish|patreon|cash ?app)\b|\bac #`)},
}

// isStrongBoilerplate reports lines that are site furniture wherever they
// stand. Long lines are prose even if they mention a bank.
func isStrongBoilerplate(line string) bool {
	words, groups := lineStats(line)
	if len(line) <= wholeLineMax && words <= 40 {
		for _, i := range boilerplateStarters[firstWord(line)] {
			if wholeLineBoilerplate[i].re.MatchString(line) {
				return true
			}
		}
	}
	if words > 80 {
		return false
	}
	for g, kb := range keywordBoilerplate {
		if groups&(1<<g) != 0 && words <= kb.maxWords && kb.re.MatchString(line) {
			return true
		}
	}
	return false
}

// boilerplateStarters maps a line's first word to the whole-line patterns
// that can match it, so that prose runs none of them.
var boilerplateStarters = func() map[string][]int {
	m := map[string][]int{}
	for i, p := range wholeLineBoilerplate {
		for _, w := range strings.Fields(p.starts) {
			m[w] = append(m[w], i)
		}
	}
	return m
}()

// firstWord is a line's first word in lower case for boilerplateStarters:
// "#" when it starts with a digit (after an optional "#", "(" or "["),
// "©" for a copyright sign.
func firstWord(line string) string {
	s := strings.TrimLeft(line, "#([ ")
	switch {
	case s == "":
		return ""
	case s[0] >= '0' && s[0] <= '9':
		return "#"
	case strings.HasPrefix(s, "©"):
		return "©"
	}
	end := 0
	for end < len(s) && (s[end]|0x20 >= 'a' && s[end]|0x20 <= 'z') {
		end++
	}
	return strings.ToLower(s[:end])
}

// keywordIndex maps the first letter of each keyword to (keyword, group),
// and keyPairs marks the keywords' first two letters (bit c2-'a' of
// keyPairs[c1-'a']), so that most words are passed over at one lookup.
var keywordIndex, keyPairs = func() (ix [26][]struct {
	key   string
	group int
}, pairs [26]uint32) {
	for g, kb := range keywordBoilerplate {
		for _, k := range kb.keys {
			c := k[0] - 'a'
			ix[c] = append(ix[c], struct {
				key   string
				group int
			}{k, g})
			pairs[c] |= 1 << (k[1] - 'a')
		}
	}
	return ix, pairs
}()

// lineStats counts the words of line as CountWords does and, in the same
// pass, finds the keyword groups (bit g for keywordBoilerplate[g]) one of
// whose keywords starts a word of line, ASCII case-insensitively. A
// keyword starts a word where an ASCII letter follows neither an ASCII
// letter nor a non-ASCII byte.
func lineStats(line string) (words int, groups uint32) {
	var in uint8        // inside a word, as CountWords sees words
	prevLetter := false // the byte before was an ASCII letter or non-ASCII
	for i := 0; i < len(line); {
		c := line[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(line[i:])
			i += size
			var w, j uint8
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				w = 1
			} else if r == '’' {
				j = 1
			}
			words += int(w &^ in)
			in = w | in&j
			prevLetter = true
			continue
		}
		k := asciiClass[c]
		w := k & 1
		words += int(w &^ in)
		in = w | in&(k>>1)
		lc := c | 0x20
		letter := lc >= 'a' && lc <= 'z'
		if letter && !prevLetter && i+1 < len(line) {
			if c2 := line[i+1] | 0x20; c2 >= 'a' && c2 <= 'z' && keyPairs[lc-'a']&(1<<(c2-'a')) != 0 {
				for _, kw := range keywordIndex[lc-'a'] {
					if len(line)-i >= len(kw.key) && strings.EqualFold(line[i:i+len(kw.key)], kw.key) {
						groups |= 1 << kw.group
					}
				}
			}
		}
		prevLetter = letter
		i++
	}
	return words, groups
}

// isWeakBoilerplate: a short line without sentence punctuation, which only
// counts as boilerplate next to strong boilerplate at the end of a page.
func isWeakBoilerplate(line string) bool {
	if CountWords(line) > 6 {
		return false
	}
	last := line[len(line)-1]
	return last != '.' && last != '"' && last != ':' && !strings.HasSuffix(line, "”")
}

var (
	supportSiteRe   = regexp.MustCompile(`^(?i:support)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|for|and|&)){0,5})$`)
	copyrightSiteRe = regexp.MustCompile(`^(?i:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:(?i:by)\s+)?([\p{L}\p{N}&'’.\- ]{2,60}?)[.,]?\s*(?:(?i:all rights reserved)\.?)?$`)
)

// siteNameFrom finds an outlet named in boilerplate: "Support Example News"
// or "© 2025 Example News. All rights reserved."
func siteNameFrom(line string) string {
	if m := supportSiteRe.FindStringSubmatch(line); m != nil {
		name := strings.TrimSpace(m[1])
		if !strings.EqualFold(name, "us") && CountWords(name) >= 1 {
			return name
		}
	}
	if m := copyrightSiteRe.FindStringSubmatch(line); m != nil {
		name := strings.TrimSpace(m[1])
		if name != "" && CountWords(name) <= 8 && hasUpperOrDot(name) {
			return name
		}
	}
	return ""
}

func hasUpperOrDot(s string) bool {
	for _, r := range s {
		if r == '.' || (r >= 'A' && r <= 'Z') {
			return true
		}
	}
	return false
}

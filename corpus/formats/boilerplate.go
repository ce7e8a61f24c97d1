package formats

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/ascii8"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// Site boilerplate: the lines scrapers leave around an article. Strong
// patterns are removed wherever they stand; weak lines (short, unpunctuated:
// "Donate Here", "Support Example News") only inside the trailing run of
// boilerplate that ends many scraped pages.

// relatedRe introduces a list of links to other stories; the short lines
// after it are headlines of those stories, not this article's headings.
var relatedRe = lazyre.New(`^(?i)(?:related|read more|read also|see also|recommended|more stories|more from [\p{L} ]{1,30}|most read|trending|you may also like|also read)(?: articles| stories| posts)?:?$`)

// wholeLineBoilerplate patterns match a complete short line.
var wholeLineBoilerplate = []struct {
	starts string // the first words (lower case) of lines the pattern can match; "#" for a digit or "#([" start
	re     *lazyre.Regexp
}{
	{"comment comments", lazyre.New(`^(?i)comments? (?:are|is) (?:closed|disabled|off)\.?$`)},
	{"leave post no #", lazyre.New(`^(?i)(?:leave a (?:reply|comment)|post a comment|\d+ comments?|no comments(?: yet)?)\.?$`)},
	{"#", lazyre.New(`^[#(\[]?\d{1,4}[)\]]?$`)}, // stray counters ("31")
	{"advertisement advertising sponsored ad scroll", lazyre.New(`^(?i)(?:advertisement|advertising|sponsored(?: content)?|ad|scroll to continue(?: with content)?)$`)},
	{"share save bookmark gift listen tweet email print copy whatsapp facebook twitter linkedin telegram reddit",
		lazyre.New(`^(?i)(?:share|share this(?: article| story| post)?|save|save article|bookmark|gift (?:this )?article|listen(?: to this article)?|tweet|email|print|copy link|whatsapp|facebook|twitter|linkedin|telegram|reddit)(?:\s*[|/·•,]\s*(?:share|save|tweet|email|print|copy link|whatsapp|facebook|twitter|x|linkedin|telegram|reddit))*:?$`)},
	{"#", lazyre.New(`^(?i)\d{1,3} ?min(?:ute)?s? read$`)},
	{"image photo photograph picture video credit getty file", lazyre.New(`^(?i)(?:image|photo|photograph|picture|video|credit|getty images|file photo)(?: credit)?\s*:\s*.{0,60}$`)},
	{"related read see recommended more most trending you also", relatedRe},
	{"follow subscribe sign join get newsletter", lazyre.New(`^(?i)(?:follow us|subscribe|sign up|join our|get our|newsletter)\b.{0,80}$`)},
	{"donate make support become", lazyre.New(`^(?i)(?:donate|donate here|donate now|make a donation|support us|become a (?:member|patron|subscriber))\b.{0,30}$`)},
	{"© c copyright", lazyre.New(`^(?i)(?:©|\(c\)|copyright\b).{0,120}$`)},
	{"all", lazyre.New(`^(?i)all rights reserved\.?$`)},
	{"tags tag categories filed topics", lazyre.New(`^(?i)(?:tags?|categories|filed under|topics)\s*:.{0,200}$`)},
	{"we this accept", lazyre.New(`^(?i)(?:we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies)\b.{0,200}$`)},
	{"click tap", lazyre.New(`^(?i)(?:click here|tap here)\b.{0,80}$`)},
	{"loading please", lazyre.New(`^(?i)(?:loading|please wait)\.{0,3}$`)},
}

// wholeLineMax is longer than any line the whole-line patterns can match,
// so that paragraphs skip them cheaply. The patterns count characters (the
// longest match has about 230) and a character takes up to four bytes: a
// "Tags:" line in Georgian passes 400 bytes at 160 characters.
const wholeLineMax = 1024

// keywordBoilerplate patterns may match inside a longer line; each runs
// only when one of its lower-case keywords occurs in the line.
var keywordBoilerplate = []struct {
	keys     []string
	maxWords int // longer lines are prose that mentions the keyword
	re       *lazyre.Regexp
	// needs: every match of re contains one of these, case-folded (see
	// containsFolded); a line without any skips re, which is slow to fail.
	needs []string
}{
	{[]string{"required field"}, 80, lazyre.New(`(?i)indicates required fields?`), []string{"indicates required field"}},
	{[]string{"consider", "contribution", "as little as", "support our", "support independent", "donation"}, 80,
		lazyre.New(`(?i)\b(?:please consider (?:supporting|donating|subscribing)|every contribution|from as little as|support (?:our|independent) (?:journalism|reporting|work)|make a (?:one-off |monthly )?(?:donation|contribution))\b`),
		[]string{"please consider ", "every contribution", "from as little as", "support our ", "support independent ", "make a "}},
	// Payment details stand on short lines of their own.
	{[]string{"iban", "swift", "bic", "sort code", "routing number", "account", "bank", "ac #", "paypal", "vipps", "venmo", "swish", "patreon", "cash app", "cashapp"}, 20,
		lazyre.New(`(?i)\b(?:iban|swift(?: code)?|bic|sort code|routing number|account (?:number|no\.?|for (?:international )?payments?)|bank (?:account|transfer)|paypal|vipps|venmo|swish|patreon|cash ?app)\b|\bac #`),
		[]string{"iban", "swift", "bic", "sort code", "routing number", "account number", "account no", "account for ", "bank account", "bank transfer", "paypal", "vipps", "venmo", "swish", "patreon", "cash", "ac #"}},
}

// isStrongBoilerplate reports lines that are site furniture wherever they
// stand. Long lines are prose even if they mention a bank.
func isStrongBoilerplate(line string) bool {
	words, groups := article.CountWordsFinding(line, &keywordStarts)
	return isStrongBoilerplateFound(line, words, groups)
}

// isStrongBoilerplateFound is isStrongBoilerplate for a line whose words
// are counted and whose keyword groups are found (CountWordsFinding with
// keywordStarts).
func isStrongBoilerplateFound(line string, words int, groups uint32) bool {
	if len(line) <= wholeLineMax && words <= 40 {
		for _, i := range startersOf(line) {
			if wholeLineBoilerplate[i].re.MatchString(line) {
				return true
			}
		}
	}
	if words > 80 || groups == 0 {
		return false
	}
	var buf [1024]byte
	folded := foldASCII(buf[:0], line)
	for g, kb := range keywordBoilerplate {
		if groups&(1<<g) != 0 && words <= kb.maxWords && containsAny(folded, kb.needs) && kb.re.MatchString(line) {
			return true
		}
	}
	return false
}

// foldASCII appends s case-folded as a (?i) regexp compares it with
// lower-case ASCII: ASCII letters lower-cased, ſ (U+017F) as s and the
// Kelvin sign (U+212A) as k, the only other runes that fold to ASCII
// letters; everything else is copied.
func foldASCII(buf []byte, s string) []byte {
	// Up to eight ASCII bytes a step, upper-case letters given bit 5 (see
	// ascii8), up to the next non-ASCII byte, which the byte path takes.
	// The folded text is never longer than s: the room is made first, and
	// a step may write eight bytes of which only the ASCII ones stay.
	buf = slices.Grow(buf, len(s))
	n, out := len(buf), buf[:cap(buf)]
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := ascii8.Load(s, i)
			if p, _ := ascii8.ASCIIPrefix(x); p > 0 {
				binary.LittleEndian.PutUint64(out[n:n+8], x|ascii8.Upper(x)>>2)
				n += p
				i += p
				continue
			}
		}
		// if, not a switch: gremlins cannot mutate the conditions of
		// case clauses (MUTATION.md, "A blind spot of the tool").
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c == 0xC5 && i+1 < len(s) && s[i+1] == 0xBF {
			c = 's'
			i++
		} else if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x84 && s[i+2] == 0xAA {
			c = 'k'
			i += 2
		}
		out[n] = c
		n++
		i++
	}
	return out[:n]
}

func containsAny(b []byte, subs []string) bool {
	for _, sub := range subs {
		if bytes.Contains(b, []byte(sub)) {
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
			if len(w) > 16 {
				panic("startersOf reads at most 16 letters: " + w)
			}
			m[w] = append(m[w], i)
		}
	}
	return m
}()

// startersOf returns the whole-line patterns that can match line, by its
// first word in lower case: "#" when it starts with a digit (after an
// optional "#", "(" or "["), "©" for a copyright sign. It does not
// allocate (the look-up with string(bytes) does not copy).
func startersOf(line string) []int {
	i := 0
	for i < len(line) && (line[i] == '#' || line[i] == '(' || line[i] == '[' || line[i] == ' ') {
		i++
	}
	s := line[i:]
	if s == "" {
		return nil
	}
	if s[0] >= '0' && s[0] <= '9' {
		return boilerplateStarters["#"]
	}
	if strings.HasPrefix(s, "©") {
		return boilerplateStarters["©"]
	}
	var word [16]byte // longer than every starter word
	end := 0
	for end < len(s) && (s[end]|0x20 >= 'a' && s[end]|0x20 <= 'z') {
		if end == len(word) {
			return nil
		}
		word[end] = s[end] | 0x20
		end++
	}
	return boilerplateStarters[string(word[:end])]
}

// keywordIndex maps the first two letters of each keyword (by keyLetter;
// 26 for a byte that is not a letter) to (keyword, group): a word start
// that passes keyPairBits is compared with the keywords sharing its pair,
// not all that share its first letter ("co" with two, where "c" had four).
var keywordIndex = func() (ix [26][27][]struct {
	key   string
	group int
}) {
	for g, kb := range keywordBoilerplate {
		for _, k := range kb.keys {
			c0, c1 := keyLetter[k[0]], keyLetter[k[1]]
			ix[c0][c1] = append(ix[c0][c1], struct {
				key   string
				group int
			}{k, g})
		}
	}
	return ix
}()

// keyPairBits has bit c1 | c2<<8 set for the bytes c1, c2 (either case)
// that start a keyword: one look-up for a word's first two letters.
var keyPairBits = func() (bits [1024]uint64) { // 65,536 bits, one for each two bytes
	for _, kb := range keywordBoilerplate {
		for _, k := range kb.keys {
			for _, c1 := range bothCases(k[0]) {
				for _, c2 := range bothCases(k[1]) {
					pair := uint16(c1) | uint16(c2)<<8
					bits[pair>>6] |= 1 << (pair & 63)
				}
			}
		}
	}
	return bits
}()

// bothCases is a lower-case ASCII letter in both cases, any other byte
// alone.
func bothCases(c byte) []byte {
	if c >= 'a' && c <= 'z' {
		return []byte{c, c - 'a' + 'A'}
	}
	return []byte{c}
}

// keyLetter numbers the ASCII letters 0–25 case-insensitively, every other
// byte 26.
var keyLetter = func() (l [256]uint8) {
	for c := 0; c < 256; c++ {
		l[c] = 26
	}
	for c := 'a'; c <= 'z'; c++ {
		l[c], l[c-'a'+'A'] = uint8(c-'a'), uint8(c-'a')
	}
	return l
}()

// keywordStarts finds the keyword groups (bit g for keywordBoilerplate[g])
// one of whose keywords starts a word of a line, ASCII case-insensitively,
// while the line's words are counted (article.CountWordsFinding): a word
// starts at an ASCII letter that follows neither an ASCII letter nor a
// non-ASCII byte, and only where its first two letters are a keyword's
// (keyPairBits) are the keywords compared (keywordsAt).
var keywordStarts = article.WordStarts{Pairs: &keyPairBits, Look: keywordsAt}

// keywordsAt returns the groups of the keywords line[i:] starts with,
// where line[i] is a letter and line[i+1] is there.
func keywordsAt(line string, i int) (groups uint32) {
	for _, kw := range keywordIndex[keyLetter[line[i]]][keyLetter[line[i+1]]] {
		if asciiHasPrefixFold(line[i:], kw.key) {
			groups |= 1 << kw.group
		}
	}
	return groups
}

// asciiHasPrefixFold reports whether s starts with key, ASCII letters
// compared case-insensitively; key is lower-case ASCII. (For such a key this
// is strings.EqualFold on len(key) bytes: a non-ASCII rune folding to an
// ASCII letter, such as K or ſ, is longer than the letter.)
func asciiHasPrefixFold(s, key string) bool {
	if len(s) < len(key) {
		return false
	}
	for j := 0; j < len(key); j++ {
		b, k := s[j], key[j]
		if b != k && (b|0x20 != k || k < 'a' || k > 'z') {
			return false
		}
	}
	return true
}

// isWeakBoilerplate: a short line without sentence punctuation, which only
// counts as boilerplate next to strong boilerplate at the end of a page.
func isWeakBoilerplate(line string) bool {
	if article.CountWords(line) > 6 {
		return false
	}
	last := line[len(line)-1]
	return last != '.' && last != '"' && last != ':' && !strings.HasSuffix(line, "”")
}

var (
	supportSiteRe   = lazyre.New(`^(?i:support)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|for|and|&)){0,5})$`)
	copyrightSiteRe = lazyre.New(`^(?i:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:(?i:by)\s+)?([\p{L}\p{N}&'’.\- ]{2,60}?)[.,]?\s*(?:(?i:all rights reserved)\.?)?$`)
)

// siteNameFrom finds an outlet named in boilerplate: "Support Example News"
// or "© 2025 Example News. All rights reserved."
func siteNameFrom(line string) string {
	if m := supportSiteRe.FindStringSubmatch(line); m != nil {
		name := strings.TrimSpace(m[1])
		if !strings.EqualFold(name, "us") && article.CountWords(name) >= 1 {
			return name
		}
	}
	if m := copyrightSiteRe.FindStringSubmatch(line); m != nil {
		name := strings.TrimSpace(m[1])
		if name != "" && article.CountWords(name) <= 8 && hasUpperOrDot(name) {
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

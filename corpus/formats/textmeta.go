package formats

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// Header lines: what may stand between a plain-text article's title and
// its body.

var (
	domainRe     = lazyre.New(`^(?i)(?:https?://)?(?:www\.)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})(?::\d+)?(/\S*)?$`)
	bylineRe     = lazyre.New(`^(?i:by|written by|author:)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|van|von|al|el|la|bin)){0,7})\s*$`)
	counterRe    = lazyre.New(`^[#(\[]?\d{1,4}[)\]]?$`)
	datePrefixRe = lazyre.New(`^(?i)(?:published|posted|updated|last updated|date|first published)(?: on| at)?\s*:?\s*`)
)

// domainLine returns the host (without "www.") and the URL when line is a
// bare domain or URL.
func domainLine(line string) (host, link string, ok bool) {
	if !mayBeDomain(line) {
		return "", "", false
	}
	h, matched := domainHost(line)
	if !matched {
		return "", "", false
	}
	host = strings.ToLower(h)
	// "U.S." or "e.g." are not domains: require a letter-only TLD of a
	// domain-like shape, and at least one label of two or more characters.
	labels := strings.Split(host, ".")
	long := false
	for _, l := range labels[:len(labels)-1] {
		if len(l) >= 2 {
			long = true
		}
	}
	if !long {
		return "", "", false
	}
	if strings.Contains(line, "/") || strings.HasPrefix(strings.ToLower(line), "http") {
		link = line
		if !strings.Contains(line, "://") {
			link = "https://" + line
		}
		if _, err := url.Parse(link); err != nil {
			link = ""
		}
	}
	return host, link, true
}

// domainHost is domainRe's match of line and its host (the first group),
// read by hand: the regexp, with its nested repetitions and captures, was
// most of the cost of a text file's header (a domain line under nearly
// every title). The oracle test and FuzzDomainHost hold it to the regexp.
func domainHost(line string) (string, bool) {
	r := line[schemeLen(line):]
	// The regexp takes "www." out of the host when what follows is a
	// host, and leaves it in otherwise ("www.com").
	if asciiHasPrefixFold(r, "www.") {
		if host, ok := hostThenEnd(r[4:]); ok {
			return host, true
		}
	}
	return hostThenEnd(r)
}

// schemeLen is the length of an "http://" or "https://" (any case; the
// long s ſ folds to s) starting s, else 0.
func schemeLen(s string) int {
	if !asciiHasPrefixFold(s, "http") {
		return 0
	}
	n := 4
	if n < len(s) && s[n]|0x20 == 's' {
		n++
	} else if strings.HasPrefix(s[n:], "ſ") {
		n += len("ſ")
	}
	if !strings.HasPrefix(s[n:], "://") {
		return 0
	}
	return n + 3
}

// hostThenEnd matches s against domainRe's host, port and path: a host
// (labels and a top-level domain; see validHost), then ":" and digits or
// not, then "/" and no ASCII space or nothing. The host is the longest run
// of host characters, as nothing that may follow it is one.
func hostThenEnd(s string) (string, bool) {
	n := 0
	for n < len(s) {
		if k := hostCharLen(s, n); k > 0 {
			n += k
			continue
		}
		if c := s[n]; c == '.' || c == '-' {
			n++
			continue
		}
		break
	}
	host, rest := s[:n], s[n:]
	if !validHost(host) {
		return "", false
	}
	if strings.HasPrefix(rest, ":") {
		d := 1
		for d < len(rest) && rest[d] >= '0' && rest[d] <= '9' {
			d++
		}
		if d == 1 {
			return "", false
		}
		rest = rest[d:]
	}
	if rest == "" {
		return host, true
	}
	if rest[0] != '/' || strings.ContainsAny(rest, " \t\n\f\r") {
		return "", false
	}
	return host, true
}

// hostCharLen is the length of the letter or digit at s[i] as (?i)[a-z0-9]
// matches it: an ASCII letter or digit (1), ſ (2) or the Kelvin sign (3),
// which fold to s and k; 0 for anything else.
func hostCharLen(s string, i int) int {
	// ifs, not a switch: gremlins cannot mutate the conditions of case
	// clauses (MUTATION.md, "A blind spot of the tool").
	c := s[i]
	if c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' {
		return 1
	}
	if strings.HasPrefix(s[i:], "ſ") {
		return len("ſ")
	}
	if strings.HasPrefix(s[i:], "\u212A") {
		return len("\u212A")
	}
	return 0
}

// validHost: labels of letters, digits and inner hyphens, each followed by
// a dot, then a top-level domain of 2 to 24 letters.
func validHost(host string) bool {
	dot := strings.LastIndexByte(host, '.')
	if dot < 0 {
		return false
	}
	tld, letters := host[dot+1:], 0
	for i := 0; i < len(tld); letters++ {
		k := hostCharLen(tld, i)
		if k == 0 || tld[i] >= '0' && tld[i] <= '9' {
			return false
		}
		i += k
	}
	if letters < 2 || letters > 24 {
		return false
	}
	for labels := host[:dot]; ; {
		label, rest, more := strings.Cut(labels, ".")
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		if !more {
			return true
		}
		labels = rest
	}
}

// mayBeDomain is a cheap test before domainRe, which allows no space and
// needs a dot: most lines fail here.
func mayBeDomain(line string) bool {
	return strings.IndexByte(line, ' ') < 0 && strings.IndexByte(line, '.') >= 0
}

// mayBeByline is a cheap test before bylineRe: the line starts with one of
// its words. None of their letters has a non-ASCII case fold (as k and s
// have), so comparing ASCII case-insensitively is exact. Header lines are
// often a lead paragraph, on which the regexp would clear a bitmap as long
// as the line before failing at its first byte.
func mayBeByline(l string) bool {
	return asciiHasPrefixFold(l, "by") || asciiHasPrefixFold(l, "written by") || asciiHasPrefixFold(l, "author:")
}

// bylineSubmatch is bylineRe's submatch, after mayBeByline.
func bylineSubmatch(l string) []string {
	if !mayBeByline(l) {
		return nil
	}
	return bylineRe.FindStringSubmatch(l)
}

// mayBeCounter is a cheap test before counterRe: its longest match is
// "(1234)", six bytes.
func mayBeCounter(l string) bool { return l != "" && len(l) <= 6 }

// mayHaveDatePrefix is a cheap test before datePrefixRe: the line starts
// with one of its words, case-folded as the regexp folds (ſ is s). Lines
// of prose that merely start with their first letters ("Pavlo Zelavuk
// said...") would otherwise each run the regexp, whose cost grows with
// the line.
func mayHaveDatePrefix(line string) bool {
	if line == "" || strings.IndexByte("pPuUlLdDfF", line[0]) < 0 {
		return false
	}
	var buf [32]byte
	head := line[:min(len(line), 24)] // "firſt publiſhed" is 17 bytes
	folded := foldASCII(buf[:0], head)
	for _, w := range datePrefixWords {
		if bytes.HasPrefix(folded, []byte(w)) {
			return true
		}
	}
	return false
}

// datePrefixWords are the words datePrefixRe starts with, in lower case.
var datePrefixWords = []string{"published", "posted", "updated", "last updated", "date", "first published"}

// dateLayouts are the date formats found in article headers, most specific
// first. Every layout has a year: a date in prose without one ("on November
// 30") is never a publication date.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, "Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 02 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006 15:04 -0700", "Mon, 2 Jan 2006",
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02", "2006/01/02",
	time.RFC850, time.ANSIC, time.UnixDate, time.RubyDate,
	"Monday, January 2, 2006 3:04 PM MST", "Monday, January 2, 2006 3:04 PM", "Monday, January 2, 2006",
	"Monday, 2 January 2006 15:04", "Monday, 2 January 2006", "Mon, January 2, 2006", "Mon, Jan 2, 2006",
	"January 2, 2006 3:04 PM MST", "January 2, 2006 3:04 PM", "January 2, 2006 15:04", "January 2, 2006 at 3:04 PM",
	"January 2, 2006 at 3:04 pm", "January 2, 2006", "Jan 2, 2006 3:04 PM", "Jan 2, 2006", "Jan. 2, 2006",
	"2 January 2006 15:04", "2 January 2006", "2 Jan 2006 15:04", "2 Jan 2006", "02.01.2006 15:04", "02.01.2006",
	"January 2006",
}

var dateSeparators = strings.NewReplacer(" | ", " ", " · ", " ", " • ", " ", " - ", " ", " – ", " ", " at ", " ")

// parseDateLine parses a line that is nothing but a date (optionally
// introduced by "Published:" and the like).
func parseDateLine(line string) (time.Time, bool) {
	s := line
	if mayHaveDatePrefix(line) {
		s = datePrefixRe.ReplaceAllString(line, "")
	}
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".")
	// Every layout has a year: a line without one is not tried against
	// sixty layouts (each failure allocates an error).
	if len(s) < 6 || len(s) > 60 || !hasYear(s) {
		return time.Time{}, false
	}
	// "December 1, 2025 | 13:37" and "1 Dec 2025 - 13:37": drop separators.
	s = dateSeparators.Replace(s)
	s = spaceAfterYearComma(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	// Times with a trailing zone name ("13:37 EST") or a "GMT+2" suffix.
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if t, ok := parseDateLineNoZone(s[:i]); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

func parseDateLineNoZone(s string) (time.Time, bool) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// spaceAfterYearComma replaces the comma after a year, and the spaces after
// it, by one space ("December 1, 2025, 13:37" → "December 1, 2025 13:37"):
// what the regexp \b((?:19|20)\d\d),\s* → "$1 " does (the oracle in
// the tests), without one: it took half of the date parsing of a cold open.
func spaceAfterYearComma(s string) string {
	var b []byte // nil until a comma is replaced
	from := 0    // s[:from] is in b
	for i := 0; i < len(s); i++ {
		if s[i] != ',' || !yearEndsAt(s, i) {
			continue
		}
		b = append(b, s[from:i]...)
		b = append(b, ' ')
		j := i + 1
		for j < len(s) && isRegexpSpace(s[j]) {
			j++
		}
		from, i = j, j-1
	}
	if b == nil {
		return s
	}
	return string(append(b, s[from:]...))
}

// yearEndsAt: s[i-4:i] is a year, 19xx or 20xx, not preceded by an ASCII
// letter, digit or underscore (a word boundary, as \b has it).
func yearEndsAt(s string, i int) bool {
	if i < 4 {
		return false
	}
	y := s[i-4 : i]
	if !(y[0] == '1' && y[1] == '9' || y[0] == '2' && y[1] == '0') || !isDigit(y[2]) || !isDigit(y[3]) {
		return false
	}
	return i == 4 || !isASCIIWordByte(s[i-5])
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIIWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// isRegexpSpace: \s in a regexp, the ASCII spaces \t \n \f \r and ' '.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// hasYear reports a run of exactly four digits starting 19 or 20.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 && (s[i-4] == '1' && s[i-3] == '9' || s[i-4] == '2' && s[i-3] == '0') {
			return true
		}
		run = 0
	}
	return false
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

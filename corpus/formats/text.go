package formats

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/ascii8"
	"github.com/parallax-reader/parallax/corpus/lang"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// ParseText parses a plain-text article as scrapers leave them: a headline
// (or none), optional header lines (domain, date, byline), then paragraphs
// separated by blank lines or single newlines, with headings, bullet lists
// and site boilerplate mixed in. See the package tests for the patterns.
func ParseText(s string) (*article.Article, error) {
	sc := textScratches.Get().(*textScratch)
	defer sc.put()
	lines := appendLines(sc.lines[:0], CleanText(s))
	sc.lines = lines
	if len(lines) == 0 {
		return nil, errors.New("no text")
	}
	p := &textParser{a: &article.Article{Format: "text"}, line: sc.line[:0], words: sc.words[:0]}
	body := p.header(lines)
	p.body(body)
	p.finish()
	sc.line, sc.words = p.line, p.words
	if len(p.a.Blocks) == 0 {
		return nil, errors.New("no article text (only a title or boilerplate)")
	}
	return p.a, nil
}

// textScratch holds what ParseText needs only while it runs (the lines,
// and each block's line and word count), reused from file to file: a
// cold open allocated and cleared them for every file, a third of what
// parsing allocated.
type textScratch struct {
	lines       []string
	line, words []int
}

var textScratches = sync.Pool{New: func() any { return new(textScratch) }}

// put returns sc to the pool, unless it grew past what ordinary files
// need (one huge file does not pin its scratch); the lines are cleared so
// that the pool keeps no file's text alive.
func (sc *textScratch) put() {
	if cap(sc.lines) > 1<<14 || cap(sc.line) > 1<<14 {
		return
	}
	clear(sc.lines)
	textScratches.Put(sc)
}

// splitLines returns the non-blank lines of s, which CleanText has
// cleaned, each tidied as CleanLine tidies lines; whitespace-only lines
// count as blank.
func splitLines(s string) []string { return appendLines(nil, s) }

// appendLines appends splitLines(s) to out.
func appendLines(out []string, s string) []string {
	out = slices.Grow(out, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		l := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			l, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if l = tidyCleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

type textParser struct {
	a      *article.Article
	blocks []article.Block
	// line is the body line each block came from, and removed the lines
	// dropped as boilerplate with theirs, so that Removed keeps file order.
	line    []int
	words   []int // each block's word count, -1 where not counted yet
	removed []removedLine
	cur     int // body line being classified
}

type removedLine struct {
	line int
	text string
}

// header takes the title and the metadata lines that follow it, and
// returns the body lines.
func (p *textParser) header(lines []string) []string {
	a := p.a
	m := headerMemo{lines: lines}
	i := 0
	if isHeadline(&m) {
		a.Title = lines[0]
		i = 1
	}
	for ; i < len(lines) && i < headerLines; i++ {
		l := lines[i]
		if host, link, ok := m.domain(i); ok {
			if a.Outlet == "" {
				a.Outlet = host
			}
			if link != "" && a.URL == "" {
				a.URL = link
			}
			continue
		}
		if t, ok := m.date(i); ok {
			if a.Published.IsZero() {
				a.Published = t
			}
			continue
		}
		if m := bylineSubmatch(l); m != nil {
			a.Byline = m[1]
			continue
		}
		if mayBeCounter(l) && counterRe.MatchString(l) {
			p.removeAt(i-len(lines), l) // header lines come before every body line
			continue
		}
		break
	}
	if a.Title != "" {
		a.Title, a.Outlet = splitTitleSuffix(a.Title, a.Outlet)
	}
	return lines[i:]
}

// headerLines is how many lines a header may have (a title and six).
const headerLines = 7

// headerMemo keeps what the header's lines were found to be: deciding
// whether the first line is a title asks whether the first two are a
// domain or a date, and reading the header asks again (a domain regexp
// and a date parse each, per file).
type headerMemo struct {
	lines      []string
	known      [headerLines]uint8 // bit 1: domain known, bit 2: date known
	host, link [headerLines]string
	isDomain   [headerLines]bool
	published  [headerLines]time.Time
	isDate     [headerLines]bool
}

// domain is domainLine(lines[i]).
func (m *headerMemo) domain(i int) (host, link string, ok bool) {
	if m.known[i]&1 == 0 {
		m.host[i], m.link[i], m.isDomain[i] = domainLine(m.lines[i])
		m.known[i] |= 1
	}
	return m.host[i], m.link[i], m.isDomain[i]
}

// date is parseDateLine(lines[i]).
func (m *headerMemo) date(i int) (time.Time, bool) {
	if m.known[i]&2 == 0 {
		m.published[i], m.isDate[i] = parseDateLine(m.lines[i])
		m.known[i] |= 2
	}
	return m.published[i], m.isDate[i]
}

// isHeaderMeta: lines[i] is a line that only a header holds, a domain or
// URL, a date or a byline.
func (m *headerMemo) isHeaderMeta(i int) bool {
	if _, _, ok := m.domain(i); ok {
		return true
	}
	if _, ok := m.date(i); ok {
		return true
	}
	return mayBeByline(m.lines[i]) && bylineRe.MatchString(m.lines[i])
}

// isHeadline says whether the first line is the title: a short line, not
// a date or a domain, that more lines follow. A title is one line whatever
// its punctuation ("F.B.I. 'Destroyed' Flynn's Life", "'Jail!' Crowd
// Chants…", "Needs a Solution? A Free-For-All…"), so it is taken when the
// line under it is header metadata (a domain, a date, a byline), when it is
// one sentence, or when it does not end as prose does, in a full stop after
// a word. A lead paragraph of two sentences stays body.
func isHeadline(m *headerMemo) bool {
	if len(m.lines) < 2 {
		return false
	}
	line := m.lines[0]
	if m.isHeaderMeta(0) {
		return false
	}
	w := article.CountWords(line)
	if w == 0 || w > 30 || utf8.RuneCountInString(line) > 250 {
		return false
	}
	return m.isHeaderMeta(1) || !endsProse(line) || len(lang.Sentences(line)) == 1
}

// endsProse: the line ends in a full stop after a word that is not an
// abbreviation, as sentences of prose do and headlines seldom do.
func endsProse(line string) bool {
	line = strings.TrimRight(line, "\"'”’ ")
	if !strings.HasSuffix(line, ".") || strings.HasSuffix(line, "..") {
		return false
	}
	return !lang.EndsInAbbreviation(line)
}

var (
	pipeSuffixRe = lazyre.New(`^(.{12,}?)\s+[|]\s+([^|]{2,60})$`)
	dashSuffixRe = lazyre.New(`^(.{12,}?)\s+[-–—]\s+((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24})$`)
)

// mayHaveTitleSuffix is a cheap test before pipeSuffixRe (i 0) and
// dashSuffixRe (i 1): the separator each needs.
func mayHaveTitleSuffix(i int, title string) bool {
	return strings.ContainsAny(title, [...]string{"|", "-–—"}[i])
}

// splitTitleSuffix separates a site name appended to a scraped title
// ("Talks stall | Example News", "Talks stall - example.com").
func splitTitleSuffix(title, outlet string) (string, string) {
	for i, re := range []*lazyre.Regexp{pipeSuffixRe, dashSuffixRe} {
		if !mayHaveTitleSuffix(i, title) {
			continue
		}
		if m := re.FindStringSubmatch(title); m != nil && article.CountWords(m[2]) <= 5 {
			if outlet == "" {
				outlet = strings.TrimPrefix(m[2], "www.")
			}
			return m[1], outlet
		}
	}
	return title, outlet
}

var (
	bulletRe   = lazyre.New(`^(?:[•◦▪▫‣·●○■□➤►–—*-]|\d{1,3}[.)])\s+(\S.*)$`)
	titleStops = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "but": true,
		"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "from": true, "by": true,
		"with": true, "as": true, "vs": true, "into": true, "over": true, "amid": true, "after": true, "is": true}
)

// isTitleStop reports whether w, lower-cased, is one of titleStops. Those
// are ASCII words of at most five letters, and besides ASCII only İ and
// the Kelvin sign lower-case to ASCII letters (i and k): w is folded on
// the stack, where strings.ToLower allocated for every word of every short
// line, and a word that does not fold to at most five ASCII bytes is none.
func isTitleStop(w string) bool {
	var buf [5]byte
	n := 0
	for i := 0; i < len(w); i++ {
		if n == len(buf) {
			return false
		}
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if strings.HasPrefix(w[i:], "İ") {
			c, i = 'i', i+len("İ")-1
		} else if strings.HasPrefix(w[i:], "\u212A") {
			c, i = 'k', i+len("\u212A")-1
		} else if c >= utf8.RuneSelf {
			return false
		}
		buf[n] = c
		n++
	}
	return titleStops[string(buf[:n])]
}

// maybeBullet is a cheap test before bulletRe: a marker rune, or an ASCII
// byte up to '9' (the digits, '*' and '-').
func maybeBullet(l string) bool {
	r, _ := utf8.DecodeRuneInString(l)
	return r <= '9' || r == '•' || r == '◦' || r == '▪' || r == '▫' || r == '‣' || r == '·' ||
		r == '●' || r == '○' || r == '■' || r == '□' || r == '➤' || r == '►' || r == '–' || r == '—'
}

// body classifies the body lines into blocks and removed boilerplate.
func (p *textParser) body(lines []string) {
	// A line makes at most one block unless glued sentences are split.
	p.blocks = make([]article.Block, 0, len(lines))
	p.line = slices.Grow(p.line[:0], len(lines))
	p.words = slices.Grow(p.words[:0], len(lines))
	linkList := false // inside a "Read more:" list of headlines
	for i, l := range lines {
		p.cur = i
		// The line's words (its block's too when it stays whole) and its
		// boilerplate keywords, in one pass.
		words, keywords := article.CountWordsFinding(l, &keywordStarts)
		if linkList && isWeakBoilerplate(l) && !(maybeBullet(l) && bulletRe.MatchString(l)) {
			p.remove(l)
			continue
		}
		linkList = false
		switch {
		case isStrongBoilerplateFound(l, words, keywords):
			p.remove(l)
			linkList = relatedRe.MatchString(l)
		case maybeBullet(l) && bulletRe.MatchString(l):
			p.add(article.ListItem, bulletRe.FindStringSubmatch(l)[1])
		case l[0] == '>':
			p.add(article.Quote, strings.TrimLeft(l, "> "))
		case i+1 < len(lines) && isHeading(l):
			p.addCounted(article.Heading, l, words)
		default:
			p.paragraph(l, words)
		}
	}
}

func (p *textParser) add(k article.BlockKind, text string) { p.addCounted(k, text, -1) }

// addCounted adds a block whose words are already counted (-1: not yet).
func (p *textParser) addCounted(k article.BlockKind, text string, words int) {
	if text = strings.TrimSpace(text); text != "" {
		p.blocks = append(p.blocks, article.Block{Kind: k, Text: text})
		p.line = append(p.line, p.cur)
		p.words = append(p.words, words)
	}
}

func (p *textParser) remove(line string) { p.removeAt(p.cur, line) }

func (p *textParser) removeAt(at int, text string) {
	p.removed = append(p.removed, removedLine{at, text})
}

// deleteBlock drops block i (its text went to Removed or elsewhere).
func (p *textParser) deleteBlock(i int) {
	p.blocks = append(p.blocks[:i], p.blocks[i+1:]...)
	p.line = append(p.line[:i], p.line[i+1:]...)
	p.words = append(p.words[:i], p.words[i+1:]...)
}

// paragraph adds a line of prose, split back into paragraphs where
// sentences were glued together by a lost line break.
func (p *textParser) paragraph(l string, words int) {
	if !mayBeGlued(l) {
		p.addCounted(article.Paragraph, l, words)
		return
	}
	start := 0
	for _, s := range lang.Sentences(l) {
		if s.Glued { // never the first sentence, so never an empty paragraph
			p.add(article.Paragraph, l[start:s.Start])
			start = s.Start
		}
	}
	p.add(article.Paragraph, l[start:])
}

// mayBeGlued is a cheap test before sentence splitting: a full stop,
// question or exclamation mark (and any closing quotes) directly followed
// by an upper-case letter or an opening quote, with no space between.
// Each mark is found with a vectorised search: prose has one every few
// dozen bytes.
func mayBeGlued(l string) bool {
	for _, stop := range [...]byte{'.', '!', '?'} {
		for i := strings.IndexByte(l, stop); i >= 0; {
			if gluedAt(l, i) {
				return true
			}
			next := strings.IndexByte(l[i+1:], stop)
			if next < 0 {
				break
			}
			i += 1 + next
		}
	}
	return false
}

// gluedAt: the mark at l[i] is followed, after any closing quotes, by an
// upper-case letter or an opening quote.
func gluedAt(l string, i int) bool {
	j := i + 1
	for j < len(l) {
		r, size := utf8.DecodeRuneInString(l[j:])
		if r != '"' && r != '\'' && r != '”' && r != '’' && r != ')' {
			break
		}
		j += size
	}
	if j >= len(l) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(l[j:])
	return unicode.IsUpper(r) || r == '“' || r == '‘' || r == '"'
}

// isHeading: a short headline-like line between paragraphs. It may end in
// an abbreviation ("Talks With the U.S.") or a question mark, but not in
// other sentence punctuation, and most of its words are capitalised unless
// it is very short.
func isHeading(l string) bool {
	// The cheap tests come first: most lines are paragraphs, and every
	// test below only ever rejects.
	if len(l) > 480 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	if !(unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"“‘'", first)) {
		return false
	}
	// Most paragraph lines are longer than a heading can be: rejected
	// before their fields are counted.
	if moreRunesThan(l, 120) {
		return false
	}
	// ifs, not a switch: gremlins cannot mutate the conditions of case
	// clauses (MUTATION.md, "A blind spot of the tool"). The last rune
	// rejects the short lines of prose before their fields are counted.
	last, _ := utf8.DecodeLastRuneInString(l)
	if last == '.' && !lang.EndsInAbbreviation(l) || strings.ContainsRune(",;:!”\"…", last) {
		return false
	}
	n := countFields(l, 15)
	if n == 0 || n > 14 {
		return false
	}
	if last == '?' && n > 10 {
		return false
	}
	if len(lang.Sentences(l)) != 1 {
		return false
	}
	words := strings.Fields(l)
	caps, content := 0, 0
	for _, w := range words {
		if isTitleStop(strings.Trim(w, "\"“”‘’'()")) {
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

// moreRunesThan is utf8.RuneCountInString(s) > n, counting no further
// than n+1 runes. Most lines start with n+1 ASCII bytes, which are n+1
// runes: those are checked eight at a time (the rune loop cost a cold
// open about 3% of its CPU, in isHeading's length test).
func moreRunesThan(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	i := 0 // s[:i] is ASCII
	for ; i+8 <= n+1; i += 8 {
		if !ascii8.ASCII(ascii8.Load(s, i)) {
			break
		}
	}
	for i <= n && s[i] < utf8.RuneSelf {
		i++
	}
	if i > n {
		return true
	}
	c := i
	for range s[i:] {
		if c++; c > n {
			return true
		}
	}
	return false
}

// countFields counts the fields of l as strings.Fields splits them, up to
// max.
func countFields(l string, max int) int {
	n, in := 0, false
	for _, r := range l {
		sp := r == ' ' || r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r)
		if !sp && !in {
			if n++; n == max {
				return n
			}
		}
		in = !sp
	}
	return n
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// finish extracts credits, datelines and attributions from the body, drops
// the trailing boilerplate, and fills in what is still unknown.
func (p *textParser) finish() {
	a := p.a
	p.trailingBoilerplate()
	p.leadCredit()
	p.attribution()
	sort.SliceStable(p.removed, func(i, j int) bool { return p.removed[i].line < p.removed[j].line })
	for _, r := range p.removed {
		a.Removed = append(a.Removed, r.text)
	}
	if a.Outlet == "" {
		for _, r := range a.Removed {
			if name := siteNameFrom(r); name != "" {
				a.Outlet = name
				break
			}
		}
	}
	if a.Title == "" {
		a.Title, a.TitleDerived = deriveTitle(p.blocks), true
	}
	a.Blocks = p.blocks
	for i, b := range p.blocks {
		if n := p.words[i]; n >= 0 {
			a.Words += n
		} else {
			a.Words += article.CountWords(b.Text)
		}
	}
}

// trailingBoilerplate removes the run of boilerplate that ends the page:
// from the end, blocks that are strong or weak boilerplate, as long as the
// run holds at least one strong line (strong lines were already removed one
// by one; here the weak ones around them go too).
func (p *textParser) trailingBoilerplate() {
	if len(p.removed) == 0 {
		return
	}
	// Strong lines were removed in place; find whether the page ended in them
	// by checking the blocks that remain at the end for weak boilerplate, or
	// for donation appeals inside paragraphs.
	cut := len(p.blocks)
	for cut > 0 {
		b := p.blocks[cut-1]
		if b.Kind == article.ListItem || !(isWeakBoilerplate(b.Text) || isStrongBoilerplate(b.Text)) {
			break
		}
		cut--
	}
	if cut == len(p.blocks) || cut == 0 {
		return
	}
	for i := len(p.blocks) - 1; i >= cut; i-- {
		p.removeAt(p.line[i], p.blocks[i].Text)
		p.deleteBlock(i)
	}
}

var (
	// "HALLANDALE, Florida –", "WASHINGTON (AP) —", "Kyiv, Ukraine –".
	datelineCapsRe  = lazyre.New(`^(\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?)\s*(?:\(([^)]{2,40})\))?\s*[–—-]+\s*\S`)
	datelineCommaRe = lazyre.New(`^(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*,\s*\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)\s*(?:\(([^)]{2,40})\))?\s+[–—-]+\s+\S`)
	// "Example News – Inside the…": an outlet credited before a dash.
	creditRe = lazyre.New(`^(\p{Lu}[\p{L}\p{N}&.'’]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&.'’]*|de|of|the|&)){0,4})\s+[–—]\s+(\p{Lu}|[“"‘'])`)
	// Labels that stand before a dash but are not outlets.
	creditLabels = map[string]bool{"analysis": true, "opinion": true, "exclusive": true, "breaking": true,
		"update": true, "updated": true, "editorial": true, "live": true, "watch": true, "explainer": true,
		"commentary": true, "review": true, "interview": true, "factbox": true, "video": true, "photos": true}
)

// leadCredit finds a place dateline or an outlet credit at the start of the
// first paragraph. A dateline stays in the text; a credit is removed.
func (p *textParser) leadCredit() {
	idx := -1
	for i, b := range p.blocks {
		if b.Kind == article.Paragraph {
			idx = i
			break
		}
		if b.Kind != article.Heading {
			return
		}
	}
	if idx < 0 {
		return
	}
	text := p.blocks[idx].Text
	for i, re := range []*lazyre.Regexp{datelineCapsRe, datelineCommaRe} {
		if !mayBeDateline(i, text) {
			continue
		}
		if m := re.FindStringSubmatch(text); m != nil && article.CountWords(m[1]) <= 6 {
			p.a.Dateline = strings.TrimSpace(m[1])
			if m[2] != "" && p.a.Via == "" {
				p.a.Via = strings.TrimSpace(m[2])
			}
			return
		}
	}
	if !mayBeCredit(text) {
		return
	}
	m := creditRe.FindStringSubmatchIndex(text)
	if m == nil {
		return
	}
	name := text[m[2]:m[3]]
	if creditLabels[strings.ToLower(name)] {
		return
	}
	if p.a.Outlet == "" {
		p.a.Outlet = name
	}
	rest := strings.TrimSpace(text[m[4]:])
	p.removeAt(p.line[idx], name+" –")
	if rest == "" {
		p.deleteBlock(idx)
		return
	}
	p.blocks[idx].Text = rest
	p.words[idx] = -1
}

// The cheap tests before the lead's regexps, which the first paragraph of
// every article meets: each fails on ordinary prose, which would otherwise
// run regexps whose cost grows with the paragraph.

// mayBeDateline is a cheap test before datelineCapsRe (i 0) and
// datelineCommaRe (i 1). Both need a dash. A capitals dateline starts with
// an upper-case letter followed by another or by one of .'’-; a comma
// dateline's first comma follows capitalised words only ("Kyiv,",
// "Hallandale Beach,").
func mayBeDateline(i int, text string) bool {
	r1, n := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r1) {
		return false
	}
	if i == 0 {
		r2, _ := utf8.DecodeRuneInString(text[n:])
		return (unicode.IsUpper(r2) || strings.ContainsRune(".'’-", r2)) && hasDash(text)
	}
	comma := strings.IndexByte(text, ',')
	if comma < 0 || !hasDash(text) {
		return false
	}
	wordStart := true
	for _, r := range text[:comma] {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r':
			wordStart = true
		case wordStart:
			if !unicode.IsUpper(r) {
				return false
			}
			wordStart = false
		case !unicode.IsLower(r):
			return false
		}
	}
	return true
}

// mayBeCredit is a cheap test before creditRe: an upper-case start and an
// en or em dash.
func mayBeCredit(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	return unicode.IsUpper(r) && (strings.Contains(text, "–") || strings.Contains(text, "—"))
}

// hasDash: a hyphen, en or em dash in text. (strings.ContainsAny with
// non-ASCII runes in its set tests every rune of text; these are
// vectorised searches.)
func hasDash(text string) bool {
	return strings.IndexByte(text, '-') >= 0 || strings.Contains(text, "–") || strings.Contains(text, "—")
}

var viaRes = []*lazyre.Regexp{
	lazyre.New(`^(?:The\s+)?(\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,4})\s+(?:first\s+)?(?:reported|reports|has reported)\s+(?:the|this)\s+(?:information|news|story|report)\.?$`),
	lazyre.New(`^(?i:this (?:article|story|report) (?:was )?(?:first |originally )?(?:published|appeared|reported)(?: by| in| on)?)\s+(.{2,60}?)\.?$`),
	lazyre.New(`^(?i:originally published (?:by|in|on|at)|source|via|courtesy of)\s*:?\s+(\p{Lu}.{1,60}?)\.?$`),
}

// mayMatchVia is a cheap test before viaRes[i]: the words each pattern
// needs ("reported", or its first letter, case-folded as the regexp folds:
// ſ is s).
func mayMatchVia(i int, st string) bool {
	switch i {
	case 0:
		return strings.Contains(st, "report")
	case 1:
		return st != "" && (st[0]|0x20 == 't')
	case 2:
		return st != "" && (strings.IndexByte("oOsSvVcC", st[0]) >= 0 || strings.HasPrefix(st, "ſ"))
	}
	return true
}

// viaNeeds: every match of a viaRes pattern holds one of these, case-folded
// ("reported", "published", "appeared", "source", "via", "courtesy").
var viaNeeds = []string{"report", "publish", "appeared", "source", "via", "courtesy"}

// mayCreditAnOutlet is a cheap test of a whole paragraph before it is split
// into sentences for viaRes: most first and last paragraphs hold none of
// the words a credit needs (splitting them was a twentieth of a cold open).
func mayCreditAnOutlet(text string) bool {
	var buf [1024]byte
	return containsAny(foldASCII(buf[:0], text), viaNeeds)
}

// attribution finds a sentence crediting another outlet as the origin
// ("CNN reported the information.") at the start or the end of the body,
// records it as Via and removes it from the text.
func (p *textParser) attribution() {
	try := func(idx int, first bool) bool {
		if idx < 0 || idx >= len(p.blocks) || p.blocks[idx].Kind != article.Paragraph {
			return false
		}
		text := p.blocks[idx].Text
		if !mayCreditAnOutlet(text) {
			return false
		}
		sents := lang.Sentences(text)
		if len(sents) == 0 {
			return false
		}
		s := sents[len(sents)-1]
		if first {
			s = sents[0]
		}
		st := s.Text(text)
		for i, re := range viaRes {
			if !mayMatchVia(i, st) {
				continue
			}
			m := re.FindStringSubmatch(st)
			if m == nil {
				continue
			}
			name := strings.TrimSpace(m[1])
			if article.CountWords(name) > 6 {
				continue
			}
			if p.a.Via == "" {
				p.a.Via = name
			}
			p.removeAt(p.line[idx], st)
			rest := strings.TrimSpace(text[:s.Start] + " " + text[s.End:])
			if rest == "" {
				p.deleteBlock(idx)
			} else {
				p.blocks[idx].Text = rest
				p.words[idx] = -1
			}
			return true
		}
		return false
	}
	if !try(0, true) {
		try(len(p.blocks)-1, false)
	}
}

// deriveTitle makes a short title from the lead sentence: the sentence
// itself when short, else its first clause, else its first ten words.
func deriveTitle(blocks []article.Block) string {
	lead := ""
	for _, b := range blocks {
		if b.Kind == article.Paragraph {
			lead = b.Text
			break
		}
	}
	if lead == "" && len(blocks) > 0 {
		lead = blocks[0].Text
	}
	sents := lang.SplitSentences(lead)
	if len(sents) == 0 {
		return "Untitled"
	}
	s := strings.TrimSpace(strings.TrimRight(sents[0], ".!?…"))
	if article.CountWords(s) == 0 {
		return "Untitled"
	}
	if article.CountWords(s) <= 14 {
		return s
	}
	for _, sep := range []string{", ", " — ", " – ", "; ", ": "} {
		if i := strings.Index(s, sep); i > 0 {
			if n := article.CountWords(s[:i]); n >= 5 && n <= 14 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	// Cut after the tenth word as CountWords sees words ("0!00!0" is
	// several words but one field).
	n, in := 0, false
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			if n++; n > 10 {
				return strings.TrimRight(s[:i], " ,;:–—-") + "…"
			}
		}
		in = w || in && (r == '\'' || r == '’' || r == '-')
	}
	return s
}

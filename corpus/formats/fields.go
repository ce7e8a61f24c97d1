package formats

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/itlightning/dateparse"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Helpers shared by the structured-format parsers (HTML, feeds, Markdown,
// JSON records): field hygiene, dates, urls, and the final check that every
// article leaves the package clean.

// errNoText is returned when a document holds no article text at all.
var errNoText = errors.New("no article text found")

// machineDate reads a publication date written by a machine (RFC 3339, RFC
// 1123, ISO dates, the usual feed and meta-tag formats). It returns the zero
// time when s is not a plausible full date: a date without a year, or one
// outside 1900..next year, is not a publication date.
func machineDate(s string) (t time.Time) {
	s = CleanLine(s)
	if s == "" || len(s) > 64 {
		return time.Time{}
	}
	defer func() {
		// dateparse is a hand-written lexer fed with file content: a bug
		// there must cost a date, not a file.
		if recover() != nil {
			t = time.Time{}
		}
	}()
	for _, layout := range []string{time.RFC3339Nano, time.RFC1123Z, time.RFC1123, "2006-01-02"} {
		if p, err := time.Parse(layout, s); err == nil {
			return plausibleYear(p)
		}
	}
	p, err := dateparse.ParseStrict(s, dateparse.SimpleErrorMessages(true))
	if err != nil {
		p, err = dateparse.ParseAny(s, dateparse.SimpleErrorMessages(true), dateparse.RetryAmbiguousDateWithSwap(true))
		if err != nil {
			return time.Time{}
		}
	}
	return plausibleYear(p)
}

func plausibleYear(t time.Time) time.Time {
	if t.Year() < 1900 || t.Year() > time.Now().Year()+1 {
		return time.Time{}
	}
	return t
}

// safeURL keeps a url only when it is an absolute http(s) url: anything
// else (javascript:, file:, data:, relative paths) is dropped, because the
// url may later be handed to the system opener.
func safeURL(s string) string {
	s = CleanLine(s)
	if s == "" || len(s) > 2048 || strings.ContainsAny(s, " <>\"") {
		return ""
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// urlOutlet names an outlet after a url's host ("www.bbc.co.uk" →
// "bbc.co.uk"), for documents that carry a url but no site name.
func urlOutlet(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return CleanLine(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
}

// tidyByline tidies an author line: "By Jane Doe" → "Jane Doe".
func tidyByline(s string) string {
	s = CleanLine(s)
	for _, p := range []string{"by ", "By ", "BY "} {
		if strings.HasPrefix(s, p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	if len(s) > 200 { // a paragraph, not a byline
		return ""
	}
	return s
}

// firstSet returns the first argument that is not blank.
func firstSet(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// finishArticle enforces the package's promise on an article built by a
// structured parser: every field is a clean single line, every block is
// clean, non-empty and single-line, Words is counted. It reports false when
// no block is left.
func finishArticle(a *article.Article) bool {
	a.Title = CleanLine(a.Title)
	a.Outlet = CleanLine(a.Outlet)
	a.Via = CleanLine(a.Via)
	a.Dateline = CleanLine(a.Dateline)
	a.Byline = CleanLine(a.Byline)
	a.Summary = CleanLine(a.Summary)
	a.URL = safeURL(a.URL)
	blocks := a.Blocks[:0]
	for _, b := range a.Blocks {
		if b.Text = CleanLine(b.Text); b.Text != "" {
			blocks = append(blocks, b)
		}
	}
	a.Blocks = blocks
	removed := a.Removed[:0]
	for _, r := range a.Removed {
		if r = CleanLine(r); r != "" {
			removed = append(removed, r)
		}
	}
	a.Removed = removed
	if len(a.Blocks) == 0 && a.Title != "" {
		// A feed item or record with a headline only still deserves a
		// place in the list; its title is its body.
		a.Blocks = []article.Block{{Kind: article.Paragraph, Text: a.Title}}
	}
	if len(a.Blocks) == 0 {
		return false
	}
	if a.Title == "" {
		a.Title = CleanLine(headlineFromBlocks(a.Blocks))
		a.TitleDerived = a.Title != ""
	}
	a.Words = countWords(a.Blocks)
	return true
}

// headlineFromBlocks makes a short title from the first block: its first sentence,
// cut at a word boundary to at most 80 characters.
func headlineFromBlocks(blocks []article.Block) string {
	s := blocks[0].Text
	if ss := lang.Sentences(s); len(ss) > 1 {
		// Its first sentence: "The F.B.I. said…" is not "The F.B.I". A
		// "sentence" of bare punctuation (". 0") is no headline: keep the
		// whole block then.
		if first := strings.TrimSpace(strings.TrimSuffix(ss[0].Text(s), ".")); first != "" {
			s = first
		}
	}
	const max = 80
	if len([]rune(s)) <= max {
		return s
	}
	rs := []rune(s)[:max]
	cut := strings.LastIndex(string(rs), " ")
	if cut < 20 {
		return string(rs) + "…"
	}
	return string(rs)[:cut] + "…"
}

// countWords counts the words of the body blocks.
func countWords(blocks []article.Block) int {
	n := 0
	for _, b := range blocks {
		n += article.CountWords(b.Text)
	}
	return n
}

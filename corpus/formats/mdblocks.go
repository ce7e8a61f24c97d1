package formats

import (
	"strings"

	"golang.org/x/net/html"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// markdownBlocks reads the block structure of a Markdown body line by line:
// ATX and setext headings, paragraphs, list items (-, *, +, 1.), block
// quotes (any depth), fenced and indented code (kept as paragraphs), raw
// HTML blocks (read as HTML). Inline markup is reduced to its text by
// stripInline.
//
// A full CommonMark parser was tried first (goldmark): several inputs a
// hostile or broken file can hold ("[a](" repeated, deep list or quote
// nesting) take it seconds to minutes for a few hundred KB. This reader is
// linear: one pass over the lines, and RE2 regular expressions, which never
// backtrack.
func markdownBlocks(body string) []article.Block {
	r := &mdReader{}
	lines := strings.Split(body, "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], " \t\r")
		trim := strings.TrimLeft(line, " \t")
		switch {
		case r.fence != "":
			if strings.HasPrefix(trim, r.fence) {
				r.fence = ""
				r.flush()
				continue
			}
			r.addLine(trim)
		case strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~"):
			r.flush()
			r.fence = trim[:3]
			r.kind = article.Paragraph
		case trim == "":
			r.flush()
		case r.html:
			r.addLine(line)
		case rxMDHTMLBlock.MatchString(trim) && len(r.buf) == 0:
			r.html = true
			r.addLine(line)
		case rxMDRule.MatchString(trim):
			r.flush()
		default:
			quote := false
			for strings.HasPrefix(trim, ">") { // any depth: "> > text"
				trim = strings.TrimLeft(trim[1:], " \t>")
				quote = true
			}
			if m := rxMDATX.FindStringSubmatch(trim); m != nil {
				r.flush()
				r.kind = article.Heading
				r.addLine(strings.TrimRight(strings.TrimRight(m[1], "#"), " "))
				r.flush()
				continue
			}
			if !quote && len(r.buf) > 0 && r.kind == article.Paragraph && rxMDSetext.MatchString(trim) {
				r.kind = article.Heading
				r.flush()
				continue
			}
			if m := rxMDListItem.FindStringSubmatch(trim); m != nil {
				r.flush()
				r.kind = article.ListItem
				if quote {
					r.kind = article.Quote
				}
				trim = m[1]
				for n := 0; n < 8; n++ { // nested markers on one line: "- - x"
					mm := rxMDListItem.FindStringSubmatch(trim)
					if mm == nil {
						break
					}
					trim = mm[1]
				}
				r.addLine(trim)
				continue
			}
			want := article.Paragraph
			if quote {
				want = article.Quote
			}
			// A lazy continuation line joins the open list item or quote.
			if len(r.buf) > 0 && r.kind != want && !(r.kind == article.ListItem && !quote) && !(r.kind == article.Quote && !quote) {
				r.flush()
			}
			if len(r.buf) == 0 {
				r.kind = want
			}
			r.addLine(trim)
		}
	}
	r.flush()
	return r.blocks
}

var (
	rxMDATX       = lazyre.New(`^#{1,6}(?:[ \t]+(.*))?$`)
	rxMDSetext    = lazyre.New(`^(?:=+|-+)$`)
	rxMDRule      = lazyre.New(`^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	rxMDListItem  = lazyre.New(`^(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$`)
	rxMDHTMLBlock = lazyre.New(`(?i)^<(?:/?(?:p|div|table|ul|ol|li|blockquote|h[1-6]|section|article|aside|nav|figure|pre|script|style|iframe|form|details|hr|br)\b|!--)`)
)

type mdReader struct {
	blocks []article.Block
	buf    []string
	kind   article.BlockKind
	fence  string // open code fence marker
	html   bool   // inside a raw HTML block
}

func (r *mdReader) addLine(s string) { r.buf = append(r.buf, s) }

func (r *mdReader) flush() {
	if len(r.buf) == 0 {
		r.html = false
		return
	}
	text := strings.Join(r.buf, "\n")
	r.buf = r.buf[:0]
	if r.html {
		r.html = false
		r.blocks = append(r.blocks, htmlFragmentBlocks(text)...)
		return
	}
	if r.fence == "" {
		text = stripInline(text)
	}
	if t := CleanLine(text); t != "" {
		r.blocks = append(r.blocks, article.Block{Kind: r.kind, Text: t})
	}
	r.kind = article.Paragraph
}

// mdLinkTail is a link's or image's "(destination "title")". A
// destination may hold balanced parentheses (…/wiki/Foo_(bar)), one level
// deep, which covers real urls; RE2 cannot count deeper. Anything else up
// to the first ")" (a destination with spaces, as sloppy files have) is the
// fallback.
const mdLinkTail = `\((?:\s*(?:<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)` +
	`(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*|[^)\n]*)\)`

var (
	rxMDImage    = lazyre.New(`!\[([^\]\n]*)\]` + mdLinkTail)
	rxMDLink     = lazyre.New(`\[([^\]\n]*)\]` + mdLinkTail)
	rxMDRefLink  = lazyre.New(`\[([^\]\n]+)\]\[[^\]\n]*\]`)
	rxMDAutoLink = lazyre.New(`<((?:https?|mailto):[^>\s]+)>`)
	rxMDTag      = lazyre.New(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
	rxMDEmph     = lazyre.New(`(\*{1,3}|_{1,3}|~~)([^\s*_~](?:[^*_~\n]*[^\s*_~])?)(\*{1,3}|_{1,3}|~~)`)
	rxMDCode     = lazyre.New("`+([^`\n]+)`+")
	rxMDEscape   = lazyre.New(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>~|])`)
	rxMDBreak    = lazyre.New(`(?: {2,}|\\)\n`)
)

// stripInline reduces inline Markdown to its text: images dropped, links
// and inline code reduced to their text, emphasis markers and inline HTML
// tags removed, backslash escapes resolved, HTML entities decoded.
func stripInline(s string) string {
	s = rxMDBreak.ReplaceAllString(s, "\n")
	s = rxMDImage.ReplaceAllString(s, "")
	s = rxMDLink.ReplaceAllString(s, "$1")
	s = rxMDRefLink.ReplaceAllString(s, "$1")
	s = rxMDAutoLink.ReplaceAllString(s, "$1")
	s = rxMDCode.ReplaceAllString(s, "$1")
	s = rxMDTag.ReplaceAllString(s, "")
	for i := 0; i < 3; i++ { // nested emphasis: ***a _b_ c***
		t := rxMDEmph.ReplaceAllString(s, "$2")
		if t == s {
			break
		}
		s = t
	}
	s = rxMDEscape.ReplaceAllString(s, "$1")
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

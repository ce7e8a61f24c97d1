// Package formats turns one file's bytes into clean articles: it detects
// the format (plain text, HTML, feeds, Markdown, JSON records), decodes the
// charset, parses, drops site boilerplate and sanitises every field. The
// loader (corpus) calls ParseOwned for each file it reads; the rest of its
// exported names are for the few packages that parse one format (feeds) or
// clean text for a terminal.
package formats

import (
	"bytes"
	"path"
	"strings"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// The formats ParseDocument recognises, as reported in Article.Format.
const (
	formatText     = "text"
	formatHTML     = "html"
	formatFeed     = "feed"
	formatMarkdown = "markdown"
	formatJSON     = "json"
)

// ParseDocument parses one file's bytes into articles. name is the file's
// base name: its extension is a hint only, the content decides the format
// (see detectFormat). Every returned article is sanitised and has at least
// one block.
func ParseDocument(name string, data []byte) ([]*article.Article, error) {
	return parseDocument(name, data, false)
}

// ParseOwned is ParseDocument for data the caller gives away: it is never
// written again, so that text and Markdown articles may point into it (see
// parseDocument). The loader parses every file it reads with it.
func ParseOwned(name string, data []byte) ([]*article.Article, error) {
	return parseDocument(name, data, true)
}

// parseDocument is ParseDocument; owned says that data is the caller's to
// give away (never written again), so that text and Markdown articles can
// point into it instead of a copy: the loader reads each file into a
// buffer of its own, and copying it cost a file-sized allocation per file.
func parseDocument(name string, data []byte, owned bool) ([]*article.Article, error) {
	if hasUTF16BOM(data) {
		// Sniffing and the markup parsers work on UTF-8.
		data, owned = []byte(DecodeText(data)), true
	}
	decode := DecodeText
	if owned {
		decode = decodeOwnedText
	}
	switch detectFormat(name, data) {
	case formatHTML:
		return one(ParseHTML(data))
	case formatFeed:
		return ParseFeed(data)
	case formatJSON:
		return ParseJSON(data)
	case formatMarkdown:
		return one(parseMarkdown(decode(data)))
	}
	return one(ParseText(decode(data)))
}

func one(a *article.Article, err error) ([]*article.Article, error) {
	if err != nil {
		return nil, err
	}
	return []*article.Article{a}, nil
}

func hasUTF16BOM(b []byte) bool {
	return len(b) >= 2 && (b[0] == 0xFF && b[1] == 0xFE || b[0] == 0xFE && b[1] == 0xFF)
}

var (
	rxMarkupStart   = lazyre.New(`^(?:<\?xml[^>]*\?>|<!--[\s\S]*?-->|<![dD][oO][cC][tT][yY][pP][eE][^>]*>|\s)*<([A-Za-z][A-Za-z0-9:_-]*)`)
	rxDoctypeHTML   = lazyre.New(`(?i)^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html`)
	rxMarkdownStart = lazyre.New(`^#{1,6}[ \t]+\S`)
	rxFrontMatter   = lazyre.New(`^---\r?\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*\r?(?:\n|$)`)
	rxFrontKey      = lazyre.New(`(?m)^[A-Za-z_][A-Za-z0-9_ -]*:`)
	rxHTMLTagInText = lazyre.New(`(?i)<(p|div|br|h[1-6]|article|section|span|a\s[^>]*href|table|ul|ol|li|meta|title|body|head|html)\b[^>]*>`)
)

// feedRoots are the root elements of RSS 0.9x/1.0/2.0 and Atom documents.
var feedRoots = map[string]bool{"rss": true, "rdf:rdf": true, "rdf": true, "feed": true, "atom:feed": true, "channel": true}

// detectFormat decides how to read a file, from its content first and its
// name second:
//   - a document whose first element is <rss>, <rdf:RDF> or <feed> is a
//     feed (whatever its extension: a ".rss" file holding Atom is a feed);
//   - one that starts with a doctype or any other element is HTML (a
//     ".txt" holding a saved page is HTML);
//   - one that starts with '{' or '[' is JSON (JSON Feed, records, JSON
//     Lines), as is any ".json"/".jsonl"/".ndjson" file;
//   - front matter ("---" ... "---" with key: value lines), a leading "#"
//     heading, or a Markdown extension make Markdown;
//   - an ".html"/".htm"/".xhtml" file with tags anywhere is HTML, an
//     ".xml"/".rss"/".atom" file a feed;
//   - anything else is plain text.
func detectFormat(name string, data []byte) string {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	head = bytes.TrimLeft(head, " \t\r\n\f")
	ext := strings.ToLower(path.Ext(name))

	if len(head) > 0 && head[0] == '<' {
		if rxDoctypeHTML.Match(head) {
			return formatHTML
		}
		if m := rxMarkupStart.FindSubmatch(head); m != nil {
			if feedRoots[strings.ToLower(string(m[1]))] {
				return formatFeed
			}
			return formatHTML
		}
	}
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') && looksJSON(head) {
		return formatJSON
	}
	switch ext {
	case ".json", ".jsonl", ".ndjson", ".geojson":
		return formatJSON
	case ".xml", ".rss", ".atom", ".rdf":
		if len(head) > 0 && head[0] == '<' {
			return formatFeed
		}
	case ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx":
		if rxHTMLTagInText.Match(head) {
			return formatHTML
		}
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdx":
		return formatMarkdown
	}
	// Both regexps are anchored at the start; the tests before them save
	// each text file two failed matches over its first 8 KB.
	if bytes.HasPrefix(head, []byte("---")) {
		if fm := rxFrontMatter.Find(head); fm != nil && rxFrontKey.Match(fm) {
			return formatMarkdown
		}
	}
	if len(head) > 0 && head[0] == '#' && rxMarkdownStart.Match(head) {
		return formatMarkdown
	}
	return formatText
}

// looksJSON: after the opening bracket comes what JSON allows there, so that
// a text starting "[Updated] ..." or "{Editor's note}" stays text.
func looksJSON(head []byte) bool {
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	if len(rest) == 0 {
		return true
	}
	c := rest[0]
	if head[0] == '{' {
		return c == '"' || c == '}'
	}
	return c == '{' || c == '[' || c == ']' || c == '"' || c == '-' || (c >= '0' && c <= '9') || bytes.HasPrefix(rest, []byte("true")) || bytes.HasPrefix(rest, []byte("false")) || bytes.HasPrefix(rest, []byte("null"))
}

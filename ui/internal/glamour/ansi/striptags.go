package ansi

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// stripTags is what upstream's bluemonday.StrictPolicy().Sanitize does:
// every tag, comment and doctype dropped, the text kept (HTML-escaped)
// except inside script and style and the elements whose content bluemonday
// skips. Parallax: importing bluemonday cost every command its CSS tables
// at start-up (7,000 allocations), for HTML that article text never holds
// (it is escaped); TestGlamourCopyRendersAsUpstream compares the two on
// HTML of every kind.
func stripTags(s string) string {
	if strings.TrimSpace(s) == "" {
		return s
	}
	var (
		buff          bytes.Buffer
		skipContent   bool
		skipping      int64
		mostRecentTag string
	)
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		if z.Next() == html.ErrorToken {
			if z.Err() == io.EOF {
				return buff.String()
			}
			return ""
		}
		token := z.Token()
		switch token.Type {
		case html.DoctypeToken, html.CommentToken, html.SelfClosingTagToken:
		case html.StartTagToken:
			mostRecentTag = normaliseElementName(token.Data)
			if mostRecentTag == "script" || mostRecentTag == "style" {
				continue
			}
			if skipsContent[token.Data] {
				skipContent = true
				skipping++
			}
		case html.EndTagToken:
			name := normaliseElementName(token.Data)
			if mostRecentTag == name {
				mostRecentTag = ""
			}
			if name == "script" || name == "style" {
				continue
			}
			if skipsContent[token.Data] {
				skipping--
				if skipping == 0 {
					skipContent = false
				}
			}
		case html.TextToken:
			if !skipContent && mostRecentTag != "script" && mostRecentTag != "style" {
				buff.WriteString(token.String())
			}
		default:
			return ""
		}
	}
}

// skipsContent are the elements whose content bluemonday drops.
var skipsContent = map[string]bool{"frame": true, "frameset": true, "iframe": true, "noembed": true,
	"noframes": true, "noscript": true, "nostyle": true, "object": true, "script": true, "style": true, "title": true}

// normaliseElementName is bluemonday's.
func normaliseElementName(str string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(strconv.QuoteToASCII(str)), `"`), `"`)
}

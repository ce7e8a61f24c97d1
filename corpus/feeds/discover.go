package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the link types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true,
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       true,
}

// maxDiscoverTokens bounds the work on a page: feed links are in the head.
const maxDiscoverTokens = 200000

// Discover returns the feeds a page announces with <link rel="alternate"
// type="application/rss+xml" href="...">, resolved against the page's URL
// (or its <base href>), http(s) only, in page order, without repeats.
func Discover(pageURL string, page []byte) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var out []string
	z := html.NewTokenizer(bytes.NewReader(page))
	for i := 0; i < maxDiscoverTokens; i++ {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		if a == atom.Body {
			break
		}
		if !hasAttr || (a != atom.Link && a != atom.Base) {
			continue
		}
		attrs := map[string]string{}
		for more := true; more; {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		if a == atom.Base {
			if b, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil {
				base = b
			}
			continue
		}
		if !hasToken(attrs["rel"], "alternate") || !feedTypes[strings.ToLower(strings.TrimSpace(strings.Split(attrs["type"], ";")[0]))] {
			continue
		}
		ref, err := base.Parse(strings.TrimSpace(attrs["href"]))
		if err != nil {
			continue
		}
		if u, err := CheckURL(ref.String()); err == nil && !contains(out, u) {
			out = append(out, u)
		}
	}
	return out
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

package formats

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/parallax-reader/parallax/corpus/article"
)

// maxReadabilityElems bounds the work readability does on one page; bigger
// documents (rare for articles, common for hostile files) fall back to the
// linear walk of the whole body.
const maxReadabilityElems = 150000

// ParseHTML extracts the article from a saved web page: the main content
// (found by readability, the algorithm of Firefox's reader view) becomes
// blocks; title, byline, site name (→ Outlet), publication date and
// canonical url come from the page's metadata (meta tags, Open Graph,
// JSON-LD). The charset is taken from the document. When readability finds
// no main content, the whole body is walked instead (navigation, headers,
// footers, asides, scripts and images dropped).
func ParseHTML(data []byte) (*article.Article, error) {
	text := decodeMarkup(data)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The tree builder gives up on absurd nesting; the tokens still
		// hold the text.
		a := &article.Article{Format: "html"}
		a.Blocks, a.Removed = splitBoilerplate(tokenBlocks(text))
		if !finishArticle(a) {
			return nil, fmt.Errorf("malformed HTML: %v", err)
		}
		return a, nil
	}
	meta := pageMeta(doc)

	a := &article.Article{Format: "html"}
	ps := readability.NewParser()
	ps.MaxElemsToParse = maxReadabilityElems
	ra, rerr := parseReadability(&ps, doc)
	if rerr == nil {
		a.Title = ra.Title()
		a.Byline = ra.Byline()
		a.Outlet = ra.SiteName()
		if t, err := ra.PublishedTime(); err == nil {
			a.Published = plausibleYear(t)
		}
		if ra.Node != nil {
			a.Blocks = htmlBlocks(ra.Node)
		}
	}
	if len(a.Blocks) == 0 {
		// readability mutated doc; parse again for the fallback walk.
		doc2, err := html.Parse(strings.NewReader(text))
		if err == nil {
			a.Blocks = htmlBlocks(pageBody(doc2))
		}
	}
	a.Title = firstSet(a.Title, meta.title)
	a.Byline = tidyByline(firstSet(a.Byline, meta.author))
	a.URL = meta.url
	a.Outlet = firstSet(a.Outlet, meta.site, urlOutlet(a.URL))
	if a.Published.IsZero() {
		a.Published = meta.published
	}
	a.Title = stripSiteName(CleanLine(a.Title), CleanLine(a.Outlet))
	a.Blocks, a.Removed = splitBoilerplate(a.Blocks)
	a.Blocks = dropLeadingTitle(a.Blocks, a.Title)
	a.Blocks, a.Removed = dropBylineBlock(a.Blocks, a.Removed, a.Byline)
	if !finishArticle(a) {
		return nil, errNoText
	}
	return a, nil
}

// dropBylineBlock moves a block near the top that only repeats the byline
// ("By Jane Doe", "Jane Doe") to removed: it is shown in the header.
func dropBylineBlock(blocks []article.Block, removed []string, byline string) ([]article.Block, []string) {
	if byline == "" {
		return blocks, removed
	}
	for i := 0; i < len(blocks) && i < 3; i++ {
		if len(blocks) > 1 && strings.EqualFold(tidyByline(blocks[i].Text), byline) {
			removed = append(removed, blocks[i].Text)
			return append(blocks[:i:i], blocks[i+1:]...), removed
		}
	}
	return blocks, removed
}

// parseReadability runs readability, turning a panic inside it into an error
// so that the fallback walk still gets its chance.
func parseReadability(ps *readability.Parser, doc *html.Node) (ra readability.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errNoText
		}
	}()
	return ps.ParseAndMutate(doc, nil)
}

// dropLeadingTitle removes a first heading (or paragraph) that repeats the
// title, as most pages put the headline inside the article element too.
func dropLeadingTitle(blocks []article.Block, title string) []article.Block {
	if len(blocks) > 1 && title != "" && strings.EqualFold(CleanLine(blocks[0].Text), CleanLine(title)) {
		return blocks[1:]
	}
	return blocks
}

// pageBody returns the body element with page furniture (header, footer,
// aside, nav) removed, for the fallback walk.
func pageBody(doc *html.Node) *html.Node {
	body := findElement(doc, atom.Body, 0)
	if body == nil {
		body = doc
	}
	var strip []*html.Node
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Header || c.DataAtom == atom.Footer || c.DataAtom == atom.Aside || c.DataAtom == atom.Nav) {
				strip = append(strip, c)
				continue
			}
			visit(c, depth+1)
		}
	}
	visit(body, 0)
	for _, n := range strip {
		n.Parent.RemoveChild(n)
	}
	if main := findElement(body, atom.Article, 0); main != nil {
		return main
	}
	if main := findElement(body, atom.Main, 0); main != nil {
		return main
	}
	return body
}

func findElement(n *html.Node, a atom.Atom, depth int) *html.Node {
	if depth > maxHTMLDepth {
		return nil
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if f := findElement(c, a, depth+1); f != nil {
			return f
		}
	}
	return nil
}

// htmlMeta is what a page says about itself outside its text.
type htmlMeta struct {
	title, author, site, url string
	published                time.Time
}

// pageMeta reads the head of a page: <title>, meta tags (Open Graph,
// article:*, Dublin Core, name=author/date), <link rel=canonical>, JSON-LD,
// and the first <time datetime> as a last resort for the date. It is the
// fallback for what readability does not report (url, and anything it
// missed).
func pageMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	var ogURL, canonical, timeAttr, ldURL string
	var ldDate time.Time
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.title == "" && n.FirstChild != nil {
					m.title = n.FirstChild.Data
				}
			case atom.Meta:
				key := strings.ToLower(firstSet(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				val := attr(n, "content")
				switch key {
				case "og:title", "twitter:title":
					m.title = firstSet(val, m.title)
				case "author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author":
					if !strings.Contains(val, "://") { // article:author is often a profile url
						m.author = firstSet(m.author, val)
					}
				case "og:site_name", "application-name", "publisher", "dc.publisher":
					m.site = firstSet(m.site, val)
				case "og:url":
					ogURL = val
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date":
					if m.published.IsZero() {
						m.published = machineDate(val)
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Time:
				if timeAttr == "" {
					timeAttr = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					u, d := jsonLDFacts(n.FirstChild.Data)
					ldURL = firstSet(ldURL, u)
					if ldDate.IsZero() {
						ldDate = d
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(doc, 0)
	m.url = firstSet(safeURL(canonical), safeURL(ogURL), safeURL(ldURL))
	if m.published.IsZero() {
		m.published = ldDate
	}
	if m.published.IsZero() {
		m.published = machineDate(timeAttr)
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// jsonLDFacts pulls the url and datePublished of the first article-like
// object out of a JSON-LD script (readability reads the rest).
func jsonLDFacts(s string) (u string, published time.Time) {
	if len(s) > 1<<20 {
		return "", time.Time{}
	}
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return "", time.Time{}
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 8 || (u != "" && !published.IsZero()) {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if d, ok := x["datePublished"].(string); ok && published.IsZero() {
				published = machineDate(d)
				if s, ok := x["url"].(string); ok && u == "" {
					u = s
				}
			}
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
	return u, published
}

// stripSiteName removes the site name that pages append to (or put before)
// the headline in <title>: "Talks stall | Example News", "Example News:
// Talks stall". Only the known site name is removed, never a guess.
func stripSiteName(title, site string) string {
	if site == "" || len(title) <= len(site)+3 {
		return title
	}
	lt, ls := strings.ToLower(title), strings.ToLower(site)
	if len(lt) != len(title) || len(ls) != len(site) {
		return title // lowercasing changed byte lengths: offsets would not match
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » "} {
		if strings.HasSuffix(lt, sep+ls) {
			return strings.TrimSpace(title[:len(title)-len(sep)-len(site)])
		}
		if strings.HasPrefix(lt, ls+sep) {
			return strings.TrimSpace(title[len(site)+len(sep):])
		}
	}
	if strings.HasPrefix(lt, ls+": ") {
		return strings.TrimSpace(title[len(site)+2:])
	}
	return title
}

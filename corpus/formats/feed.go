package formats

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/parallax-reader/parallax/corpus/article"
)

// ParseFeed reads an RSS (0.9x, 1.0, 2.0), Atom or JSON Feed document and
// returns one article per item. Outlet is the feed's title, URL the item's
// link, Published its publication (else update) date, Byline its authors.
// The full content (content:encoded, Atom content, content_html) is
// preferred over the summary; HTML content becomes blocks like a web page's.
// Legacy encodings declared by the document (ISO-8859-1, Windows-1252,
// GB2312, ...) are decoded. Items with neither title nor text are dropped.
// Each article's ItemKey is the item's GUID, else its link, so that loaders
// can give it an ID that survives the feed gaining new items.
func ParseFeed(data []byte) ([]*article.Article, error) {
	f, err := ParseFeedItems(data)
	if err != nil {
		return nil, err
	}
	out := make([]*article.Article, len(f.Items))
	for i, it := range f.Items {
		out[i] = it.Article
	}
	return out, nil
}

// ParsedFeed is a feed as ParseFeedItems reads it: what a fetcher needs
// beyond the articles.
type ParsedFeed struct {
	Title string // the feed's own title, clean
	Link  string // the site it belongs to, "" when not an http(s) URL
	Items []FeedItem
}

// FeedItem is one item of a feed.
type FeedItem struct {
	Article *article.Article
	// GUID is the item's guid (RSS), id (Atom, JSON Feed), else its link.
	GUID string
	// SummaryOnly: the item carries no full content (content:encoded,
	// Atom content, content_html), only a summary or description.
	SummaryOnly bool
}

// ParseFeedItems reads a feed as ParseFeed does, keeping each item's GUID
// and whether it carries only a summary.
func ParseFeedItems(data []byte) (*ParsedFeed, error) {
	// Clean before parsing: XML parsers silently drop the control bytes
	// that start escape sequences and keep the rest as text ("]52;c;...");
	// removing whole sequences first leaves no such remnants.
	text := CleanText(markAsUTF8(decodeMarkup(data)))
	feed, err := parseFeedSafely(text)
	var damage error
	if err != nil {
		damage = fmt.Errorf("malformed feed: %v", err)
		if strings.HasPrefix(strings.TrimSpace(text), "{") {
			return nil, fmt.Errorf("malformed JSON Feed: %v", err)
		}
		// A malformed XML feed: keep every item that was complete
		// before the damage.
		items, outlet := salvageXMLFeed(text)
		if len(items) == 0 {
			return nil, damage
		}
		feed = &gofeed.Feed{Title: outlet, Items: items}
	}
	out := &ParsedFeed{Title: htmlLine(feed.Title), Link: safeURL(feed.Link)}
	for _, it := range feed.Items {
		if it == nil {
			continue
		}
		if a, summaryOnly := feedArticle(feed, it); a != nil {
			out.Items = append(out.Items, FeedItem{Article: a, GUID: a.ItemKey, SummaryOnly: summaryOnly})
		}
	}
	if len(out.Items) == 0 {
		if damage != nil {
			return nil, damage
		}
		return nil, errors.New("feed has no items with text")
	}
	return out, nil
}

func parseFeedSafely(text string) (feed *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			feed, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	return gofeed.NewParser().ParseString(text)
}

// feedArticle reads one item; summaryOnly reports that it had no full
// content and its text (if any) is the summary.
func feedArticle(feed *gofeed.Feed, it *gofeed.Item) (a *article.Article, summaryOnly bool) {
	a = &article.Article{Format: "feed"}
	a.Title = htmlLine(it.Title)
	a.Outlet = htmlLine(feed.Title)
	a.URL = safeURL(it.Link)
	if a.URL == "" {
		for _, l := range it.Links {
			if a.URL = safeURL(l); a.URL != "" {
				break
			}
		}
	}
	if a.Outlet == "" {
		a.Outlet = urlOutlet(firstSet(safeURL(feed.Link), a.URL))
	}
	// Our own reading first: it keeps the zone offset the feed wrote.
	a.Published = machineDate(firstSet(it.Published, it.Updated))
	switch {
	case !a.Published.IsZero():
	case it.PublishedParsed != nil:
		a.Published = plausibleYear(*it.PublishedParsed)
	case it.UpdatedParsed != nil:
		a.Published = plausibleYear(*it.UpdatedParsed)
	}
	a.Byline = tidyByline(personNames(it.Authors))
	if a.Byline == "" && it.Author != nil {
		a.Byline = tidyByline(it.Author.Name)
	}
	if a.Byline == "" && it.DublinCoreExt != nil {
		a.Byline = tidyByline(strings.Join(it.DublinCoreExt.Creator, ", "))
	}
	blocks := htmlFragmentBlocks(it.Content)
	if len(blocks) == 0 {
		summaryOnly = true
		blocks = htmlFragmentBlocks(it.Description)
	} else {
		a.Summary = htmlLine(it.Description)
	}
	a.Blocks, a.Removed = splitBoilerplate(blocks)
	a.Blocks = dropLeadingTitle(a.Blocks, a.Title)
	a.ItemKey = firstSet(it.GUID, it.Link)
	if !finishArticle(a) {
		return nil, summaryOnly
	}
	return a, summaryOnly
}

// htmlLine reads a field that may hold HTML markup or entities ("Q&amp;A",
// "<b>Breaking</b>") as one clean line of text.
func htmlLine(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return CleanLine(s)
	}
	var parts []string
	for _, b := range htmlFragmentBlocks(s) {
		parts = append(parts, b.Text)
	}
	return CleanLine(strings.Join(parts, " "))
}

func personNames(ps []*gofeed.Person) string {
	var names []string
	for _, p := range ps {
		if p == nil {
			continue
		}
		if n := CleanLine(p.Name); n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

// feedTime is a small helper for the salvage path.
func feedTime(s string) *time.Time {
	t := machineDate(s)
	if t.IsZero() {
		return nil
	}
	return &t
}

package formats

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
)

// salvageXMLFeed recovers the items of a damaged RSS or Atom document (cut
// short, unbalanced tags, stray bytes): it reads XML tokens leniently and
// keeps every <item>/<entry> that was closed before the parser gave up. It
// also returns the channel or feed title.
func salvageXMLFeed(text string) (items []*gofeed.Item, title string) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.Entity = xml.HTMLEntity

	var cur *gofeed.Item
	var path []string // local names of open elements
	var buf strings.Builder
	for tokens := 0; tokens < 2_000_000; tokens++ {
		tok, err := d.Token()
		if err != nil {
			if err != io.EOF && cur != nil && len(items) == 0 {
				// Nothing complete: keep the partial item, it is all
				// there is.
				items = append(items, cur)
			}
			return items, title
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if name == "item" || name == "entry" {
				cur = &gofeed.Item{}
			}
			if cur != nil && name == "link" {
				if href := xmlAttr(t, "href"); href != "" && cur.Link == "" {
					rel := xmlAttr(t, "rel")
					if rel == "" || rel == "alternate" {
						cur.Link = href
					}
				}
			}
			path = append(path, name)
			buf.Reset()
		case xml.CharData:
			if buf.Len() < 4<<20 {
				buf.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			val := strings.TrimSpace(buf.String())
			buf.Reset()
			parent := ""
			if len(path) >= 2 {
				parent = path[len(path)-2]
			}
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
			if cur == nil {
				if name == "title" && title == "" && (parent == "channel" || parent == "feed") {
					title = val
				}
				continue
			}
			switch name {
			case "item", "entry":
				items = append(items, cur)
				cur = nil
			case "title":
				if parent == "item" || parent == "entry" {
					cur.Title = val
				}
			case "link":
				if cur.Link == "" {
					cur.Link = val
				}
			case "guid", "id":
				cur.GUID = val
			case "description", "summary":
				cur.Description = val
			case "encoded", "content":
				cur.Content = val
			case "pubdate", "published", "date", "issued":
				cur.Published = val
				cur.PublishedParsed = feedTime(val)
			case "updated", "modified":
				cur.Updated = val
				cur.UpdatedParsed = feedTime(val)
			case "creator", "name":
				cur.Authors = append(cur.Authors, &gofeed.Person{Name: val})
			case "author":
				if !strings.Contains(val, "<") && val != "" && len(cur.Authors) == 0 {
					cur.Authors = append(cur.Authors, &gofeed.Person{Name: val})
				}
			}
		}
	}
	return items, title
}

func xmlAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return a.Value
		}
	}
	return ""
}

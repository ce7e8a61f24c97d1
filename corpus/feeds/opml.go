package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/formats"
)

// The OPML subset feed readers exchange (newsboat, nom, Feedly, Inoreader,
// FreshRSS): outlines with an xmlUrl are feeds; the outlines around them
// are folders, which become tags, as does a category attribute.
type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Category string        `xml:"category,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// maxOPMLDepth bounds folder nesting, so a hostile file cannot recurse deeply.
const maxOPMLDepth = 16

// ReadOPML reads the feeds of an OPML document. Outlines without a usable
// http(s) xmlUrl are reported as problems (Line is the outline's position
// among the feeds, counted from 1) and skipped.
func ReadOPML(r io.Reader) ([]Subscription, []Problem, error) {
	var doc opmlDoc
	d := xml.NewDecoder(io.LimitReader(r, 16<<20))
	d.Strict = false
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		// Legacy encodings: the corpus decoder knows them.
		data, err := io.ReadAll(in)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(formats.DecodeText(data)), nil
	}
	if err := d.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("not an OPML file: %v", err)
	}
	var subs []Subscription
	var probs []Problem
	n := 0
	var walk func(os []opmlOutline, folders []string, depth int)
	walk = func(os []opmlOutline, folders []string, depth int) {
		if depth > maxOPMLDepth {
			return
		}
		for _, o := range os {
			if o.XMLURL == "" {
				name := corpus.CleanLine(firstNonEmpty(o.Text, o.Title))
				inner := folders
				if name != "" {
					inner = append(append([]string(nil), folders...), name)
				}
				walk(o.Outlines, inner, depth+1)
				continue
			}
			n++
			u, err := CheckURL(o.XMLURL)
			if err != nil {
				probs = append(probs, Problem{n, err.Error()})
				continue
			}
			s := Subscription{URL: u, Title: corpus.CleanLine(firstNonEmpty(o.Title, o.Text))}
			for _, t := range folders {
				s.Tags = appendTag(s.Tags, t)
			}
			for _, c := range strings.Split(o.Category, ",") {
				for _, t := range strings.Split(c, "/") {
					s.Tags = appendTag(s.Tags, corpus.CleanLine(t))
				}
			}
			subs = append(subs, s)
			walk(o.Outlines, folders, depth+1)
		}
	}
	walk(doc.Body, nil, 0)
	return subs, probs, nil
}

func appendTag(tags []string, t string) []string {
	if t == "" || contains(tags, t) {
		return tags
	}
	return append(tags, t)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// WriteOPML writes subs as an OPML 2.0 document, each feed one outline with
// its tags in the category attribute. titles supplies a feed's own title
// where the subscription does not name it (nil is fine).
func WriteOPML(w io.Writer, subs []Subscription, titles map[string]string) error {
	doc := opmlDoc{Version: "2.0", Title: "Parallax subscriptions"}
	for _, s := range subs {
		title := firstNonEmpty(s.Title, titles[s.URL], s.URL)
		o := opmlOutline{Text: title, Title: title, Type: "rss", XMLURL: s.URL}
		if len(s.Tags) > 0 {
			o.Category = strings.Join(s.Tags, ",")
		}
		doc.Body = append(doc.Body, o)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

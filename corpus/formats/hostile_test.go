package formats

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// evil holds what a hostile file may put in any field to drive a terminal:
// SGR, OSC 52 (clipboard write), OSC 8 (hyperlink), DCS, 8-bit CSI and OSC
// as UTF-8 C1 runes, bell, backspace, and bidi overrides and isolates.
var evil = []string{
	"\x1b[31mRED\x1b[0m",
	"\x1b]52;c;ZXZpbA==\x07",
	"\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
	"\x1bP1$qm\x1b\\",
	"\u009b2J",
	"\u009d0;title\u009c",
	"bell\x07back\x08space",
	"\u202eevil\u202c",
	"\u2066iso\u2069",
	"\x1b[?1049h",
}

// hostile wraps every evil string around a harmless word, so that the field
// keeps some text after cleaning.
func hostile(word string) string {
	var sb strings.Builder
	for _, e := range evil {
		sb.WriteString(e)
		sb.WriteString(word)
		sb.WriteByte(' ')
	}
	return sb.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

func jsonString2(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestHostileFieldsEveryFormat(t *testing.T) {
	title, outlet, author := hostile("Title"), hostile("Outlet"), hostile("Author")
	body := hostile("body") + strings.Repeat("Plain words make up the rest of this paragraph. ", 5)
	evilURL := "https://evil.example/\x1b]52;c;ZXZpbA==\x07path"
	docs := map[string]string{
		"page.html": `<!doctype html><html><head><title>` + title + `</title>
<meta property="og:site_name" content="` + outlet + `">
<meta name="author" content="` + author + `">
<link rel="canonical" href="` + evilURL + `">
</head><body><article><h1>` + title + `</h1><p>` + body + `</p><p>` + body + `</p>
<p>&#27;[31mentity escape&#x1b;]52;c;ZXZpbA==&#7; and &#x9b;2J and &#x202e;rlo</p>
<ul><li>` + body + `</li></ul><blockquote>` + body + `</blockquote></article></body></html>`,
		"feed.rss": `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>` + xmlEscape(outlet) + `</title><item><title>` + xmlEscape(title) + `</title><link>` + xmlEscape(evilURL) + `</link>
<dc:creator>` + xmlEscape(author) + `</dc:creator><description>` + xmlEscape("<p>"+body+"</p>") + `</description></item>
<item><title>` + xmlEscape(title) + `</title><description><![CDATA[` + body + `]]></description></item></channel></rss>`,
		"feed.atom": `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>` + xmlEscape(outlet) + `</title>
<entry><title>` + xmlEscape(title) + `</title><link href="` + xmlEscape(evilURL) + `"/><author><name>` + xmlEscape(author) + `</name></author>
<content type="html">` + xmlEscape("<p>"+body+"</p>") + `</content></entry></feed>`,
		"feed.json": `{"version": "https://jsonfeed.org/version/1.1", "title": ` + jsonString2(outlet) + `, "items": [{"id": "1", "title": ` +
			jsonString2(title) + `, "url": ` + jsonString2(evilURL) + `, "content_html": ` + jsonString2("<p>"+body+"</p>") +
			`, "authors": [{"name": ` + jsonString2(author) + `}]}]}`,
		"note.md": "---\ntitle: " + title + "\nsource: " + outlet + "\nauthor: " + author + "\nurl: " + evilURL + "\n---\n\n# " + title +
			"\n\n" + body + "\n\n- " + body + "\n\n> " + body + "\n\n<p>" + body + "</p>\n",
		"records.json": `[{"title": ` + jsonString2(title) + `, "text": ` + jsonString2(body+"\n\n"+body) + `, "source": ` + jsonString2(outlet) +
			`, "url": ` + jsonString2(evilURL) + `, "authors": [` + jsonString2(author) + `]},
{"title": ` + jsonString2(title) + `, "content": ` + jsonString2("<p>"+body+"</p>") + `, "site_name": {"name": ` + jsonString2(outlet) + `}}]`,
		"records.jsonl": `{"headline": ` + jsonString2(title) + `, "maintext": ` + jsonString2(body) + `}` + "\n" +
			`{"headline": ` + jsonString2(title) + `, "maintext": ` + jsonString2(body+" second") + `}` + "\n",
		"story.txt": title + "\n" + outlet + "\n\n" + body + "\n\n" + body + "\n",
		"latin.txt": "Title \x9b31m with C1 \x9d0;x\x9c bytes\n\nBody \x1b[2J with \x9bH raw bytes that are not UTF-8.\n",
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			arts, err := ParseDocument(name, []byte(doc))
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			for _, a := range arts {
				articletest.AssertSafe(t, a)
				if a.URL != "" && strings.ContainsAny(a.URL, "\x1b\x07") {
					t.Errorf("url kept control bytes: %q", a.URL)
				}
				all := a.Title + a.Outlet + a.Byline + a.URL + a.Body() + strings.Join(a.Removed, "")
				if strings.Contains(all, "ZXZpbA") {
					t.Errorf("OSC 52 payload survived: %q", all)
				}
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/a?b=c":            "https://example.org/a?b=c",
		"  http://example.org/x  ":             "http://example.org/x",
		"javascript:alert(1)":                  "",
		"file:///etc/passwd":                   "",
		"data:text/html,<script>":              "",
		"/relative/path":                       "",
		"https://ex\x1b[31mample.org/":         "https://example.org/",
		"https://example.org/\u202e/gnp.exe":   "https://example.org//gnp.exe",
		"https://example.org/with space":       "",
		"mailto:someone@example.org":           "",
		"https://" + strings.Repeat("a", 3000): "",
	} {
		if got := safeURL(in); got != want {
			t.Errorf("safeURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleParseDocument() {
	arts, _ := ParseDocument("x.rss", []byte(`<rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><description>First item.</description></item>
<item><title>Two</title><description>Second item.</description></item></channel></rss>`))
	for _, a := range arts {
		fmt.Println(a.Format, a.Outlet, a.Title, a.Body())
	}
	// Output:
	// feed Wire One First item.
	// feed Wire Two Second item.
}

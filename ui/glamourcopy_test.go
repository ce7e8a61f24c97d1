package ui

import (
	"context"
	"testing"

	upstream "github.com/charmbracelet/glamour"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/ui/config"
	"github.com/parallax-reader/parallax/ui/internal/glamour"
)

// TestGlamourCopyRendersAsUpstream is the oracle for ui/internal/glamour,
// a copy of glamour without chroma and bluemonday (see its COPY.md): for
// every style, with no colour and with full colour, and a narrow and a wide
// pane, the copy must render the articles' Markdown, and Markdown of every
// other kind but code blocks, raw HTML included, byte for byte as the
// glamour it was copied from.
func TestGlamourCopyRendersAsUpstream(t *testing.T) {
	arts := sampleArticles()
	for _, dir := range []string{"../seeds", "../corpus/formats/testdata/formats"} {
		c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{dir}}, corpus.Options{})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, c.Articles...)
	}
	arts = append(arts, oneParagraph("syntax", "    indented like code\n```go\nfunc f() {}\n```\n"+
		"| a | b |\n|---|---|\n| 1 | 2 |\n<b>bold</b> *em* **strong** ~~gone~~ [link](http://example.com) "+
		"![img](x.png) https://example.com/auto :smile: - [ ] task\n# not a heading\n> not a quote"))
	var docs []string // Markdown of every other kind; the articles' is made for each width below
	if len(arts) < 20 {
		t.Fatalf("only %d articles to render", len(arts))
	}
	docs = append(docs, "# Title\n\nSome *em*, **strong**, ~~struck~~ and `code` text with a [link](https://example.com) "+
		"and https://example.org/autolink.\n\n"+
		"1. one\n2. two\n   - nested\n\n- [x] done\n- [ ] todo\n\n> quoted\n> > twice\n\n"+
		"| left | right |\n| :--- | ---: |\n| a | b |\n\n<div>html</div>\n\n![alt](img.png)\n\n***\n\n"+
		"Term :tada: with emoji shortcode.\n\n###### small heading\n\n"+
		"See https://github.com/owner/repo/issues/12 and [the fix](https://github.com/owner/repo/commit/0123456789abcdef).\n")
	// Raw HTML, which the copy strips without bluemonday: blocks and inline.
	for _, h := range []string{
		"<div>html &amp; more</div>", "<p class=\"x\">Para <b>bold</b> &lt;tag&gt; 'q' \"dq\"</p>",
		"<script>alert('x')</script>\n\nafter", "<style>p { color: red }</style>", "<title>T</title>",
		"<iframe src=\"x\">inside</iframe>", "<noscript>ns</noscript>", "</title>stray close<title>x</title>y",
		"<!-- comment -->", "<!DOCTYPE html>", "<br/>", "<img src=\"x\" alt=\"y\"/>", "<table><tr><td>cell</td></tr></table>",
		"<div>\n<span>nested <em>deep</em></span>\n</div>", "<ÜBER>umlaut tag</ÜBER>", "<div>unclosed",
		"Inline <span>html</span> and <script>bad()</script> in text.", "Text with <b>bold</b> &copy; &#x263a; entities.",
		"<object><param>p</param>obj</object>", "<frameset><frame>f</frame></frameset>", "<div>  spaced  </div>",
	} {
		docs = append(docs, h, "Intro paragraph.\n\n"+h+"\n\nOutro paragraph.")
	}
	for _, style := range config.GlamourChoices {
		if style == "auto" {
			continue
		}
		for _, profile := range []termenv.Profile{termenv.Ascii, termenv.TrueColor} {
			for _, wrap := range []int{40, 100} {
				up, err := upstream.NewTermRenderer(upstream.WithStandardStyle(style), upstream.WithWordWrap(wrap),
					upstream.WithPreservedNewLines(), upstream.WithColorProfile(profile))
				if err != nil {
					t.Fatal(err)
				}
				cp, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(wrap),
					glamour.WithPreservedNewLines(), glamour.WithColorProfile(profile))
				if err != nil {
					t.Fatal(err)
				}
				all := docs
				for _, a := range arts {
					all = append(all, articleMarkdown(a, true, wrap, nil))
				}
				for i, md := range all {
					want, err1 := up.Render(md)
					got, err2 := cp.Render(md)
					if err1 != nil || err2 != nil || got != want {
						t.Fatalf("style %s, profile %v, wrap %d, document %d: the copy renders\n%q (%v)\nupstream\n%q (%v)",
							style, profile, wrap, i, got, err2, want, err1)
					}
				}
			}
		}
	}
}

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
// a copy of glamour without chroma (see its COPY.md): for every style,
// colour profile and a narrow and a wide pane, the copy must render the
// articles' Markdown, and Markdown of every other kind but code blocks,
// byte for byte as the glamour it was copied from.
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
	var docs []string
	for _, a := range arts {
		docs = append(docs, articleMarkdown(a, true, 40, nil), articleMarkdown(a, true, 100, nil))
	}
	if len(arts) < 20 {
		t.Fatalf("only %d articles to render", len(arts))
	}
	docs = append(docs, "# Title\n\nSome *em*, **strong**, ~~struck~~ and `code` text with a [link](https://example.com) "+
		"and https://example.org/autolink.\n\n"+
		"1. one\n2. two\n   - nested\n\n- [x] done\n- [ ] todo\n\n> quoted\n> > twice\n\n"+
		"| left | right |\n| :--- | ---: |\n| a | b |\n\n<div>html</div>\n\n![alt](img.png)\n\n***\n\n"+
		"Term :tada: with emoji shortcode.\n\n###### small heading\n")
	for _, style := range config.GlamourChoices {
		if style == "auto" {
			continue
		}
		for _, profile := range []termenv.Profile{termenv.Ascii, termenv.ANSI256, termenv.TrueColor} {
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
				for i, md := range docs {
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

package corpus_test

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/parallax-reader/parallax/corpus"
)

// TestEscapeMarkdownIsLiteral renders escaped text with a CommonMark
// renderer (goldmark with GitHub's tables and strikethrough, as glamour
// reads it) and checks that the text comes out as written: one paragraph
// or one table cell, no markup, every character kept.
func TestEscapeMarkdownIsLiteral(t *testing.T) {
	cases := []string{
		"Plain text, nothing special.",
		"*not emphasis* and _not either_ and **not bold**",
		"`not code` and ``two``",
		"[not a link](http://example.com) ![not an image](x.png)",
		"<b>not html</b> <!-- not a comment -->",
		"# not a heading",
		"## not a heading either ##",
		"- not a list item",
		"+ not a list item",
		"1. not an ordered item",
		"2024) not an ordered item",
		"> not a quote",
		"---",
		"===",
		"***",
		"a | b | c",
		"~~not struck~~ and ~one~",
		"AT&amp;T and &copy; and &#126; stay as written",
		"a backslash \\ and \\* and a trailing \\",
		"two\nlines joined",
		"line\n- not a list after a break",
		"Привет, *мир* — 北京 [会谈]",
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	tag := regexp.MustCompile(`<[^>]*>`)
	for _, in := range cases {
		want := strings.ReplaceAll(in, "\n", " ")
		esc := corpus.EscapeMarkdown(in)
		if strings.Contains(esc, "\n") {
			t.Errorf("EscapeMarkdown(%q) = %q: more than one line", in, esc)
		}
		var out bytes.Buffer
		if err := md.Convert([]byte(esc), &out); err != nil {
			t.Fatal(err)
		}
		got := out.String()
		if tags := tag.FindAllString(got, -1); len(tags) != 2 || tags[0] != "<p>" || tags[1] != "</p>" {
			t.Errorf("EscapeMarkdown(%q) = %q renders as %q: want one plain paragraph", in, esc, got)
			continue
		}
		if text := html.UnescapeString(tag.ReplaceAllString(got, "")); strings.TrimSpace(text) != strings.TrimSpace(want) {
			t.Errorf("EscapeMarkdown(%q) = %q renders as text %q, want %q", in, esc, text, want)
		}
		// The same text in a table cell stays one cell of one row.
		out.Reset()
		if err := md.Convert([]byte("| x |\n|---|\n| "+esc+" |\n"), &out); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(out.String(), "<td>"); n != 1 {
			t.Errorf("EscapeMarkdown(%q) in a table cell makes %d cells: %q", in, n, out.String())
		}
	}
}

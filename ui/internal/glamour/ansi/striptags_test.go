package ansi

import (
	"testing"

	"github.com/microcosm-cc/bluemonday"
)

// FuzzStripTagsAsBluemonday: stripTags, which the copy uses in place of
// bluemonday (see ../COPY.md), gives what bluemonday's strict policy gives.
func FuzzStripTagsAsBluemonday(f *testing.F) {
	for _, s := range []string{
		"", "   ", "plain & text", "<div>html &amp; more</div>", "<p class=\"x\">Para <b>bold</b> &lt;tag&gt; 'q' \"dq\"</p>",
		"<script>alert('x')</script>after", "<style>p { color: red }</style>", "<title>T</title>rest",
		"<iframe src=\"x\">inside</iframe>", "</title>stray close<title>x</title>y", "<!-- comment -->text",
		"<!DOCTYPE html><html><head><title>t</title></head><body>b</body></html>", "<br/>", "<img src=x alt=y/>",
		"<ÜBER>umlaut tag</ÜBER>", "<div>unclosed", "<object><param>p</param>obj</object>", "<SCRIPT>x</SCRIPT>y",
		"<noscript><p>n</p></noscript>after", "a < b > c", "<a href='javascript:x'>link</a>", "&#x263a; &copy; &bogus;",
	} {
		f.Add(s)
	}
	strict := bluemonday.StrictPolicy()
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := stripTags(s), strict.Sanitize(s); got != want {
			t.Fatalf("stripTags(%q) = %q, bluemonday %q", s, got, want)
		}
	})
}

// Package articletest holds the checks that the tests of the parsers
// (corpus/formats) and of the loader (corpus) share: that an article keeps
// the promises every Article leaving the corpus keeps. Only tests import it.
package articletest

import (
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-reader/parallax/corpus/article"
)

// AssertClean checks the invariants every parsed article keeps.
func AssertClean(t testing.TB, a *article.Article) {
	t.Helper()
	fields := map[string]string{"title": a.Title, "outlet": a.Outlet, "via": a.Via, "dateline": a.Dateline,
		"byline": a.Byline, "url": a.URL}
	for name, v := range fields {
		if bad := firstControl(v, false); bad >= 0 {
			t.Errorf("%s has control rune %U: %q", name, bad, v)
		}
		if v != strings.TrimSpace(v) {
			t.Errorf("%s not trimmed: %q", name, v)
		}
	}
	if a.Title == "" {
		t.Error("empty title")
	}
	if len(a.Blocks) == 0 {
		t.Error("no blocks")
	}
	for i, b := range a.Blocks {
		if strings.TrimSpace(b.Text) == "" {
			t.Errorf("block %d empty", i)
		}
		if bad := firstControl(b.Text, false); bad >= 0 {
			t.Errorf("block %d has control rune %U", i, bad)
		}
	}
	for _, r := range a.Removed {
		if bad := firstControl(r, false); bad >= 0 {
			t.Errorf("removed line has control rune %U", bad)
		}
	}
}

// firstControl returns the first rune that could drive a terminal, or -1.
func firstControl(s string, allowNewline bool) rune {
	for _, r := range s {
		if r == '\n' && allowNewline {
			continue
		}
		if unicode.IsControl(r) || bidiControl(r) {
			return r
		}
	}
	return -1
}

// AssertSafe checks the corpus's promise on one article (AssertClean) plus what the structured formats add: the id and every
// block and removed line are single-line and free of anything that could
// drive a terminal, and blocks have a known kind.
func AssertSafe(t testing.TB, a *article.Article) {
	t.Helper()
	AssertClean(t, a)
	fields := map[string]string{"id": a.ID, "title": a.Title, "outlet": a.Outlet, "via": a.Via,
		"dateline": a.Dateline, "byline": a.Byline, "url": a.URL, "format": a.Format}
	for i, b := range a.Blocks {
		if b.Text == "" {
			t.Errorf("block %d is empty", i)
		}
		if b.Kind != article.Heading && b.Kind != article.Paragraph && b.Kind != article.ListItem && b.Kind != article.Quote {
			t.Errorf("block %d has kind %q", i, b.Kind)
		}
		fields["block"+string(rune('0'+i%10))] = b.Text
	}
	for i, r := range a.Removed {
		fields["removed"+string(rune('0'+i%10))] = r
	}
	if len(a.Blocks) == 0 {
		t.Errorf("article %q has no blocks", a.Title)
	}
	for name, s := range fields {
		if bad := unsafeRune(s); bad >= 0 {
			t.Errorf("%s of %q holds unsafe rune %U: %q", name, a.Title, bad, s)
		}
		if strings.Contains(s, "\n") && name != "format" {
			t.Errorf("%s of %q spans lines: %q", name, a.Title, s)
		}
	}
}

// unsafeRune returns the first rune of s that must never reach a terminal,
// or -1.
func unsafeRune(s string) rune {
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || bidiControl(r) || unicode.Is(unicode.Cc, r) {
			return r
		}
	}
	return -1
}

// bidiControl reports the explicit directional formatting characters
// (embeddings, overrides, isolates). It is written out here rather than
// taken from the sanitiser, so that the check does not trust the code it
// checks.
func bidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// Words returns a body of exactly n words (n at most 24) of news prose:
// the duplicate and header tests need bodies of a known length.
func Words(n int) string {
	words := strings.Fields("dock workers at the northern terminal returned to work on friday morning after union leaders accepted a revised pay offer from the port authority")
	return strings.Join(words[:n], " ") + "."
}

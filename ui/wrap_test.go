package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"the quick brown fox", 9, []string{"the quick", "brown fox"}},
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		{"  spaced   out  ", 20, []string{"spaced out"}},
		{"one\ntwo three", 5, []string{"one", "two", "three"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"go abcdefghij x", 4, []string{"go", "abcd", "efgh", "ij x"}},
		{"日本語の文章です", 6, []string{"日本語", "の文章", "です"}},
		{"e\u0301e\u0301e\u0301e\u0301", 2, []string{"e\u0301e\u0301", "e\u0301e\u0301"}},
		{"", 5, []string{""}},
		{"x", 0, nil},
	} {
		got := wrap(c.in, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		for _, l := range got {
			if lipgloss.Width(l) > c.w {
				t.Errorf("wrap(%q, %d): line %q is wider than %d", c.in, c.w, l, c.w)
			}
		}
	}
}

// Hostile text is capped before layout, so what wrap makes is bounded by
// the caps, not by the input: a megabyte-long word gives a few dozen lines,
// a letter with forty thousand marks keeps eight of them.
func TestWrapBoundsHostileText(t *testing.T) {
	word := strings.Repeat("a", 1<<20)
	lines := wrap("before "+word+" after", 80)
	if max := maxWordColumns/80 + 3; len(lines) > max {
		t.Fatalf("a 1 MB word made %d lines, want at most %d", len(lines), max)
	}
	if !strings.Contains(strings.Join(lines, "\n"), "…") || lines[len(lines)-1] != "after" && !strings.HasSuffix(lines[len(lines)-1], " after") {
		t.Errorf("the cut word must end in … and the text go on after it: %q", lines[len(lines)-3:])
	}

	zalgo := "Z" + strings.Repeat("\u0301\u0489", 20000) + "algo"
	got := displayText(zalgo)
	if n := utf8.RuneCountInString(got); n != 1+maxMarksPerGrapheme+4 {
		t.Errorf("40,000 marks on one letter kept %d runes, want %d", n, 1+maxMarksPerGrapheme+4)
	}

	// Text within the limits is untouched (and not copied): marks that
	// real scripts stack, long urls, CJK and Thai without spaces.
	for _, s := range []string{
		"Việt Nam, שָׁלוֹם, नमस्ते, བོད་སྐད་",
		"https://example.org/" + strings.Repeat("path/", 700),
		strings.Repeat("日本語の文章です。", 2000),
		strings.Repeat("ภาษาไทย", 500),
	} {
		if displayText(s) != s {
			t.Errorf("displayText changed real text %.40q…", s)
		}
	}
}

func BenchmarkWrapLongWord(b *testing.B) {
	word := strings.Repeat("x", 640_000)
	b.SetBytes(int64(len(word)))
	for b.Loop() {
		wrap(word, 80)
	}
}

func BenchmarkWrapProse(b *testing.B) {
	text := strings.Repeat("Negotiators met again on Sunday and said the talks had made real progress. ", 2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		wrap(text, 80)
	}
}

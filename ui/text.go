package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

const ellipsis = "…"

// cellWidth is the number of columns s takes on a terminal, escape
// sequences left out. Terminals do not agree on it: xterm, tmux, VTE and
// Alacritty give each code point its own width (wcwidth), so a spacing
// vowel sign of Devanagari or Bengali takes a column and a conjunct
// ("ब्र") two, where grapheme-aware measures (lipgloss.Width) count a whole
// cluster as one letter; an emoji sequence joined by ZWJ is the other way
// round. A line measured short overflows and the terminal wraps it, which
// moves every line below; so text is measured as the wider of the two, and
// a line may end a column or two short on some terminal instead.
func cellWidth(s string) int {
	if strings.IndexByte(s, '\n') >= 0 { // a block: its widest line, as lipgloss.Width
		w := 0
		for _, l := range strings.Split(s, "\n") {
			w = max(w, cellWidth(l))
		}
		return w
	}
	g := ansi.StringWidth(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return max(g, codePointCells(ansi.Strip(s)))
		}
	}
	return g
}

// codePointCells is the width of s as wcwidth gives it, code point by code
// point: none for combining marks and format characters, two for wide
// East Asian characters, one for the rest.
func codePointCells(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			n++
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		default:
			n += max(runewidth.RuneWidth(r), 1)
		}
	}
	return n
}

// truncateWidth cuts s to at most w columns by cellWidth, ending in tail
// when it was cut.
func truncateWidth(s string, w int, tail string) string {
	t := ansi.Truncate(s, w, tail)
	for k := w - 1; k > 0 && cellWidth(t) > w; k-- {
		t = ansi.Truncate(s, k, tail)
	}
	return t
}

// truncate cuts s to at most w columns, ending in "…" when it was cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if cellWidth(s) <= w {
		return s
	}
	return truncateWidth(s, w, ellipsis)
}

// fitLine truncates or pads s to exactly w columns.
func fitLine(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := cellWidth(s)
	if n > w {
		s = truncateWidth(s, w, ellipsis)
		n = cellWidth(s)
	}
	if n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}

// fitLines makes exactly h lines of exactly w columns from lines.
func fitLines(lines []string, w, h int) []string {
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fitLine(lines[i], w)
		} else {
			out[i] = strings.Repeat(" ", max(w, 0))
		}
	}
	return out
}

// blank is a line of w spaces.
func blank(w int) string { return strings.Repeat(" ", max(w, 0)) }

// center places lines in the middle of a w x h box.
func center(lines []string, w, h int) []string {
	out := make([]string, 0, h)
	top := clamp((h-len(lines))/2, 0, h)
	for i := 0; i < top; i++ {
		out = append(out, "")
	}
	for _, l := range lines {
		pad := clamp((w-cellWidth(l))/2, 0, w)
		out = append(out, blank(pad)+l)
	}
	return fitLines(out, w, h)
}

func ansiStrip(s string) string { return ansi.Strip(s) }

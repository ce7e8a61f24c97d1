package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

const ellipsis = "…"

// truncate cuts s to at most w columns, ending in "…" when it was cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if lipgloss.Width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, ellipsis)
}

// fitLine truncates or pads s to exactly w columns.
func fitLine(s string, w int) string {
	if w <= 0 {
		return ""
	}
	n := lipgloss.Width(s)
	if n > w {
		s = ansi.Truncate(s, w, ellipsis)
		n = lipgloss.Width(s)
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
		pad := clamp((w-lipgloss.Width(l))/2, 0, w)
		out = append(out, blank(pad)+l)
	}
	return fitLines(out, w, h)
}

func ansiStrip(s string) string { return ansi.Strip(s) }

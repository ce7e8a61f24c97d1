package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// scrollKeys are the keys that move through lines or rows. Each pane's key
// map embeds its own (so each says "line up" or "up" in its help, and the
// reader can rebind them), as bubbles' viewport.KeyMap does; step reads
// any of them, so what each key moves is written once. A binding a pane
// does not have (the half pages of a table) is left unset and never
// matches.
type scrollKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
}

// scrollAll is a move past either end: every pane clamps what it moves,
// so Top and Bottom land on the first and the last.
const scrollAll = 1 << 30

// step is the move km asks for: one line (or row), a page, half a page, or
// to either end (±scrollAll). ok is false for keys that do not scroll.
func (k scrollKeys) step(km tea.KeyMsg, page, half int) (n int, ok bool) {
	switch {
	case key.Matches(km, k.Up):
		return -1, true
	case key.Matches(km, k.Down):
		return 1, true
	case key.Matches(km, k.PageUp):
		return -page, true
	case key.Matches(km, k.PageDown):
		return page, true
	case key.Matches(km, k.HalfUp):
		return -half, true
	case key.Matches(km, k.HalfDown):
		return half, true
	case key.Matches(km, k.Top):
		return -scrollAll, true
	case key.Matches(km, k.Bottom):
		return scrollAll, true
	}
	return 0, false
}

// viewPage is the page and half page of a view h lines tall: a page keeps
// one line of the last in view, for context.
func viewPage(h int) (page, half int) { return max(h-1, 1), max(h/2, 1) }

// isEnd reports whether a step is to either end rather than by lines.
func isEnd(n int) bool { return n == scrollAll || n == -scrollAll }

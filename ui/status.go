package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/parallax-reader/parallax/corpus"
)

// statusMsg puts a transient message in the status line; it stays until
// the next key.
type statusMsg struct {
	text string
	err  bool
}

func statusCmd(text string) tea.Cmd { return msgCmd(statusMsg{text: text}) }

func errorCmd(err error) tea.Cmd { return msgCmd(statusMsg{text: err.Error(), err: true}) }

// statusLine renders the bottom line: a transient message or key hints on
// the left, where the reader is on the right.
type statusLine struct {
	text  string
	isErr bool
	// logged: the message is in the message log already (messages.go).
	logged bool
}

func (s *statusLine) clear() { s.text, s.isErr, s.logged = "", false, false }

// render lays the line out. A message wins over the counters: they give
// way as far as it needs, and a message longer than the line ends with
// how to read it whole. Key hints are whole or left out, never cut.
func (s *statusLine) render(sh *shared, w int, hints help.KeyMap, right string, bar string) string {
	st := sh.styles
	rightW := cellWidth(right)
	barW := cellWidth(bar)
	if s.text != "" {
		need := cellWidth(s.text) + 1
		if need+rightW+barW+2 > w {
			bar, barW = "", 0
		}
		// The counters give way from their end, part by part, as far
		// as the message needs.
		parts := strings.Split(right, " · ")
		for len(parts) > 0 && need+rightW+2 > w {
			parts = parts[:len(parts)-1]
			right = strings.Join(parts, " · ")
			rightW = cellWidth(right)
		}
	}
	// What is on the right matters more than hints; the left side gets
	// what remains.
	if rightW+barW+2 > w {
		bar, barW = "", 0
	}
	if rightW+2 > w {
		right = truncate(right, max(w-2, 0))
		rightW = cellWidth(right)
	}
	leftW := max(w-rightW-barW-2, 0)

	var left string
	switch {
	case s.text != "":
		style := st.Info
		if s.isErr {
			style = st.Error
		}
		left = style.Render(" " + fitMessage(corpus.CleanLine(s.text), max(leftW-1, 0), keyHint(sh.keys.Global.Report)))
	default:
		left = st.Status.Render(" ") + shortHints(sh, hints.ShortHelp(), max(leftW-1, 0))
	}
	if cellWidth(left) > leftW {
		left = truncate(left, leftW)
	}
	gap := max(w-cellWidth(left)-barW-rightW-1, 0)
	line := left + st.Status.Render(blank(gap)) + bar + st.Status.Render(right+" ")
	return fitLine(line, w)
}

// fitMessage is text cut to w columns; when cut, it ends with the key
// that shows it whole (the messages at the top of the report).
func fitMessage(text string, w int, report string) string {
	if cellWidth(text) <= w {
		return text
	}
	more := " (" + report + " shows all)"
	if w < 2*cellWidth(more) {
		return truncate(text, w)
	}
	return truncate(text, w-cellWidth(more)) + more
}

// shortHints are the key hints that fit in w columns, each whole, then
// "…" when some were left out.
func shortHints(sh *shared, bs []key.Binding, w int) string {
	st := sh.styles
	const sep = " · "
	tail := " " + st.Status.Render("…")
	var b strings.Builder
	used := 0
	for i, kb := range bs {
		if !kb.Enabled() {
			continue
		}
		hint := st.StatusKey.Inline(true).Render(kb.Help().Key) + st.Status.Inline(true).Render(" "+kb.Help().Desc)
		if used > 0 {
			hint = st.Status.Inline(true).Render(sep) + hint
		}
		hw := cellWidth(hint)
		room := w
		if i < len(bs)-1 {
			room = w - cellWidth(tail) // a later hint may need the "…"
		}
		if used+hw > room {
			if used+cellWidth(tail) <= w {
				b.WriteString(tail)
			}
			break
		}
		b.WriteString(hint)
		used += hw
	}
	return b.String()
}

// progressBar is the loading bar shown once loading takes a while.
func progressBar(sh *shared, read, total int) string {
	st := sh.styles
	if total <= 0 {
		return st.Status.Render(fmt.Sprintf("loading… %s files ", formatCount(read)))
	}
	const width = 20
	full := clamp(read*width/total, 0, width)
	return st.Status.Render(fmt.Sprintf("loading %s/%s ", formatCount(read), formatCount(total))) +
		st.BarFull.Render(strings.Repeat("█", full)) +
		st.BarEmpty.Render(strings.Repeat("░", width-full)) +
		st.Status.Render("  ")
}

// joinRight joins the non-empty parts with " · ".
func joinRight(parts ...string) string {
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

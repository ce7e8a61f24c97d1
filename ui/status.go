package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
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
}

func (s *statusLine) clear() { s.text, s.isErr = "", false }

func (s *statusLine) render(sh *shared, w int, hints help.KeyMap, right string, bar string) string {
	st := sh.styles
	rightW := lipgloss.Width(right)
	barW := lipgloss.Width(bar)
	// What is on the right matters more; the left side gets what remains.
	if rightW+barW+2 > w {
		bar, barW = "", 0
	}
	if rightW+2 > w {
		right = truncate(right, max(w-2, 0))
		rightW = lipgloss.Width(right)
	}
	leftW := max(w-rightW-barW-2, 0)

	var left string
	switch {
	case s.text != "" && s.isErr:
		left = st.Error.Render(" " + truncate(corpus.CleanLine(s.text), max(leftW-1, 0)))
	case s.text != "":
		left = st.Info.Render(" " + truncate(corpus.CleanLine(s.text), max(leftW-1, 0)))
	default:
		h := help.New()
		h.Width = max(leftW-1, 0)
		h.ShortSeparator = " · "
		h.Styles.ShortKey = st.StatusKey
		h.Styles.ShortDesc = st.Status
		h.Styles.ShortSeparator = st.Status
		h.Styles.Ellipsis = st.Status
		left = st.Status.Render(" ") + h.ShortHelpView(hints.ShortHelp())
	}
	if lipgloss.Width(left) > leftW {
		left = truncate(left, leftW)
	}
	gap := max(w-lipgloss.Width(left)-barW-rightW-1, 0)
	line := left + st.Status.Render(blank(gap)) + bar + st.Status.Render(right+" ")
	return fitLine(line, w)
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

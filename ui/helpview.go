package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// helpLines lays out the full help for km (the context `?` was pressed in)
// in columns when they fit in width w, one group under another otherwise.
func helpLines(sh *shared, km help.KeyMap, w int) []string {
	h := help.New()
	st := sh.styles
	h.Styles.FullKey = st.Title.UnsetBold()
	h.Styles.FullDesc = lipgloss.NewStyle()
	h.Styles.FullSeparator = st.Rule
	h.FullSeparator = "    "

	groups := km.FullHelp()
	var body string
	if cols := h.FullHelpView(groups); cellWidth(cols)+2 <= w {
		body = cols
	} else {
		parts := make([]string, 0, len(groups))
		for _, g := range groups {
			parts = append(parts, h.FullHelpView([][]key.Binding{g}))
		}
		body = strings.Join(parts, "\n\n")
	}
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, "")
	var notes []string
	if ml, ok := km.(markLegend); ok {
		notes = ml.marks(sh) // each pane explains its own marks
	}
	for _, note := range notes {
		for _, l := range wrap(note, max(w-4, 10)) {
			lines = append(lines, "  "+st.Meta.Render(l))
		}
	}
	switch km.(type) {
	case listHelp, articleHelp:
		// Search (/ in the list) and find (/ in an article) share a language.
		lines = append(lines, "", "  "+st.Title.Render("Search and find: the query language"))
		for _, l := range queryHelp(sh, max(w-4, 10)) {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}

func repeat(s string, n int) string { return strings.Repeat(s, max(n, 0)) }

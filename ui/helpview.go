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
	if cols := h.FullHelpView(groups); lipgloss.Width(cols)+2 <= w {
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
	lk := sh.keys.List
	for _, note := range []string{
		"≈ before a title: the file had no headline; it was made from the opening sentence.",
		"● marks articles you have not opened yet. Read marks are kept between runs.",
		"★ marks bookmarks (" + keyHint(lk.Bookmark) + " toggles, " + keyHint(lk.BookmarksOnly) + " shows only them). " +
			keyHint(lk.UnreadOnly) + " shows unread articles only. Keys can be changed in the configuration file.",
	} {
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

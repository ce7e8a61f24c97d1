package ui

import "github.com/charmbracelet/lipgloss"

// storyStyles are the styles of the story panes. What they must make visible
// without colour too (NO_COLOR): copied wording (reverse), wording merely
// shared (underline), what only one outlet has, and figures that disagree.
type storyStyles struct {
	Copied   lipgloss.Style // a phrase both texts have word for word
	Common   lipgloss.Style // words both texts use: paraphrase
	Match    lipgloss.Style // a search match
	Heading  lipgloss.Style // a sentence that is a heading
	Gap      lipgloss.Style // the note facing a passage only the other side has
	Shared   lipgloss.Style // row mark: aligned passage
	Own      lipgloss.Style // row mark: a passage only one side has
	Current  lipgloss.Style // the mark of the passage last jumped to
	Value    lipgloss.Style // figures in the strip
	Only     lipgloss.Style // coverage: an item one outlet alone reports
	Conflict lipgloss.Style // coverage: figures that disagree
	Section  lipgloss.Style // coverage: section titles
	Focus    lipgloss.Style // coverage: the chosen outlet's column head
	Story    lipgloss.Style // grouped list: story header label
	Tree     lipgloss.Style // grouped list: the tree lines under a story
}

// newStoryStyles makes the story styles from the palette, so that themes
// and [colors] apply: copied wording is the "shared" colour reversed (a
// block), shared words that colour underlined.
func newStoryStyles(p palette, color bool) storyStyles {
	s := storyStyles{}
	s.Copied = lipgloss.NewStyle().Foreground(p.shared).Reverse(true)
	s.Common = lipgloss.NewStyle().Foreground(p.shared).Underline(true)
	s.Match = lipgloss.NewStyle().Foreground(p.accent).Reverse(true).Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true)
	s.Gap = lipgloss.NewStyle().Foreground(p.muted).Italic(true)
	s.Shared = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Own = lipgloss.NewStyle().Foreground(p.warning).Bold(true)
	s.Current = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Value = lipgloss.NewStyle().Bold(true)
	s.Only = lipgloss.NewStyle().Foreground(p.warning).Bold(true)
	s.Conflict = lipgloss.NewStyle().Foreground(p.errC).Bold(true)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.Focus = lipgloss.NewStyle().Reverse(true)
	s.Story = lipgloss.NewStyle().Bold(true)
	s.Tree = lipgloss.NewStyle().Foreground(p.subtle)
	if !color {
		// Reverse is the copied block; a match must differ from it.
		s.Match = lipgloss.NewStyle().Bold(true).Italic(true).Underline(true)
		s.Conflict = lipgloss.NewStyle().Bold(true).Underline(true)
	}
	return s
}

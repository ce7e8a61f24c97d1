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

func newStoryStyles(dark, color bool) storyStyles {
	pick := func(light, darkC string) lipgloss.TerminalColor {
		if !color {
			return lipgloss.NoColor{}
		}
		if dark {
			return lipgloss.Color(darkC)
		}
		return lipgloss.Color(light)
	}
	s := storyStyles{}
	s.Copied = lipgloss.NewStyle().Background(pick("223", "94")).Foreground(pick("232", "230"))
	s.Common = lipgloss.NewStyle().Foreground(pick("24", "117")).Underline(true)
	s.Match = lipgloss.NewStyle().Background(pick("213", "162")).Foreground(pick("232", "231")).Bold(true)
	s.Heading = lipgloss.NewStyle().Bold(true)
	s.Gap = lipgloss.NewStyle().Foreground(pick("244", "243")).Italic(true)
	s.Shared = lipgloss.NewStyle().Foreground(pick("25", "75")).Bold(true)
	s.Own = lipgloss.NewStyle().Foreground(pick("130", "215")).Bold(true)
	s.Current = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Value = lipgloss.NewStyle().Bold(true)
	s.Only = lipgloss.NewStyle().Foreground(pick("130", "215")).Bold(true)
	s.Conflict = lipgloss.NewStyle().Foreground(pick("160", "203")).Bold(true)
	s.Section = lipgloss.NewStyle().Bold(true).Foreground(pick("25", "75"))
	s.Focus = lipgloss.NewStyle().Reverse(true)
	s.Story = lipgloss.NewStyle().Bold(true)
	s.Tree = lipgloss.NewStyle().Foreground(pick("250", "240"))
	if !color {
		s.Copied = lipgloss.NewStyle().Reverse(true)
		s.Common = lipgloss.NewStyle().Underline(true)
		s.Match = lipgloss.NewStyle().Bold(true).Italic(true).Underline(true)
		s.Conflict = lipgloss.NewStyle().Bold(true).Underline(true)
	}
	return s
}

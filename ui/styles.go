package ui

import "github.com/charmbracelet/lipgloss"

// styles holds every lipgloss style the UI uses. It is built once, before the
// program starts, from the detected background and NO_COLOR.
type styles struct {
	Header     lipgloss.Style // top bar
	HeaderDim  lipgloss.Style
	ColumnHead lipgloss.Style // list column titles
	Row        lipgloss.Style
	RowRead    lipgloss.Style // rows of articles already read
	Selected   lipgloss.Style // the selected row (focused pane)
	SelectedBg lipgloss.Style // the selected row while another pane has focus
	Unread     lipgloss.Style // the unread mark
	Derived    lipgloss.Style // marker of titles made from the lead sentence
	Meta       lipgloss.Style // dates, outlets, counts
	Title      lipgloss.Style // article title in the article pane
	TitleDim   lipgloss.Style // article title while the pane is not focused
	Note       lipgloss.Style // notes such as "boilerplate removed"
	Rule       lipgloss.Style // separators
	Status     lipgloss.Style
	StatusKey  lipgloss.Style
	Info       lipgloss.Style // transient messages
	Error      lipgloss.Style // transient errors
	Empty      lipgloss.Style // headline of empty screens
	BarFull    lipgloss.Style // loading progress bar
	BarEmpty   lipgloss.Style

	Story storyStyles // the story panes: comparison, coverage, grouped list
}

// newStyles builds the styles for a dark or light background. Without colour
// (NO_COLOR) only attributes are used, so selection and emphasis stay visible.
func newStyles(dark, color bool) *styles {
	pick := func(light, darkC string) lipgloss.TerminalColor {
		if !color {
			return lipgloss.NoColor{}
		}
		if dark {
			return lipgloss.Color(darkC)
		}
		return lipgloss.Color(light)
	}
	accent := pick("25", "75")     // blue
	dim := pick("244", "245")      // grey text
	faint := pick("250", "238")    // rules
	selBg := pick("254", "236")    // selected row background
	selBgDim := pick("255", "235") // selected row, unfocused
	errC := pick("160", "203")     // red
	infoC := pick("28", "114")     // green
	statusBg := pick("254", "235") // status bar
	statusFg := pick("238", "250")

	s := &styles{}
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.HeaderDim = lipgloss.NewStyle().Foreground(dim)
	s.ColumnHead = lipgloss.NewStyle().Foreground(dim)
	s.Row = lipgloss.NewStyle()
	s.RowRead = lipgloss.NewStyle().Foreground(dim)
	s.Selected = lipgloss.NewStyle().Bold(true).Background(selBg)
	s.SelectedBg = lipgloss.NewStyle().Background(selBgDim)
	if !color {
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.SelectedBg = lipgloss.NewStyle().Underline(true)
		s.RowRead = lipgloss.NewStyle().Faint(true)
	}
	s.Unread = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Derived = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Meta = lipgloss.NewStyle().Foreground(dim)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.TitleDim = lipgloss.NewStyle().Bold(true)
	s.Note = lipgloss.NewStyle().Foreground(dim).Italic(true)
	s.Rule = lipgloss.NewStyle().Foreground(faint)
	s.Status = lipgloss.NewStyle().Foreground(statusFg).Background(statusBg)
	s.StatusKey = lipgloss.NewStyle().Foreground(accent).Background(statusBg).Bold(true)
	s.Info = lipgloss.NewStyle().Foreground(infoC).Background(statusBg)
	s.Error = lipgloss.NewStyle().Foreground(errC).Background(statusBg).Bold(true)
	s.Empty = lipgloss.NewStyle().Bold(true)
	s.BarFull = lipgloss.NewStyle().Foreground(accent).Background(statusBg)
	s.BarEmpty = lipgloss.NewStyle().Foreground(faint).Background(statusBg)
	s.Story = newStoryStyles(dark, color)
	return s
}

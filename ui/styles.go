package ui

import "github.com/charmbracelet/lipgloss"

// styles holds every lipgloss style the UI uses. It is built once, before the
// program starts, from the theme (or the detected background), NO_COLOR and
// the configured colours.
type styles struct {
	Header     lipgloss.Style // top bar
	HeaderDim  lipgloss.Style
	ColumnHead lipgloss.Style // list column titles
	Row        lipgloss.Style
	RowRead    lipgloss.Style // rows of articles already read
	Selected   lipgloss.Style // the selected row (focused pane)
	SelectedBg lipgloss.Style // the selected row while another pane has focus
	Unread     lipgloss.Style // the unread mark
	Bookmark   lipgloss.Style // the bookmark mark
	Derived    lipgloss.Style // marker of titles made from the lead sentence
	Meta       lipgloss.Style // dates, outlets, counts
	Title      lipgloss.Style // article title in the article pane
	TitleDim   lipgloss.Style // article title while the pane is not focused
	Note       lipgloss.Style // notes such as "boilerplate removed"
	Rule       lipgloss.Style // separators
	Shared     lipgloss.Style // text that outlets share (comparison)
	Warning    lipgloss.Style
	Status     lipgloss.Style
	StatusKey  lipgloss.Style
	// StatusFilter names the list filters that are on, in the status line.
	StatusFilter lipgloss.Style
	Info         lipgloss.Style // transient messages
	Error        lipgloss.Style // transient errors
	Empty        lipgloss.Style // headline of empty screens
	BarFull      lipgloss.Style // loading progress bar
	BarEmpty     lipgloss.Style
	Hit          lipgloss.Style // a search hit in text
	HitCurrent   lipgloss.Style // the hit n/N moved to
	Hits         hitPaint       // Hit and HitCurrent for paintHits

	Story storyStyles // the story panes: comparison, coverage, grouped list
}

// palette is the handful of colours every style is made from. The [colors]
// table of the configuration file overrides them by name.
type palette struct {
	accent, text, muted, subtle, highlight, highlightDim, shared, warning, errC, info, statusBg, statusFg lipgloss.TerminalColor

	// Backgrounds of search hits.
	hit, hitCurrent lipgloss.TerminalColor
}

// newPalette is the default palette for a dark or light background, with
// overrides (config [colors]: name -> "#rrggbb" or an ANSI number) applied.
// Without colour (NO_COLOR) every colour is NoColor and overrides are ignored.
func newPalette(dark, color bool, overrides map[string]string) palette {
	pick := func(light, darkC string) lipgloss.TerminalColor {
		if !color {
			return lipgloss.NoColor{}
		}
		if dark {
			return lipgloss.Color(darkC)
		}
		return lipgloss.Color(light)
	}
	p := palette{
		accent:       pick("25", "75"), // blue
		text:         lipgloss.NoColor{},
		muted:        pick("244", "245"), // grey text
		subtle:       pick("250", "238"), // rules
		highlight:    pick("254", "236"), // selected row background
		highlightDim: pick("255", "235"), // selected row, unfocused
		shared:       pick("94", "179"),  // text outlets share (comparison)
		warning:      pick("130", "214"), // bookmarks, warnings
		errC:         pick("160", "203"), // red
		info:         pick("28", "114"),  // green
		statusBg:     pick("254", "235"),
		statusFg:     pick("238", "250"),
		hit:          pick("228", "136"), // yellow
		hitCurrent:   pick("214", "208"), // orange
	}
	if !color {
		return p
	}
	for name, v := range overrides {
		c := lipgloss.Color(v)
		switch name {
		case "accent":
			p.accent = c
		case "text":
			p.text = c
		case "muted":
			p.muted = c
		case "subtle":
			p.subtle = c
		case "highlight":
			p.highlight, p.highlightDim = c, c
		case "shared":
			p.shared = c
		case "warning":
			p.warning = c
		case "error":
			p.errC = c
		case "hit":
			p.hit = c
		case "current-hit":
			p.hitCurrent = c
		}
	}
	return p
}

// newStyles builds the default styles for a dark or light background.
func newStyles(dark, color bool) *styles { return buildStyles(newPalette(dark, color, nil), color) }

// buildStyles makes every style from p. Without colour only attributes are
// used, so selection and emphasis stay visible.
func buildStyles(p palette, color bool) *styles {
	s := &styles{}
	s.Header = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.HeaderDim = lipgloss.NewStyle().Foreground(p.muted)
	s.ColumnHead = lipgloss.NewStyle().Foreground(p.muted)
	s.Row = lipgloss.NewStyle().Foreground(p.text)
	s.RowRead = lipgloss.NewStyle().Foreground(p.muted)
	s.Selected = lipgloss.NewStyle().Bold(true).Background(p.highlight)
	s.SelectedBg = lipgloss.NewStyle().Background(p.highlightDim)
	if !color {
		s.Selected = lipgloss.NewStyle().Reverse(true)
		s.SelectedBg = lipgloss.NewStyle().Underline(true)
		s.RowRead = lipgloss.NewStyle().Faint(true)
	}
	s.Unread = lipgloss.NewStyle().Foreground(p.accent).Bold(true)
	s.Bookmark = lipgloss.NewStyle().Foreground(p.warning).Bold(true)
	s.Derived = lipgloss.NewStyle().Foreground(p.muted).Italic(true)
	s.Meta = lipgloss.NewStyle().Foreground(p.muted)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(p.accent)
	s.TitleDim = lipgloss.NewStyle().Bold(true).Foreground(p.text)
	s.Note = lipgloss.NewStyle().Foreground(p.muted).Italic(true)
	s.Rule = lipgloss.NewStyle().Foreground(p.subtle)
	s.Shared = lipgloss.NewStyle().Foreground(p.shared)
	s.Warning = lipgloss.NewStyle().Foreground(p.warning)
	s.Status = lipgloss.NewStyle().Foreground(p.statusFg).Background(p.statusBg)
	s.StatusKey = lipgloss.NewStyle().Foreground(p.accent).Background(p.statusBg).Bold(true)
	s.StatusFilter = lipgloss.NewStyle().Foreground(p.warning).Background(p.statusBg).Bold(true)
	s.Info = lipgloss.NewStyle().Foreground(p.info).Background(p.statusBg)
	s.Error = lipgloss.NewStyle().Foreground(p.errC).Background(p.statusBg).Bold(true)
	s.Empty = lipgloss.NewStyle().Bold(true)
	s.BarFull = lipgloss.NewStyle().Foreground(p.accent).Background(p.statusBg)
	s.BarEmpty = lipgloss.NewStyle().Foreground(p.subtle).Background(p.statusBg)
	s.Story = newStoryStyles(p, color)
	s.Hit = lipgloss.NewStyle().Foreground(lipgloss.Color("16")).Background(p.hit)
	s.HitCurrent = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("16")).Background(p.hitCurrent)
	if !color {
		s.Hit = lipgloss.NewStyle().Reverse(true)
		s.HitCurrent = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
	}
	s.Hits = newHitPaint(s.Hit, s.HitCurrent)
	return s
}

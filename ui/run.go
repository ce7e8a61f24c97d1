// Package ui is Parallax's interactive reader: a Bubble Tea program with a
// list pane, an article pane (a preview beside the list on wide terminals),
// help, a load report and persisted read marks.
package ui

import (
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// Config is what the command line decides for the interactive reader.
type Config struct {
	Source corpus.Source
	Load   corpus.Options
	Mouse  bool // --mouse: wheel scrolling (off by default so text selection works)
}

// Run opens the reader on the terminal and returns when the user quits.
func Run(cfg Config) error {
	// Detect the background once, before Bubble Tea owns the terminal.
	color := os.Getenv("NO_COLOR") == ""
	dark := lipgloss.HasDarkBackground()
	profile := lipgloss.ColorProfile()
	if !color {
		// Attributes (bold, reverse) still show selection without colour.
		profile = termenv.ANSI
		lipgloss.SetColorProfile(profile)
	}

	marks, warn := userstate.OpenReads()
	sh := newShared(newStyles(dark, color), glamourStyleFor(dark, color), profile, time.Now, marks)
	m := newModel(cfg, sh)
	defer m.Close()
	if warn != nil {
		m.status = statusLine{text: warn.Error(), isErr: true}
	}

	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if cfg.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	_, err := tea.NewProgram(m, opts...).Run()
	m.Close()
	// Marks are saved as they change; this catches a save still pending.
	if serr := marks.Save(); serr != nil {
		fmt.Fprintln(os.Stderr, "parallax: could not save read marks:", serr)
	}
	return err
}

// glamourStyleFor picks the explicit glamour style for the terminal.
func glamourStyleFor(dark, color bool) string {
	switch {
	case !color:
		return "notty"
	case dark:
		return "dark"
	}
	return "light"
}

func newShared(st *styles, glamourStyle string, profile termenv.Profile, now func() time.Time, marks *userstate.Marks) *shared {
	return &shared{
		styles:       st,
		keys:         newKeyMap(),
		glamourStyle: glamourStyle,
		profile:      profile,
		now:          now,
		marks:        marks,
		renderer:     newRenderer(profile),
		cache:        newRenderCache(256),
		after:        defaultAfter,
	}
}

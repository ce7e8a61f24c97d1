// Package ui is Parallax's interactive reader: a Bubble Tea program with a
// list pane, an article pane (a preview beside the list on wide terminals),
// help, a load report and persisted read marks.
package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/storyedits"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui/config"
	"github.com/parallax-reader/parallax/ui/library"
)

// Config is what the command line decides for the interactive reader.
type Config struct {
	Source corpus.Source
	Load   corpus.Options
	Mouse  bool // --mouse: wheel scrolling (off by default so text selection works)
	// Watch: files added, changed or removed while the reader runs join or
	// leave the list (--watch).
	Watch bool

	// Settings is the configuration file, already checked with CheckConfig.
	// The zero value means the defaults.
	Settings config.Config
	// ConfigProblems are what was wrong in the configuration file. The CLI
	// has printed them; the reader mentions them once in the status line.
	ConfigProblems []config.Problem
	// News is set when Source is the user's fetched news (refresh.go).
	News *News
	// Open opens the corpus's store; nil is the store on files
	// (store.Open). The reader reaches its corpus through the store alone
	// (list, index, stories, changes), so another store needs nothing
	// else of it.
	Open func(ctx context.Context, src corpus.Source, opt store.Options) (store.Store, error)
}

// open is the store opener the configuration names.
func (cfg Config) open() func(context.Context, corpus.Source, store.Options) (store.Store, error) {
	if cfg.Open != nil {
		return cfg.Open
	}
	return store.Open
}

// Run opens the reader on the terminal and returns when the user quits.
func Run(cfg Config) error {
	defer restoreTerminalOnPanic(os.Stdin, os.Stdout)()
	// Detect the background once, before Bubble Tea owns the terminal, and
	// only when the theme or glamour style depends on it.
	lk := chooseLook(cfg.Settings.Theme, cfg.Settings.GlamourStyle, os.Getenv("NO_COLOR") != "", lipgloss.HasDarkBackground)
	profile := lipgloss.ColorProfile()
	if !lk.color {
		// Attributes (bold, reverse) still show selection without colour.
		profile = termenv.ANSI
		lipgloss.SetColorProfile(profile)
	}

	marks, warn := userstate.OpenReads()
	bookmarks, bwarn := userstate.OpenBookmarks()
	st := buildStyles(newPalette(lk.dark, lk.color, cfg.Settings.Colors), lk.color)
	sh := newShared(st, lk.glamour, profile, time.Now, marks)
	sh.lib.Bookmarks = bookmarks
	edits, ewarn := storyedits.Open(storyedits.Path())
	sh.lib.Edits = edits
	sh.sys = defaultSystem(os.Stdout)
	// Relaxed collection while the start loads what it keeps (gcbudget.go).
	endGC, endLoadGC := relaxStartGC(), relaxLoadGC()
	defer endGC()
	defer endLoadGC()
	m := newModel(cfg, sh)
	m.load.endStartGC, m.load.endLoadGC = endGC, endLoadGC
	defer m.Close()
	switch {
	case warn != nil:
		m.status = statusLine{text: warn.Error(), isErr: true}
	case bwarn != nil:
		m.status = statusLine{text: bwarn.Error(), isErr: true}
	case ewarn != nil:
		m.status = statusLine{text: ewarn.Error(), isErr: true}
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
	if serr := bookmarks.Save(); serr != nil {
		fmt.Fprintln(os.Stderr, "parallax: could not save bookmarks:", serr)
	}
	if serr := edits.Save(); serr != nil {
		fmt.Fprintln(os.Stderr, "parallax: could not save story edits:", serr)
	}
	return err
}

// look is how the reader is drawn: background, colour, glamour style.
type look struct {
	dark, color bool
	glamour     string // explicit glamour style
}

// chooseLook resolves the theme and glamour settings ("" means "auto").
// detectDark is called only when something is "auto", since asking the
// terminal takes a moment. NO_COLOR wins over everything.
func chooseLook(theme, glamourStyle string, noColor bool, detectDark func() bool) look {
	lk := look{color: !noColor, dark: true}
	if theme == "" {
		theme = "auto"
	}
	if glamourStyle == "" {
		glamourStyle = "auto"
	}
	switch theme {
	case "dark":
		lk.dark = true
	case "light":
		lk.dark = false
	default:
		if lk.color {
			lk.dark = detectDark()
		}
	}
	switch {
	case !lk.color:
		lk.glamour = "notty"
	case glamourStyle != "auto":
		lk.glamour = glamourStyle
	default:
		lk.glamour = glamourStyleFor(lk.dark, lk.color)
	}
	return lk
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
		renderer:     newRenderer(profile),
		cache:        newRenderCache(256),
		after:        defaultAfter,
		sys:          defaultSystem(io.Discard),
		lib:          library.New(marks, userstate.InMemory()),
	}
}

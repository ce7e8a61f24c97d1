package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
)

// pane is the contract between the root model and a pane that fills the
// main area (the comparison, the picker, the coverage view; the feeds
// view and N-way compare to come). The root knows panes only through it:
// it routes keys and messages to them, sizes them with the one layout
// function, assembles their views and carries out the intents they raise.
// A pane never reaches into the root or another pane.
type pane interface {
	// Update handles a key (only the pane shown gets keys) or a message
	// (every pane sees every message it might own; it ignores the rest).
	Update(msg tea.Msg) tea.Cmd
	// View is exactly the size last set: cached lines, nothing rendered.
	View() []string
	SetSize(w, h int) tea.Cmd
	// KeyMap is what the status line's hints and `?` show.
	KeyMap(k *keyMap) help.KeyMap
	// Title names the pane on the `?` screen.
	Title() string
	// Position is the status line's right side.
	Position() string
	// Typing reports whether keys are text for a field of the pane (so
	// that `?` and `!` are typed, not global).
	Typing() bool
	// Take returns the intents the pane raised since the last call, as
	// typed messages (closeStoryMsg, openPassageMsg, exportMsg, …).
	Take() []tea.Msg
	// Busy reports background work in progress; SetSpin gives it the
	// spinner frame to show meanwhile.
	Busy() bool
	SetSpin(frame string)
}

// paneRegistry is where full-area panes are registered: its mode and where
// its state lives in the root. Adding a pane is its own file, its mode and
// one line here.
var paneRegistry = map[mode]func(s *storyPanes) pane{
	modeCompare:  func(s *storyPanes) pane { return &s.compare },
	modePicker:   func(s *storyPanes) pane { return &s.picker },
	modeCoverage: func(s *storyPanes) pane { return &s.coverage },
}

// paneModes are the registered modes in a fixed order, so that messages
// reach panes in the same order on every run.
var paneModes = []mode{modeCompare, modePicker, modeCoverage}

// paneFor is the registered pane of mode md, or nil.
func (m *Model) paneFor(md mode) pane {
	if of, ok := paneRegistry[md]; ok {
		return of(&m.story)
	}
	return nil
}

// isPaneMode reports whether md shows a registered full-area pane.
func isPaneMode(md mode) bool {
	_, ok := paneRegistry[md]
	return ok
}

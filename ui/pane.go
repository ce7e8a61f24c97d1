package ui

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// pane is the contract between the root model and a pane that fills the
// main area (the comparison, of two articles or more, the picker, the
// coverage view, the story view, the feeds view). The root knows panes only through it:
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
	// Open starts the pane on an article (from the library's data).
	Open(a *corpus.Article) tea.Cmd
}

// paneRegistry is where full-area panes are registered: the mode that
// shows each and how to make it. Adding a pane is its own file, its mode
// and one line here; the root keeps the instances (Model.panes).
var paneRegistry = []struct {
	mode mode
	make func(sh *shared) pane
}{
	{modeCompare, func(sh *shared) pane { p := newComparePane(sh); return &p }},
	{modePicker, func(sh *shared) pane { p := newPickerPane(sh); return &p }},
	{modeMoveStory, func(sh *shared) pane { p := newPickerPane(sh); p.moving = true; return &p }},
	{modeCoverage, func(sh *shared) pane { p := newCoveragePane(sh); return &p }},
	{modeStoryView, func(sh *shared) pane { p := newStoryViewPane(sh); return &p }},
	{modeFeeds, func(sh *shared) pane { p := newFeedsPane(sh); return &p }},
}

// registeredPanes makes one of each registered pane. The panes are
// pointers: copies of the root model share them, as they share sh.
func registeredPanes(sh *shared) map[mode]pane {
	out := make(map[mode]pane, len(paneRegistry))
	for _, r := range paneRegistry {
		out[r.mode] = r.make(sh)
	}
	return out
}

// paneModes are the registered modes in registration order, so that
// messages reach panes in the same order on every run.
var paneModes = func() []mode {
	var out []mode
	for _, r := range paneRegistry {
		out = append(out, r.mode)
	}
	return out
}()

// paneFor is the registered pane of mode md, or nil.
func (m *Model) paneFor(md mode) pane { return m.panes[md] }

// The root's few needs of particular panes (export, mouse wheel, a chosen
// pair to compare) go through these.
func (m *Model) comparison() *comparePane { return m.panes[modeCompare].(*comparePane) }
func (m *Model) coverage() *coveragePane  { return m.panes[modeCoverage].(*coveragePane) }

// isPaneMode reports whether md shows a registered full-area pane.
func isPaneMode(md mode) bool {
	for _, r := range paneRegistry {
		if r.mode == md {
			return true
		}
	}
	return false
}

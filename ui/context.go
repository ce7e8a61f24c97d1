package ui

import (
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/ui/library"
)

// shared is the context every pane reads: terminal size, styles, key map,
// clock, rendering, the library of data, and the settings from the
// configuration file. There is one per program; panes hold
// a pointer to it and never change it except through the root model.
type shared struct {
	width, height int

	styles       *styles
	keys         *keyMap
	glamourStyle string          // explicit glamour style: "dark", "light", "notty", "ascii"
	profile      termenv.Profile // colour profile glamour renders for
	now          func() time.Time

	// lib is the reader's data (ui/library): the articles, read marks,
	// bookmarks, search index and stories. Panes read it; none owns data.
	lib      *library.Library
	renderer *renderer
	cache    *renderCache

	// after delivers msg once d has passed. Tests replace it so that no
	// command ever sleeps.
	after func(d time.Duration, msg tea.Msg) tea.Cmd

	// groupByStory is the configured start state of the list's story
	// grouping (config group_by_story).
	groupByStory bool

	// storyOf returns the IDs of the articles in a's story (a included), for
	// `M`. nil, or an empty result, means a's story is not known: M marks a
	// alone. It is set when the story grouping of a finished load arrives
	// (stories.go); tests set their own.
	storyOf func(a *corpus.Article) []string

	sys system // clipboard, browser, editor: replaced in tests

	seq atomic.Uint64 // source of sequence numbers for background work
}

func (sh *shared) nextSeq() uint64 { return sh.seq.Add(1) }

func defaultAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}

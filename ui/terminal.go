package ui

import (
	"io"
	"os"

	"golang.org/x/term"
)

// leaveScreen undoes what the reader does to the terminal beyond its line
// discipline: the alternate screen, a hidden cursor, mouse reporting and
// bracketed paste.
const leaveScreen = "\x1b[?1049l\x1b[?25h\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?2004l"

// restoreTerminalOnPanic saves the terminal's state (when in is one) and
// returns the function to defer: if the reader panics past Bubble Tea's
// own recovery, it puts the terminal back as it found it (cooked mode, the
// main screen, a cursor) before the panic goes on, so a crash never leaves
// the user's shell unusable.
func restoreTerminalOnPanic(in *os.File, out io.Writer) func() {
	fd := int(in.Fd())
	state, err := term.GetState(fd)
	if err != nil {
		return func() {}
	}
	return func() {
		if p := recover(); p != nil {
			term.Restore(fd, state)
			io.WriteString(out, leaveScreen)
			panic(p)
		}
	}
}

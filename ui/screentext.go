package ui

import "github.com/parallax-reader/parallax/corpus"

// screenText joins the lines of a frame for the terminal, passing them
// through corpus.CleanStyled: the styling is Parallax's own (SGR), and any
// other control that got into a cached string (a crafted cache file, a file
// name, text no parser cleaned) is removed before it can act on the
// terminal. Clean frames are not copied.
func screenText(lines []string) string { return corpus.CleanStyled(joinLines(lines)) }

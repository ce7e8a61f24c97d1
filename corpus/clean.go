package corpus

import "github.com/parallax-reader/parallax/corpus/formats"

// The sanitiser lives with the parsers (corpus/formats), which clean all
// text where it enters. The rest of Parallax cleans what it prints again
// where it leaves, with these.

// CleanLine is formats.CleanLine: s cleaned for a terminal, on one line,
// runs of spaces collapsed and the ends trimmed.
func CleanLine(s string) string { return formats.CleanLine(s) }

// CleanStyled is formats.CleanStyled: text Parallax styled itself, cleaned
// for a terminal with its SGR sequences kept.
func CleanStyled(s string) string { return formats.CleanStyled(s) }

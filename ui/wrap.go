package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	reflowansi "github.com/muesli/reflow/ansi"
	"github.com/rivo/uniseg"
)

// Text from files is laid out in time and memory linear in its length,
// whatever it holds: a word of a million letters, a letter with forty
// thousand combining marks and a paragraph of many megabytes each once took
// from half a minute to forever. displayText caps what no reader needs
// (see its limits) before anything measures the text, and wrap measures
// every word once.

// Display limits. Real text stays far below them: scripts that stack marks
// (Vietnamese, Hebrew points, Devanagari, Tibetan) use a handful per
// letter, and a run of letters without a space or a wide character is a
// word, a url or a Thai sentence, never thousands of columns.
const (
	maxMarksPerGrapheme = 8
	maxWordColumns      = 4000
)

// displayText is s with at most maxMarksPerGrapheme combining marks after
// any character (the rest dropped) and every run of narrow non-space
// characters longer than maxWordColumns cut, ending in "…". Wide (CJK)
// characters break a run: text written without spaces is never cut. Text
// within the limits is returned as it is, without copying.
func displayText(s string) string {
	marks, word := 0, 0
	var sb *strings.Builder
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		keep := true
		switch {
		case r < utf8.RuneSelf:
			marks = 0
			if r == ' ' || r == '\n' || r == '\t' {
				word = 0
			} else if word++; word > maxWordColumns {
				keep = false
			}
		case unicode.In(r, unicode.Mn, unicode.Me):
			if marks++; marks > maxMarksPerGrapheme || word > maxWordColumns {
				keep = false
			}
		default:
			marks = 0
			switch {
			case unicode.IsSpace(r):
				word = 0
			case wideRune(r):
				word = 0
			default:
				if word++; word > maxWordColumns {
					keep = false
				}
			}
		}
		if !keep && sb == nil {
			sb = &strings.Builder{}
			sb.Grow(i + 16)
			sb.WriteString(s[:i])
		}
		if sb != nil {
			switch {
			case keep:
				sb.WriteString(s[i : i+size])
			case word == maxWordColumns+1 && !unicode.In(r, unicode.Mn, unicode.Me):
				sb.WriteString(ellipsis) // once, where the word is cut
			}
		}
		i += size
	}
	if sb == nil {
		return s
	}
	return sb.String()
}

// wideRune reports the ranges of East Asian wide characters, where text
// without spaces may break.
func wideRune(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000 && r <= 0x3FFFD
}

// wrapWidth measures a word for wrapping: the wider of cellWidth and the
// per-rune measure of the article renderer (glamour wraps with
// reflow, which gives some Devanagari marks a column): a line short by
// both is never broken again by the renderer nor by the terminal.
func wrapWidth(s string) int {
	return max(cellWidth(s), reflowansi.PrintableRuneWidth(s))
}

// wrap breaks plain text into lines of at most w columns at spaces; a word
// longer than a line is cut between graphemes. It passes the text through
// displayText and measures each word once, so its time is linear in the
// text.
func wrap(s string, w int) []string {
	if w <= 0 {
		return nil
	}
	s = displayText(s)
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0
		for _, word := range strings.Fields(para) {
			ww := wrapWidth(word)
			switch {
			case line.Len() == 0:
			case lineW+1+ww <= w:
				line.WriteByte(' ')
				lineW++
			default:
				lines = append(lines, line.String())
				line.Reset()
				lineW = 0
			}
			if lineW+ww <= w {
				line.WriteString(word)
				lineW += ww
				continue
			}
			// A word longer than the line (or text without spaces): full
			// lines of it, each cut where kinsoku allows, then the rest
			// starts the next line.
			state := -1
			for rest := word; rest != ""; {
				g, after, _, next := uniseg.FirstGraphemeClusterInString(rest, state)
				gw := wrapWidth(g)
				if lineW+gw > w && lineW > 0 {
					head, moved := kinsoku(line.String(), rest)
					lines = append(lines, head)
					line.Reset()
					lineW = 0
					if moved != rest { // characters moved down: measure them again
						rest, state = moved, -1
						continue
					}
				}
				line.WriteString(g)
				lineW += gw
				rest, state = after, next
			}
		}
		lines = append(lines, line.String())
	}
	return lines
}

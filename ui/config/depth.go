package config

import "strings"

// withinDepth reports whether the arrays and inline tables of the TOML text
// nest at most max deep, and if not the line where they first go deeper. It
// skips strings and comments, so brackets inside them do not count; it
// reads the text once and never fails on bad TOML (the parser reports that).
func withinDepth(text string, max int) (line int, ok bool) {
	depth, line := 0, 1
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
		case '#':
			for i < len(text) && text[i] != '\n' {
				i++
			}
			i-- // let the newline be counted
		case '"', '\'':
			delim := text[i : i+1]
			if strings.HasPrefix(text[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			i += len(delim)
			for i < len(text) && !strings.HasPrefix(text[i:], delim) {
				switch {
				case text[i] == '\\' && c == '"':
					i++ // an escaped character, never the end
				case text[i] == '\n':
					if len(delim) == 1 {
						i-- // an unterminated string ends at the line
						goto next
					}
					line++
				}
				i++
			}
			i += len(delim) - 1
		case '[', '{':
			if depth++; depth > max {
				return line, false
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	next:
	}
	return 0, true
}

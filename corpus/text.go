package corpus

import (
	"errors"
	"strings"
)

// ParseText parses a plain-text article. (Minimal first version: title from
// the first line, one paragraph per non-blank line.)
func ParseText(s string) (*Article, error) {
	s = CleanText(s)
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if l = CleanLine(l); l != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil, errors.New("no text")
	}
	a := &Article{Format: "text", Title: lines[0]}
	for _, l := range lines[1:] {
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: l})
	}
	if len(a.Blocks) == 0 {
		a.Blocks = []Block{{Kind: Paragraph, Text: lines[0]}}
	}
	a.Words = countWords(a.Blocks)
	return a, nil
}

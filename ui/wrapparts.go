package ui

import (
	"strings"
)

// partSep separates the parts of a details line (outlet · byline · date …).
const partSep = " · "

// wrapParts lays out parts joined by partSep in lines of at most w
// columns, breaking between parts so that no line starts or ends with a
// separator; only a part wider than a line is broken within, at spaces.
// At most maxLines lines (0: no limit): the last one holds the rest, cut.
func wrapParts(parts []string, w, maxLines int) []string {
	if w <= 0 {
		return nil
	}
	type segment struct {
		text string
		glue string // what joins it to the segment before on the same line
	}
	var segs []segment
	for _, part := range parts {
		for j, piece := range wrap(part, w) {
			glue := " "
			if j == 0 {
				glue = partSep
			}
			segs = append(segs, segment{piece, glue})
		}
	}
	var lines []string
	var cur strings.Builder
	curW := 0
	for i, s := range segs {
		sw := cellWidth(s.text)
		if cur.Len() > 0 && curW+cellWidth(s.glue)+sw > w {
			lines = append(lines, cur.String())
			cur.Reset()
			curW = 0
		}
		if maxLines > 0 && len(lines) == maxLines-1 && cur.Len() == 0 {
			var rest strings.Builder
			for k, r := range segs[i:] {
				if k > 0 {
					rest.WriteString(r.glue)
				}
				rest.WriteString(r.text)
			}
			return append(lines, truncate(rest.String(), w))
		}
		if cur.Len() > 0 {
			cur.WriteString(s.glue)
			curW += cellWidth(s.glue)
		}
		cur.WriteString(s.text)
		curW += sw
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

package ui

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// Find in the comparison is a plain folded match (lang.FoldRune: case and
// diacritics ignored, apostrophes unified) over the sentences of both sides, so that
// positions map straight back to the text shown.

// splitWidth cuts s into byte ranges of at most w columns.
func splitWidth(s string, w int) [][2]int {
	var out [][2]int
	start, cur := 0, 0
	for i, r := range s {
		rw := max(cellWidth(string(r)), 0)
		if cur+rw > w && i > start {
			out = append(out, [2]int{start, i})
			start, cur = i, 0
		}
		cur += rw
	}
	if start < len(s) {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// foldQuery folds a search query; spaces collapse to one.
func foldQuery(q string) string {
	var sb strings.Builder
	for _, r := range strings.Join(strings.Fields(q), " ") {
		sb.WriteString(lang.FoldRune(r))
	}
	return sb.String()
}

// findFolded returns the byte spans of text where the folded query occurs.
func findFolded(text, fq string) [][2]int {
	if fq == "" {
		return nil
	}
	var sb strings.Builder
	orig := make([]int, 0, len(text)+1) // folded byte -> text byte
	for i, r := range text {
		f := lang.FoldRune(r)
		sb.WriteString(f)
		for range len(f) {
			orig = append(orig, i)
		}
	}
	orig = append(orig, len(text))
	folded := sb.String()
	var out [][2]int
	for from := 0; from <= len(folded)-len(fq); {
		k := strings.Index(folded[from:], fq)
		if k < 0 {
			break
		}
		s, e := from+k, from+k+len(fq)
		end := len(text)
		if e < len(orig) {
			end = orig[e]
		}
		// A folded rune that straddles the end belongs to the match.
		for end < len(text) && e > 0 && orig[e-1] == end {
			_, n := utf8.DecodeRuneInString(text[end:])
			end += n
		}
		out = append(out, [2]int{orig[s], end})
		from = e
	}
	return out
}

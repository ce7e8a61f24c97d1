package comparison

import (
	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// Glyphs of the row marks, as every writer shows them.
const (
	GlyphCopied    = "≡" // the same wording on both sides
	GlyphReworded  = "≈" // the same passage in other words
	GlyphLeftOnly  = "◂" // only the left side has it
	GlyphRightOnly = "▸" // only the right side has it
)

// Glyph is how the row mark m is drawn.
func (m Mark) Glyph() string {
	switch m {
	case Copied:
		return GlyphCopied
	case OnlyLeft:
		return GlyphLeftOnly
	case OnlyRight:
		return GlyphRightOnly
	}
	return GlyphReworded
}

// OutletName names an article's outlet, or says it has none.
func OutletName(a *corpus.Article) string {
	if a.Outlet == "" {
		return "unknown source"
	}
	return a.Outlet
}

// QuoteLabel is a quote as the writers show it: in quotation marks, with
// its speaker when known.
func QuoteLabel(text, speaker string) string {
	l := "“" + text + "”"
	if speaker != "" {
		l += " — " + speaker
	}
	return l
}

// Percent is a share (0..1) as a whole percentage, rounded.
func Percent(x float64) int { return int(x*100 + 0.5) }

// Letter is the letter of the article on side s: A or B whichever side
// it is shown on.
func Letter(c *compare.Comparison, s int, swapped bool) string {
	if Side(c, s, swapped) == c.A {
		return "A"
	}
	return "B"
}

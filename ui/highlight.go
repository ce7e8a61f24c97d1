package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/corpus/search"
)

// Highlighting search hits works with markers: zero-width runes put around
// each hit in the plain text before it is laid out. They travel with the
// words through any wrapping, truncation, padding and styling (ours with
// wrap/truncate/lipgloss, or glamour's), and paintHits turns them into
// highlight styles at the very end. So highlighting needs no knowledge of
// how the text was laid out, and any pane can use it:
//
//	marked := markHits(text, spans)     // spans: byte ranges of text
//	lines := wrap(marked, w)            // or truncate, lipgloss, glamour...
//	lines, at := paintHits(lines, cur, sh.styles.Hits)
//
// at[k] is the line of hit k, for scrolling to it. Both runes are removed
// from all article text by the corpus (formats.CleanText), they have zero
// width for every width function Parallax and its libraries use, and
// markHits drops any that are in the text anyway, so a marker is always
// ours and lines keep their width.
const (
	hitOpen  = "\u200b" // ZERO WIDTH SPACE
	hitClose = "\ufeff" // ZERO WIDTH NO-BREAK SPACE
)

// hitPaint is how painted hits look: the escape sequences that start an
// ordinary hit and the current one (the one n/N moved to). Empty sequences
// paint nothing (the ASCII profile) but markers are still removed.
type hitPaint struct {
	hit, current string
}

const sgrReset = "\x1b[0m"

// newHitPaint takes the escape sequences that start each style.
func newHitPaint(hit, current lipgloss.Style) hitPaint {
	return hitPaint{hit: stylePrefix(hit), current: stylePrefix(current)}
}

// stylePrefix is what a style writes before the text it styles.
func stylePrefix(s lipgloss.Style) string {
	r := s.Render("x")
	if i := strings.IndexByte(r, 'x'); i > 0 {
		return r[:i]
	}
	return ""
}

// markHits returns text with hit markers around the byte spans, which must
// be in order and not overlap (those that do not are left unmarked, as are
// spans outside text).
func markHits(text string, spans []search.Span) string {
	if len(spans) == 0 && !hasMarker(text) {
		return text
	}
	var sb strings.Builder
	sb.Grow(len(text) + len(spans)*(len(hitOpen)+len(hitClose)))
	at := 0
	for _, s := range spans {
		if s.Start < at || s.End > len(text) || s.Start >= s.End {
			continue
		}
		sb.WriteString(dropMarkers(text[at:s.Start]))
		sb.WriteString(hitOpen)
		sb.WriteString(dropMarkers(text[s.Start:s.End]))
		sb.WriteString(hitClose)
		at = s.End
	}
	sb.WriteString(dropMarkers(text[at:]))
	return sb.String()
}

func hasMarker(s string) bool {
	return strings.Contains(s, hitOpen) || strings.Contains(s, hitClose)
}

func dropMarkers(s string) string {
	if !hasMarker(s) {
		return s
	}
	return strings.NewReplacer(hitOpen, "", hitClose, "").Replace(s)
}

// paintHits replaces the markers in lines with the hit styles; hit number
// current (counted from 0 in the order the markers appear) gets the current
// style, -1 for none. It returns the painted lines (lines without markers
// are shared, not copied) and the line each hit starts on. A hit that
// continues on the next line (a phrase broken by wrapping) is painted from
// the first non-blank column there.
func paintHits(lines []string, current int, p hitPaint) ([]string, []int) {
	out := make([]string, len(lines))
	var at []int
	st := paintState{k: -1, current: current, p: p}
	for i, l := range lines {
		if !st.open && !hasMarker(l) {
			out[i] = l
			continue
		}
		out[i] = st.line(l, i, &at)
	}
	return out, at
}

// paintState carries an open hit from one line to the next.
type paintState struct {
	k       int // the hit being painted or last painted
	open    bool
	current int
	p       hitPaint
}

func (st *paintState) style() string {
	if st.k == st.current {
		return st.p.current
	}
	return st.p.hit
}

// line paints one line. Styles in the line (glamour's, lipgloss's) reset
// all attributes between words, so the hit style is written again after
// every style sequence inside a hit, and at its end the line's own styles
// since the last reset are restored.
func (st *paintState) line(l string, n int, at *[]int) string {
	var sb strings.Builder
	sb.Grow(len(l) + 32)
	var sgr []string // the line's style sequences since its last reset
	pending := st.open
	for i := 0; i < len(l); {
		switch {
		case l[i] == 0x1b:
			seq := l[i : i+escapeLen(l[i:])]
			sb.WriteString(seq)
			if isSGR(seq) {
				if seq == sgrReset || seq == "\x1b[m" {
					sgr = sgr[:0]
				} else {
					sgr = append(sgr, seq)
				}
				if st.open && !pending {
					sb.WriteString(st.style())
				}
			}
			i += len(seq)
		case strings.HasPrefix(l[i:], hitOpen):
			if st.open { // an unclosed hit (its end was cut off): end it
				st.end(&sb, sgr)
			}
			st.k++
			st.open, pending = true, false
			*at = append(*at, n)
			sb.WriteString(st.style())
			i += len(hitOpen)
		case strings.HasPrefix(l[i:], hitClose):
			if st.open && !pending {
				st.end(&sb, sgr)
			}
			st.open, pending = false, false
			i += len(hitClose)
		default:
			if pending && l[i] != ' ' {
				sb.WriteString(st.style())
				pending = false
			}
			sb.WriteByte(l[i])
			i++
		}
	}
	if st.open && !pending && st.style() != "" {
		sb.WriteString(sgrReset)
	}
	return sb.String()
}

func (st *paintState) end(sb *strings.Builder, sgr []string) {
	if st.style() == "" {
		return
	}
	sb.WriteString(sgrReset)
	for _, s := range sgr {
		sb.WriteString(s)
	}
}

// escapeLen is the length of the escape sequence at the start of s.
func escapeLen(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[': // CSI: parameters, then a final byte in 0x40–0x7e
		for j := 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	case ']', 'P', '_', '^': // string sequences end in BEL or ST
		for j := 2; j < len(s); j++ {
			if s[j] == '\a' {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	return 2
}

func isSGR(seq string) bool {
	return len(seq) >= 3 && seq[1] == '[' && seq[len(seq)-1] == 'm'
}

// spansOfBlock returns the hits in block b as spans of its text; positions
// are in reading order.
func spansOfBlock(pos []search.Pos, b int) []search.Span {
	var out []search.Span
	for _, p := range pos {
		if p.Block == b {
			out = append(out, search.Span{Start: p.Start, End: p.End})
		}
	}
	return out
}

package ui

import "strings"

// scroller shows a window of pre-rendered lines. Lines are fitted to the
// width when set, so showing a window is only slicing and joining.
type scroller struct {
	lines  []string
	w, h   int
	offset int
}

// setLines replaces the content; lines are fitted to the scroller's width.
func (s *scroller) setLines(lines []string) {
	s.lines = make([]string, len(lines))
	for i, l := range lines {
		s.lines[i] = fitLine(l, s.w)
	}
	s.clampOffset()
}

// setFitted replaces the content with lines already exactly s.w wide.
func (s *scroller) setFitted(lines []string) {
	s.lines = lines
	s.clampOffset()
}

func (s *scroller) setSize(w, h int) {
	s.w, s.h = max(w, 0), max(h, 0)
	s.clampOffset()
}

func (s *scroller) maxOffset() int { return max(len(s.lines)-s.h, 0) }

func (s *scroller) clampOffset() { s.offset = clamp(s.offset, 0, s.maxOffset()) }

func (s *scroller) scroll(n int) { s.offset += n; s.clampOffset() }
func (s *scroller) top()         { s.offset = 0 }
func (s *scroller) bottom()      { s.offset = s.maxOffset() }
func (s *scroller) page() int    { return max(s.h-1, 1) }

func (s *scroller) atBottom() bool { return s.offset >= s.maxOffset() }

// percent is how far down the content the bottom of the window is.
func (s *scroller) percent() int {
	if len(s.lines) <= s.h {
		return 100
	}
	return (s.offset + s.h) * 100 / len(s.lines)
}

// view returns exactly s.h lines of s.w columns.
func (s *scroller) view() []string {
	out := make([]string, s.h)
	end := min(s.offset+s.h, len(s.lines))
	n := copy(out, s.lines[min(s.offset, end):end])
	for i := n; i < s.h; i++ {
		out[i] = blank(s.w)
	}
	return out
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }

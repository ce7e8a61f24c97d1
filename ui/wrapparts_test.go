package ui

import (
	"reflect"
	"strings"
	"testing"
)

func TestWrapParts(t *testing.T) {
	parts := []string{"The Daily Wire Service", "by Jane Q. Reporter", "Mon 2 Jan 2006 15:04", "1,234 words", "3 min read"}
	for _, tc := range []struct {
		name   string
		parts  []string
		w, max int
		want   []string
	}{
		{"fits", parts[3:], 40, 2, []string{"1,234 words · 3 min read"}},
		{"breaks between parts", parts, 60, 0, []string{
			"The Daily Wire Service · by Jane Q. Reporter",
			"Mon 2 Jan 2006 15:04 · 1,234 words · 3 min read"}},
		{"the separator would have ended the line", parts[3:], 13, 0, []string{"1,234 words", "3 min read"}},
		{"a part wider than the line", []string{"AP", "by Someone With A Very Long Name Indeed", "2 min read"}, 20, 0, []string{
			"AP", "by Someone With A", "Very Long Name", "Indeed · 2 min read"}},
		{"the last line holds the rest, cut", parts, 30, 2, []string{
			"The Daily Wire Service", "by Jane Q. Reporter · Mon 2 J…"}},
		{"one line", parts, 30, 1, []string{"The Daily Wire Service · by J…"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrapParts(tc.parts, tc.w, tc.max)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			for _, l := range got {
				if strings.HasPrefix(l, "·") || strings.HasSuffix(l, "·") || len([]rune(l)) > tc.w {
					t.Errorf("bad line %q", l)
				}
			}
		})
	}
}

// The wide preview's details line never starts a line with a separator.
func TestPreviewDetailsBreakBetweenParts(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	for i := 0; i < 8; i++ {
		for _, l := range strings.Split(ansiStrip(hs.view()), "\n") {
			for _, col := range strings.Split(l, "│") {
				if c := strings.TrimSpace(col); strings.HasPrefix(c, "· ") || strings.HasSuffix(c, " ·") {
					t.Errorf("article %d: a details line starts or ends with a separator: %q", i, c)
				}
			}
		}
		hs.press("j")
	}
}

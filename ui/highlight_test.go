package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
)

// testPaint paints hits in reverse video and the current one in bold, so
// that tests can read where highlights start and end.
var testPaint = hitPaint{hit: "\x1b[7m", current: "\x1b[1m"}

// readable shows the paint as brackets: [hit], {current}, | for a restore.
func readable(s string) string {
	return strings.NewReplacer("\x1b[7m", "[", "\x1b[1m", "{", sgrReset, "]").Replace(s)
}

func TestPaintHits(t *testing.T) {
	sp := func(a, b int) search.Span { return search.Span{Start: a, End: b} }
	for _, tc := range []struct {
		name    string
		text    string
		spans   []search.Span
		width   int // wrap width; 0 for one line
		current int
		want    []string
	}{
		{"one hit", "talks in Kyiv", []search.Span{sp(9, 13)}, 0, -1, []string{"talks in [Kyiv]"}},
		{"current", "a b c", []search.Span{sp(0, 1), sp(4, 5)}, 0, 1, []string{"[a] b {c]"}},
		{"adjacent CJK", "北京会谈", []search.Span{sp(0, 6), sp(6, 12)}, 0, -1, []string{"[北京][会谈]"}},
		{"phrase across a wrap", "one two three four", []search.Span{sp(4, 13)}, 10, -1, []string{"one [two]", "[three] four"}},
		{"overlap ignored", "abcdef", []search.Span{sp(0, 3), sp(2, 4), sp(4, 6)}, 0, 1, []string{"[abc]d{ef]"}},
		{"out of range ignored", "abc", []search.Span{sp(1, 9)}, 0, -1, []string{"abc"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			marked := markHits(tc.text, tc.spans)
			lines := []string{marked}
			if tc.width > 0 {
				lines = wrap(marked, tc.width)
			}
			got, _ := paintHits(lines, tc.current, testPaint)
			for i := range got {
				got[i] = readable(got[i])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Styles already in a line are restored after a hit, and the hit style is
// written again after every style change inside it.
func TestPaintHitsRestoresLineStyles(t *testing.T) {
	line := "\x1b[38;5;252mthe " + hitOpen + "envoy\x1b[0m\x1b[38;5;252m said" + hitClose + " no\x1b[0m"
	got, at := paintHits([]string{line}, -1, testPaint)
	want := "\x1b[38;5;252mthe \x1b[7menvoy\x1b[0m\x1b[7m\x1b[38;5;252m\x1b[7m said\x1b[0m\x1b[38;5;252m no\x1b[0m"
	if got[0] != want {
		t.Errorf("got  %q\nwant %q", got[0], want)
	}
	if !slices.Equal(at, []int{0}) {
		t.Errorf("hit lines %v", at)
	}
}

func TestMarkHitsDropsStrayMarkers(t *testing.T) {
	got := markHits("a"+hitOpen+"b"+hitClose+"c", nil)
	if got != "abc" {
		t.Errorf("got %q", got)
	}
	lines, at := paintHits([]string{got}, 0, testPaint)
	if lines[0] != "abc" || len(at) != 0 {
		t.Errorf("got %q %v", lines, at)
	}
}

// Highlighting an article rendered by glamour changes neither its lines
// nor their text: markers only add styles, in the right places, and never
// reach the terminal.
func TestGlamourKeepsHitMarkers(t *testing.T) {
	a := &corpus.Article{ID: "x", Title: "Envoys meet", Blocks: []corpus.Block{
		{Kind: corpus.Heading, Text: "What the envoy said"},
		para("The envoy met officials; the envoy's aides said the talks went on for hours and the envoy left."),
		{Kind: corpus.ListItem, Text: "An envoy list item long enough to wrap onto a second line in a narrow pane"},
		{Kind: corpus.Quote, Text: "We trust the envoy & his team."},
	}}
	f, err := search.Find(a, "envoy", false)
	if err != nil || len(f.Positions) != 6 {
		t.Fatalf("find: %v, %d positions", err, len(f.Positions))
	}
	r := newRenderer(termenv.ANSI256)
	for _, style := range []string{"dark", "light", "notty", "ascii"} {
		for _, w := range []int{30, 50, 80} {
			k := renderKey{id: a.ID, width: w, style: style}
			plain, err := r.render(a, k, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			marked, err := r.render(a, k, f.Positions, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(plain) != len(marked) {
				t.Fatalf("%s/%d: %d lines with hits, %d without", style, w, len(marked), len(plain))
			}
			painted, at := paintHits(marked, 2, testPaint)
			if len(at) != len(f.Positions) {
				t.Fatalf("%s/%d: %d hits painted, want %d", style, w, len(at), len(f.Positions))
			}
			hits := 0
			for i := range plain {
				if dropMarkers(marked[i]) != plain[i] {
					t.Fatalf("%s/%d line %d: markers moved text:\n%q\n%q", style, w, i, marked[i], plain[i])
				}
				if hasMarker(painted[i]) {
					t.Fatalf("%s/%d line %d: a marker reached the screen: %q", style, w, i, painted[i])
				}
				if ansi.Strip(painted[i]) != ansi.Strip(plain[i]) || ansi.StringWidth(painted[i]) != w {
					t.Fatalf("%s/%d line %d: painting changed the text", style, w, i)
				}
				hits += strings.Count(painted[i], testPaint.hit) // one per style run of a hit
			}
			if hits < len(f.Positions)-1 || strings.Count(strings.Join(painted, "\n"), testPaint.current) == 0 {
				t.Fatalf("%s/%d: hits not painted:\n%s", style, w, strings.Join(painted, "\n"))
			}
		}
	}
}

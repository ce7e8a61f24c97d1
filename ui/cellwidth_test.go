package ui

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// cellWidth counts what a code-point terminal (xterm, tmux, VTE) shows, and
// never less than what a grapheme-aware one shows.
func TestCellWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Kyiv talks", 10},
		{"\x1b[1mbold\x1b[0m", 4},
		{"café", 4}, {"cafe\u0301", 4}, // a nonspacing accent takes no column
		{"का", 2},  // a spacing vowel sign takes one
		{"ब्र", 2}, // a conjunct: two letters, the virama none
		{"हैं। ब्रह्मपुत्र नदी", 14}, // as tmux shows it
		{"台风登陆", 8},                     // wide
		{"👨\u200d👩\u200d👧", 6},          // joined emoji: the wider measure
		{"line one\nमौसम विभाग ने", 12}, // a block: its widest line
	}
	for _, tt := range tests {
		if got := cellWidth(tt.s); got != tt.want {
			t.Errorf("cellWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	// fitLine makes lines of exactly w columns by that measure.
	for _, s := range []string{"असम में भारी बारिश के बाद आई बाढ़ से बारह जिलों में हजारों लोग बेघर", "মুখ্যমন্ত্রী বলেন, কাজ চলছে।"} {
		for _, w := range []int{5, 12, 30, 80} {
			if got := cellWidth(fitLine(s, w)); got != w {
				t.Errorf("fitLine(%q, %d) is %d columns", s, w, got)
			}
		}
	}
}

// A rendered line wider than the pane by cellWidth is wrapped again at
// spaces, keeping its indent, and loses no word.
func TestRewrapOverflow(t *testing.T) {
	line := "  \x1b[38;5;252mप्रबंधन अधिकारियों के अनुसार लगभग 40,000 लोग राहत शिविरों में शरण ले चुके हैं।\x1b[0m"
	out := rewrapOverflow([]string{"  short", line}, 60)
	if len(out) < 3 || out[0] != "  short" {
		t.Fatalf("rewrapOverflow: %q", out)
	}
	var words []string
	for _, l := range out[1:] {
		if cellWidth(l) > 60 || !strings.HasPrefix(l, "  ") {
			t.Errorf("line %q: %d columns, want at most 60 after a two-space indent", l, cellWidth(l))
		}
		words = append(words, strings.Fields(ansiStrip(l))...)
	}
	if got, want := strings.Join(words, " "), strings.Join(strings.Fields(ansiStrip(line)), " "); got != want {
		t.Errorf("words changed:\n got %q\nwant %q", got, want)
	}
}

// The renderer never breaks a line the reader's own wrap made: Devanagari
// paragraphs come out as wrap laid them out, each within the pane.
func TestIndicArticleRendersAsWrapped(t *testing.T) {
	data, err := os.ReadFile("testdata/indic/flood-samachar.txt")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := formats.ParseDocument("flood-samachar.txt", data)
	if err != nil || len(arts) != 1 {
		t.Fatalf("parse: %v, %d articles", err, len(arts))
	}
	a := arts[0]
	for _, w := range []int{40, 78, 120} {
		lines, err := newRenderer(termenv.ANSI256).render(a, renderKey{id: a.ID, width: w, style: "dark"}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range lines {
			if cellWidth(l) != w {
				t.Errorf("width %d: line %q is %d columns", w, ansiStrip(l), cellWidth(l))
			}
			if s := strings.TrimSpace(ansiStrip(l)); s != "" {
				got = append(got, s)
			}
		}
		var want []string
		para := max(textWidth(w)-5, 8)
		for _, b := range a.Blocks {
			want = append(want, wrap(b.Text, para)...)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("width %d: rendered\n%q\nwant wrap's lines\n%q", w, got, want)
		}
	}
}

package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// Paragraphs written without spaces, as news sites publish them.
var cjkParagraphs = []string{
	"第11号台风“海葵”于周二凌晨在福建沿海登陆，登陆时中心附近最大风力达十四级。当地政府已紧急转移群众五万余人，关闭沿海景区，停航所有客运船只。气象部门预计，台风将继续向西北方向移动，强度逐渐减弱，但沿海地区仍将出现大暴雨（局部特大暴雨）。",
	"大型の台風10号は29日にも九州南部に上陸する見通しで、気象庁は「これまでに経験したことのないような暴風」になるおそれがあるとして、厳重な警戒を呼びかけている。鉄道各社は計画運休を発表した。",
}

// checkKinsoku fails when a line starts with closing punctuation or ends
// with an opening bracket, or is wider than w.
func checkKinsoku(t *testing.T, what string, lines []string, w int) {
	t.Helper()
	for i, l := range lines {
		l = strings.TrimSpace(ansi.Strip(l))
		if l == "" {
			continue
		}
		first := []rune(l)[0]
		last := []rune(l)[len([]rune(l))-1]
		if strings.ContainsRune(noLineStart, first) {
			t.Errorf("%s: line %d starts with %q: %q", what, i, first, l)
		}
		if strings.ContainsRune(noLineEnd, last) {
			t.Errorf("%s: line %d ends with %q: %q", what, i, last, l)
		}
		if ansi.StringWidth(l) > w {
			t.Errorf("%s: line %d is %d columns, over %d", what, i, ansi.StringWidth(l), w)
		}
	}
}

func TestWrapCJKNeverStartsALineWithClosingPunctuation(t *testing.T) {
	for _, p := range cjkParagraphs {
		for w := 6; w <= 60; w++ {
			lines := wrap(p, w)
			checkKinsoku(t, "wrap", lines, w)
			if got := strings.Join(lines, ""); got != p {
				t.Fatalf("width %d: text changed:\n%s\nwant\n%s", w, got, p)
			}
		}
	}
}

// The article body, as the reader shows it, follows the same rules.
func TestRenderCJKArticleKinsoku(t *testing.T) {
	a := &corpus.Article{ID: "cjk", Title: "台风", Blocks: []corpus.Block{
		{Kind: corpus.Paragraph, Text: cjkParagraphs[0]}, {Kind: corpus.Quote, Text: cjkParagraphs[1]},
	}}
	r := newRenderer(termenv.Ascii)
	for w := 20; w <= 80; w++ {
		lines, err := r.render(a, renderKey{id: a.ID, width: w, style: "ascii"}, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range lines {
			lines[i] = strings.TrimLeft(strings.TrimSpace(l), "│> ")
		}
		checkKinsoku(t, "render", lines, w)
	}
}

func TestKinsokuGivesUpOnAllPunctuation(t *testing.T) {
	head, rest := kinsoku("。。。", "。。")
	if head != "。。。" || rest != "。。" {
		t.Errorf("kinsoku = %q, %q", head, rest)
	}
	head, rest = kinsoku("ab"+hitOpen+"c"+hitClose, "。d")
	if head != "ab" || rest != hitOpen+"c"+hitClose+"。d" {
		t.Errorf("with markers: %q, %q", head, rest)
	}
	head, rest = kinsoku("说「", "好」")
	if head != "说" || rest != "「好」" {
		t.Errorf("opening bracket at the end: %q, %q", head, rest)
	}
}

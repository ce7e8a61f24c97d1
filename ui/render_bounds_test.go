package ui

import (
	"strings"
	"testing"

	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

func oneParagraph(id, text string) *corpus.Article {
	return &corpus.Article{ID: id, Blocks: []corpus.Block{para(text)}}
}

// A paragraph of many megabytes is cut at maxRenderBytes with a note of how
// much is not shown, so glamour is never given more than that.
func TestArticleMarkdownIsCapped(t *testing.T) {
	huge := strings.Repeat("Negotiators met again on Sunday. ", 3<<20/33)
	md := articleMarkdown(oneParagraph("huge", huge), false, 100, nil)
	if len(md) > 2*maxRenderBytes {
		t.Fatalf("a %d-byte paragraph gave %d bytes of Markdown, want at most %d", len(huge), len(md), 2*maxRenderBytes)
	}
	if !strings.Contains(md, "is too long to show here") || !strings.Contains(md, "2.0 MB") {
		t.Errorf("no note of the 2 MB not shown: %q", md[len(md)-200:])
	}
	// A short article is unchanged by the cap.
	small := articleMarkdown(oneParagraph("small", "A short text."), false, 100, nil)
	if small != "A short text." {
		t.Errorf("short article: %q", small)
	}
}

// A long article is rendered in pieces, and the work stops between pieces
// once nobody wants it (the reader left the article): here it is given up
// after the first piece, so glamour ran once, not for every piece.
func TestRenderStopsWhenSuperseded(t *testing.T) {
	var paras []corpus.Block
	for i := 0; len(paras)*200 < 4*renderChunk; i++ {
		paras = append(paras, para(strings.Repeat("Officials said the next round would follow within days. ", 3)+string(rune('A'+i%26))))
	}
	a := &corpus.Article{ID: "long", Blocks: paras}
	r := newRenderer(termenv.Ascii)
	k := renderKey{id: a.ID, width: 100, style: "dark"}

	asked := 0
	_, err := r.render(a, k, nil, func() bool { asked++; return asked > 1 })
	if err != errSuperseded || asked != 2 {
		t.Fatalf("render: err %v after %d checks; want errSuperseded after the first piece", err, asked)
	}

	asked = 0
	lines, err := r.render(a, k, nil, func() bool { asked++; return false })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d paragraphs, %d pieces, %d lines", len(paras), asked, len(lines))
	if asked < 4 {
		t.Errorf("a %d KB article was rendered in %d pieces, want at least 4", 4*renderChunk>>10, asked)
	}
	// Every paragraph is there, each once, separated as one rendering
	// separates them.
	text := stripANSI(strings.Join(lines, "\n"))
	if n := strings.Count(text, "Officials said"); n != len(paras)*3 {
		t.Errorf("%d sentences rendered, want %d", n, len(paras)*3)
	}
	blanks, most := 0, 0
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			blanks++
			most = max(most, blanks)
		} else {
			blanks = 0
		}
	}
	if most != 1 {
		t.Errorf("paragraphs are separated by up to %d blank lines, want exactly 1", most)
	}
}

// Leaving the article (its pane hidden) cancels its rendering.
func TestLeavingTheArticleCancelsItsRendering(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	r := hs.m.sh.renderer
	hs.press("enter")
	r.want(renderSlotArticle, 12345) // a rendering in progress
	hs.m.article.ready = false
	hs.press("esc")
	if r.wanted(renderSlotArticle, 12345) {
		t.Fatal("the rendering of an article left is still wanted")
	}
}

func benchRender(b *testing.B, a *corpus.Article) {
	r := newRenderer(termenv.Ascii)
	k := renderKey{id: a.ID, width: 100, style: "dark"}
	for b.Loop() {
		if _, err := r.render(a, k, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The render cost attacks of issue 14; each took from half a minute to
// forever before the caps.
func BenchmarkRenderCombiningMarks(b *testing.B) {
	benchRender(b, oneParagraph("zalgo", "Z"+strings.Repeat("\u0301", 40000)+"algo and more text."))
}

func BenchmarkRenderLongWord(b *testing.B) {
	benchRender(b, oneParagraph("word", strings.Repeat("x", 640_000)))
}

func BenchmarkRenderHugeParagraph(b *testing.B) {
	benchRender(b, oneParagraph("huge", strings.Repeat("Negotiators met again on Sunday. ", 19<<20/33)))
}

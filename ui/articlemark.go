package ui

import (
	"strings"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"
)

// An article can be opened at a passage (from the comparison or the
// coverage view): once its body is rendered, the lines holding the passage
// are highlighted and scrolled into view. The rendering is glamour's, so
// the passage is found by its words, starting from its block's first words.

// articleMark is the passage to highlight.
type articleMark struct {
	on    bool
	words []string // the passage's words, normalised
	// anchor is the first words of the passage's block, to find the right
	// occurrence of a passage that repeats.
	anchor []string
	// scrolled: the pane has scrolled to the passage once; later
	// renderings (a resize) keep the reader's own place.
	scrolled bool
}

// showAt shows it scrolled to the passage at bytes start..end of block.
func (p *articlePane) showAt(it *item, block, start, end int) tea.Cmd {
	cmd := p.show(it)
	p.mark = articleMark{}
	a := it.a
	if !a.HasText() || block < 0 || block >= len(a.Blocks) { // a passage comes from a prepared (loaded) article
		return cmd
	}
	text := a.Blocks[block].Text
	start, end = clamp(start, 0, len(text)), clamp(end, 0, len(text))
	p.mark = articleMark{on: true, words: normWords(text[start:end]), anchor: normWords(text)}
	if len(p.mark.anchor) > 8 {
		p.mark.anchor = p.mark.anchor[:8]
	}
	if p.ready && p.want.id == a.ID {
		p.applyMark()
	}
	return cmd
}

// normWords splits s into words folded to letters and digits; words with
// neither are dropped, so punctuation and quote marks never decide a match.
func normWords(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		w := normWord(f)
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func normWord(f string) string {
	var sb strings.Builder
	for _, r := range foldQuery(f) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// applyMark highlights the marked passage in the body and scrolls to it.
func (p *articlePane) applyMark() {
	if !p.mark.on || len(p.mark.words) == 0 {
		return
	}
	type tok struct {
		word       string
		line       int
		start, end int // bytes in the stripped line
	}
	plain := make([]string, len(p.body.lines))
	var toks []tok
	for li, l := range p.body.lines {
		plain[li] = ansiStrip(l)
		s := plain[li]
		for i := 0; i < len(s); {
			for i < len(s) && s[i] == ' ' {
				i++
			}
			j := i
			for j < len(s) && s[j] != ' ' {
				j++
			}
			if j > i {
				if w := normWord(s[i:j]); w != "" {
					toks = append(toks, tok{w, li, i, j})
				}
			}
			i = j
		}
	}
	find := func(ws []string, from int) int {
		for i := from; i+len(ws) <= len(toks); i++ {
			ok := true
			for k, w := range ws {
				if toks[i+k].word != w {
					ok = false
					break
				}
			}
			if ok {
				return i
			}
		}
		return -1
	}
	from := 0
	if a := find(p.mark.anchor, 0); a >= 0 {
		from = a
	}
	at := find(p.mark.words, from)
	if at < 0 {
		at = find(p.mark.words, 0)
	}
	if at < 0 {
		return
	}
	last := at + len(p.mark.words) - 1
	lines := append([]string(nil), p.body.lines...)
	hl := p.sh.styles.Story.Match
	for li := toks[at].line; li <= toks[last].line; li++ {
		s := plain[li]
		b, e := 0, len(strings.TrimRight(s, " "))
		if li == toks[at].line {
			b = toks[at].start
		}
		if li == toks[last].line {
			e = toks[last].end
		}
		lines[li] = fitLine(s[:b]+hl.Render(s[b:e])+s[e:], p.w)
	}
	p.body.setFitted(lines)
	if !p.mark.scrolled {
		p.mark.scrolled = true
		p.body.offset = max(toks[at].line-2, 0)
	}
	p.body.clampOffset()
}

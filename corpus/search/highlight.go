package search

import (
	"strings"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

const defaultSnippetBytes = 160

func titleWords(title string) []string { return lang.Words(title) }

// phraseInTokens reports whether the words match consecutive tokens.
func phraseInTokens(toks []string, ws []wordMatch) bool {
	for i := 0; i+len(ws) <= len(toks); i++ {
		j := 0
		for ; j < len(ws) && ws[j].accepts(toks[i+j]); j++ {
		}
		if j == len(ws) {
			return true
		}
	}
	return false
}

// hit is a match in one block (or the title, block -1) and the clause it
// satisfies.
type hit struct {
	block, start, end, clause int
}

// tokFlags is one token of a text being highlighted: its span and, per
// clause, a bit for each clause word that accepts it.
type tokFlags struct {
	start, end int
	flags      uint64 // bit (clause*wordsPerClause + word), see hits
}

// hits finds every match of the positive clauses in text. It streams the
// tokens (no per-token allocation) and marks which clause words accept
// each one, then matches phrases over the marks.
func (cq *compiled) hits(text string, block int, title bool) []hit {
	// Clauses and words beyond what fits in the flag word are not
	// highlighted (they still filter results).
	const maxWords = 64
	var out []hit
	toks := cq.toks[:0]
	any := false
	lang.EachToken(text, func(word []byte, start, end int) {
		var f uint64
		bit := 0
		for ci := range cq.clauses {
			c := &cq.clauses[ci]
			for wi := range c.words {
				if bit < maxWords && (!c.Title || title) && c.words[wi].acceptsBytes(word) {
					f |= 1 << bit
				}
				bit++
			}
		}
		if f != 0 {
			any = true
		}
		toks = append(toks, tokFlags{start, end, f})
	})
	cq.toks = toks
	if !any {
		return nil
	}
	lastEnd := -1
	for i := range toks {
		if toks[i].flags == 0 || toks[i].start < lastEnd {
			continue
		}
		bit := 0
		for ci := range cq.clauses {
			n := len(cq.clauses[ci].words)
			if bit+n > maxWords {
				break
			}
			j := 0
			for ; j < n && i+j < len(toks) && toks[i+j].flags&(1<<(bit+j)) != 0; j++ {
			}
			if j == n {
				end := toks[i+j-1].end
				out = append(out, hit{block, toks[i].start, end, ci})
				lastEnd = end
				break
			}
			bit += n
		}
	}
	return out
}

// highlight locates every hit in an article and cuts a snippet around the
// best group of hits: the window covering the most different query words.
func (cq *compiled) highlight(a *corpus.Article, width int) (pos []Pos, title []Span, snippet string, hl []Span) {
	if width <= 0 {
		width = defaultSnippetBytes
	}
	for _, h := range cq.hits(a.Title, -1, true) {
		title = append(title, Span{h.start, h.end})
	}
	var all []hit
	for bi, b := range a.Blocks {
		hs := cq.hits(b.Text, bi, false)
		all = append(all, hs...)
		for _, h := range hs {
			pos = append(pos, Pos{bi, h.start, h.end})
		}
	}
	if len(all) == 0 {
		for _, b := range a.Blocks {
			if b.Kind != corpus.Heading {
				s, _, _ := cut(b.Text, 0, 0, width)
				return pos, title, s, nil
			}
		}
		if len(a.Blocks) > 0 {
			s, _, _ := cut(a.Blocks[0].Text, 0, 0, width)
			return pos, title, s, nil
		}
		return pos, title, "", nil
	}
	lead := width / 4
	best, bestDistinct, bestCount := 0, -1, -1
	for i := 0; i < len(all) && i < 64; i++ {
		seen := uint64(0)
		count := 0
		for j := i; j < len(all) && all[j].block == all[i].block && all[j].end <= all[i].start-lead+width; j++ {
			seen |= 1 << (all[j].clause % 64)
			count++
		}
		if d := popcount(seen); d > bestDistinct || d == bestDistinct && count > bestCount {
			best, bestDistinct, bestCount = i, d, count
		}
	}
	anchor := all[best]
	text := a.Blocks[anchor.block].Text
	snippet, from, end := cut(text, anchor.start-lead, anchor.end, width)
	shift := -from
	if from > 0 {
		shift += len("…")
	}
	for _, h := range all {
		if h.block == anchor.block && h.start >= from && h.end <= end {
			hl = append(hl, Span{h.start + shift, h.end + shift})
		}
	}
	return pos, title, snippet, hl
}

// cut returns about width bytes of text starting near from (snapped to a
// word start) and reaching at least until, with "…" where text was cut, and
// the byte range [from, end) of text that was kept.
func cut(text string, from, until, width int) (string, int, int) {
	from = max(0, from)
	if from > 0 {
		if i := strings.IndexByte(text[from:], ' '); i >= 0 && from+i+1 <= until {
			from += i + 1
		} else {
			for from > 0 && !utf8.RuneStart(text[from]) {
				from--
			}
		}
	}
	end := min(len(text), max(from+width, until))
	if end < len(text) {
		if i := strings.LastIndexByte(text[from:end], ' '); i > 0 && from+i >= until {
			end = from + i
		} else {
			for end < len(text) && !utf8.RuneStart(text[end]) {
				end++
			}
		}
	}
	s := text[from:end]
	if end < len(text) {
		s += "…"
	}
	if from > 0 {
		s = "…" + s
	}
	return s, from, end
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

package search

import (
	"encoding/binary"
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

// bodyHits finds every match of the positive clauses in the body of
// document d from its forward index, without re-reading the text: hit
// start and end are token numbers within the block (see locate). Caller
// holds ix.mu (read).
func (ix *Index) bodyHits(cq *compiled, d uint32) []hit {
	// Clauses and words beyond what fits in the flag word are not
	// highlighted (they still filter results).
	const maxWords = 64
	flags := cq.flagBuf[:0]
	var firstTok []int // index in flags of each block's first token
	firstTok = append(cq.blockBuf[:0], 0)
	any := false
	for buf := ix.fwd[d]; len(buf) > 0; {
		v, n := binary.Uvarint(buf)
		if n <= 0 {
			break
		}
		buf = buf[n:]
		if v == 0 {
			flags = append(flags, 0)
			firstTok = append(firstTok, len(flags))
			continue
		}
		f := cq.flagsOf(ix, uint32(v))
		any = any || f != 0
		flags = append(flags, f)
	}
	cq.flagBuf, cq.blockBuf = flags, firstTok
	if !any {
		return nil
	}
	var out []hit
	block, lastEnd := 0, -1
	for i, f := range flags {
		for block+1 < len(firstTok) && firstTok[block+1] <= i {
			block++
		}
		if f == 0 || i < lastEnd {
			continue
		}
		bit := 0
		for ci := range cq.clauses {
			n := len(cq.clauses[ci].words)
			if bit+n > maxWords {
				break
			}
			j := 0
			for ; j < n && i+j < len(flags) && flags[i+j]&(1<<(bit+j)) != 0; j++ {
			}
			if j == n {
				out = append(out, hit{block, i - firstTok[block], i + n - firstTok[block], ci})
				lastEnd = i + n
				break
			}
			bit += n
		}
	}
	return out
}

// flagsOf returns, for body term id, a bit for each positive clause word
// that accepts it (numbered as in hits), cached per query. Caller holds
// ix.mu (read).
func (cq *compiled) flagsOf(ix *Index, id uint32) uint64 {
	if cq.flagOf == nil {
		cq.flagOf = map[uint32]uint64{}
		bit := 0
		for ci := range cq.clauses {
			c := &cq.clauses[ci]
			for wi := range c.words {
				m := &c.words[wi]
				if bit < 64 && !c.Title {
					for _, v := range m.ids {
						cq.flagOf[v] |= 1 << bit
						cq.seen[v/64%64] |= 1 << (v % 64)
					}
					cq.prefixes = cq.prefixes || m.prefix != ""
				}
				bit++
			}
		}
	}
	if cq.seen[id/64%64]&(1<<(id%64)) == 0 && !cq.prefixes {
		return 0
	}
	f, ok := cq.flagOf[id]
	if ok || !cq.prefixes {
		return f
	}
	text := ix.terms[id].text
	bit := 0
	for ci := range cq.clauses {
		c := &cq.clauses[ci]
		for wi := range c.words {
			if m := &c.words[wi]; bit < 64 && !c.Title && m.prefix != "" && strings.HasPrefix(text, m.prefix) {
				f |= 1 << bit
			}
			bit++
		}
	}
	cq.flagOf[id] = f
	return f
}

// locate turns the token numbers of body hits into byte offsets by
// tokenising the blocks that have hits (the same tokeniser built the
// forward index, so the numbers agree).
func locate(a *corpus.Article, hs []hit) []hit {
	out := hs[:0]
	for i := 0; i < len(hs); {
		b := hs[i].block
		j := i + 1
		for j < len(hs) && hs[j].block == b {
			j++
		}
		group := hs[i:j]
		k, gs, ge := 0, 0, 0
		if b < len(a.Blocks) {
			lang.EachToken(a.Blocks[b].Text, func(_ []byte, start, end int) {
				for gs < len(group) && group[gs].start == k {
					group[gs].start = start
					gs++
				}
				for ge < len(group) && group[ge].end-1 == k {
					group[ge].end = end
					ge++
				}
				k++
			})
		}
		// Both counts are complete unless the article changed after it
		// was indexed; then the unmatched hits are dropped.
		out = append(out, group[:min(gs, ge)]...)
		i = j
	}
	return out
}

// highlight cuts a snippet around the best group of body hits (the window
// covering the most different query words) and locates the title hits.
func (cq *compiled) highlight(a *corpus.Article, all []hit, width int) (pos []Pos, title []Span, snippet string, hl []Span) {
	if width <= 0 {
		width = defaultSnippetBytes
	}
	for _, h := range cq.hits(a.Title, -1, true) {
		title = append(title, Span{h.start, h.end})
	}
	for _, h := range all {
		pos = append(pos, Pos{h.block, h.start, h.end})
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

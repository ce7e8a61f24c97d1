package search

import (
	"encoding/binary"
	"strings"
	"sync"
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
	lang.Folded.Each(text, func(word []byte, start, end int) {
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
	cq.prepareFlags(ix)
	flags := cq.flagBuf[:0]
	var firstTok []int // index in flags of each block's first token
	firstTok = append(cq.blockBuf[:0], 0)
	flagged := 0
	for buf := ix.fwdOf(d); len(buf) > 0; {
		v, n := uint64(buf[0]), 1
		if v >= 0x80 {
			if v, n = binary.Uvarint(buf); n <= 0 {
				break
			}
		}
		buf = buf[n:]
		if v == 0 {
			flags = append(flags, 0)
			firstTok = append(firstTok, len(flags))
			continue
		}
		if v >= uint64(len(cq.flags)) {
			ix.setDamaged(errDamaged("forward index of document %d", d))
			break
		}
		f := cq.flags[v]
		if f != 0 {
			flagged++
		}
		flags = append(flags, f)
	}
	cq.flagBuf, cq.blockBuf = flags, firstTok
	if flagged == 0 {
		return nil
	}
	out := make([]hit, 0, flagged)
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

// flagPool holds per-term flag arrays for highlighting, all zero.
var flagPool = sync.Pool{New: func() any { return new([]uint64) }}

// prepareFlags sets, for every term a positive body clause word accepts,
// a bit per such word (numbered as in hits): the query's terms, and every
// completion of a word being typed (not just those searched for), as the
// text highlighter does. Caller holds ix.mu (read).
func (cq *compiled) prepareFlags(ix *Index) {
	if cq.flags != nil {
		return
	}
	cq.flagArr = flagPool.Get().(*[]uint64)
	if n := ix.nterms(); len(*cq.flagArr) < n {
		*cq.flagArr = make([]uint64, n+n/4)
	}
	cq.flags = *cq.flagArr
	set := func(id uint32, bit int) {
		if cq.flags[id] == 0 {
			cq.flagged = append(cq.flagged, id)
		}
		cq.flags[id] |= 1 << bit
	}
	bit := 0
	for ci := range cq.clauses {
		c := &cq.clauses[ci]
		for wi := range c.words {
			m := &c.words[wi]
			if bit < 64 && !c.Title {
				for _, v := range m.ids {
					set(v, bit)
				}
				if m.prefix != "" {
					for _, v := range ix.completions(m.prefix) {
						set(v, bit)
					}
				}
			}
			bit++
		}
	}
}

// releaseFlags returns the flag array, cleared, to the pool.
func (cq *compiled) releaseFlags() {
	if cq.flags == nil {
		return
	}
	for _, id := range cq.flagged {
		cq.flags[id] = 0
	}
	flagPool.Put(cq.flagArr)
	cq.flags, cq.flagArr, cq.flagged = nil, nil, nil
}

// locate turns the token numbers of body hits into byte offsets by
// tokenising the blocks that have hits (the same tokeniser built the
// forward index, so the numbers agree).
func locate(a *corpus.Article, hs []hit) []hit {
	out := hs[:0]
	var spans []int32
	for i := 0; i < len(hs); {
		b := hs[i].block
		j := i + 1
		for j < len(hs) && hs[j].block == b {
			j++
		}
		if b < len(a.Blocks) {
			spans = tokenSpans(a.Blocks[b].Text, spans[:0])
		}
		for _, h := range hs[i:j] {
			// Always in range unless the article changed after it was
			// indexed; then the hit is dropped.
			if b < len(a.Blocks) && h.end <= len(spans)/2 {
				h.start, h.end = int(spans[2*h.start]), int(spans[2*h.end-1])
				out = append(out, h)
			}
		}
		i = j
	}
	return out
}

// tokenSpans appends the start and end of every token of s, as
// lang.Folded gives them. ASCII text, most of it, is scanned without
// calling back per token.
func tokenSpans(s string, spans []int32) []int32 {
	n := len(spans)
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if !isWordByte(c) {
			i++
			continue
		}
		start := i
		for {
			for i < len(s) && isWordByte(s[i]) {
				i++
			}
			// An apostrophe between letters joins them ("don't").
			if i+1 < len(s) && s[i] == '\'' && isLetterByte(s[i+1]) {
				i += 2
				continue
			}
			break
		}
		if i < len(s) && s[i] >= utf8.RuneSelf || i+1 < len(s) && s[i] == '\'' && s[i+1] >= utf8.RuneSelf ||
			i == start+1 && i < len(s) && s[i] == '.' {
			break // the token may go on ("F.B.I."): leave it to the tokeniser
		}
		spans = append(spans, int32(start), int32(i))
	}
	if i >= len(s) {
		return spans
	}
	spans = spans[:n]
	lang.Folded.Each(s, func(_ []byte, start, end int) {
		spans = append(spans, int32(start), int32(end))
	})
	return spans
}

func isLetterByte(c byte) bool { return wordBytes[c] == 2 }

func isWordByte(c byte) bool { return wordBytes[c] != 0 }

// wordBytes is 1 for ASCII digits, 2 for ASCII letters.
var wordBytes = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 2, 2
	}
	return t
}()

// highlight cuts a snippet around the best group of body hits (the window
// covering the most different query words) and locates the title hits.
func (cq *compiled) highlight(a *corpus.Article, all []hit, width int) (pos []Pos, title []Span, snippet string, hl []Span) {
	if width <= 0 {
		width = defaultSnippetBytes
	}
	for _, h := range cq.hits(a.Title, -1, true) {
		title = append(title, Span{h.start, h.end})
	}
	if len(all) > 0 {
		pos = make([]Pos, len(all))
		for i, h := range all {
			pos[i] = Pos{h.block, h.start, h.end}
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
		if h.block == anchor.block && h.start >= from && h.start < end {
			hl = append(hl, Span{h.start + shift, min(h.end, end) + shift})
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
	// A hit longer than the snippet (a "word" of a megabyte) is cut
	// too: the snippet stays within twice its width.
	until = min(until, from+2*width)
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

package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SpeakerKind says how a quote's speaker was found.
type SpeakerKind string

// How a speaker is known.
const (
	Named   SpeakerKind = "named"   // a name in the sentence ("Rubio told reporters")
	Pronoun SpeakerKind = "pronoun" // "he said", "the senator said": resolved to a person named before
	Nominal SpeakerKind = "nominal" // "the source said", "an unnamed official"
	Carried SpeakerKind = "carried" // a bare quote right after one by a known speaker
)

// Quote is a quoted passage of an article.
type Quote struct {
	Text        string      `json:"text"` // the words inside the marks
	Speaker     string      `json:"speaker,omitempty"`
	SpeakerKind SpeakerKind `json:"speaker_kind,omitempty"`
	// At is where the quote starts: its sentence and the span of the quote
	// inside that sentence (to its end when the quote runs on).
	At Passage `json:"at"`
	// Block, Start and End locate the quoted text in the article's blocks.
	Block      int `json:"block"`
	Start, End int `json:"-"`

	words []word
	terms []uint64 // sorted unique content terms, for matching
	last  int      // the sentence where the quote ends
	who   *Entity  // the speaker when a person or organisation named in the article
}

// Words is the number of words quoted.
func (q *Quote) Words() int { return len(q.words) }

type span struct{ start, end int } // inner text, byte offsets in the block

// quoteSpans finds the quoted passages of one block: curly and straight,
// double and single, guillemets and low-high quotes. Single quotes are told
// from apostrophes by what surrounds them; a quote nested in another is
// part of it.
func quoteSpans(t string) []span {
	var out []span
	straightOpen := -1 // where the text of an open straight double quote starts; -1: none open
	var opened rune    // the mark of an open curly, low-high or angle double quote; 0: none
	at := 0            // where its text starts
	for i := 0; i < len(t); {
		r, size := utf8.DecodeRuneInString(t[i:])
		next := i + size
		if opened != 0 {
			if strings.ContainsRune(closersOf(opened), r) {
				out = append(out, span{at, i})
				opened = 0
			}
		} else if r == '"' {
			if straightOpen == -1 {
				straightOpen = next
			} else {
				out = append(out, span{straightOpen, i})
				straightOpen = -1
			}
		} else if straightOpen == -1 {
			// (Inside a straight double quote, other marks are its content.)
			if closersOf(r) != "" {
				opened, at = r, next
			} else if mark := singleCloser(r); mark != 0 && opensSingle(t, i, size) {
				if e, ok := closeSingle(t, next, mark); ok {
					out = append(out, span{next, e})
					next = e + utf8.RuneLen(mark)
				}
			}
		}
		i = next
	}
	if opened == '“' {
		// A quote that runs to the end of its paragraph (the next paragraph
		// usually reopens it).
		out = append(out, span{at, len(t)})
	}
	return out
}

// closersOf is the marks that close a double quote opened with r, "" when r
// opens none: a curly quote is also closed by a second opening mark (typed
// for the closing one), a low-high quote by either curly mark.
func closersOf(r rune) string {
	switch r {
	case '“':
		return "”“"
	case '„':
		return "“”"
	case '«':
		return "»"
	}
	return ""
}

// singleCloser is the mark that closes a single quote opened with r, 0 when
// r opens none.
func singleCloser(r rune) rune {
	switch r {
	case '‘':
		return '’'
	case '\'':
		return '\''
	}
	return 0
}

// opensSingle: a single quote at a word start, followed by a letter or
// digit. (At the start of t the rune before decodes as utf8.RuneError, at
// its end the rune after: neither is a letter or digit.)
func opensSingle(t string, i, size int) bool {
	p, _ := utf8.DecodeLastRuneInString(t[:i])
	n, _ := utf8.DecodeRuneInString(t[i+size:])
	return !isLetterOrDigit(p) && isLetterOrDigit(n)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// closeSingle finds the closing single quote for one opened at from: a mark
// not followed by a letter (so "don’t" and "Ukraine’s" are skipped), within
// the same paragraph and at most 400 bytes on. The text at from is a letter
// or digit (opensSingle), never the mark.
func closeSingle(t string, from int, mark rune) (int, bool) {
	limit := min(len(t), from+400)
	for i := from; i < limit; {
		r, size := utf8.DecodeRuneInString(t[i:])
		if r == mark {
			after := i + size
			if after >= len(t) {
				return i, true
			}
			n, _ := utf8.DecodeRuneInString(t[after:])
			if !isLetterOrDigit(n) {
				// One letter or digit is no quotation: "rock 'n' roll".
				return i, utf8.RuneCountInString(t[from:i]) >= 2
			}
		}
		i += size
	}
	return 0, false
}

// quotesOf extracts a document's quotes and attributes them.
func quotesOf(d *Doc, ents []*Entity) []Quote {
	idx := indexMentions(ents)
	type located struct {
		q      Quote
		sq, eq int
		sp     span
	}
	var found []located
	firstSent := 0
	for bi, b := range d.Article.Blocks {
		// The sentences of this block.
		lo := firstSent
		hi := lo
		for hi < len(d.Sentences) && d.Sentences[hi].Block == bi {
			hi++
		}
		firstSent = hi
		if lo == hi {
			continue // a block without sentences has no quotes either
		}
		for _, sp := range quoteSpans(b.Text) {
			inner := strings.TrimRight(b.Text[sp.start:sp.end], " ,;:.")
			if inner == "" {
				continue
			}
			q := Quote{Text: inner, Block: bi, Start: sp.start, End: sp.start + len(inner)}
			sq, eq := lo, lo
			for k := lo; k < hi; k++ {
				s := &d.Sentences[k]
				if s.Start <= sp.start {
					sq = k
				}
				if s.Start < sp.end {
					eq = k
				}
			}
			// Every quoted stretch, long or not, is masked: names inside a
			// quotation are not its speaker nor what a pronoun refers to.
			for k := sq; k <= eq; k++ {
				s := &d.Sentences[k]
				idx.mask(k, span{max(0, sp.start-s.Start), min(len(s.Text), sp.end-s.Start)})
			}
			if sq == eq {
				q.words = quoteWords(&d.Sentences[sq], q.Start, q.End)
			} else {
				q.words = words(inner)
			}
			if len(q.words) == 0 {
				continue
			}
			q.terms, _ = termSets(q.words)
			s := &d.Sentences[sq]
			q.At = Passage{Sentence: sq, Start: max(0, sp.start-s.Start), End: min(len(s.Text), sp.end-s.Start)}
			q.last = eq
			found = append(found, located{q, sq, eq, sp})
		}
	}
	out := make([]Quote, 0, len(found))
	for _, f := range found {
		q := f.q
		attribute(d, &q, f.sq, f.eq, f.sp, idx, out)
		out = append(out, q)
	}
	return out
}

// quoteWords are the words of a quote (block span start..end) that lies in
// one sentence, s: the sentence's words, with offsets made relative to the
// quote (the same words as tokenising the quote again, at no cost). A
// dotted acronym ending the quote ("the E.U.,") ends at its last full stop,
// which the quote's text leaves out: it is cut there, as a new tokenising
// of the quote would cut it.
func quoteWords(s *Sentence, start, end int) []word {
	start, end = start-s.Start, end-s.Start
	var out []word
	for _, w := range s.words {
		if w.start >= start && w.start < end {
			w.start -= start
			w.end = min(w.end, end) - start
			out = append(out, w)
		}
	}
	return out
}

// Package compare finds what articles about one story share and where they
// differ: sentence alignment of two articles with shared wording, quotes with
// their speakers, names, numeric facts, the coverage of a story across
// outlets, and the grouping of a corpus into stories.
//
// Everything here is a pure function of its inputs, safe to call from a
// goroutine (a tea.Cmd). A Doc is prepared once per article and then shared
// read-only by every comparison that involves it. Positions are given as
// sentence indices into Doc.Sentences plus byte offsets into the sentence
// text; each Sentence knows its block index and byte span in the article's
// Blocks, so a viewer can highlight words and jump to a passage.
package compare

import (
	"slices"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

// Sentence is one sentence of an article body.
type Sentence struct {
	Index      int    `json:"index"`
	Block      int    `json:"block"` // index into Article.Blocks
	Start, End int    `json:"-"`     // byte span in the block text
	Text       string `json:"text"`
	Heading    bool   `json:"heading,omitempty"`

	words   []word
	terms   []uint64 // sorted, unique content-term hashes
	bigrams []uint64 // sorted, unique hashes of adjacent content-term pairs
	frame   []uint64 // sorted terms that only frame it (attribution, titles, channel)
	actors  []actor  // the people it names
	places  []string // sorted keys of the places it names
}

// Words is the number of words in the sentence.
func (s *Sentence) Words() int { return len(s.words) }

// Doc is an article prepared for comparison. It is immutable once made.
type Doc struct {
	Article   *corpus.Article
	Sentences []Sentence

	title     []word
	extracted *extraction // names, quotes and numbers, made by Prepare
}

// Prepare splits an article into sentences, tokenises them and extracts its
// names, quotes and numbers.
func Prepare(a *corpus.Article) *Doc {
	d := &Doc{Article: a}
	for bi, b := range a.Blocks {
		for _, sp := range lang.Sentences(b.Text) {
			text := sp.Text(b.Text)
			s := Sentence{Index: len(d.Sentences), Block: bi, Start: sp.Start, End: sp.End, Text: text,
				Heading: b.Kind == corpus.Heading}
			s.words = words(text)
			s.terms, s.bigrams = termSets(s.words)
			s.frame = frameOf(&s)
			s.bigrams = bigramsOutside(s.words, s.frame)
			d.Sentences = append(d.Sentences, s)
		}
	}
	d.title = words(a.Title)
	d.extracted = extract(d)
	for i, a := range actorsOf(d) {
		d.Sentences[i].actors = a
	}
	for i, p := range placesOf(d) {
		d.Sentences[i].places = p
	}
	return d
}

// PrepareAll prepares several articles.
func PrepareAll(as []*corpus.Article) []*Doc {
	out := make([]*Doc, len(as))
	for i, a := range as {
		out[i] = Prepare(a)
	}
	return out
}

func termSets(ws []word) (terms, bigrams []uint64) {
	prev := ""
	for _, w := range ws {
		if w.term == "" {
			continue
		}
		terms = append(terms, hashTerm(w.term))
		if prev != "" {
			bigrams = append(bigrams, hashPair(prev, w.term))
		}
		prev = w.term
	}
	slices.Sort(terms)
	slices.Sort(bigrams)
	return slices.Compact(terms), slices.Compact(bigrams)
}

// bigramsOutside hashes the adjacent pairs of content terms, skipping the
// terms of the sentence's frame: "Sheriff Kory Honea said" in two
// sentences is shared attribution, not shared phrasing.
func bigramsOutside(ws []word, frame []uint64) []uint64 {
	var out []uint64
	prev := ""
	for _, w := range ws {
		if w.term == "" {
			continue
		}
		if inSorted(frame, hashTerm(w.term)) {
			prev = ""
			continue
		}
		if prev != "" {
			out = append(out, hashPair(prev, w.term))
		}
		prev = w.term
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Passage locates a stretch of text: a sentence and a byte span inside its
// text.
type Passage struct {
	Sentence   int `json:"sentence"`
	Start, End int `json:"-"`
}

// Locate returns the block index and byte span in the block text of a
// passage, for jumping to it in the article view.
func (d *Doc) Locate(p Passage) (block, start, end int) {
	if p.Sentence < 0 || p.Sentence >= len(d.Sentences) {
		return -1, 0, 0
	}
	s := &d.Sentences[p.Sentence]
	return s.Block, s.Start + p.Start, s.Start + p.End
}

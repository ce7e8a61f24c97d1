package compare

// extraction holds what Prepare pulls out of one article.
type extraction struct {
	entities []*Entity
	quotes   []Quote
	numbers  []Number
}

func extract(d *Doc) *extraction {
	markHeadings(d)
	x := &extraction{entities: entitiesOf(d)}
	x.quotes = quotesOf(d, x.entities)
	x.numbers = numbersOf(d)
	return x
}

// Entities returns the people, places and organisations the article names,
// most mentioned first.
func (d *Doc) Entities() []*Entity { return d.extracted.entities }

// Quotes returns the article's quoted passages in order.
func (d *Doc) Quotes() []Quote { return d.extracted.quotes }

// Numbers returns the article's numeric facts in order.
func (d *Doc) Numbers() []Number { return d.extracted.numbers }

// markHeadings flags sentences that read as headings even when the loader
// kept them as paragraphs: a whole block in title case with no final stop.
func markHeadings(d *Doc) {
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if s.Heading {
			continue
		}
		b := d.Article.Blocks[s.Block].Text
		if s.Start != 0 || s.End != len(b) || len(s.words) < 2 || len(s.words) > 16 {
			continue
		}
		switch b[len(b)-1] {
		case '.', '!', '?', ',', ';', ':':
			continue
		}
		caps, content := 0, 0
		for _, w := range s.words {
			if stopwords[w.fold] && !w.cap {
				continue
			}
			content++
			if w.cap || w.acro || isNumeric(w.fold) {
				caps++
			}
		}
		if content >= 2 && caps*10 >= content*8 {
			s.Heading = true
		}
	}
}

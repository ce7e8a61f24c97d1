package compare

import (
	"strings"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// The organisation or party a text gives a person, read next to a mention
// of them: a party tag ("Sen. X (D-Calif.)"), an apposition ("X, a
// Republican who…", "X, the director of the Y Coalition") or "X of the Y
// Coalition", where Y is an organisation the article names.
var (
	partyTagRe   = lazyre.New(`^\s*\(([DRI])-[A-Z][A-Za-z. ]{1,14}\)`)
	appositionRe = lazyre.New(`^,\s+(?:a|an|the)\s+([^,.;:()"“”]{1,100})`)
	ofRe         = lazyre.New(`^\s+(?:of|from|with|at)\s+(?:the\s+)?`)
)

var partyTags = map[string]string{"D": "Democrat", "R": "Republican", "I": "independent"}

// partyWords name a party member in an apposition ("a Democrat").
var partyWords = map[string]string{"democrat": "Democrat", "democratic": "Democrat", "republican": "Republican",
	"gop": "Republican", "independent": "independent", "labour": "Labour", "conservative": "Conservative",
	"tory": "Conservative", "libertarian": "Libertarian", "socialist": "Socialist"}

// affiliationOf finds what the article says the person of entity e
// belongs to, or "".
func affiliationOf(d *Doc, e *Entity) string {
	if e == nil || e.Kind != Person {
		return ""
	}
	for _, m := range e.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
			continue
		}
		s := &d.Sentences[m.Sentence]
		if m.End > len(s.Text) {
			continue
		}
		after := s.Text[m.End:]
		if g := partyTagRe.FindStringSubmatch(after); g != nil {
			return partyTags[g[1]]
		}
		if g := appositionRe.FindStringSubmatchIndex(after); g != nil {
			if p := partyIn(after[g[2]:g[3]]); p != "" {
				return p
			}
			if o := orgWithin(d, m.Sentence, m.End+g[2], m.End+g[3]); o != "" {
				return o
			}
			continue
		}
		if g := ofRe.FindStringIndex(after); g != nil {
			if o := orgWithin(d, m.Sentence, m.End+g[1], m.End+g[1]+1); o != "" {
				return o
			}
		}
	}
	return ""
}

func partyIn(phrase string) string {
	for _, w := range strings.Fields(phrase) {
		if p := partyWords[strings.ToLower(strings.Trim(w, "-"))]; p != "" {
			return p
		}
	}
	return ""
}

// orgWithin is the organisation the article names starting in the span
// [start, end) of sentence si, or "".
func orgWithin(d *Doc, si, start, end int) string {
	for _, e := range d.Entities() {
		if e.Kind != Org {
			continue
		}
		for _, m := range e.Mentions {
			if m.Sentence == si && m.Start >= start && m.Start < end {
				return e.Name
			}
		}
	}
	return ""
}

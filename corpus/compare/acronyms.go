package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Acronyms and the names they stand for. Outlets write "AFP" or "Agence
// France-Presse", "EU" or "European Union": one organisation. Two general
// rules join them: the acronym spells the initials of the name's
// capitalised words, small words skipped ("Federal Bureau of
// Investigation" is the FBI); or a text defines it in brackets, either way
// round ("European Union (EU)", "ISIS (Islamic State)").

// smallWords are skipped when taking a name's initials.
var smallWords = setOf("of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le",
	"les", "el", "der", "die", "das", "von", "van", "y", "e", "et", "und", "&", "a", "an")

// isAcronym: a name written as one word of two to six capitals ("NATO",
// "AFP"), or dotted ("U.N.").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// initials spells the initials of a name's capitalised words, folded: ""
// when fewer than two words count or a word is in lower case (a name with
// ordinary words is not abbreviated by this rule).
func initials(name string) string {
	var b strings.Builder
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == '‐' })
	for _, w := range words {
		if smallWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 2 {
		return ""
	}
	return foldName(b.String())
}

// acronymDefs finds bracketed definitions in a document's mentions: a name
// right before "(ACRONYM)" or an acronym right before "(Full Name)". It
// maps the folded acronym to the folded full name.
func acronymDefs(d *Doc, mentions [][]mention) map[string]string {
	var defs map[string]string
	for si, ms := range mentions {
		text := d.Sentences[si].Text
		for k := 0; k+1 < len(ms); k++ {
			x, y := ms[k], ms[k+1]
			if strings.TrimSpace(text[x.pass.End:y.pass.Start]) != "(" ||
				!strings.HasPrefix(strings.TrimLeft(text[y.pass.End:], " "), ")") {
				continue
			}
			full, short := x, y
			if isAcronym(x.surface) && !isAcronym(y.surface) {
				full, short = y, x
			}
			if !isAcronym(short.surface) || isAcronym(full.surface) {
				continue
			}
			if defs == nil {
				defs = map[string]string{}
			}
			defs[mentionKey(short)] = mentionKey(full)
		}
	}
	return defs
}

func mentionKey(m mention) string {
	if m.known != nil {
		return foldName(m.known.canon)
	}
	return foldName(m.surface)
}

// acronymsOf lists the folded acronyms a full name goes by: its initials
// and any the document defines for it.
func acronymsOf(e *Entity, defs map[string]string) []string {
	var out []string
	if len(e.skel) >= 2 {
		if a := initials(e.Name); a != "" {
			out = append(out, a)
		}
	}
	for short, full := range defs {
		if full == e.key && !containsString(out, short) {
			out = append(out, short)
		}
	}
	return out
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// joinAcronyms moves each acronym entity into the one full name (not a
// person) that goes by it; when two names could, it guesses nothing.
func joinAcronyms(list []*Entity, defs map[string]string) []*Entity {
	for _, e := range list {
		if len(e.skel) >= 2 && e.Kind != Person {
			e.acros = acronymsOf(e, defs)
		}
	}
	var kept []*Entity
	for _, e := range list {
		if isAcronym(e.Name) {
			if full := fullFormOf(e.key, list, func(f *Entity) []string { return f.acros }, func(f *Entity) bool {
				return f == e || f.Kind == Person
			}); full != nil {
				full.absorb(e)
				full.Acronym = e.Name
				continue
			}
		}
		kept = append(kept, e)
	}
	return kept
}

// fullFormOf finds the single item whose acronyms include key.
func fullFormOf[T comparable](key string, items []T, acros func(T) []string, skip func(T) bool) T {
	var found, zero T
	for _, f := range items {
		if skip(f) || !containsString(acros(f), key) {
			continue
		}
		if found != zero && found != f {
			return zero
		}
		found = f
	}
	return found
}

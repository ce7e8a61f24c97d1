package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AbbrevKind says how an abbreviation written with a full stop behaves at
// a possible sentence end.
type AbbrevKind uint8

const (
	// NotAbbrev: an ordinary word; its full stop ends a sentence.
	NotAbbrev AbbrevKind = iota
	// TitleAbbrev precedes a name or a word ("Mr.", "Gen.", "Sen.", "vs.")
	// and never ends a sentence.
	TitleAbbrev
	// NumberAbbrev precedes a number ("No. 2", "Fig. 3"): it goes on before
	// a digit and is an ordinary word otherwise ("He said no.").
	NumberAbbrev
	// EndAbbrev may end a sentence ("Apple Inc.", "in Ariz.", "in Jan.",
	// "John Smith Jr."): its full stop ends one only before a clear sentence
	// starter.
	EndAbbrev
	// DottedAcronym is letters joined by full stops ("U.S.", "F.B.I.",
	// "a.m.", "Ph.D."): like EndAbbrev, and never split inside.
	DottedAcronym
	// Initial is a single capital letter ("Donald J. Trump"): like
	// EndAbbrev.
	Initial
)

// abbrevs is the one list of abbreviations written with a full stop, in
// their usual written form. An entry written with a capital only matches a
// word written with one ("Ill." the state, not "ill."; "Miss." not
// "miss."), other entries match in any case.
var abbrevs = func() map[string]AbbrevKind {
	m := map[string]AbbrevKind{}
	add := func(k AbbrevKind, list string) {
		for _, w := range strings.Fields(list) {
			m[w] = k
		}
	}
	// Honorifics, ranks and offices (NYT and AP style), and words that
	// join two names.
	add(TitleAbbrev, `Mr Mrs Ms Messrs Mmes Mme Mlle Dr Drs Prof Profs Gen Gens Sen Sens Rep Reps
		Gov Govs Cong Lt Col Capt Cpt Sgt Cpl Pvt Adm Maj Cmdr Cmdt Brig Rev Hon Pres Atty Supt Det
		Insp Amb Msgr Fr Rt Lieut Comdr Sec Treas
		vs v cf e.g i.e eg ie approx`)
	add(NumberAbbrev, `No Nos no nos Vol vol Fig fig Figs figs p pp Art art Ch ch Ex ex para`)
	// Corporate and family suffixes, places, months and days, and US state
	// abbreviations (AP style): they often end a sentence.
	add(EndAbbrev, `etc Inc Ltd Co Corp Bros Plc Llc LLC al Jr Sr Esq St Ste Mt Ft Ave Blvd Rd
		Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun
		Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
		Mont Neb Nebr Nev Okla Ore Oreg Pa Tenn Tex Vt Va Wash Wis Wisc Wyo Dept dept est ca`)
	return m
}()

// maxListed is the length of the longest listed abbreviation ("Messrs",
// "approx"; TestMaxListed).
const maxListed = 6

// lookupAbbrev finds w (without its full stop) in the list.
func lookupAbbrev(w string) AbbrevKind {
	if k, ok := abbrevs[w]; ok {
		return k
	}
	// Any case for lower-case entries of two letters or more ("Vs.",
	// "NO."); capitalised entries need a capital; "v." is never "V.", an
	// initial.
	lw := strings.ToLower(w)
	if k, ok := abbrevs[lw]; ok && len(lw) > 1 {
		return k
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return NotAbbrev
	}
	// The rest lower-cased on its own: lower case may change a letter's
	// length ("İ" is two bytes, "i" one), so lw[n:] is not the rest.
	if k, ok := abbrevs[string(r)+strings.ToLower(w[n:])]; ok {
		return k
	}
	return NotAbbrev
}

// Abbrev classifies w, a word written before a full stop without it
// ("Gov", "U.S", "J", "ill"): one of the AbbrevKinds.
func Abbrev(w string) AbbrevKind {
	if w == "" {
		return NotAbbrev
	}
	if len(w) <= maxListed {
		if k := lookupAbbrev(w); k != NotAbbrev {
			return k
		}
	}
	if strings.Contains(w, ".") {
		if isDottedAcronym(w) {
			return DottedAcronym
		}
		return NotAbbrev
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return Initial
	}
	return NotAbbrev
}

// isDottedAcronym: every dot-separated part is one or two letters ("U.S",
// "a.m", "Ph.D"), unlike a domain name ("example.com"), which ends a
// sentence like any word.
func isDottedAcronym(w string) bool {
	n := 0 // letters in the current part
	for _, r := range w {
		if r == '.' {
			if n == 0 {
				return false
			}
			n = 0
		} else if unicode.IsLetter(r) && n < 2 {
			n++
		} else {
			return false
		}
	}
	return n > 0
}

// EndsInAbbreviation reports whether s ends with a full stop that belongs
// to an abbreviation, an acronym or an initial ("Talks With the U.S.",
// "Smith vs.", "Apple Inc."), so that a line ending so may still be a
// heading.
func EndsInAbbreviation(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	w := wordBefore(s, len(s)-1)
	if w == "" {
		return false
	}
	switch Abbrev(w) {
	case NotAbbrev, Initial:
		return false
	case NumberAbbrev:
		// "No." at the end of a line is the word "no".
		return false
	}
	return true
}

// maxAbbrev bounds the look back for the word before a full stop: no
// abbreviation is longer, and a megabyte of "A.A.A." stays linear.
const maxAbbrev = 32

// wordBefore returns the word (letters and inner full stops) ending right
// before the full stop at s[dot], at most its last maxAbbrev bytes.
func wordBefore(s string, dot int) string {
	i := dot
	for i > 0 && dot-i < maxAbbrev {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsLetter(r) || r == '.' {
			i -= size
			continue
		}
		break
	}
	return strings.TrimLeft(s[i:dot], ".")
}

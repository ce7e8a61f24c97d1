package compare

import (
	"sort"
	"strings"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// EntityKind says what a name names.
type EntityKind string

// The kinds of names.
const (
	Person EntityKind = "person"
	Place  EntityKind = "place"
	Org    EntityKind = "org"
	Other  EntityKind = "other"
)

var kinds = [...]EntityKind{Person, Place, Org}

// Entity is a person, place or organisation named in an article, with every
// mention (full name, surname alone, a variant spelling) gathered under the
// fullest name used.
type Entity struct {
	Name     string     `json:"name"`
	Kind     EntityKind `json:"kind"`
	Mentions []Passage  `json:"mentions"`
	// Acronym is the short form the article also uses for the name
	// ("AFP" for Agence France-Presse), if any.
	Acronym string `json:"acronym,omitempty"`

	acros []string   // folded acronyms the name goes by (initials, bracketed definitions)
	key   string     // folded canonical name
	skel  []string   // spelling skeleton of each word
	votes [3]float64 // person, place, org evidence
	known bool       // from the gazetteer or an acronym: never a surname
	forms map[string]int
	who   personAttrs // for people: name parts, gender, offices
}

// mention is one occurrence of a name in a sentence.
type mention struct {
	surface string
	pass    Passage
	votes   [3]float64
	known   *placeInfo
	acro    bool
	title   string // folded title or honorific before the name ("mr", "special counsel")
	honor   string // an honorific as written ("Mr.", "Mrs."), kept to name a surname alone
	kin     bool   // introduced as someone's relative ("his daughter Malia Obama")
}

// docVocab records how words are written in one document, to tell a name
// at the start of a sentence from an ordinary capitalised word.
type docVocab struct {
	midCaps     map[string]bool // written capitalised inside a sentence
	lower       map[string]bool // written in lower case somewhere
	initialCaps map[string]int  // times it opens a sentence
}

func vocabOf(d *Doc) docVocab {
	v := docVocab{map[string]bool{}, map[string]bool{}, map[string]int{}}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		for _, w := range s.words {
			switch {
			case !w.cap && !w.acro:
				v.lower[w.fold] = true
			case !w.initial && !s.Heading:
				v.midCaps[w.fold] = true
			case w.initial && !s.Heading:
				v.initialCaps[w.fold]++
			}
		}
	}
	return v
}

// findMentions lists the names in a sentence.
func findMentions(s *Sentence, v docVocab) []mention {
	ws := s.words
	var out []mention
	for i := 0; i < len(ws); {
		if n := partyTag(s.Text, ws, i); n > 0 {
			i += n // "D-Calif.", "R-Texas": an attribute of the name before
			continue
		}
		if !isNameWord(ws[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j-1].poss {
			gap := s.Text[ws[j-1].end:ws[j].start]
			if (gap == "-" || gap == "‐") && knownName(ws[j-1]) && knownName(ws[j]) {
				break // "Russia-Ukraine war", "US-China talks": two names
			}
			if (gap == " " || gap == "-" || gap == "‐") && (isNameWord(ws[j]) || monthName(s.Text, ws, j)) {
				j++
				continue
			}
			// "Donald J. Trump", "Mr. Trump", "Sen. Ben Sasse": an initial or
			// a title's abbreviation does not end the name.
			if gap == ". " && (isNameWord(ws[j]) || monthName(s.Text, ws, j)) && (isInitialLetter(ws[j-1]) || isTitleAbbrev(s, ws[j-1])) {
				j++
				continue
			}
			// "Donald Trump Jr.", "Martin Luther King, Jr."
			if (gap == ", " || gap == " ") && ws[j].cap && (ws[j].fold == "jr" || ws[j].fold == "sr") && j-i >= 2 {
				j++
				continue
			}
			// Lower-case particles inside a name: "Ursula von der Leyen".
			if gap == " " {
				k := j
				for k < len(ws) && k-j < 3 && connectors[ws[k].fold] && !ws[k].cap && s.Text[ws[k].end:min(len(s.Text), ws[k].end+1)] == " " {
					k++
				}
				if k > j && k < len(ws) && s.Text[ws[k-1].end:ws[k].start] == " " && isNameWord(ws[k]) {
					j = k + 1
					continue
				}
			}
			break
		}
		out = append(out, nameRun(s, ws, i, j, v)...)
		i = j
	}
	return out
}

// monthName: a month that is also a name ("Theresa May", "Mrs May"),
// after a name word or a title and not before a day or year ("May 5").
func monthName(text string, ws []word, j int) bool {
	w, p := ws[j], ws[j-1]
	if !w.cap || !nameMonths[w.fold] || !titleWords[p.fold] && (stopwords[p.fold] || commonInitials[p.fold] || notNames[p.fold]) {
		return false
	}
	return j+1 >= len(ws) || !isNumeric(ws[j+1].fold)
}

// isTitleAbbrev: w is a title written abbreviated with a full stop
// ("Sen.", "Gov.", "Lt."), by the analyser's one abbreviation list.
func isTitleAbbrev(s *Sentence, w word) bool {
	return lang.Abbrev(s.Text[w.start:w.end]) == lang.TitleAbbrev
}

// isInitialLetter: a single capital letter ("J" in "Donald J. Trump").
func isInitialLetter(w word) bool { return w.cap && len(w.fold) == 1 }

// partyTag returns how many words a party-and-state tag takes at ws[i]
// ("D-Calif.", "R-Texas", "I-Vt."), or 0.
func partyTag(text string, ws []word, i int) int {
	w := ws[i]
	if !w.cap || len(w.fold) != 1 || (w.fold != "d" && w.fold != "r" && w.fold != "i") || i+1 >= len(ws) {
		return 0
	}
	if g := text[w.end:ws[i+1].start]; (g == "-" || g == "‐") && (ws[i+1].cap || ws[i+1].acro) {
		return 2
	}
	return 0
}

// knownName: a word the gazetteer knows on its own ("Russia", "US").
func knownName(w word) bool {
	_, ok := gazetteer()[w.fold]
	return ok
}

func isNameWord(w word) bool {
	return (w.cap || w.acro) && !notNames[w.fold] && !hasDigit(w.fold)
}

func nextFold(ws []word, j int) string {
	if j < len(ws) {
		return ws[j].fold
	}
	return ""
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// isDemonym: "Ukrainian", "Russians", "Americans".
func isDemonym(f string) bool {
	return demonyms()[f] != "" || strings.HasSuffix(f, "s") && demonyms()[f[:len(f)-1]] != ""
}

// acceptInitial decides whether a capitalised word that opens a sentence
// (or sits in a heading) is a name: a known place or acronym, or a word the
// document also capitalises mid-sentence and never writes in lower case.
func acceptInitial(w word, v docVocab, alone bool) bool {
	return acceptInitialAt(w, v, alone, "")
}

// acceptInitialAt also takes the word after w: a lone initial word right
// before a verb of saying ("Rubio acknowledged…") is a name, as is one the
// document opens sentences with more than once.
func acceptInitialAt(w word, v docVocab, alone bool, next string) bool {
	if w.acro || gazetteer()[w.fold].canon != "" {
		return true
	}
	if stopwords[w.fold] || commonInitials[w.fold] || v.lower[w.fold] || adjectivals[w.fold] || speechVerbs[w.fold] {
		return false // "Asked whether…" opens sentences, names nobody
	}
	if v.midCaps[w.fold] {
		return true
	}
	if isDemonym(w.fold) {
		return false
	}
	// The first word of a longer name ("Rustem Umerov, head of…") stands
	// when it is no common word.
	return !alone || speechVerbs[next] || v.initialCaps[w.fold] >= 2
}

// nameRun turns a run of capitalised words ws[i:j] into mentions: it drops
// sentence-initial common words, splits off titles ("Secretary of State")
// and affiliations ("NATO Secretary General Mark Rutte"), and drops
// demonyms and adjectives used on their own.
func nameRun(s *Sentence, ws []word, i, j int, v docVocab) []mention {
	// Initial words must earn their place; in headings every word is initial.
	for i < j && (ws[i].initial || s.Heading) && !titleWords[ws[i].fold] && !acceptInitialAt(ws[i], v, j-i == 1, nextFold(ws, j)) &&
		!adjectivalName(ws, i, j) {
		i++
	}
	// "Demonstrator Maria Lopez": a capitalised common noun opening the
	// sentence before a given name and a surname is no part of the name.
	if j-i >= 3 && ws[i].initial && !ws[i].acro && !titleWords[ws[i].fold] && !isGivenName(ws[i].fold) &&
		isGivenName(ws[i+1].fold) && gazetteer()[ws[i].fold].canon == "" && !v.midCaps[ws[i].fold] {
		i++
	}
	if s.Heading {
		for k := i; k < j; k++ {
			if !titleWords[ws[k].fold] && !connectors[ws[k].fold] && !acceptInitial(ws[k], v, true) {
				return append(nameRun(s, ws, i, k, v), nameRun(s, ws, k+1, j, v)...)
			}
		}
	}
	if i >= j {
		return nil
	}
	// A known multi-word name (country, organisation) is taken whole.
	if p, ok := gazetteer()[foldName(s.Text[ws[i].start:ws[j-1].end])]; ok {
		return []mention{newMention(s, ws, i, j, &p)}
	}
	// Split at the first title phrase. A title in capitals is one only as
	// a short acronym ("MP", "MEP", "CFO"); a longer word in capitals is a
	// shouted headline's, where capitals say nothing.
	for t := i; t < j; t++ {
		if !titleWords[ws[t].fold] || ws[t].acro && len(ws[t].fold) > 3 {
			continue
		}
		e := t
		for e < j && (titleWords[ws[e].fold] || ws[e].fold == "of" && e+1 < j && titleTail[ws[e+1].fold]) {
			if ws[e].fold == "of" {
				e++
			}
			e++
		}
		if e >= j || hasWord(ws[e:j], orgWords) || hasWord(ws[e:j], placeWords) {
			// "General Assembly", "Foreign Office": not a title before a name.
			if t == i && e >= j {
				return nil // titles alone: "President", "Secretary of State"
			}
			continue
		}
		// "Senate Majority Leader", "First Lady": words that open a title.
		for t > i && titleLead[ws[t-1].fold] {
			t--
		}
		var out []mention
		if t > i {
			out = append(out, affiliation(s, ws, i, t)...)
		}
		title := foldName(s.Text[ws[t].start:ws[e-1].end])
		honor := ""
		if e-t == 1 && honorifics[ws[t].fold] {
			honor = s.Text[ws[t].start:ws[t].end]
			if strings.HasPrefix(s.Text[ws[t].end:], ".") {
				honor += "." // "Mr." in American style, "Mr" in British
			}
		}
		// After the title: a person, unless it is a place or organisation
		// ("Senior US officials") or only a demonym ("Top American").
		for e < j && (isDemonym(ws[e].fold) || adjectivals[ws[e].fold]) {
			e++
		}
		if e >= j {
			return out
		}
		if p, ok := gazetteer()[foldName(s.Text[ws[e].start:ws[j-1].end])]; ok {
			return append(out, newMention(s, ws, e, j, &p))
		}
		ms := personOfPlace(s, ws, e, j)
		m := &ms[0]
		if !m.acro {
			m.votes[0] += 2
			m.title, m.honor = title, honor
		}
		return append(out, ms...)
	}
	if k := affiliation(s, ws, i, j); k != nil {
		return k
	}
	return nil
}

// personOfPlace splits "Ben Sasse of Nebraska" into the person and the
// place, which is an attribute of the person, not part of the name; a name
// of an organisation ("Bank of America") stays whole.
func personOfPlace(s *Sentence, ws []word, i, j int) []mention {
	for k := i + 1; k+1 < j; k++ {
		if ws[k].fold != "of" || ws[k].cap {
			continue
		}
		if hasWord(ws[i:k], orgWords) || hasWord(ws[i:k], placeWords) {
			break
		}
		if p, ok := gazetteer()[foldName(s.Text[ws[k+1].start:ws[j-1].end])]; ok && p.kind == Place {
			return []mention{newMention(s, ws, i, k, nil), newMention(s, ws, k+1, j, &p)}
		}
		break
	}
	return []mention{newMention(s, ws, i, j, nil)}
}

// adjectivalName: a capitalised adjective or demonym opening a name of an
// organisation or place ("European Commission", "Islamic State").
func adjectivalName(ws []word, i, j int) bool {
	return j-i > 1 && (adjectivals[ws[i].fold] || isDemonym(ws[i].fold)) &&
		(hasWord(ws[i+1:j], orgWords) || hasWord(ws[i+1:j], placeWords))
}

// affiliation makes a mention of ws[i:j] unless it is only a demonym or a
// capitalised adjective ("Russian", "Western"); a leading demonym before a
// name is dropped ("Ukrainian Rustem Umerov").
func affiliation(s *Sentence, ws []word, i, j int) []mention {
	for i < j && (isDemonym(ws[i].fold) || adjectivals[ws[i].fold]) {
		if j-i > 1 && (hasWord(ws[i+1:j], orgWords) || hasWord(ws[i+1:j], placeWords)) {
			break // "European Commission", "Russian Armed Forces"
		}
		i++
	}
	// "Democrat of Ohio" leaves "of Ohio": the particle goes too; so does
	// "Former" before "New York City Mayor".
	for i < j && (connectors[ws[i].fold] && !ws[i].cap || j-i > 1 && (titleLead[ws[i].fold] || ws[i].fold == "ex")) {
		i++
	}
	if i >= j {
		return nil
	}
	if p, ok := gazetteer()[foldName(s.Text[ws[i].start:ws[j-1].end])]; ok {
		return []mention{newMention(s, ws, i, j, &p)}
	}
	return personOfPlace(s, ws, i, j)
}

func hasWord(ws []word, set map[string]bool) bool {
	for _, w := range ws {
		if set[w.fold] {
			return true
		}
	}
	return false
}

func kindIndex(k EntityKind) int {
	switch k {
	case Place:
		return 1
	case Org:
		return 2
	}
	return 0
}

// entities gathers a document's mentions into entities: same name, a
// surname alone, or a variant spelling, under the fullest name.
func entitiesOf(d *Doc) []*Entity {
	v := vocabOf(d)
	byKey := map[string]*Entity{}
	var list []*Entity
	all := make([][]mention, len(d.Sentences))
	for i := range d.Sentences {
		all[i] = findMentions(&d.Sentences[i], v)
		for _, m := range all[i] {
			key := foldName(m.surface)
			name := m.surface
			if m.known != nil {
				key, name = foldName(m.known.canon), m.known.canon
			}
			if key == "" {
				continue
			}
			// A surname after "Mr." or "Mrs." is kept apart by gender until
			// it is joined to a full name: "Mr. Trump" is not "Mrs. Trump".
			if g := titleGender(m.title); g != unknownGender && m.known == nil && !strings.Contains(key, " ") {
				key += genderMark[g]
				if m.honor != "" {
					name = m.honor + " " + name
				}
			}
			e := byKey[key]
			if e == nil {
				e = &Entity{key: key, known: m.known != nil || m.acro, forms: map[string]int{}}
				e.skel = skeletonWords(stripMark(key))
				byKey[key] = e
				list = append(list, e)
			}
			e.forms[name]++
			e.Mentions = append(e.Mentions, m.pass)
			for k := range e.votes {
				e.votes[k] += m.votes[k]
			}
			e.who.note(m)
		}
	}
	for _, e := range list {
		e.finish()
	}
	list = joinAcronyms(mergeEntities(list), acronymDefs(d, all))
	sortEntities(list)
	return list
}

var genderMark = map[gender]string{male: "#m", female: "#f"}

// skelKey is the key under which spelling variants meet: the skeleton,
// and the gender a surname alone was given.
func (e *Entity) skelKey() string {
	k := strings.Join(e.skel, " ")
	if i := strings.IndexByte(e.key, '#'); i >= 0 {
		k += e.key[i:]
	}
	return k
}

// finish picks the display name (the most used form) and the kind.
func (e *Entity) finish() {
	if best := displayName(e.forms); best != "" {
		e.Name = best
	}
	e.Kind = Other
	top := 0.0
	for k, x := range e.votes {
		if x > top {
			top, e.Kind = x, kinds[k]
		}
	}
	e.who.name = parsePerson(stripMark(e.key))
}

// personLike: a name that may be a person's (not a known place, acronym or
// organisation).
func (e *Entity) personLike() bool { return !e.known && e.Kind != Place && e.Kind != Org }

// displayName picks the most used written form, preferring "Hallandale"
// to a dateline's "HALLANDALE".
func displayName(forms map[string]int) string {
	best, n := "", -1
	for f, c := range forms {
		if isAllCaps(f) && len(f) > 5 {
			c = 0
		}
		if c > n || c == n && f < best {
			best, n = f, c
		}
	}
	return best
}

// mergeEntities merges variant spellings (same skeleton), full names of
// one person ("Donald Trump", "Donald J. Trump", "Jim Mattis", "James
// Mattis") and a surname alone into the single full name it can stand
// for. The result is sorted by mentions, most first.
func mergeEntities(list []*Entity) []*Entity {
	bySkel := map[string]*Entity{}
	var out []*Entity
	for _, e := range list {
		k := e.skelKey()
		if t := bySkel[k]; t != nil && kindsAgree(t, e) {
			t.absorb(e)
			continue
		}
		bySkel[k] = e
		out = append(out, e)
	}
	out = mergeFullNames(out, func(e *Entity) *personAttrs { return &e.who },
		func(e *Entity) bool { return e.personLike() && len(e.skel) >= 2 },
		func(e *Entity) int { return len(e.Mentions) }, func(into, e *Entity) { into.absorb(e) })
	out = joinSurnames(out, func(e *Entity) *personAttrs { return &e.who }, (*Entity).personLike, introducedFirst,
		func(into, e *Entity) { into.absorb(e) })
	sortEntities(out)
	return out
}

// introducedFirst: the full name f is written before the surname alone e.
func introducedFirst(f, e *Entity) bool {
	return len(f.Mentions) > 0 && len(e.Mentions) > 0 && lessPassage(firstMention(f), firstMention(e))
}

func firstMention(e *Entity) Passage {
	first := e.Mentions[0]
	for _, p := range e.Mentions[1:] {
		if lessPassage(p, first) {
			first = p
		}
	}
	return first
}

func kindsAgree(a, b *Entity) bool {
	return a.Kind == b.Kind || a.Kind == Other || b.Kind == Other
}

// absorb moves o's mentions and evidence into e.
func (e *Entity) absorb(o *Entity) {
	e.Mentions = append(e.Mentions, o.Mentions...)
	sort.Slice(e.Mentions, func(i, j int) bool { return lessPassage(e.Mentions[i], e.Mentions[j]) })
	for k := range e.votes {
		e.votes[k] += o.votes[k]
	}
	if len(o.skel) == len(e.skel) {
		for f, c := range o.forms {
			e.forms[f] += c
		}
	}
	e.known = e.known || o.known && len(o.skel) == len(e.skel)
	e.who.add(&o.who)
	e.finish()
}

func sortEntities(es []*Entity) {
	sort.SliceStable(es, func(i, j int) bool {
		if len(es[i].Mentions) != len(es[j].Mentions) {
			return len(es[i].Mentions) > len(es[j].Mentions)
		}
		return es[i].key < es[j].key
	})
}

// skeleton reduces a folded word to a spelling skeleton on which common
// transliteration variants agree: Zelensky, Zelenskyy and Zelenskiy all
// become "zelenski"; Yermak and Jermak "iermak".
func skeleton(w string) string {
	r := strings.NewReplacer("kh", "h", "ph", "f", "ck", "k", "w", "v", "y", "i", "j", "i", "ou", "u", "'", "").Replace(w)
	b := make([]byte, 0, len(r))
	for i := 0; i < len(r); i++ {
		if i > 0 && r[i] == r[i-1] {
			continue
		}
		b = append(b, r[i])
	}
	return string(b)
}

func skeletonWords(key string) []string {
	f := strings.Fields(key)
	out := make([]string, 0, len(f))
	for i, w := range f {
		if connectors[w] && i > 0 && i < len(f)-1 {
			continue // a particle inside a name ("von der"), not "Ben Sasse"
		}
		out = append(out, skeleton(w))
	}
	if len(out) == 0 {
		return []string{key}
	}
	return out
}

package compare

// Quote attribution: who said a quote, read from the words around it. Names
// inside quotations never speak; pronouns and offices ("the senator")
// resolve to a person named before; a split quote and an attribution in the
// next sentence count.

import (
	"strings"
	"unicode/utf8"
)

// mentionRef is one resolved name occurrence.
type mentionRef struct {
	e    *Entity
	pass Passage
}

type mentionIndex struct {
	bySent map[int][]mentionRef
	people []mentionRef   // person mentions in document order
	quoted map[int][]span // per sentence, the quoted stretches (offsets in its text)
}

func indexMentions(ents []*Entity) mentionIndex {
	idx := mentionIndex{bySent: map[int][]mentionRef{}, quoted: map[int][]span{}}
	for _, e := range ents {
		for _, p := range e.Mentions {
			idx.bySent[p.Sentence] = append(idx.bySent[p.Sentence], mentionRef{e, p})
			if e.Kind == Person {
				idx.people = append(idx.people, mentionRef{e, p})
			}
		}
	}
	for k, v := range idx.bySent {
		sortRefs(v)
		idx.bySent[k] = v
	}
	sortRefs(idx.people)
	return idx
}

func (idx mentionIndex) mask(si int, sp span) { idx.quoted[si] = append(idx.quoted[si], sp) }

// inQuote: the byte range [start, end) of sentence si lies inside a quote.
func (idx mentionIndex) inQuote(si, start, end int) bool {
	for _, sp := range idx.quoted[si] {
		if start >= sp.start && end <= sp.end {
			return true
		}
	}
	return false
}

func sortRefs(v []mentionRef) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && lessPassage(v[j].pass, v[j-1].pass); j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// antecedent resolves a pronoun of gender g at sentence s, offset off: the
// nearest person named before it, outside quotations, whose gender may be g
// (a man the text calls "Mr." is not "she"); when there is none, the last
// named speaker. The search reaches back a few sentences.
func (idx mentionIndex) antecedent(s, off int, g gender, prev []Quote) *Entity {
	var nearest *Entity
	for _, m := range idx.people {
		if m.pass.Sentence > s || m.pass.Sentence == s && m.pass.Start >= off {
			break
		}
		if s-m.pass.Sentence > 6 || idx.inQuote(m.pass.Sentence, m.pass.Start, m.pass.End) {
			continue
		}
		if m.e.who.genderOf().agrees(g) {
			nearest = m.e
		}
	}
	if nearest != nil {
		return nearest
	}
	for k := len(prev) - 1; k >= 0; k-- {
		if w := prev[k].who; w != nil && prev[k].SpeakerKind == Named && w.Kind == Person {
			if s-prev[k].last <= 6 && w.who.genderOf().agrees(g) {
				return w
			}
			break
		}
	}
	return nil
}

// lastOrg is the organisation named last before sentence s, offset off,
// outside quotations, at most three sentences back.
func (idx mentionIndex) lastOrg(s, off int) *Entity {
	for si := s; si >= 0 && s-si <= 3; si-- {
		refs := idx.bySent[si]
		for k := len(refs) - 1; k >= 0; k-- {
			m := refs[k]
			if m.e.Kind == Org && (si < s || m.pass.End <= off) && !idx.inQuote(si, m.pass.Start, m.pass.End) {
				return m.e
			}
		}
	}
	return nil
}

// roleHolder is the one person named before sentence s, offset off,
// outside quotations, with the office role ("senator"); nil when none or
// several hold it.
func (idx mentionIndex) roleHolder(role string, s, off int) *Entity {
	if role == "" {
		return nil
	}
	var found *Entity
	for _, m := range idx.people {
		if m.pass.Sentence > s || m.pass.Sentence == s && m.pass.Start >= off {
			break
		}
		if !m.e.who.roles[role] || idx.inQuote(m.pass.Sentence, m.pass.Start, m.pass.End) {
			continue
		}
		if found != nil && found != m.e {
			return nil
		}
		found = m.e
	}
	return found
}

// speakerNouns head a nominal speaker ("a source close to the team").
var speakerNouns = setOf("source", "sources", "official", "officials", "spokesperson", "spokesman",
	"spokeswoman", "aide", "aides", "diplomat", "diplomats", "minister", "analyst", "analysts", "expert",
	"experts", "person", "people", "statement", "representative", "negotiator", "negotiators",
	"ministry", "government", "embassy", "kremlin", "office", "witness", "witnesses", "resident",
	"residents", "lawyer", "police", "military", "army", "adviser", "advisor", "insider", "envoy",
	"delegation", "president", "leader", "commander", "officer", "soldier", "doctor", "teacher",
	"reporter", "reporters", "prosecutor", "prosecutors", "lawmaker", "lawmakers", "lawyers", "attorney",
	"attorneys", "investigators", "judge", "senator", "spokesperson", "campaign", "company", "agency",
	"justice", "justices", "governor", "mayor", "secretary", "chairman", "chairwoman", "director", "coach",
	"ambassador", "prime", "chancellor", "sheriff", "mother", "father", "owner", "victim", "survivor")

// pronouns that stand for a speaker, with the gender they tell.
var pronouns = map[string]gender{"he": male, "she": female}

func isPronoun(w string) bool { _, ok := pronouns[w]; return ok }

// attribute finds the speaker of q, quoted in sentences sq..eq: a name,
// pronoun or nominal phrase next to a verb of saying after the quote, or the
// nearest one before such a verb ahead of it; the second half of a quote
// split by "said X" belongs to X; an attribution may open the next sentence
// ("…?" Justice Breyer asked.); a bare quote right after another inherits
// its speaker. Words inside quotations are never the speaker.
func attribute(d *Doc, q *Quote, sq, eq int, sp span, idx mentionIndex, prev []Quote) {
	// After the quote, in the sentence where it ends.
	se := &d.Sentences[eq]
	closeAt := sp.end - se.Start // offset in se.Text of the end of the inner text
	var after []word
	for _, w := range se.words {
		if w.start >= closeAt {
			after = append(after, w)
		}
	}
	if len(after) > 0 && strings.TrimLeft(se.Text[max(0, min(closeAt, after[0].start)):after[0].start], " ,.!?\"'”’»") == "" &&
		attributionAfter(d, q, eq, after, idx, prev) {
		return
	}
	// Before the quote, in the sentence where it starts.
	ss := &d.Sentences[sq]
	openAt := sp.start - ss.Start
	var before []word
	for _, w := range ss.words {
		if w.end <= openAt {
			before = append(before, w)
		}
	}
	for k := len(before) - 1; k >= 0; k-- {
		if idx.inQuote(sq, before[k].start, before[k].end) {
			continue // an earlier quote: “not easy” and that “…”
		}
		if speechVerbs[before[k].fold] {
			if !passive(before, k) && setSpeaker(d, q, sq, before[:k], idx, false, prev) {
				return
			}
			break
		}
	}
	// The second half of a quote split by its attribution: “…,” said X,
	// “…” or “…,” X said. “…”.
	if len(prev) > 0 {
		p := prev[len(prev)-1]
		if p.Speaker != "" && p.Block == q.Block && q.Start > p.End && onlyAttribution(d.Article.Blocks[q.Block].Text[p.End:q.Start]) {
			q.Speaker, q.SpeakerKind, q.who = p.Speaker, p.SpeakerKind, p.who
			return
		}
	}
	// An attribution opening the next sentence of the paragraph.
	if len(after) == 0 && eq+1 < len(d.Sentences) && d.Sentences[eq+1].Block == q.Block {
		if next := d.Sentences[eq+1].words; len(next) > 0 && !startsWithQuote(d.Sentences[eq+1].Text) &&
			attributionAfter(d, q, eq+1, next, idx, prev) {
			return
		}
	}
	// A quote standing alone right after a quote by a known speaker.
	if len(before) == 0 && len(after) == 0 && len(prev) > 0 {
		p := prev[len(prev)-1]
		if p.Speaker != "" && p.Block >= q.Block-1 && sq-p.At.Sentence <= 2 {
			q.Speaker, q.SpeakerKind, q.who = p.Speaker, Carried, p.who
		}
	}
}

// attributionAfter reads the words right after a quote (in sentence si):
// "said Rubio", "described as … by a source", "Rubio told reporters".
func attributionAfter(d *Doc, q *Quote, si int, after []word, idx mentionIndex, prev []Quote) bool {
	if (speechVerbs[after[0].fold] || after[0].fold == "by") && len(after) > 1 {
		return setSpeaker(d, q, si, after[1:], idx, true, prev)
	}
	// “…,” Colette Kress, the company’s chief financial officer, said.
	if k := afterApposition(d.Sentences[si].Text, after, idx, si); k > 0 {
		return setSpeaker(d, q, si, after[:k], idx, false, prev)
	}
	for k := 1; k < min(len(after), 7); k++ {
		if idx.inQuote(si, after[k].start, after[k].end) {
			return false
		}
		if speechVerbs[after[k].fold] {
			return setSpeaker(d, q, si, after[:k], idx, false, prev)
		}
	}
	return false
}

// afterApposition: after a quote, a name, an apposition set off by commas
// and a verb of saying. It returns how many words the name takes, or 0.
func afterApposition(text string, after []word, idx mentionIndex, si int) int {
	e, end := mentionStarting(idx, si, after[0].start)
	if e == nil {
		return 0
	}
	k := 0
	for k < len(after) && after[k].start < end {
		k++
	}
	if k >= len(after) || !strings.HasPrefix(strings.TrimLeft(text[end:after[k].start], " "), ",") {
		return 0
	}
	for m := k + 1; m < len(after) && m-k <= 12; m++ {
		if strings.Contains(text[after[m-1].end:after[m].start], ",") {
			if speechVerbs[after[m].fold] {
				return k
			}
			return 0
		}
	}
	return 0
}

// onlyAttribution: the text between two quotes of one paragraph is a
// short attribution with a verb of saying and nothing else quoted
// (", said Schiff, ", ", he added. ").
func onlyAttribution(between string) bool {
	if len(between) > 200 {
		return false // far longer than any attribution
	}
	between = strings.Trim(between, " ,.;:!?—–-“”\"'‘’«»„")
	ws := words(between)
	if len(ws) == 0 || len(ws) > 8 || strings.ContainsAny(between, "“”\"«»„") {
		return false
	}
	for _, w := range ws {
		if speechVerbs[w.fold] {
			return true
		}
	}
	return false
}

func startsWithQuote(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r == '“' || r == '"' || r == '«' || r == '„' || r == '‘'
}

// setSpeaker picks the speaker among ws (words of sentence si): a person,
// pronoun or nominal phrase (an organisation only when there is none), the
// first one when reading forward from a quote, else the nearest before the
// verb. Objects ("told CNN", "spoke with Rutte"), places ("in the Rose
// Garden") and anything inside a quotation are not speakers.
func setSpeaker(d *Doc, q *Quote, si int, ws []word, idx mentionIndex, forward bool, prev []Quote) bool {
	type cand struct {
		name  string
		kind  SpeakerKind
		org   bool
		who   *Entity
		aside bool // in a descriptive aside before the verb
	}
	var cands []cand
	text := d.Sentences[si].Text
	relative := relativeClauses(text, ws)
	aside := -1
	if !forward {
		aside = trailingAside(text, ws)
	}
	for k := 0; k < len(ws); k++ {
		w := ws[k]
		if relative[k] || idx.inQuote(si, w.start, w.end) {
			continue
		}
		object := k > 0 && (speechVerbs[ws[k-1].fold] || ws[k-1].fold == "to" || ws[k-1].fold == "with")
		inAside := aside >= 0 && k >= aside
		if e, end := mentionStarting(idx, si, w.start); e != nil {
			for k+1 < len(ws) && ws[k+1].start < end {
				k++
			}
			if !object && e.Kind != Place {
				cands = append(cands, cand{e.Name, Named, e.Kind != Person, e, inAside})
			}
			continue
		}
		g, pronoun := pronouns[w.fold]
		switch {
		case object:
		case pronoun:
			if p := idx.antecedent(si, w.start, g, prev); p != nil {
				cands = append(cands, cand{p.Name, Pronoun, false, p, inAside})
			}
		case w.fold == "it" && !forward && k == len(ws)-1:
			// "“…,” it said": the organisation named last.
			if o := idx.lastOrg(si, w.start); o != nil {
				cands = append(cands, cand{o.Name, Pronoun, true, o, inAside})
			}
		case speakerNouns[w.fold] && !w.cap:
			if compoundHead(text, ws, k) {
				continue // "a police officer", "the prime minister": the next noun heads it
			}
			a := k
			for b := k - 1; b >= 0 && k-b <= 3; b-- {
				if isDeterminer(ws[b].fold) {
					a = b
					break
				}
				if ws[b].term == "" {
					break
				}
			}
			// "the senator said" after one senator was named is that senator.
			if ws[a].fold == "the" && a < k {
				if p := idx.roleHolder(roleOf(roleText(ws[a+1:k+1])), si, w.start); p != nil {
					cands = append(cands, cand{p.Name, Pronoun, false, p, inAside})
					continue
				}
			}
			cands = append(cands, cand{text[ws[a].start:w.end], Nominal, false, nil, inAside})
		}
	}
	// Reading back from a verb, a named person or pronoun beats a nominal
	// phrase (often an apposition: "Umerov, head of the delegation,
	// hailed…"), which beats an organisation ("AFP quoted a source as
	// saying").
	pick := func(ok func(c cand) bool) bool {
		for n := range cands {
			k := n
			if !forward {
				k = len(cands) - 1 - n
			}
			if ok(cands[k]) {
				q.Speaker, q.SpeakerKind, q.who = cands[k].name, cands[k].kind, cands[k].who
				return true
			}
		}
		return false
	}
	if forward {
		return pick(func(c cand) bool { return !c.org }) || pick(func(c cand) bool { return true })
	}
	return pick(func(c cand) bool { return !c.org && c.kind != Nominal && !c.aside }) ||
		pick(func(c cand) bool { return c.kind == Nominal && !c.aside }) ||
		pick(func(c cand) bool { return !c.org && c.kind != Nominal }) ||
		pick(func(c cand) bool { return c.kind == Nominal }) || pick(func(c cand) bool { return true })
}

// compoundHead: the speaker noun at k only modifies the one right after
// it ("government official", "prime minister"), which heads the phrase.
func compoundHead(text string, ws []word, k int) bool {
	if k+1 >= len(ws) {
		return false
	}
	n := ws[k+1]
	return speakerNouns[n.fold] && !n.cap && strings.TrimSpace(text[ws[k].end:n.start]) == ""
}

// trailingAside finds a descriptive aside closing right before the verb
// that follows ws: "Prelogar, representing the Biden administration, said"
// or "Umerov, head of the delegation, said". A name there is less likely the
// speaker than one before it. An aside that is itself a name ("a spokesman,
// David Popp, said") names the speaker. It returns the aside's first word,
// or -1.
func trailingAside(text string, ws []word) int {
	n := len(ws)
	if n < 2 || !strings.HasPrefix(strings.TrimLeft(text[ws[n-1].end:], " "), ",") {
		return -1
	}
	for k := n - 1; k > 0; k-- {
		if strings.Contains(text[ws[k-1].end:ws[k].start], ",") {
			if ws[k].cap {
				return -1
			}
			return k
		}
	}
	return -1
}

// relativeClauses marks the words of closed relative clauses (", who
// fired Flynn in 2017,"): a name there is not the subject of the verb
// after. A clause still open at the end holds the verb itself (", which
// Trump described as").
// (Ifs, not a tagless switch, here and in speakersAgree: see setGender.)
func relativeClauses(text string, ws []word) []bool {
	skip := make([]bool, len(ws))
	open := -1
	for k := 1; k < len(ws); k++ {
		gap := text[ws[k-1].end:ws[k].start]
		if open < 0 && strings.Contains(gap, ",") && (ws[k].fold == "who" || ws[k].fold == "which" || ws[k].fold == "whose") {
			open = k
		} else if open >= 0 && strings.ContainsAny(gap, ",—") {
			for i := open; i < k; i++ {
				skip[i] = true
			}
			open = -1
		}
	}
	// Closed right after the words: ", who fired Flynn, wrote"; but a
	// participle belongs to the clause before it (", which Trump
	// described as …, noting").
	if n := len(ws); open >= 0 {
		rest := strings.TrimLeft(text[ws[n-1].end:], " .\"'”’")
		if strings.IndexAny(rest, ",—") == 0 {
			if next := words(rest); len(next) == 0 || !strings.HasSuffix(next[0].fold, "ing") {
				for i := open; i < n; i++ {
					skip[i] = true
				}
			}
		}
	}
	return skip
}

var beVerbs = setOf("is", "are", "was", "were", "be", "been", "being", "has", "have", "had")

// passive: the verb at k has no speaker before it: "the talks were
// described as", "talks described as" (a noun, then a participle and "as").
func passive(ws []word, k int) bool {
	if k == 0 {
		return false
	}
	p := ws[k-1]
	if beVerbs[p.fold] {
		return true
	}
	asNext := k+1 < len(ws) && ws[k+1].fold == "as"
	return asNext && strings.HasSuffix(ws[k].fold, "ed") && !p.cap && !isPronoun(p.fold) && p.fold != "who" && p.fold != "which"
}

func isDeterminer(w string) bool {
	return w == "the" || w == "a" || w == "an" || w == "one" || w == "another" || w == "two" || w == "several"
}

// mentionStarting returns the entity whose mention starts at byte off of
// sentence si, and where that mention ends.
func mentionStarting(idx mentionIndex, si, off int) (*Entity, int) {
	for _, m := range idx.bySent[si] {
		if m.pass.Start == off {
			return m.e, m.pass.End
		}
	}
	return nil, 0
}

// speakersAgree: two quotes may be one statement as far as their speakers
// go: either is unknown or a nominal phrase ("a source"), or both are the
// same person (by the rules that merge names) or the same organisation. A
// person and an organisation agree (a spokesperson speaks for it).
func speakersAgree(a, b *Quote) bool {
	x, y := a.who, b.who
	if x == nil || y == nil || a.SpeakerKind == Nominal || b.SpeakerKind == Nominal {
		return true
	}
	if x.Kind == Person && y.Kind == Person {
		return mayBeOnePerson(&x.who, &y.who)
	}
	if x.Kind == Org && y.Kind == Org {
		return x.key == y.key || x.Acronym != "" && foldName(x.Acronym) == y.key ||
			y.Acronym != "" && foldName(y.Acronym) == x.key
	}
	return true
}

// mayBeOnePerson: two people's names may name one person: the same full
// name, or a surname alone that may stand for the other.
func mayBeOnePerson(x, y *personAttrs) bool {
	if x.name.first != "" && y.name.first != "" {
		return samePerson(x.name, y.name) && x.genderOf().agrees(y.genderOf())
	}
	if x.name.first == "" {
		return x.mayBe(y)
	}
	return y.mayBe(x)
}

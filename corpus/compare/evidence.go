package compare

import "slices"

// Two sentences report the same fact when they share the words that carry
// it, not the frame every report wraps facts in. "Justice Ginsburg asked."
// and "Scalia asked." share only the frame; "Trump fired back on Twitter"
// and "Mr. Fox fired back with a Twitter post" share words but have
// different actors. So each sentence records:
//   - its frame: attribution ("X said", "said X", "according to X", "Justice
//     X asked"), titles before names, and words about the channel of a
//     statement ("in a statement", "on Twitter");
//   - its actors: the people it names, compared as names-quotes compares
//     people, so "Mr. Sayoc" and "Cesar Sayoc Jr." agree and "Paul D.
//     Ryan" and "Tim Ryan", "Mr. Trump" and "Melania Trump" do not.

// attributionVerbs introduce who said something; they carry no fact of
// their own. (Verbs that do carry one, "threatened", "announced",
// "urged", are left out.)
var attributionVerbs = setOf("said", "says", "say", "saying", "told", "tells", "telling", "wrote",
	"writes", "tweeted", "stated", "according")

// attributionVerbsIfBare attribute only when nothing but punctuation, "that"
// or a name follows them ("Scalia asked.", "she added that"): with an object
// they report an act ("Stanton added a solo shot").
var attributionVerbsIfBare = setOf("added", "adds", "adding", "asked", "asks", "asking", "posted",
	"replied", "responded", "continued", "noted", "explained", "recalled", "remarked", "commented",
	"answered", "testified")

// bareAfter: what may follow a verb that still only attributes.
var bareAfter = setOf("that", "on", "in", "at", "during", "later", "earlier", "recently", "today",
	"yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// channelWords name the channel of a statement, not its content.
var channelWords = setOf("statement", "statements", "interview", "reporters", "twitter", "tweet",
	"tweets", "facebook", "instagram", "briefing", "spokesman", "spokeswoman", "spokesperson",
	"email", "emailed", "release", "remarks")

// frameOf marks the words of sentence s that frame rather than report: it
// returns the sorted term hashes whose every use in the sentence is frame.
func frameOf(s *Sentence) []uint64 {
	ws := s.words
	frame := make([]bool, len(ws))
	nameAt := func(k int) bool {
		return k >= 0 && k < len(ws) && (ws[k].cap || ws[k].acro) && !ws[k].initial || k >= 0 && k < len(ws) && ws[k].initial && (ws[k].cap || ws[k].acro) && !stopwords[ws[k].fold]
	}
	// markName marks the name ending (dir -1) or starting (dir +1) next
	// to word k, with the titles before it.
	markName := func(k, dir int) {
		for k >= 0 && k < len(ws) && (nameAt(k) || titleWords[ws[k].fold] || honorifics[ws[k].fold]) {
			frame[k] = true
			k += dir
		}
		if dir < 0 {
			for k >= 0 && (titleWords[ws[k].fold] || honorifics[ws[k].fold]) {
				frame[k] = true
				k--
			}
		}
	}
	attributes := func(k int) bool {
		if attributionVerbs[ws[k].fold] {
			return true
		}
		if !attributionVerbsIfBare[ws[k].fold] {
			return false
		}
		if k+1 == len(ws) || s.Text[ws[k].end:ws[k+1].start] != " " {
			return true // punctuation or the end follows
		}
		return bareAfter[ws[k+1].fold] || nameAt(k+1) || titleWords[ws[k+1].fold]
	}
	for k, w := range ws {
		switch {
		case attributes(k):
			frame[k] = true
			if w.fold == "according" && k+2 < len(ws) && ws[k+1].fold == "to" {
				markName(k+2, 1)
				continue
			}
			markName(k-1, -1)
			if k+1 < len(ws) && (nameAt(k+1) || titleWords[ws[k+1].fold]) {
				markName(k+1, 1)
			}
		case channelWords[w.fold]:
			frame[k] = true
		case (titleWords[w.fold] || honorifics[w.fold]) && k+1 < len(ws) && nameAt(k+1):
			frame[k] = true
		}
	}
	var in, out []uint64
	for k, w := range ws {
		if w.term == "" {
			continue
		}
		if frame[k] {
			in = append(in, hashTerm(w.term))
		} else {
			out = append(out, hashTerm(w.term))
		}
	}
	in, out = sortUnique(in), sortUnique(out)
	return slices.DeleteFunc(in, func(t uint64) bool {
		_, found := slices.BinarySearch(out, t)
		return found
	})
}

// actorsOf lists, per sentence, the people it names (entities the
// article reads as people, and names written with an honorific or title),
// parsed into their parts by names-quotes' parsePerson.
func actorsOf(d *Doc) [][]actor {
	out := make([][]actor, len(d.Sentences))
	for _, e := range d.extracted.entities {
		if e.known || e.Kind == Place || e.Kind == Org {
			continue
		}
		p := e.who.name
		if p.last == "" {
			p = parsePerson(stripMark(e.key))
		}
		if p.last == "" {
			continue
		}
		for _, m := range e.Mentions {
			if e.Kind != Person && !titled(&d.Sentences[m.Sentence], m.Start) {
				continue
			}
			if !slices.ContainsFunc(out[m.Sentence], func(q actor) bool { return q.last == p.last && q.first == p.first }) {
				out[m.Sentence] = append(out[m.Sentence], actor{p, e.who.genderOf()})
			}
		}
	}
	return out
}

// titled: the word before offset at is an honorific or a title.
func titled(s *Sentence, at int) bool {
	for k := len(s.words) - 1; k >= 0; k-- {
		if s.words[k].end <= at {
			f := s.words[k].fold
			return honorifics[f] || titleWords[f]
		}
	}
	return false
}

// actorsCompatible: either side names no one, or both may name one
// person: the same surname, and given names that agree (names-quotes'
// sameGiven: "Jim" and "James"), or one side's given name among the
// other's names ("Ms. Manigault Newman", "Omarosa Manigault Newman"), or
// a surname alone. "Paul D. Ryan" is not "Tim Ryan". Two outlets may
// differ on a suffix ("Cesar Sayoc", "Cesar Sayoc Jr."): that alone does
// not make two sentences about different people.
func actorsCompatible(a, b []actor) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		for _, y := range b {
			if x.last == y.last && givenCompatible(x.personName, y.personName) && x.gender.agrees(y.gender) {
				return true
			}
		}
	}
	return false
}

// actor is a person a sentence names, with the gender the article gives
// them ("Mr. Trump" is not "Melania Trump").
type actor struct {
	personName
	gender gender
}

func givenCompatible(x, y personName) bool {
	if x.first == "" || y.first == "" || sameGiven(x.first, y.first) {
		return true
	}
	return slices.Contains(x.middles, y.first) || slices.Contains(y.middles, x.first)
}

// placesCompatible: either side names no place, or both name one.
func placesCompatible(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

func inSorted(s []uint64, t uint64) bool {
	_, ok := slices.BinarySearch(s, t)
	return ok
}

// joinActors gathers the actors of several sentences.
func joinActors(lists ...[]actor) []actor {
	var out []actor
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// placesOf lists, per sentence, the places it names (entity keys).
func placesOf(d *Doc) [][]string {
	out := make([][]string, len(d.Sentences))
	for _, e := range d.extracted.entities {
		if e.Kind != Place {
			continue
		}
		for _, m := range e.Mentions {
			out[m.Sentence] = append(out[m.Sentence], e.key)
		}
	}
	for i := range out {
		slices.Sort(out[i])
		out[i] = slices.Compact(out[i])
	}
	return out
}

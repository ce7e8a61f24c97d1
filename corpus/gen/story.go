package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// event is one news story: the people, places, numbers, quotes and facts
// that every article about it shares. Facts hold placeholders for names
// (@F0 full name, @L0 surname, @C0 city) because each outlet spells names
// its own way.
type event struct {
	topic    int
	date     time.Time
	people   []int
	cities   []int
	numbers  []string
	quotes   []quote
	facts    []string
	headline string
	headings []string
	outlets  []int // outlet of each member article, all different
}

type quote struct {
	speaker int // index into event.people
	text    string
}

// writer makes sentences with a Zipf law over each word list.
type writer struct {
	w                        *world
	r                        *rand.Rand
	ev                       *event
	nz, tz, az, vz, pz, advz *rand.Zipf
}

func newWriter(w *world, r *rand.Rand, ev *event) *writer {
	z := func(n int) *rand.Zipf { return rand.NewZipf(r, 1.1, 3, uint64(n-1)) }
	return &writer{w: w, r: r, ev: ev,
		nz: z(len(w.nouns)), tz: z(len(w.topicNouns[ev.topic])), az: z(len(w.adjs)),
		vz: z(len(w.verbs)), pz: z(len(w.people)), advz: z(len(w.advs))}
}

func (s *writer) chance(p float64) bool { return s.r.Float64() < p }

func (s *writer) noun() noun {
	if s.chance(0.45) {
		return s.w.topicNouns[s.ev.topic][s.tz.Uint64()]
	}
	return s.w.nouns[s.nz.Uint64()]
}
func (s *writer) adj() string  { return s.w.adjs[s.az.Uint64()] }
func (s *writer) adv() string  { return s.w.advs[s.advz.Uint64()] }
func (s *writer) verb() verb   { return s.w.verbs[s.vz.Uint64()] }
func (s *writer) city() string { return fmt.Sprintf("@C%d", s.r.IntN(len(s.ev.cities))) }

// person names someone: usually one of the story's people (a placeholder),
// sometimes anyone from the pool, already spelled.
func (s *writer) person(full bool) string {
	if s.chance(0.75) {
		k := s.r.IntN(len(s.ev.people))
		if full {
			return fmt.Sprintf("@F%d", k)
		}
		return fmt.Sprintf("@L%d", k)
	}
	p := s.w.people[s.pz.Uint64()]
	return p.first + " " + p.last[0]
}

func article(w string) string {
	if w != "" && strings.ContainsRune("aeio", rune(w[0])) {
		return "an " + w
	}
	return "a " + w
}

func (s *writer) np(depth int) string {
	switch s.r.IntN(9) {
	case 0:
		return "the " + s.noun().sg
	case 1:
		return "the " + s.adj() + " " + s.noun().sg
	case 2:
		return article(s.adj()) + " " + s.noun().sg
	case 3:
		return s.noun().pl
	case 4:
		return pick(s.r, split("their its our these those many several some")) + " " + s.noun().pl
	case 5:
		return s.number() + " " + s.noun().pl
	case 6:
		return s.person(s.chance(0.3))
	case 7:
		if depth < 1 {
			return "the " + s.noun().sg + " of " + s.np(depth+1)
		}
		return "the " + s.noun().pl
	default:
		return "the " + s.adj() + " " + s.noun().pl
	}
}

func (s *writer) number() string {
	switch s.r.IntN(4) {
	case 0:
		return fmt.Sprint(2 + s.r.IntN(30))
	case 1:
		return fmt.Sprint(10 * (1 + s.r.IntN(99)))
	case 2:
		return pick(s.r, split("two three four five six dozens hundreds thousands"))
	}
	return fmt.Sprintf("%d,%03d", 1+s.r.IntN(40), s.r.IntN(1000))
}

func (s *writer) pp() string {
	switch s.r.IntN(10) {
	case 0:
		return " in " + s.city()
	case 1:
		return " on " + pick(s.r, weekdays)
	case 2:
		return " after the " + s.noun().sg
	case 3:
		return " for the " + s.adj() + " " + s.noun().sg
	case 4:
		return " during the " + s.noun().sg
	case 5:
		return " with the " + s.noun().pl
	case 6:
		return " over the " + s.noun().sg
	case 7:
		return " " + pick(s.r, split("last next this")) + " " + pick(s.r, split("week month year"))
	}
	return ""
}

func (s *writer) clause() string {
	v := s.verb()
	switch s.r.IntN(5) {
	case 0:
		return s.np(0) + " " + pick(s.r, split("has have had")) + " " + v.past + " " + s.np(0) + s.pp()
	case 1:
		return s.np(0) + " " + pick(s.r, split("will could may would should")) + " " + v.base + " " + s.np(0) + s.pp()
	case 2:
		return s.np(0) + " " + pick(s.r, split("is are was were")) + " " + v.ing + " " + s.np(0) + s.pp()
	}
	return s.np(0) + " " + v.past + " " + s.np(0) + s.pp()
}

func capFirst(x string) string {
	if x == "" || x[0] < 'a' || x[0] > 'z' {
		return x
	}
	return string(x[0]-'a'+'A') + x[1:]
}

// sentence makes one plain sentence of ordinary news prose.
func (s *writer) sentence() string {
	var out string
	switch s.r.IntN(12) {
	case 0, 1, 2:
		out = s.clause()
	case 3:
		out = s.person(s.chance(0.4)) + " " + pick(s.r, split("said told noted warned argued")) + " that " + s.clause()
	case 4:
		out = capFirst(s.adv()) + ", " + s.clause()
	case 5:
		out = "In " + s.city() + ", " + s.clause()
	case 6:
		out = s.clause() + ", " + pick(s.r, split("but and while although as")) + " " + s.clause()
	case 7:
		out = "According to " + pick(s.r, sources) + ", " + s.clause()
	case 8:
		out = "The " + s.noun().sg + " " + s.verb().s + " " + s.np(0) + s.pp()
	case 9:
		out = "There " + pick(s.r, split("were are")) + " " + s.number() + " " + s.noun().pl + s.pp()
	case 10:
		out = s.person(true) + ", the " + pick(s.r, roles) + ", " + s.verb().past + " " + s.np(0) + s.pp()
	default:
		out = s.clause() + ", " + pick(s.r, sources) + " said"
	}
	return capFirst(out) + map[bool]string{true: "!", false: "."}[s.chance(0.03)]
}

func (s *writer) quoteText() string {
	switch s.r.IntN(4) {
	case 0:
		return "We " + s.verb().past + " " + s.np(0) + " and we will " + s.verb().base + " " + s.np(0) + s.pp()
	case 1:
		return "This is " + s.adj() + ", it is " + s.adj() + "; there are a lot of " + s.adj() + " " + s.noun().pl
	case 2:
		return "It would be " + s.adj() + " to " + s.verb().base + " " + s.np(0) + s.pp()
	}
	return capFirst(s.clause())
}

func (s *writer) titleCase(x string) string {
	ws := strings.Fields(x)
	for i, w := range ws {
		if i > 0 && (w == "of" || w == "the" || w == "in" || w == "on" || w == "a" || w == "for" || w == "and") {
			continue
		}
		ws[i] = capFirst(w)
	}
	return strings.Join(ws, " ")
}

func newEvent(w *world, r *rand.Rand, date time.Time, size int, outletZipf func() int) *event {
	ev := &event{topic: r.IntN(len(w.topicNouns)), date: date}
	pz := rand.NewZipf(r, 1.05, 8, uint64(len(w.people)-1))
	for n := 2 + r.IntN(3); len(ev.people) < n; {
		ev.people = append(ev.people, int(pz.Uint64()))
	}
	for n := 1 + r.IntN(2); len(ev.cities) < n; {
		ev.cities = append(ev.cities, r.IntN(len(w.cities)))
	}
	s := newWriter(w, r, ev)
	nouns := s.w.topicNouns[ev.topic]
	ev.numbers = []string{
		fmt.Sprintf("%d-point", 5+r.IntN(30)),
		fmt.Sprintf("%d.%d billion", 1+r.IntN(90), r.IntN(10)),
		fmt.Sprintf("%d percent", 1+r.IntN(60)),
		fmt.Sprintf("%d,%03d", 1+r.IntN(20), r.IntN(1000)),
	}
	for i := 0; i < 2+r.IntN(2); i++ {
		ev.quotes = append(ev.quotes, quote{speaker: r.IntN(len(ev.people)), text: s.quoteText()})
	}
	key := nouns[r.IntN(len(nouns))]
	ev.facts = append(ev.facts,
		fmt.Sprintf("@F0 and @F1 %s the %s %s in @C0 on %s, %s.", s.verb().past, s.adj(), key.pl, pick(r, weekdays), s.clause()),
		fmt.Sprintf("The %s %s plan includes %s for %s, %s said.", ev.numbers[0], key.sg, ev.numbers[1], s.np(0), pick(r, sources)),
		fmt.Sprintf("@L1 said the %s had %s by %s since the %s.", key.sg, pick(r, split("risen fallen grown changed")), ev.numbers[2], s.noun().sg),
		fmt.Sprintf("About %s %s were %s, according to %s.", ev.numbers[3], s.noun().pl, s.verb().past, pick(r, sources)),
	)
	for i := 0; i < 3+r.IntN(5); i++ {
		ev.facts = append(ev.facts, s.sentence())
	}
	ev.headline = s.titleCase(fmt.Sprintf("@L0 %s %s %s in @C0", pick(r, titleWords), s.adj(), key.pl))
	for i := 0; i < 3; i++ {
		ev.headings = append(ev.headings, s.titleCase(s.adj()+" "+s.noun().pl+" "+pick(r, split("and in for after over"))+" "+s.noun().pl))
	}
	seen := map[int]bool{}
	for len(ev.outlets) < size {
		o := outletZipf()
		if !seen[o] || len(seen) >= len(w.outlets) {
			seen[o] = true
			ev.outlets = append(ev.outlets, o)
		}
	}
	return ev
}

// paraphrase rewrites a copied sentence the way a second outlet would:
// the same facts, names and numbers, some words swapped.
func paraphrase(r *rand.Rand, x string) string {
	ws := strings.Split(x, " ")
	for i, w := range ws {
		core := strings.TrimRight(w, ".,;!")
		if alts, ok := synonyms[core]; ok && r.Float64() < 0.7 {
			ws[i] = alts[r.IntN(len(alts))] + w[len(core):]
		}
	}
	out := strings.Join(ws, " ")
	if strings.HasPrefix(out, "In @C") && r.IntN(2) == 0 {
		if i := strings.Index(out, ", "); i > 0 && strings.HasSuffix(out, ".") {
			out = capFirst(out[i+2:len(out)-1]) + " " + strings.ToLower(out[:1]) + out[1:i] + "."
		}
	}
	return out
}

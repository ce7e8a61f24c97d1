package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// world is everything the articles of one corpus draw on: vocabulary,
// people, places and outlets. It is built once from the seed.
type world struct {
	nouns      []noun
	topicNouns [][]noun
	adjs       []string
	advs       []string
	verbs      []verb
	people     []person
	outlets    []outlet
	cities     []place
}

type noun struct{ sg, pl string }

type verb struct{ base, s, past, ing string }

// person has a surname spelled differently by outlets with different
// transliteration habits (Zelensky, Zelenskyy, Zelenskiy).
type person struct {
	first    string
	last     [3]string
	cyrillic string // the surname in Cyrillic, for Slavic names
	role     string
}

type place struct{ name [3]string }

// outlet is one publisher and its house style.
type outlet struct {
	name, domain string
	translit     int  // which spelling variant of names it uses
	headings     bool // breaks long articles with subheadings
	blankLines   bool // separates paragraphs with blank lines
	showDomain   bool
	showDate     bool
	zone         *time.Location
}

func split(s string, sep ...string) []string {
	if len(sep) == 0 {
		return strings.Fields(s)
	}
	var out []string
	for _, f := range strings.Split(s, sep[0]) {
		if f = strings.Join(strings.Fields(f), " "); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func newWorld(seed int64) *world {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	w := &world{adjs: dedupe(adjectives), advs: dedupe(adverbs)}
	for _, n := range dedupe(split(generalNouns)) {
		w.nouns = append(w.nouns, makeNoun(n))
	}
	for _, list := range topicNouns {
		var ns []noun
		for _, n := range dedupe(list) {
			ns = append(ns, makeNoun(n))
		}
		w.topicNouns = append(w.topicNouns, ns)
	}
	for _, v := range dedupe(verbs) {
		w.verbs = append(w.verbs, makeVerb(v))
	}
	seen := map[string]bool{}
	for len(w.people) < 2500 {
		p := makePerson(r)
		if seen[p.last[0]] {
			continue
		}
		seen[p.last[0]] = true
		w.people = append(w.people, p)
	}
	for _, c := range cities {
		w.cities = append(w.cities, makePlace(c))
	}
	w.outlets = makeOutlets(r, 80)
	return w
}

func dedupe(ws []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

var irregularPlurals = map[string]string{"child": "children", "man": "men", "woman": "women",
	"crisis": "crises", "analysis": "analyses", "person": "people", "talks": "talks", "news": "news",
	"data": "data", "species": "species", "aid": "aid", "weather": "weather", "evidence": "evidence",
	"heritage": "heritage", "information": "information", "money": "money", "people": "people", "diagnosis": "diagnoses"}

func makeNoun(sg string) noun {
	if pl, ok := irregularPlurals[sg]; ok {
		return noun{sg, pl}
	}
	return noun{sg, plural(sg)}
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func makeVerb(spec string) verb {
	base, past, irregular := strings.Cut(spec, ":")
	v := verb{base: base, s: plural(base)}
	if base == "go" || base == "do" {
		v.s = base + "es"
	}
	stem := base
	if strings.HasSuffix(base, "e") && !strings.HasSuffix(base, "ee") {
		stem = base[:len(base)-1]
	}
	v.ing = stem + "ing"
	switch {
	case irregular:
		v.past = past
	case strings.HasSuffix(base, "e"):
		v.past = base + "d"
	case strings.HasSuffix(base, "y") && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		v.past = base[:len(base)-1] + "ied"
	case strings.Contains(" stop plan ban ", " "+base+" "):
		v.past = base + base[len(base)-1:] + "ed"
	default:
		v.past = base + "ed"
	}
	if strings.Contains(" stop plan ban get put set cut hit run win sit begin ", " "+base+" ") {
		v.ing = base + base[len(base)-1:] + "ing"
	}
	return v
}

func makePerson(r *rand.Rand) person {
	st := nameStyles[r.IntN(len(nameStyles))]
	last := pick(r, st.onsets) + pick(r, st.middles) + pick(r, st.endings)
	if r.IntN(3) == 0 { // shorter names: onset + ending
		last = pick(r, st.onsets) + pick(r, st.endings)
	}
	last = strings.ToUpper(last[:1]) + strings.ToLower(last[1:])
	p := person{first: pick(r, firstNames), role: pick(r, roles)}
	p.last = [3]string{last, last, last}
	if st.slavic {
		// The same name as three outlets would transliterate it.
		if strings.HasSuffix(last, "sky") {
			p.last[1] = last + "y"
			p.last[2] = strings.TrimSuffix(last, "y") + "iy"
		}
		if strings.HasPrefix(last, "Kh") {
			p.last[2] = "H" + p.last[2][2:]
		}
		p.cyrillic = toCyrillic(last)
	}
	return p
}

var placeVariants = map[string][3]string{"Kyiv": {"Kyiv", "Kyiv", "Kiev"}, "Odesa": {"Odesa", "Odessa", "Odesa"},
	"Kharkiv": {"Kharkiv", "Kharkiv", "Harkiv"}, "Zaporizhzhia": {"Zaporizhzhia", "Zaporizhia", "Zaporizhzhia"}}

func makePlace(name string) place {
	if v, ok := placeVariants[name]; ok {
		return place{v}
	}
	return place{[3]string{name, name, name}}
}

var (
	outletHeads = split(`Daily Global Northern Southern Eastern Western Capital Independent Evening Morning
		Free Open Central National Continental Atlantic Pacific Baltic Danube Metro Frontier`)
	outletTails = split(`Ledger Courier Observer Times Post Herald Wire Dispatch Tribune Monitor Review
		Gazette Chronicle Journal Bulletin Express Sentinel Insider Report Voice Standard`)
	tlds = split(".com .net .org .co.uk .tv .com.ua .eu .news .info")
)

func makeOutlets(r *rand.Rand, n int) []outlet {
	var out []outlet
	seen := map[string]bool{}
	for len(out) < n {
		name := pick(r, outletHeads) + " " + pick(r, outletTails)
		if seen[name] {
			continue
		}
		seen[name] = true
		domain := strings.ToLower(strings.ReplaceAll(name, " ", "")) + pick(r, tlds)
		if r.IntN(4) == 0 {
			domain = pick(r, split("www global news en")) + "." + domain
		}
		offset := (r.IntN(13) - 6) * 3600
		out = append(out, outlet{
			name: name, domain: domain, translit: r.IntN(3),
			headings: r.IntN(3) == 0, blankLines: r.IntN(2) == 0,
			showDomain: r.IntN(5) != 0, showDate: r.IntN(6) != 0,
			zone: time.FixedZone(fmt.Sprintf("UTC%+d", offset/3600), offset),
		})
	}
	return out
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

var cyrillicDigraphs = []struct{ lat, cyr string }{
	{"shch", "щ"}, {"kh", "х"}, {"zh", "ж"}, {"ch", "ч"}, {"sh", "ш"}, {"ts", "ц"}, {"yu", "ю"},
	{"ya", "я"}, {"ye", "е"}, {"yy", "ый"}, {"iy", "ий"},
}

var cyrillicLetters = map[byte]string{'a': "а", 'b': "б", 'v': "в", 'g': "г", 'd': "д", 'e': "е",
	'z': "з", 'i': "и", 'y': "и", 'k': "к", 'l': "л", 'm': "м", 'n': "н", 'o': "о", 'p': "п", 'r': "р",
	's': "с", 't': "т", 'u': "у", 'f': "ф", 'h': "г", 'c': "к", 'w': "в", 'j': "й", 'x': "кс", 'q': "к"}

// toCyrillic spells a Latin-transliterated Slavic name in Cyrillic.
func toCyrillic(name string) string {
	s := strings.ToLower(name)
	var sb strings.Builder
outer:
	for i := 0; i < len(s); {
		for _, d := range cyrillicDigraphs {
			if strings.HasPrefix(s[i:], d.lat) {
				sb.WriteString(d.cyr)
				i += len(d.lat)
				continue outer
			}
		}
		if c, ok := cyrillicLetters[s[i]]; ok {
			sb.WriteString(c)
		}
		i++
	}
	rs := []rune(sb.String())
	if len(rs) == 0 {
		return name
	}
	return strings.ToUpper(string(rs[:1])) + string(rs[1:])
}

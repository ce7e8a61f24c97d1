package compare

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// Number is a numeric fact: a quantity and the thing it counts ("almost five
// hours", "28-point plan", "one-fifth of Ukrainian territory", "$10").
type Number struct {
	Text  string  `json:"text"`  // as written, hedge to counted noun
	Value float64 `json:"value"` // fractions and percentages as 0..1
	// Low and High bound what the hedge allows ("almost five": 4.5..5).
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	Hedge string  `json:"hedge,omitempty"`
	Unit  string  `json:"unit,omitempty"` // "%", "$", a compound unit ("point" in "28-point")
	// Thing is what is counted, as written ("hours of talks", "U.S.
	// proposal", "Ukrainian territory").
	Thing string `json:"thing"`
	// Label names the fact for a reader: the counted noun phrase, with a
	// compound unit ("28-point plan") and without names that only qualify
	// it ("28-point U.S. proposal" is a "28-point proposal").
	Label   string `json:"label"`
	Ordinal bool   `json:"ordinal,omitempty"` // "sixth meeting", "No. 3"
	// Increment marks a figure added to a total ("13 more people").
	Increment bool    `json:"increment,omitempty"`
	At        Passage `json:"at"`

	key     string   // what pairs it across outlets: unit and stemmed head noun
	head    string   // the stemmed head noun of the counted phrase, if any
	context []uint64 // the sentence's other content terms
}

var smallNumbers = map[string]float64{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2e6,
	"billions": 2e9, "a": 1, "an": 1, "single": 1, "couple": 2, "half": 0.5}

var multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
	"trillion": 1e12, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12,
	"trn": 1e12, "dozen": 12}

var fractions = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4,
	"quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "tenths": 10}

var ordinals = map[string]float64{"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
	"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "twentieth": 20}

// hedges, longest first; each maps to bounds relative to the value.
var hedges = []struct {
	words   []string
	lo, hi  float64
	display string
}{
	{[]string{"well", "over"}, 1.1, 3, "well over"},
	{[]string{"well", "above"}, 1.1, 3, "well over"},
	{[]string{"more", "than"}, 1, 1.5, "more than"},
	{[]string{"less", "than"}, 0.5, 1, "less than"},
	{[]string{"fewer", "than"}, 0.5, 1, "fewer than"},
	{[]string{"at", "least"}, 1, 1.5, "at least"},
	{[]string{"up", "to"}, 0.5, 1, "up to"},
	{[]string{"just", "under"}, 0.85, 1, "just under"},
	{[]string{"just", "over"}, 1, 1.15, "just over"},
	{[]string{"close", "to"}, 0.85, 1.05, "close to"},
	{[]string{"as", "many", "as"}, 0.7, 1, "as many as"},
	{[]string{"upwards", "of"}, 1, 1.5, "upwards of"},
	{[]string{"almost"}, 0.85, 1, "almost"},
	{[]string{"nearly"}, 0.85, 1, "nearly"},
	{[]string{"about"}, 0.85, 1.15, "about"},
	{[]string{"around"}, 0.85, 1.15, "around"},
	{[]string{"roughly"}, 0.85, 1.15, "roughly"},
	{[]string{"approximately"}, 0.85, 1.15, "approximately"},
	{[]string{"some"}, 0.85, 1.15, "some"},
	{[]string{"over"}, 1, 1.5, "over"},
	{[]string{"above"}, 1, 1.5, "over"},
	{[]string{"under"}, 0.5, 1, "under"},
	{[]string{"below"}, 0.5, 1, "under"},
	{[]string{"only"}, 1, 1, "only"},
}

var monthNames = setOf("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec")

// numbersOf extracts the numeric facts of a document.
func numbersOf(d *Doc) []Number {
	var out []Number
	for i := range d.Sentences {
		out = append(out, sentenceNumbers(&d.Sentences[i])...)
	}
	return out
}

func sentenceNumbers(s *Sentence) []Number {
	ws := s.words
	// Figures read with their glued suffixes apart ("10bn" as "10 bn").
	split := *s
	split.words = splitGluedFigures(s.Text, ws)
	var out []Number
	for i := 0; i < len(split.words); i++ {
		n, ok := parseNumber(&split, i)
		if !ok {
			continue
		}
		out = append(out, n.num)
		i = n.next - 1
	}
	// Context: the sentence's content terms outside each number phrase.
	for k := range out {
		n := &out[k]
		for _, w := range ws {
			if w.term != "" && (w.end <= n.At.Start || w.start >= n.At.End) {
				n.context = append(n.context, hashTerm(w.term))
			}
		}
		n.context = sortUnique(n.context)
	}
	return out
}

type parsed struct {
	num  Number
	next int // index of the first word after the phrase
}

// parseNumber reads a number phrase whose quantity starts at word i.
func parseNumber(s *Sentence, i int) (parsed, bool) {
	ws := s.words
	t := s.Text
	w := ws[i]
	var n Number
	j := i       // first word after the quantity
	scale := 1.0 // the multiplier the quantity ends with, for "and a half"
	switch {
	case isNumeric(w.fold):
		// Digits with separators and decimals from the raw text: 1,000 3.5
		end := w.end
		for end+1 < len(t) && (t[end] == ',' || t[end] == '.') && t[end+1] >= '0' && t[end+1] <= '9' {
			end++
			for end < len(t) && t[end] >= '0' && t[end] <= '9' {
				end++
			}
		}
		raw := strings.ReplaceAll(t[w.start:end], ",", "")
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return parsed{}, false
		}
		n.Value = v
		j = i + 1
		for j < len(ws) && ws[j].start < end {
			j++
		}
		// A year or a date is not a counted fact.
		if isYearOrDate(ws, i, j, v, t) {
			return parsed{}, false
		}
		// Ordinal suffix glued: 30th, 1st.
		if j < len(ws) && ws[j].start == end && (ws[j].fold == "th" || ws[j].fold == "st" || ws[j].fold == "nd" || ws[j].fold == "rd") {
			n.Ordinal = true
			j++
		}
		// A rank: "No. 3", "#3".
		if i > 0 && ws[i-1].fold == "no" && ws[i-1].cap && strings.HasPrefix(t[ws[i-1].end:], ".") || w.start > 0 && t[w.start-1] == '#' {
			n.Ordinal = true
		}
	case fractions[w.fold] > 0 && i > 0 && isFraction(s, i-1):
		return parsed{}, false // read with its numerator
	case smallNumbers[w.fold] > 0 || spelledMultiplier(w.fold):
		v, next, ok := spelledNumber(s, i)
		if !ok {
			return parsed{}, false
		}
		n.Value, j = v, next
		scale = lastScale(ws, i, next)
	case ordinals[w.fold] > 0:
		n.Value, n.Ordinal = ordinals[w.fold], true
		j = i + 1
	default:
		return parsed{}, false
	}
	start := w.start
	// Currency before: $10, €5, US$3, £2bn.
	if p := currencyBefore(t, w.start); p != "" {
		n.Unit = p
		start = w.start - len(p)
	}
	// Multiplier after digits: 1.5 million, 10bn; not the metres of a
	// "100m sprint".
	if j < len(ws) && isNumeric(w.fold) && multipliers[ws[j].fold] > 0 && !(n.Unit == "" && metresAt(t, ws, j)) {
		scale = multipliers[ws[j].fold]
		n.Value *= scale
		j++
	}
	// A compound amount: "two and a half", "a million and a half".
	if j+2 < len(ws) && ws[j].fold == "and" && (ws[j+1].fold == "a" || ws[j+1].fold == "an" || ws[j+1].fold == "one") &&
		fractions[ws[j+2].fold] > 0 && !n.Ordinal {
		n.Value += scale / fractions[ws[j+2].fold]
		j += 3
	}
	end := ws[j-1].end
	// Percent.
	if j < len(ws) && (ws[j].fold == "percent" || ws[j].fold == "per" && j+1 < len(ws) && ws[j+1].fold == "cent") {
		n.Unit = "%"
		if ws[j].fold == "per" {
			j++
		}
		end = ws[j].end
		j++
		n.Value /= 100
	} else if end < len(t) && t[end] == '%' {
		n.Unit = "%"
		end++
		n.Value /= 100
	}
	// Fraction spelled with a hyphen: one-fifth, two-thirds.
	if j == i+1 && isFraction(s, i) && !n.Ordinal && n.Unit == "" {
		n.Value /= fractions[ws[j].fold]
		n.Unit = "fraction"
		end = ws[j].end
		j++
	}
	if !n.Ordinal && n.Unit == "" && n.Value == 1 && !isNumeric(w.fold) {
		return parsed{}, false // "one of", "a": not a counted fact on their own
	}
	// Compound unit: 28-point, four-year.
	if j < len(ws) && t[ws[j-1].end:ws[j].start] == "-" && !isNumeric(ws[j].fold) {
		n.Unit = ws[j].fold
		end = ws[j].end
		j++
	}
	// Hedge before.
	for _, h := range hedges {
		k := i - len(h.words)
		if k < 0 {
			continue
		}
		match := true
		for x, hw := range h.words {
			if ws[k+x].fold != hw {
				match = false
				break
			}
		}
		// "turned over 55,000 pages": a particle of the verb before it.
		if match && len(h.words) == 1 && k > 0 && verbParticle(ws[k-1].fold, h.words[0]) {
			match = false
		}
		if match {
			n.Hedge = h.display
			n.Low, n.High = n.Value*h.lo, n.Value*h.hi
			start = ws[k].start
			break
		}
	}
	if n.Hedge == "" {
		n.Low, n.High = n.Value, n.Value
	}
	// "13 more people", "two additional cases": added to a total.
	if j < len(ws) && incrementWords[ws[j].fold] && onlySpace(t[ws[j-1].end:ws[j].start]) {
		n.Increment = true
		end = ws[j].end
		j++
	}
	// What is counted: up to four words until a stop word or punctuation,
	// after "of" for fractions, percentages and big round numbers.
	k := j
	if k < len(ws) && ws[k].fold == "of" && (n.Unit == "%" || n.Unit == "fraction" || n.Value >= 1e3 && !isNumeric(w.fold)) {
		k++
	}
	if k < len(ws) && (ws[k].fold == "a" || ws[k].fold == "the") && n.Unit == "fraction" {
		k++
	}
	first := k
	for k < len(ws) && k-first < 4 && !isCurrency(n.Unit) {
		x := ws[k]
		if k > first && !onlySpace(t[ws[k-1].end:x.start]) {
			break
		}
		if k == first && k == j && !onlySpace(t[end:x.start]) && !x.glued {
			break
		}
		if stopwords[x.fold] && !(x.fold == "us" && x.acro) || isNumeric(x.fold) || monthNames[x.fold] && x.cap || timeWords[x.fold] {
			break
		}
		// A participle after the noun starts a clause: "a third day planned".
		if k > first && (strings.HasSuffix(x.fold, "ed") || strings.HasSuffix(x.fold, "ing")) {
			break
		}
		k++
	}
	if k > first {
		head := ws[k-1]
		// A verb right after the number ("four hours and", "two ministers
		// resigned") is rare; nouns dominate. Keep the phrase.
		n.key = cachedStem(head.fold)
		n.head = n.key
		// A measure says what it measures after "of": "five hours of
		// talks", "two rounds of negotiations".
		if measureNouns[head.fold] && k+1 < len(ws) && ws[k].fold == "of" && onlySpace(t[head.end:ws[k].start]) {
			e := k + 1
			for e < len(ws) && e-k <= 3 && onlySpace(t[ws[e-1].end:ws[e].start]) && ws[e].term != "" &&
				!isNumeric(ws[e].fold) && !(ws[e].cap && !ws[e].initial && e == k+1 && !isDemonym(ws[e].fold)) {
				e++
			}
			if e > k+1 {
				k = e
			}
		}
		n.Thing = t[ws[first].start:ws[k-1].end]
		end = ws[k-1].end
		n.Label = countedLabel(t, ws[first:k])
		if compoundUnit(n.Unit) {
			// "28-point plan" and "28-point proposal" count the same thing.
			n.key = "-" + cachedStem(n.Unit)
			n.Label = t[w.start:ws[j-1].end] + " " + n.Label
		}
	} else if n.Unit == "" {
		return parsed{}, false // a bare number tells nothing
	} else {
		n.key = n.Unit
		n.Label = t[start:end]
	}
	n.Text = t[start:end]
	n.At = Passage{Sentence: s.Index, Start: start, End: end}
	return parsed{num: n, next: max(k, j)}, true
}

// verbParticle: word before a one-word hedge ("over", "under") makes it
// part of a phrasal verb: "turned over", "handed over", "took over".
func verbParticle(before, hedge string) bool {
	if hedge != "over" && hedge != "under" && hedge != "above" && hedge != "below" {
		return false
	}
	return particleVerbs[before]
}

// particleVerbs take "over" as a particle: "turned over", "handed over";
// "lasted over four hours" keeps its hedge.
var particleVerbs = setOf("turn", "turns", "turned", "turning", "hand", "hands", "handed", "handing",
	"took", "take", "takes", "taken", "taking", "gave", "give", "gives", "given", "pass", "passes",
	"passed", "sign", "signs", "signed", "fork", "forked", "shell", "shelled", "hold", "held")

// incrementWords after a figure make it an addition to a total.
var incrementWords = setOf("more", "additional", "extra", "further")

// lastScale is the multiplier a spelled quantity ws[i:j] ends with
// ("a million" -> 1e6), or 1.
func lastScale(ws []word, i, j int) float64 {
	if j > i {
		if spelledMultiplier(ws[j-1].fold) {
			return multipliers[ws[j-1].fold]
		}
	}
	return 1
}

// measureNouns are units of time and quantity: what they measure follows
// "of".
var measureNouns = setOf("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
	"rounds", "sessions", "tons", "tonnes", "kilograms", "kilos", "pounds", "litres", "liters", "gallons",
	"barrels", "metres", "meters", "kilometres", "kilometers", "miles", "feet", "acres", "hectares",
	"cubic", "pages", "bottles", "boxes", "loads", "shipments", "doses", "pieces", "units", "rounds",
	"hour", "day", "week", "month", "year", "minute", "round", "session", "ton", "tonne", "mile")

// countedLabel is the counted phrase without the names and acronyms that
// only qualify a lower-case noun after them ("U.S. proposal" → "proposal")
// and without quotation marks; a demonym stays ("Ukrainian territory").
func countedLabel(t string, ws []word) string {
	from := 0
	for from < len(ws)-1 && (ws[from].acro || ws[from].cap && !isDemonym(ws[from].fold) && !ws[from].initial) {
		rest := ws[from+1:]
		if rest[len(rest)-1].cap || rest[len(rest)-1].acro {
			break // the head itself is a name: keep the whole phrase
		}
		from++
	}
	var b strings.Builder
	for k, x := range ws[from:] {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t[x.start:x.end])
	}
	return b.String()
}

// onlySpace: the gap between two words of one phrase (spaces, quotes).
// timeWords end a counted phrase: "$69 billion last year".
var timeWords = setOf("last", "next", "earlier", "later", "ago", "this", "that", "each", "every", "per", "a")

func isCurrency(u string) bool { return strings.ContainsAny(u, "$€£¥₴₽") }

// compoundUnit: a unit written into a compound ("28-point"), not a
// currency, percentage or fraction.
func compoundUnit(u string) bool {
	return u != "" && u != "%" && u != "fraction" && !isCurrency(u)
}

func onlySpace(g string) bool {
	return g != "" && strings.Trim(g, " \"'“”‘’") == ""
}

// isFraction: words i and i+1 read "one-fifth", "two thirds of", "a
// quarter of" (a numerator, then a fraction word joined by a hyphen or
// followed by "of").
func isFraction(s *Sentence, i int) bool {
	ws := s.words
	if i+1 >= len(ws) || fractions[ws[i+1].fold] == 0 {
		return false
	}
	num := ws[i].fold
	if num != "a" && num != "one" && smallNumbers[num] < 2 && !isNumeric(num) {
		return false
	}
	gap := s.Text[ws[i].end:ws[i+1].start]
	return gap == "-" || gap == " " && i+2 < len(ws) && ws[i+2].fold == "of"
}

// spelledNumber reads "twenty-five", "a million", "two hundred thousand".
func spelledNumber(s *Sentence, i int) (float64, int, bool) {
	ws := s.words
	total, cur := 0.0, 0.0
	j := i
	seen := false
	for j < len(ws) {
		f := ws[j].fold
		if j > i {
			g := s.Text[ws[j-1].end:ws[j].start]
			if g != " " && g != "-" {
				break
			}
		}
		if v, ok := smallNumbers[f]; ok && (f != "a" && f != "an" || j == i) && v >= 1 || f == "half" && j == i {
			if seen && cur != 0 && v >= 1 && v < 10 && int(cur)%10 == 0 && cur >= 20 {
				cur += v // twenty-five
			} else if seen {
				break
			} else {
				cur = v
			}
			seen = true
			j++
			continue
		}
		if (f == "a" || f == "an") && cur == 0.5 && j+1 < len(ws) && spelledMultiplier(ws[j+1].fold) {
			j++ // "half a million"
			continue
		}
		if spelledMultiplier(f) {
			m := multipliers[f]
			if !seen {
				cur = 1
			}
			if m == 100 {
				cur *= m
			} else {
				total += cur * m
				cur = 0
			}
			seen = true
			j++
			continue
		}
		break
	}
	if !seen {
		return 0, i, false
	}
	// "a" and "an" count only before a multiplier or fraction ("a million").
	if (ws[i].fold == "a" || ws[i].fold == "an") && j == i+1 && !isFraction(s, i) {
		return 0, i, false
	}
	return total + cur, j, true
}

func currencyBefore(t string, at int) string {
	for _, c := range []string{"US$", "$/€", "$", "€", "£", "¥", "₴", "₽"} {
		if at >= len(c) && t[at-len(c):at] == c {
			return c
		}
	}
	return ""
}

// isYearOrDate: a four-digit number from 1800 to 2100 with no currency,
// multiplier or unit, or a day next to a month name.
func isYearOrDate(ws []word, i, j int, v float64, t string) bool {
	if i > 0 && monthNames[ws[i-1].fold] && ws[i-1].cap {
		return true
	}
	if j < len(ws) && monthNames[ws[j].fold] && ws[j].cap {
		return true
	}
	if v >= 1800 && v <= 2100 && v == math.Trunc(v) && ws[i].end-ws[i].start == 4 {
		// An amount or measure is no year: "$1500 million", "£1900m", "2000km".
		if currencyBefore(t, ws[i].start) != "" || j < len(ws) && (ws[j].glued || multipliers[ws[j].fold] > 0) {
			return false
		}
		return j >= len(ws) || t[ws[j-1].end:ws[j].start] != "-"
	}
	return false
}

func sortUnique(a []uint64) []uint64 {
	slices.Sort(a)
	return slices.Compact(a)
}

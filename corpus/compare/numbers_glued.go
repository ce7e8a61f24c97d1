package compare

import "unicode/utf8"

// News writes many figures with letters glued on: an ordinal ("22nd"), a
// multiplier ("$10bn", "£3.5m", "$1.2 trn" as "$1.2trn") or a unit ("5km",
// "40C", "2GW"). lang.Tokens keeps such a token whole, so the figure reader
// sees it split here into the figure and its suffix, exactly as if the
// suffix were a word of its own: "$10bn" then reads as "$10 bn", which
// equals "$10 billion". Letters first ("F35", "MH17", "COVID19") never
// split; nor do suffixes that mark a code or a decade ("5G", "4K", "3D",
// "1980s", "747s"): only the suffixes below make a figure.

// ordinalSuffixes follow a figure that ranks: 1st, 22nd, 3rd, 30th.
var ordinalSuffixes = setOf("st", "nd", "rd", "th")

// multiplierAbbrevs are the written-short multipliers of the multipliers
// table (UK style "bn", "m"; wire style "mln", "bln"; AP "B", "M" after a
// currency). Only spelled multipliers start a spelled number.
var multiplierAbbrevs = setOf("k", "m", "b", "mn", "mln", "bn", "bln", "tn", "trn")

// spelledMultiplier: a multiplier written out ("million", "dozen").
func spelledMultiplier(f string) bool { return multipliers[f] > 0 && !multiplierAbbrevs[f] }

// metreContexts follow a length written with a lower-case "m": a race
// ("100m sprint", "400m hurdles", "200m freestyle") or a dimension ("a
// 30m-high wall", "landed 50m away"). Amounts read "m" as million ("3.5m
// homes", "£100m deal"): a currency before the figure always does.
var metreContexts = setOf("sprint", "sprints", "dash", "hurdles", "relay", "relays", "race", "races",
	"freestyle", "backstroke", "breaststroke", "butterfly", "medley", "steeplechase",
	"high", "tall", "long", "wide", "deep", "thick", "away")

// metresAt: the word ws[j] after a figure is a lower-case "m", spaced or
// glued, that means metres by the word after it. The caller checks that
// no currency comes before the figure.
func metresAt(t string, ws []word, j int) bool {
	if ws[j].fold != "m" || t[ws[j].start] != 'm' || j+1 >= len(ws) {
		return false
	}
	gap := t[ws[j].end:ws[j+1].start]
	return (gap == " " || gap == "-") && metreContexts[ws[j+1].fold]
}

// unitSymbols are measurement symbols written onto a figure, matched with
// their case, as the SI writes them: "500g" is grams, "5G" is a network.
var unitSymbols = setOf(
	"km", "cm", "mm", "nm", "mi", "ft", "in", // length
	"kg", "g", "mg", "lb", "lbs", "oz", "kt", "Mt", // mass, yield
	"mph", "kph", "kmh", "kts", // speed
	"W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "V", "kV", "mAh", // power
	"Hz", "kHz", "MHz", "GHz", // frequency
	"l", "ml", "cl", "bbl", "bpd", "bcm", "cc", // volume, oil and gas
	"ha", "sqm", "sqft", // area
	"C", "F", // degrees, as UK style writes them: "40C"
	"KB", "MB", "GB", "TB", "Mbps", "Gbps", // data
)

// gluedSuffixAt is where the letters of a glued figure start in the
// token w ("10bn" -> 2), or -1 when w is not a figure with a suffix that
// news writes onto figures. t is the sentence text.
func gluedSuffixAt(t string, w word) int {
	surface := t[w.start:w.end]
	if len(surface) != len(w.fold) || surface == "" || !isDigit(surface[0]) {
		return -1 // not plain ASCII, or letters first: a name or code
	}
	at := 0
	for at < len(surface) && isDigit(surface[at]) {
		at++
	}
	suffix := surface[at:]
	for k := 0; k < len(suffix); k++ {
		if c := suffix[k] | 0x20; c < 'a' || c > 'z' {
			return -1 // digits after letters ("4x4") or no letters at all
		}
	}
	f := w.fold[at:]
	switch {
	case suffix == "":
		return -1
	case ordinalSuffixes[f], unitSymbols[suffix]:
		return at
	case multiplierAbbrevs[f]:
		// "4K", "2B" alone are codes; "$4K", "£2B" and "3.5m" are amounts.
		if len(f) > 1 || suffix == f || currencyBefore(t, figureStart(t, w.start)) != "" {
			return at
		}
	}
	return -1
}

// figureStart is where the figure ending in the digits at "at" starts,
// over its separators and decimals ("$3.5m": the "3", not the "5m").
func figureStart(t string, at int) int {
	for at > 0 && (isDigit(t[at-1]) || (t[at-1] == '.' || t[at-1] == ',') && at > 1 && isDigit(t[at-2])) {
		at--
	}
	return at
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// splitGluedFigures is ws with every glued figure split into its digits
// and its suffix; ws itself when there is none (the common case).
func splitGluedFigures(t string, ws []word) []word {
	var out []word
	for k, w := range ws {
		at := gluedSuffixAt(t, w)
		if at < 0 {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]word, 0, len(ws)+4), ws[:k]...)
		}
		digits := w
		digits.fold, digits.end, digits.term = w.fold[:at], w.start+at, ""
		digits.cap, digits.acro, digits.poss = false, false, false
		suffix := w
		suffix.fold, suffix.start, suffix.term, suffix.initial, suffix.glued = w.fold[at:], w.start+at, "", false, true
		r, _ := utf8.DecodeRuneInString(t[suffix.start:])
		suffix.cap = r >= 'A' && r <= 'Z'
		suffix.acro = isAllCaps(t[suffix.start:suffix.end])
		out = append(out, digits, suffix)
	}
	if out == nil {
		return ws
	}
	return out
}

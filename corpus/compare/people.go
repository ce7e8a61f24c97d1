package compare

import "strings"

// People's names: their parts, the gender the text gives them and when two
// written forms can name one person. The rules are general: a middle
// initial or a dropped numeral suffix ("Robert S. Mueller III", "Robert
// Mueller") or a common short form of a given name ("Jim", "James") do not
// make another person; a different given name, a "Jr." or a title that
// conflicts does.

// Gender is what the text says about a person's gender: an honorific, a
// gendered title or a common given name. Unknown agrees with both.
type gender int8

const (
	unknownGender gender = iota
	male
	female
)

func (g gender) agrees(o gender) bool { return g == unknownGender || o == unknownGender || g == o }

// personName is a folded person name split into its parts.
type personName struct {
	first   string   // given name ("" for a surname alone)
	middles []string // middle names or initials
	last    string   // surname, as its spelling skeleton
	word    string   // the name's last word as written (folded)
	suffix  string   // "jr", "sr", "ii", "iii", …
}

// parsePerson splits a folded name ("robert s mueller iii").
func parsePerson(key string) personName {
	f := strings.Fields(key)
	var p personName
	if n := len(f); n > 1 && nameSuffixes[f[n-1]] {
		p.suffix = normSuffix(f[n-1])
		f = f[:n-1]
	}
	// Particles belong to the surname: "ursula von der leyen".
	var parts []string
	for i, w := range f {
		if !connectors[w] || i == 0 || i == len(f)-1 {
			parts = append(parts, w)
		}
	}
	switch len(parts) {
	case 0:
		return p
	case 1:
		p.last, p.word = skeleton(parts[0]), parts[0]
		return p
	}
	p.first = parts[0]
	p.middles = parts[1 : len(parts)-1]
	p.last, p.word = skeleton(parts[len(parts)-1]), parts[len(parts)-1]
	return p
}

var nameSuffixes = setOf("jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd")

func normSuffix(s string) string {
	switch s {
	case "2nd":
		return "ii"
	case "3rd":
		return "iii"
	}
	return s
}

// sameGiven: two given names are one when equal, when one is the common
// short form of the other ("jim", "james"), or when one is the other's
// initial ("j", "james").
func sameGiven(a, b string) bool {
	if a == b {
		return a != ""
	}
	if a == "" || b == "" {
		return false
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	return formalName(a) == formalName(b)
}

func formalName(n string) string {
	if f := hypocorisms[n]; f != "" {
		return f
	}
	return n
}

// samePerson: two full names (both with a given name) name one person when
// surnames and given names agree, middle names agree where both give them,
// and the generational suffixes agree ("Jr." and "Sr." always count; a
// numeral may be left out).
func samePerson(a, b personName) bool {
	if a.first == "" || b.first == "" || a.last != b.last || !sameGiven(a.first, b.first) {
		return false
	}
	if a.suffix != b.suffix {
		generational := func(s string) bool { return s == "jr" || s == "sr" }
		if generational(a.suffix) || generational(b.suffix) || a.suffix != "" && b.suffix != "" {
			return false
		}
	}
	for k := 0; k < min(len(a.middles), len(b.middles)); k++ {
		if !sameGiven(a.middles[k], b.middles[k]) {
			return false
		}
	}
	return true
}

// givenGender is the gender a common given name tells, if any.
func givenGender(first string) gender {
	switch {
	case maleNames[formalName(first)] || maleNames[first]:
		return male
	case femaleNames[formalName(first)] || femaleNames[first]:
		return female
	}
	return unknownGender
}

// isGivenName: a common given name ("maria", "jim").
func isGivenName(w string) bool { return givenGender(w) != unknownGender }

// titleGender is the gender an honorific or gendered title tells.
func titleGender(title string) gender {
	for _, w := range strings.Fields(title) {
		switch w {
		case "mr", "sir", "king", "prince", "lord", "duke", "congressman", "chairman", "spokesman",
			"businessman", "father", "brother", "son", "husband", "emir", "sultan", "sheikh", "archduke", "baron", "count":
			return male
		case "mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "duchess",
			"congresswoman", "chairwoman", "spokeswoman", "businesswoman", "mother", "sister", "daughter", "wife", "baroness", "countess":
			return female
		}
	}
	return unknownGender
}

// roleTitles are the titles that say what office a person holds; two
// different ones on two mentions mean two people ("Senator Schiff",
// "Representative Adam Schiff"). Abbreviations are written out.
var roleTitles = map[string]string{
	"president": "president", "senator": "senator", "sen": "senator", "representative": "representative",
	"rep": "representative", "congressman": "representative", "congresswoman": "representative",
	"governor": "governor", "gov": "governor", "mayor": "mayor", "judge": "judge", "justice": "justice",
	"speaker": "speaker", "king": "king", "queen": "queen", "prince": "prince", "princess": "princess",
	"pope": "pope", "general": "general", "gen": "general", "chancellor": "chancellor", "premier": "premier",
	"secretary": "secretary", "ambassador": "ambassador", "counsel": "counsel", "cardinal": "cardinal",
	"bishop": "bishop", "rabbi": "rabbi", "admiral": "admiral", "adm": "admiral", "colonel": "colonel",
	"col": "colonel", "sheriff": "sheriff", "coach": "coach", "lady": "first lady",
}

// roleOf reads the office a title phrase names ("former Sen." is a
// senator; "Mr." names none).
func roleOf(title string) string {
	f := strings.Fields(title)
	for k := len(f) - 1; k >= 0; k-- {
		if r := roleTitles[f[k]]; r != "" {
			if r == "secretary" || r == "general" {
				// "Secretary General", "Attorney General", "Secretary of
				// State": the whole phrase is the office.
				return strings.Join(f, " ")
			}
			return r
		}
	}
	return ""
}

// stripMark drops the gender mark a surname alone is keyed with.
func stripMark(key string) string {
	if i := strings.IndexByte(key, '#'); i >= 0 {
		return key[:i]
	}
	return key
}

// personAttrs is what the text says about a person named by one entity:
// the parts of the name, the gender, the offices held and whether the
// person is introduced as someone's relative.
type personAttrs struct {
	name   personName
	gender gender
	clash  bool            // mentions disagree on the gender
	roles  map[string]bool // offices ("senator", "president")
	kin    bool
	given  bool // a given name alone after "Sir" or "Dame" ("Sir Keir")
	honor  bool // "Mr.", "Mrs.", "Ms." before a word alone: a surname
}

// note records what one mention says.
func (p *personAttrs) note(m mention) {
	if r := roleOf(m.title); r != "" {
		if p.roles == nil {
			p.roles = map[string]bool{}
		}
		p.roles[r] = true
	}
	p.setGender(titleGender(m.title))
	p.kin = p.kin || m.kin
	if f := strings.Fields(m.title); len(f) > 0 && (f[len(f)-1] == "sir" || f[len(f)-1] == "dame") {
		p.given = true
	}
	p.honor = p.honor || m.honor != ""
}

func (p *personAttrs) setGender(g gender) {
	// Ifs, not a tagless switch: gremlins sees no coverage in case
	// expressions (MUTATION.md, "A blind spot of the tool").
	if g == unknownGender {
		return
	}
	if p.gender == unknownGender {
		p.gender = g
	} else if p.gender != g {
		p.clash = true
	}
}

// add merges what another entity's mentions say.
func (p *personAttrs) add(o *personAttrs) {
	for r := range o.roles {
		if p.roles == nil {
			p.roles = map[string]bool{}
		}
		p.roles[r] = true
	}
	p.setGender(o.gender)
	p.clash = p.clash || o.clash
	p.kin = p.kin || o.kin
	p.given = p.given || o.given
	p.honor = p.honor || o.honor
}

// genderOf is the gender the mentions and the given name tell together.
func (p *personAttrs) genderOf() gender {
	g := p.gender
	if p.clash {
		return unknownGender
	}
	if gn := givenGender(p.name.first); g == unknownGender {
		g = gn
	}
	return g
}

// mayBe: a surname alone (s) may stand for the full name f when the
// genders agree, the offices named for both overlap, and f is not
// introduced as a relative while s bears an office ("President Obama" is
// not "his daughter Malia Obama").
func (s *personAttrs) mayBe(f *personAttrs) bool {
	if s.name.last == "" || s.name.last != f.name.last || s.clash {
		return false
	}
	if !s.genderOf().agrees(f.genderOf()) {
		return false
	}
	if len(s.roles) > 0 {
		if f.kin && len(f.roles) == 0 {
			return false
		}
		if len(f.roles) > 0 && !overlaps(s.roles, f.roles) {
			return false
		}
	}
	return true
}

func overlaps(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

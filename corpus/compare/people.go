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
		p.last = skeleton(parts[0])
		return p
	}
	p.first = parts[0]
	p.middles = parts[1 : len(parts)-1]
	p.last = skeleton(parts[len(parts)-1])
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

// kinWords before a name, or in an apposition after it, mark a relative
// of someone else ("his daughter Malia Obama").
var kinWords = setOf("wife", "husband", "son", "daughter", "brother", "sister", "father", "mother",
	"widow", "widower", "nephew", "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter",
	"grandfather", "grandmother", "stepson", "stepdaughter", "son-in-law", "daughter-in-law", "sons",
	"daughters", "children", "child", "spouse", "fiancee", "fiance", "ex-wife", "ex-husband", "mom", "dad")

// hypocorisms map common short forms of English given names to the formal
// one.
var hypocorisms = map[string]string{
	"jim": "james", "jimmy": "james", "jamie": "james", "bob": "robert", "bobby": "robert", "rob": "robert",
	"robbie": "robert", "bill": "william", "billy": "william", "will": "william",
	"willie": "william", "mike": "michael", "mickey": "michael", "mikey": "michael",
	"tom": "thomas", "tommy": "thomas", "joe": "joseph", "joey": "joseph", "dick": "richard",
	"rick": "richard", "ricky": "richard", "rich": "richard", "richie": "richard", "chuck": "charles",
	"charlie": "charles", "chas": "charles", "liz": "elizabeth", "beth": "elizabeth", "betsy": "elizabeth",
	"betty": "elizabeth", "lizzie": "elizabeth", "eliza": "elizabeth", "libby": "elizabeth",
	"dan": "daniel", "danny": "daniel", "dave": "david", "davy": "david", "ed": "edward", "eddie": "edward",
	"ted": "edward", "ned": "edward", "steve": "steven", "stephen": "steven", "stevie": "steven",
	"tony": "anthony", "andy": "andrew", "alex": "alexander",
	"ben": "benjamin", "benny": "benjamin", "chris": "christopher", "matt": "matthew", "nick": "nicholas",
	"pat": "patrick", "pete": "peter", "sam": "samuel", "sammy": "samuel", "tim": "timothy",
	"timmy": "timothy", "greg": "gregory", "jeff": "jeffrey", "geoff": "geoffrey", "jerry": "gerald",
	"larry": "lawrence", "ken": "kenneth", "kenny": "kenneth", "ron": "ronald", "ronnie": "ronald",
	"don": "donald", "donny": "donald", "fred": "frederick", "freddie": "frederick",
	"hank": "henry", "harry": "henry", "jack": "john", "johnny": "john", "jon": "jonathan",
	"josh": "joshua", "nate": "nathan", "phil": "philip", "ray": "raymond", "russ": "russell",
	"stan": "stanley", "terry": "terence", "vince": "vincent", "walt": "walter",
	"wally": "walter", "zach": "zachary", "zack": "zachary", "doug": "douglas", "gene": "eugene",
	"kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "catherine",
	"peggy": "margaret", "maggie": "margaret", "meg": "margaret",
	"sue": "susan", "susie": "susan", "jenny": "jennifer", "jen": "jennifer", "becky": "rebecca",
	"debbie": "deborah", "deb": "deborah", "patty": "patricia", "trish": "patricia", "vicky": "victoria",
	"abby": "abigail", "mandy": "amanda", "annie": "ann", "anne": "ann", "chrissy": "christine",
	"val": "valerie", "cindy": "cynthia", "barb": "barbara",
}

// maleNames and femaleNames are common given names whose gender most
// readers take for granted; a name in neither tells nothing.
var maleNames = setOf(strings.Fields(`james robert william michael thomas joseph richard charles david
daniel edward steven anthony andrew alexander albert benjamin christopher matthew nicholas patrick peter
samuel timothy gregory jeffrey geoffrey gerald lawrence kenneth ronald donald frederick francis henry
john jonathan joshua nathan philip raymond russell stanley terence vincent walter zachary douglas eugene
george paul mark brian kevin jason eric adam scott justin brandon ryan gary jose larry jacob juan
barack mitt mitch kevin marco ted rand lindsey bernie rudy jared eric hunter beau chuck rex rod jeb
vladimir sergei sergey dmitry dmitri volodymyr rustem andriy emmanuel olaf boris keir rishi narendra
recep benjamin bashar shinzo justin jair luis carlos jorge manuel pedro miguel antonio giuseppe
giorgio hans karl friedrich jean pierre jacques francois mohammed muhammad ahmed ali hassan hussein omar
abdul ibrahim yusuf mustafa igor ivan yuri oleg viktor alexei alexey mykola petro taras steve mike jim
bob bill tom joe dick rick tony andy dan dave ed ted ben chris matt nick pat pete sam tim greg jeff
jerry ken ron don fred frank hank harry jack jon josh nate phil ray stan walt zach doug gene al
adam aaron arthur carl dennis dwight elijah ethan gabriel harold howard jesse keith kyle leonard
louis martin nathaniel noah oscar ralph roger roy sean seth simon stuart travis tyler wayne wesley
mohammad abdullah khalid salman rodrigo emanuel lloyd merrick jerome`)...)

var femaleNames = setOf(strings.Fields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah
karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna ann anne brenda pamela
emma nicole helen samantha katherine catherine christine debra rachel carolyn janet virginia maria
heather diane julie joyce victoria kelly christina joan evelyn lauren judith olivia martha cheryl megan
andrea hannah jacqueline ann gloria teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
charlotte rose alexis kayla melania ivanka tiffany malia sasha michelle hillary chelsea kamala nancy
dianne kellyanne sarah elizabeth liz kirsten amy susan lisa tulsi nikki kristi ilhan alexandria
rashida ayanna marjorie lauren liz kaitlan stormy omarosa betsy elaine gina ursula angela theresa
giorgia marine ségolène segolene jacinda sanna kaja annalena yulia julia olena iryna svetlana natalia
natalya tatiana olga elena irina maria fatima aisha layla leila meghan kate katie kathy cathy peggy
maggie meg sue susie jenny jen becky debbie deb patty trish vicky abby mandy annie chrissy val cindy
barb ellen janet loretta`)...)

func init() {
	// A name listed for both (a typo or a unisex name) tells nothing.
	for n := range maleNames {
		if femaleNames[n] {
			delete(maleNames, n)
			delete(femaleNames, n)
		}
	}
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
}

func (p *personAttrs) setGender(g gender) {
	switch {
	case g == unknownGender:
	case p.gender == unknownGender:
		p.gender = g
	case p.gender != g:
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

// mergeFullNames joins full names that name one person: each name merges
// into the others it agrees with when they all agree with each other
// (else it is ambiguous: "Robert Mueller" between "Robert S. Mueller" and
// "Robert F. Mueller" stays apart). The fullest name, then the most
// mentioned, takes the others.
func mergeFullNames[T comparable](list []T, who func(T) *personAttrs, full func(T) bool, weight func(T) int, absorb func(into, from T)) []T {
	gone := map[T]bool{}
	for _, e := range list {
		if gone[e] || !full(e) {
			continue
		}
		group := []T{e}
		for _, f := range list {
			if f != e && !gone[f] && full(f) && samePerson(who(e).name, who(f).name) &&
				who(e).genderOf().agrees(who(f).genderOf()) {
				group = append(group, f)
			}
		}
		if len(group) == 1 || !allSame(group, who) {
			continue
		}
		best := group[0]
		for _, f := range group[1:] {
			if specificity(who(f).name) > specificity(who(best).name) ||
				specificity(who(f).name) == specificity(who(best).name) && weight(f) > weight(best) {
				best = f
			}
		}
		for _, f := range group {
			if f != best {
				absorb(best, f)
				gone[f] = true
			}
		}
	}
	return keep(list, gone)
}

func allSame[T any](group []T, who func(T) *personAttrs) bool {
	for i := range group {
		for j := i + 1; j < len(group); j++ {
			if !samePerson(who(group[i]).name, who(group[j]).name) {
				return false
			}
		}
	}
	return true
}

func specificity(n personName) int {
	s := len(n.middles) * 2
	for _, m := range n.middles {
		if len(m) > 1 {
			s++
		}
	}
	if n.suffix != "" {
		s++
	}
	return s
}

// joinSurnames joins each surname alone to the one full name it may stand
// for; with several candidates it guesses nothing. A surname left alone
// with "Mr." or "Mrs." joins the bare surname when no full name shares it.
func joinSurnames[T comparable](list []T, who func(T) *personAttrs, person func(T) bool, absorb func(into, from T)) []T {
	gone := map[T]bool{}
	var zero T
	for _, e := range list {
		we := who(e)
		if !person(e) || we.name.first != "" || we.name.last == "" {
			continue
		}
		found, n := zero, 0
		for _, f := range list {
			if f != e && !gone[f] && person(f) && who(f).name.first != "" && we.mayBe(who(f)) {
				found, n = f, n+1
			}
		}
		if n == 1 {
			absorb(found, e)
			gone[e] = true
		}
	}
	// "Trump" and "Mr. Trump" with no full name anywhere: one person when
	// the text gives a single gender for the surname.
	for _, e := range list {
		we := who(e)
		if gone[e] || !person(e) || we.name.first != "" || we.gender != unknownGender || we.name.last == "" {
			continue
		}
		found, n, fulls := zero, 0, 0
		for _, f := range list {
			wf := who(f)
			if f == e || gone[f] || !person(f) || wf.name.last != we.name.last {
				continue
			}
			if wf.name.first != "" {
				fulls++
			} else if wf.gender != unknownGender {
				found, n = f, n+1
			}
		}
		if fulls == 0 && n == 1 && we.mayBe(who(found)) {
			absorb(found, e)
			gone[e] = true
		}
	}
	// "Malia, 21, studied film": a given name alone stands for the one
	// full name with that given name, when no name has it as a surname.
	for _, e := range list {
		we := who(e)
		if gone[e] || !person(e) || we.name.first != "" || we.gender != unknownGender || we.name.last == "" {
			continue
		}
		found, n := zero, 0
		for _, f := range list {
			wf := who(f)
			if f == e || gone[f] || !person(f) {
				continue
			}
			if wf.name.last == we.name.last && wf.name.first != "" {
				n = 2 // a surname after all
				break
			}
			if wf.name.first != "" && skeleton(wf.name.first) == we.name.last {
				found, n = f, n+1
			}
		}
		if n == 1 {
			absorb(found, e)
			gone[e] = true
		}
	}
	return keep(list, gone)
}

func keep[T comparable](list []T, gone map[T]bool) []T {
	if len(gone) == 0 {
		return list
	}
	out := list[:0:0]
	for _, e := range list {
		if !gone[e] {
			out = append(out, e)
		}
	}
	return out
}

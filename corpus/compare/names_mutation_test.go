package compare

import (
	"fmt"
	"strings"
	"testing"
)

// dumpMentions writes every name findMentions finds in d, a line each:
// sentence, surface, span, and what the run of words made of it (known
// name, title, honorific, acronym, kin, votes for person, place,
// organisation).
func dumpMentions(d *Doc) string {
	v := vocabOf(d)
	var sb strings.Builder
	for i := range d.Sentences {
		for _, m := range findMentions(&d.Sentences[i], v) {
			known := ""
			if m.known != nil {
				known = m.known.canon
			}
			fmt.Fprintf(&sb, "s%d %q %d-%d known=%q title=%q honor=%q acro=%v kin=%v votes=%v\n",
				m.pass.Sentence, m.surface, m.pass.Start, m.pass.End, known, m.title, m.honor, m.acro, m.kin, m.votes)
		}
	}
	return sb.String()
}

// The names findMentions finds in small articles, exactly. Written against
// lived mutants of findMentions, monthName, partyTag and nameRun
// (MUTATION.md, compare-names).
func TestNameRunsExact(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"hyphen between two known names", []string{"The Russia‐Ukraine war entered its third year as US‐China talks stalled."}, `s0 "Russia" 4-10 known="Russia" title="" honor="" acro=false kin=false votes=[0 3 0]
s0 "Ukraine" 13-20 known="Ukraine" title="" honor="" acro=false kin=false votes=[0 3 0]
s0 "US" 51-53 known="United States" title="" honor="" acro=true kin=false votes=[0 3 0]
s0 "China" 56-61 known="China" title="" honor="" acro=false kin=false votes=[0 3 0]
`},
		{"generational suffix after a comma or a space", []string{"The award went to Robert Downey, Jr. on Sunday. Reporters asked Downey, Jr. about the film.", "Robert Downey Jr. spoke. Reporters asked Downey Jr. about the film."}, `s0 "Robert Downey Jr." 18-35 known="" title="" honor="" acro=false kin=false votes=[0 1 0]
s1 "Reporters" 0-9 known="" title="" honor="" acro=false kin=false votes=[1.5 0 0]
s1 "Downey" 16-22 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
s1 "Jr." 24-26 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
s2 "Robert Downey Jr." 0-16 known="" title="" honor="" acro=false kin=false votes=[0.5 0 0]
s3 "Reporters" 0-9 known="" title="" honor="" acro=false kin=false votes=[1.5 0 0]
s3 "Downey Jr." 16-25 known="" title="" honor="" acro=false kin=false votes=[0.5 0 0]
`},
		{"month surname at the end of a sentence", []string{"The party chose Theresa May. Under Theresa May the talks began on 5 May."}, `s0 "Theresa May" 16-27 known="" title="" honor="" acro=false kin=false votes=[0.5 0 0]
s1 "Theresa May" 6-17 known="" title="" honor="" acro=false kin=false votes=[0.5 0 0]
`},
		{"party tags with either hyphen, and a capital letter ending a sentence", []string{"Sen. Bernie Sanders (I‐Vt.) met Rep. Alexandria Ocasio-Cortez (D-NY) and Ted Cruz, the senator (R-Texas), on Tuesday. Patients lacked vitamin D."}, `s0 "Bernie Sanders" 5-19 known="" title="sen" honor="" acro=false kin=false votes=[2.5 0 0]
s0 "Alexandria Ocasio-Cortez" 39-63 known="" title="rep" honor="" acro=false kin=false votes=[2.5 0 0]
s0 "Ted Cruz" 75-83 known="" title="senator" honor="" acro=false kin=false votes=[0.5 0 0]
s1 "D" 24-25 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
`},
		{"lone word in a title-case heading the body writes mid-sentence", []string{"Ministers Meet in Lausanne", "Foreign ministers met in Lausanne on Monday."}, `s0 "Lausanne" 18-26 known="" title="" honor="" acro=false kin=false votes=[0 1 0]
s1 "Lausanne" 25-33 known="" title="" honor="" acro=false kin=false votes=[0 1 0]
`},
		{"lone word in a title-case heading the body never names", []string{"Ministers Meet in Lausanne", "Foreign ministers met on Monday."}, ``},
		{"an acronym title (CEO) before a name, and a title alone ending a sentence", []string{"Tesla CEO Elon Musk said the plant would reopen. They met the President."}, `s0 "Elon Musk" 10-19 known="" title="" honor="" acro=false kin=false votes=[2 0 0]
`},
		{"a party tag's letter after an acronym, before a lower-case word", []string{"In the UK, R-rated films sell well."}, `s0 "UK" 7-9 known="United Kingdom" title="" honor="" acro=true kin=false votes=[0 3 0]
s0 "R" 11-12 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
`},
		{"a title with only a demonym before it, and a title after a title lead", []string{"Talks with the French President ended. On Monday, First Lady Jill Biden visited Kyiv."}, `s0 "President" 22-31 known="" title="" honor="" acro=false kin=false votes=[0 0 0]
s1 "Jill Biden" 22-32 known="" title="first lady" honor="" acro=false kin=false votes=[2.5 0 0]
s1 "Kyiv" 41-45 known="Kyiv" title="" honor="" acro=false kin=false votes=[0 3 0]
`},
		{"honorifics inside a sentence, with and without a full stop", []string{"On Monday, Mr. Trump spoke and Mrs May replied."}, `s0 "Trump" 15-20 known="" title="mr" honor="Mr." acro=false kin=false votes=[2 0 0]
s0 "May" 35-38 known="" title="mrs" honor="Mrs" acro=false kin=false votes=[3.5 0 0]
`},
		{"a title and a demonym ending a sentence", []string{"The award went to the Top American."}, ``},
		{"an unknown word opening a quotation inside a sentence", []string{"Officials said “Lausanne is ready” on Monday."}, ``},
		{"a title lead written alone before a lower-case title", []string{"The minister said the Majority leader was away."}, `s0 "Majority" 22-30 known="" title="" honor="" acro=false kin=false votes=[0 0 0.5]
`},
	}
	for _, tt := range tests {
		if got := dumpMentions(Prepare(article("a", tt.paras...))); got != tt.want {
			t.Errorf("%s:\n got:\n%s want:\n%s", tt.name, got, tt.want)
		}
	}
}

// A capitalised word with a digit anywhere ("G7", "A0", "Z9") is no name
// word; hasDigit must see 0 and 9 and the digits at either end.
func TestNameWordDigits(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false}, {"gaza", false}, {"g7", true}, {"a0", true}, {"z9", true}, {"0a", true}, {"9", true},
		{"x/y", false}, {":", false}, {"covid-19", true},
	}
	for _, tt := range tests {
		if got := hasDigit(tt.in); got != tt.want {
			t.Errorf("hasDigit(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// The display name is the most used written form; an all-capital form
// longer than five letters (a dateline's "HALLANDALE") counts for nothing,
// a shorter one is an acronym ("UNHCR", "NATO") and counts; ties go to the
// first form in byte order.
func TestNameDisplayForm(t *testing.T) {
	tests := []struct {
		forms map[string]int
		want  string
	}{
		{map[string]int{"HALLANDALE": 3, "Hallandale": 1}, "Hallandale"},
		{map[string]int{"UNHCR": 2, "Unhcr": 1}, "UNHCR"},
		{map[string]int{"NATO": 2, "Nato": 1}, "NATO"},
		{map[string]int{"Zelenskyy": 2, "Zelensky": 2}, "Zelensky"},
		{map[string]int{"Kyiv": 1}, "Kyiv"},
	}
	for _, tt := range tests {
		if got := displayName(tt.forms); got != tt.want {
			t.Errorf("displayName(%v) = %q, want %q", tt.forms, got, tt.want)
		}
	}
}

// A document's names come most mentioned first, ties in the order of their
// folded names.
func TestNamesOrderedByMentions(t *testing.T) {
	d := Prepare(article("a",
		"Andrii Sybiha met Steve Witkoff and Marco Rubio in Geneva on Sunday.",
		"Sybiha said the talks went well. Witkoff agreed, and Sybiha thanked Rubio.",
		"Sybiha flew home to Kyiv."))
	want := "Andrii Sybiha, Marco Rubio, Steve Witkoff, Geneva, Kyiv"
	if got := strings.Join(entityNames(d), ", "); got != want {
		t.Errorf("names:\n got %s\nwant %s", got, want)
	}
}

// Spelling variants merge only when their kinds agree or one is unknown.
func TestNameVariantKindsAgree(t *testing.T) {
	for _, tt := range []struct {
		a, b EntityKind
		want bool
	}{
		{Person, Person, true}, {Person, Place, false}, {Org, Place, false},
		{Other, Place, true}, {Person, Other, true}, {Other, Other, true},
	} {
		if got := kindsAgree(&Entity{Kind: tt.a}, &Entity{Kind: tt.b}); got != tt.want {
			t.Errorf("kindsAgree(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A name absorbing another stays "known" (a gazetteer name or an acronym,
// never a surname) only when the other was known and is as long: a known
// one-word name merged into a two-word one does not make it known.
func TestNameAbsorbKeepsKnownOnlyForSameLength(t *testing.T) {
	mk := func(key string, known bool) *Entity {
		return &Entity{key: key, skel: skeletonWords(key), known: known, forms: map[string]int{key: 1},
			Mentions: []Passage{{Sentence: len(key)}}}
	}
	for _, tt := range []struct {
		into, other string
		otherKnown  bool
		want        bool
	}{
		{"donald trump", "trump", true, false},
		{"donald trump", "donald j trump", true, false},
		{"donald trump", "donald trumpp", true, true},
		{"donald trump", "donald trumpp", false, false},
	} {
		e := mk(tt.into, false)
		e.absorb(mk(tt.other, tt.otherKnown))
		if e.known != tt.want {
			t.Errorf("%q absorbing %q (known %v): known = %v, want %v", tt.into, tt.other, tt.otherKnown, e.known, tt.want)
		}
	}
}

// The spelling skeleton of a name drops particles inside it ("von der")
// but not a first or last word that is one ("Ben Sasse", "Abu", "Bin").
func TestNameSkeletonParticles(t *testing.T) {
	for _, tt := range []struct{ key, want string }{
		{"ursula von der leyen", "ursula leien"},
		{"ben sasse", "ben sase"},
		{"abu bakr al", "abu bakr al"},
		{"de", "de"},
		{"zelenskyy", "zelenski"},
	} {
		if got := strings.Join(skeletonWords(tt.key), " "); got != tt.want {
			t.Errorf("skeletonWords(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

package compare

import (
	"fmt"
	"strings"
	"testing"
)

// dumpSpeakers writes each quote of d with the speaker a reader is shown
// and how it was found.
func dumpSpeakers(d *Doc) string {
	var sb strings.Builder
	for _, q := range d.Quotes() {
		fmt.Fprintf(&sb, "%q by %q (%v)\n", q.Text, q.Speaker, q.SpeakerKind)
	}
	return sb.String()
}

// Who said each quote of small articles, exactly: pronouns and offices
// resolved to the person named before them within the look-back, an
// organisation named a few sentences before, and nobody beyond. Written
// against lived mutants of speakers.go (MUTATION.md, compare-speakers).
func TestSpeakerAttributionExact(t *testing.T) {
	filler := []string{
		"The talks resumed in Geneva on Monday.",
		"Delegations arrived by train.",
		"Security was tight around the venue.",
		"Reporters waited outside for hours.",
		"The agenda was not published.",
		"Lunch was served at noon.",
		"The afternoon session ran late.",
	}
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"a pronoun six sentences after the person it means",
			append(append([]string{"Maria Lind, the central bank governor, flew in on Sunday."}, filler[:5]...), `"We are not there yet," she said.`),
			`"We are not there yet" by "Maria Lind" (pronoun)
`},
		{"a pronoun seven sentences after",
			append(append([]string{"Maria Lind, the central bank governor, flew in on Sunday."}, filler[:6]...), `"We are not there yet," she said.`),
			`"We are not there yet" by "" ()
`},
		{"an organisation named three sentences before, then eight",
			[]string{"NATO met in Brussels on Tuesday.", filler[0], filler[1], `"Our members agree," it said.`, filler[2], filler[3], filler[4], filler[5], `"Talks will go on," it said.`},
			`"Our members agree" by "NATO" (pronoun)
"Talks will go on" by "" ()
`},
		{"an office held by one person, then by two",
			[]string{"Senator Ted Cruz spoke first.", `"This bill is dead," the senator said.`, "Senator Bernie Sanders disagreed.", `"It will pass," the senator said.`},
			`"This bill is dead" by "Ted Cruz" (pronoun)
"It will pass" by "the senator" (nominal)
`},
		{"an office held by a person named earlier in the same sentence",
			[]string{`Senator Ted Cruz left the chamber, and "this bill is dead," the senator said.`},
			`"this bill is dead" by "Ted Cruz" (pronoun)
`},
		{"a pronoun three sentences after the speaker named in an attribution",
			[]string{`"We will appeal," said Maria Lind.`, filler[0], filler[1], `"The ruling is wrong," she said.`},
			`"We will appeal" by "Maria Lind" (named)
"The ruling is wrong" by "Maria Lind" (pronoun)
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dumpSpeakers(Prepare(article("a", tt.paras...))); got != tt.want {
				t.Errorf("speakers:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Which words around a quote name its speaker, exactly: names at the edges
// of a quote never speak; a pronoun means the person named before it in its
// own sentence, or the last named speaker when that person was named too
// long ago; "it said" means the organisation named last, before "it";
// appositions and attributions between split quotes up to their length
// limits; compound nominal speakers; passives; relative clauses. Written
// against lived mutants of speakers.go (MUTATION.md, compare-speakers).
func TestSpeakerAttributionWindows(t *testing.T) {
	filler := []string{
		"The talks resumed in Geneva on Monday.",
		"Delegations arrived by train.",
		"Security was tight around the venue.",
		"Reporters waited outside for hours.",
		"The agenda was not published.",
		"Lunch was served at noon.",
	}
	tests := []struct {
		name  string
		paras []string
		want  string
	}{
		{"a name opening the quote is not the pronoun's antecedent",
			[]string{"Tom Hale spoke after the vote.", `"Peter Wood lied to us," he said.`},
			`"Peter Wood lied to us" by "Tom Hale" (pronoun)
`},
		{"a name closing the quote is not the pronoun's antecedent",
			[]string{"Tom Hale spoke after the vote.", `"We trusted Peter Wood," he said.`},
			`"We trusted Peter Wood" by "Tom Hale" (pronoun)
`},
		{"a name closing a quote in British punctuation is not the pronoun's antecedent",
			[]string{"Tom Hale spoke after the vote.", `"We trusted Peter Wood", he said.`},
			`"We trusted Peter Wood" by "Tom Hale" (pronoun)
`},
		{"a pronoun after a person named earlier in its sentence",
			[]string{`After Tom Hale met the mayor, he said: "We are ready."`},
			`"We are ready" by "Tom Hale" (pronoun)
`},
		{"a pronoun six sentences after a named speaker's quote ends, seven after the name",
			append(append([]string{`Maria Lind said: "We are close. We need one more week."`}, filler[:5]...), `"It is done," she said.`),
			`"We are close. We need one more week" by "Maria Lind" (named)
"It is done" by "Maria Lind" (pronoun)
`},
		{"a pronoun seven sentences after the quote ends",
			append(append([]string{`Maria Lind said: "We are close. We need one more week."`}, filler...), `"It is done," she said.`),
			`"We are close. We need one more week" by "Maria Lind" (named)
"It is done" by "" ()
`},
		{"it: the organisation before it, not one after it in the sentence",
			[]string{"Pfizer Inc. declined to say more.", `"We will not comment," it said of the NATO report.`},
			`"We will not comment" by "Pfizer Inc" (pronoun)
`},
		{"it: an organisation late in the sentence before",
			[]string{"The statement was released late on Tuesday by the European Commission.", `"No comment," it said.`},
			`"No comment" by "European Commission" (pronoun)
`},
		{"a bare quote two sentences after a named speaker's quote, then three",
			[]string{`Maria Lind said: "We are ready." The vote is on Friday. "Nobody will stop it."`,
				`Tom Hale said: "We are ready." The vote is on Friday. It was delayed twice. "Nobody will stop it."`},
			`"We are ready" by "Maria Lind" (named)
"Nobody will stop it" by "Maria Lind" (carried)
"We are ready" by "Tom Hale" (named)
"Nobody will stop it" by "" ()
`},
		{"a bare quote opening the article",
			[]string{`"Nobody will stop it." The vote is on Friday.`},
			`"Nobody will stop it" by "" ()
`},
		{"a name after a quote with no verb of saying",
			[]string{`"We will win," Maria Lind.`},
			`"We will win" by "" ()
`},
		{"an apposition after the name with no closing comma",
			[]string{`"It is over," Maria Lind, the finance minister said on Monday.`},
			`"It is over" by "Maria Lind" (named)
`},
		{"an apposition of twelve words, then thirteen",
			[]string{`"We will hold rates," Maria Lind, who has led the central bank of Sweden since early in 2019, said.`,
				`"We will cut rates," Tom Hale, who has led the central bank of Norway since very early in 2019, said.`},
			`"We will hold rates" by "Maria Lind" (named)
"We will cut rates" by "" ()
`},
		{"a split quote around eight words of attribution, then nine",
			[]string{`"We are close," said Maria Lind, the finance minister of Sweden, "but not there yet."`,
				`"We are close," said Tom Hale, the new finance minister of Norway, "but not there yet."`},
			`"We are close" by "Maria Lind" (named)
"but not there yet" by "Maria Lind" (named)
"We are close" by "Tom Hale" (named)
"but not there yet" by "" ()
`},
		{"compound nominal speakers, after and before the verb",
			[]string{`"The deal is off," said a senior government official.`, `"We will win," said the prime minister.`,
				`"Stay back," said a police officer.`, `"Not yet," the prime minister said.`},
			`"The deal is off" by "a senior government official" (nominal)
"We will win" by "the prime minister" (nominal)
"Stay back" by "a police officer" (nominal)
"Not yet" by "the prime minister" (nominal)
`},
		{"a nominal speaker before an apposition",
			[]string{`"The deal is off," a senior official, a former diplomat, said.`},
			`"The deal is off" by "a senior official" (nominal)
`},
		{"a nominal speaker before an aside that opens with a noun",
			[]string{`A senior official, spokesman for the delegation, said: "The deal is off."`},
			`"The deal is off" by "A senior official" (nominal)
`},
		{"an outlet citing a source: the source speaks",
			[]string{`Bloomberg News, citing a source close to the talks, said: "The deal is off."`,
				`The Financial Times, citing two officials, reported: "Talks will resume."`},
			`"The deal is off" by "a source" (nominal)
"Talks will resume" by "two officials" (nominal)
`},
		{"an organisation speaking through a person named in an aside",
			[]string{`NATO, through its spokesman Tom Hale, said: "We are ready."`},
			`"We are ready" by "Tom Hale" (named)
`},
		{"the nearest name before the verb, with no aside",
			[]string{`Maria Lind met Tom Hale in Oslo on Monday, and afterwards Hale said: "We are ready."`},
			`"We are ready" by "Tom Hale" (named)
`},
		{"a passive verb of saying has no speaker before it",
			[]string{`At the summit Maria Lind attended, the talks were described as "productive."`,
				`Tom Hale left Oslo after talks described as "cordial."`},
			`"productive" by "" ()
"cordial" by "" ()
`},
		{"a name in a closed relative clause is not the speaker",
			[]string{`NATO, which hired Tom Hale in May, said: "We are ready."`,
				`Maria Lind, who fired Tom Hale in 2017, on Monday said: "We are done."`},
			`"We are ready" by "NATO" (named)
"We are done" by "Maria Lind" (named)
`},
		{"the name right after a closed relative clause",
			[]string{`In a letter to NATO, which hired Tom Hale in May, Maria Lind said: "We are ready."`},
			`"We are ready" by "Maria Lind" (named)
`},
		{"a relative clause closed, then an apposition",
			[]string{`In a statement, which was posted online, Maria Lind, the spokeswoman, said: "We are ready."`},
			`"We are ready" by "Maria Lind" (named)
`},
		{"a relative clause before a participle keeps its name",
			[]string{`NATO released a letter, which Tom Hale signed, saying: "We are ready."`},
			`"We are ready" by "Tom Hale" (named)
`},
		{"an office held by a person named late in the sentence before",
			[]string{"Late on Tuesday night, after hours of debate, Senator Ted Cruz spoke.", `"This bill is dead," the senator said.`},
			`"This bill is dead" by "Ted Cruz" (pronoun)
`},
		{"a senator's surname alone is the full name given before",
			[]string{"Ted Cruz arrived late.", `"We will block it," said Senator Cruz.`},
			`"We will block it" by "Ted Cruz" (named)
`},
		{"an honorific marks a surname, not another person's given name",
			[]string{"Graham Potter spoke first.", `"We lost," said Mr. Graham.`},
			`"We lost" by "Mr. Graham" (named)
`},
		{"a full name given with a middle initial, then in full",
			[]string{"John F. Kennedy spoke first.", `"We choose to go," said John Fitzgerald Kennedy.`},
			`"We choose to go" by "John F. Kennedy" (named)
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dumpSpeakers(Prepare(article("a", tt.paras...))); got != tt.want {
				t.Errorf("speakers:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Whether the speakers of one quote in two articles may be one speaker:
// the same person under two forms of the name, a surname alone that fits
// (gender and office), the same organisation or its acronym; a person and
// an organisation, a nominal speaker or none always may. Written against
// lived mutants of speakers.go and people.go (MUTATION.md, compare-speakers).
func TestSpeakersAgreeAcrossArticles(t *testing.T) {
	quoteOf := func(attrib string) *Quote {
		qs := Prepare(article("a", attrib)).Quotes()
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes", attrib, len(qs))
		}
		return &qs[0]
	}
	tests := []struct {
		a, b  string
		agree bool
	}{
		{`"We are ready," said Maria Lind.`, `"We are ready," said Maria Lind.`, true},
		{`"We are ready," said Maria Lind.`, `"We are ready," said Tom Hale.`, false},
		{`"We are ready," said Maria Lind.`, `"We are ready," said Tom Lind.`, false},
		{`"We are ready," said Maria Lind.`, `"We are ready," Ms. Lind said.`, true},
		{`"We are ready," Ms. Lind said.`, `"We are ready," said Maria Lind.`, true},
		{`"We are ready," said Tom Lind.`, `"We are ready," Ms. Lind said.`, false},
		{`"We are ready," Ms. Lind said.`, `"We are ready," said Tom Lind.`, false},
		{`"We are ready," said Robin Lind, the mayor.`, `"We are ready," said Robin Lind, his wife.`, true},
		{`"We are ready," said Mr. Robin Lind.`, `"We are ready," said Mrs. Robin Lind.`, false},
		{`"We are ready," said Senator Lind.`, `"We are ready," said Governor Lind.`, false},
		{`"We are ready," said Senator Lind.`, `"We are ready," said Maria Lind.`, true},
		{`"We are ready," said his daughter, Malia Obama.`, `"We are ready," said President Obama.`, false},
		{`"We are ready," said President Obama.`, `"We are ready," said his daughter, Malia Obama.`, false},
		{`"We are ready," NATO said.`, `"We are ready," NATO said.`, true},
		{`"We are ready," NATO said.`, `"We are ready," the European Commission said.`, false},
		{`"We are ready," the North Atlantic Treaty Organization (NATO) said.`, `"We are ready," NATO said.`, true},
		{`"We are ready," NATO said.`, `"We are ready," the North Atlantic Treaty Organization (NATO) said.`, true},
		{`"We are ready," NATO said.`, `"We are ready," said Maria Lind.`, true},
		{`"We are ready," said Maria Lind.`, `"We are ready," NATO said.`, true},
		{`"We are ready," said Maria Lind.`, `"We are ready," a senior official said.`, true},
		{`"We are ready," a senior official said.`, `"We are ready," said Tom Hale.`, true},
		{`"We are ready," said Maria Lind.`, `"We are ready."`, true},
	}
	for _, tt := range tests {
		if got := speakersAgree(quoteOf(tt.a), quoteOf(tt.b)); got != tt.agree {
			t.Errorf("speakersAgree(%s | %s) = %v, want %v", tt.a, tt.b, got, tt.agree)
		}
	}
}

// Name parts: particles inside a name are dropped ("Charles André de
// Gaulle" is "Charles de Gaulle"), a surname that is also a particle
// ("Du", "Le") is still the surname, and two full names with middle names
// compare them. Written against lived mutants of people.go.
func TestPeopleNameParts(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"charles andre de gaulle", "charles de gaulle", true},
		{"ursula gertrud von der leyen", "ursula von der leyen", true},
		{"kevin du", "kevin j du", true},
		{"kevin du", "mary du", false},
		{"thomas le", "tom le", true},
		{"john f kennedy", "john fitzgerald kennedy", true},
		{"john f kennedy", "john m kennedy", false},
		{"george h w bush", "george w bush", false},
	}
	for _, tt := range tests {
		if got := samePerson(parsePerson(tt.a), parsePerson(tt.b)); got != tt.same {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

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

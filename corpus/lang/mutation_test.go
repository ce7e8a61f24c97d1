package lang

import (
	"strings"
	"testing"
)

// Tests written against mutants that lived (see MUTATION.md): each pins an
// exact answer on a small input.

// Sentence splits of hard cases, written out: " | " between sentences, "+"
// before a sentence glued to the one before it (no space after the stop).
func TestSentencesExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"He said \"It is over.\" Then he left.", "He said \"It is over.\" | Then he left."},
		{"“We will win. We always win,” he said. Next came the vote.", "“We will win. We always win,” he said. | Next came the vote."},
		{"“Is it over?” she asked. Yes.", "“Is it over?” she asked. | Yes."},
		{"«Nous gagnerons. Toujours», a-t-il dit. Puis il partit.", "«Nous gagnerons. Toujours», a-t-il dit. | Puis il partit."},
		{"Prices rose 3.5 percent.The next day they fell.", "Prices rose 3.5 percent. | +The next day they fell."},
		{"Visit espreso.tv today. It is free.", "Visit espreso.tv today. | It is free."},
		{"He left... Then she came.", "He left... | Then she came."},
		{"Really?! Yes.", "Really?! | Yes."},
		{"(He left.) Then she came.", "(He left.) | Then she came."},
		{"'Done.' Next one.", "'Done.' | Next one."},
		{"He said it was 'done.' Next one.", "He said it was 'done.' | Next one."},
		{"— She disagreed. — He did not.", "— She disagreed. | — He did not."},
		{"Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.", "Mr. Smith met Dr. Jones in the U.S. on Monday. | They talked."},
		{"The talks ended at 3 p.m. Officials left.", "The talks ended at 3 p.m. | Officials left."},
		{"It was No. 3 in the list. Next.", "It was No. 3 in the list. | Next."},
		{"One line\nSecond line. Third.", "One line | Second line. | Third."},
		{"A \"quote that never closes. Next sentence.", "A \"quote that never closes. | Next sentence."},
		{"He said: \"Stop.\" \"Go,\" she said. End.", "He said: \"Stop.\" | \"Go,\" she said. | End."},
		{"U.S.-led talks began. Then.", "U.S.-led talks began. | Then."},
		{"The end.", "The end."},
		{`He said "We won. We always win," and left. Next.`, `He said "We won. We always win," and left. | Next.`},
		{`"Yes," he said. She said "We won. We always win," and left. Next.`, `"Yes," he said. | She said "We won. We always win," and left. | Next.`},
		{"  Padded.  Again.  ", "Padded. | Again."},
		{"Wait. 2025 was a year. \"Quoted start.\" (Bracket start.) 'Single start.'", "Wait. | 2025 was a year. | \"Quoted start.\" | (Bracket start.) | 'Single start.'"},
		{"It ended.” Next one.", "It ended.” | Next one."},
		{"Is it? yes it is.", "Is it? yes it is."},
		{"e.g. this. And that.", "e.g. this. | And that."},
		{"J. R. R. Tolkien wrote it. Then.", "J. R. R. Tolkien wrote it. | Then."},
		{"The vote was 5-4.Then they left.", "The vote was 5-4. | +Then they left."},
		{"He won.Yes he did.", "He won. | +Yes he did."},
		{"“Go.”Then.", "“Go.” | +Then."},
		{"Tab\tafter. Next.", "Tab\tafter. | Next."},
		{"End with dash —", "End with dash —"},
		{"A sentence. — ", "A sentence. —"},
		{"“We tried. We failed,” he said, “and we will try again.” Next.", "“We tried. We failed,” he said, “and we will try again.” | Next."},
	} {
		if got := splitView(c.in); got != c.want {
			t.Errorf("Sentences(%q):\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestAbbrevKinds(t *testing.T) {
	for _, c := range []struct {
		w    string
		want AbbrevKind
	}{
		{"Mr", TitleAbbrev}, {"mr", NotAbbrev}, {"Dr", TitleAbbrev}, {"Gen", TitleAbbrev}, {"vs", TitleAbbrev},
		{"e.g", TitleAbbrev}, {"No", NumberAbbrev}, {"Jan", EndAbbrev}, {"St", EndAbbrev}, {"etc", EndAbbrev},
		{"Inc", EndAbbrev}, {"Sept", EndAbbrev}, {"U.S", DottedAcronym}, {"a.m", DottedAcronym},
		{"F.B.I", DottedAcronym}, {"X", Initial}, {"talks", NotAbbrev}, {"", NotAbbrev},
		// "v." matches in lower case only ("V." is an initial); "vs." in any case.
		{"v", TitleAbbrev}, {"V", Initial}, {"VS", TitleAbbrev}, {"Vs", TitleAbbrev},
		{"Ph.D", DottedAcronym}, {"ab.cd", DottedAcronym}, {"abc.d", NotAbbrev}, {"x.com", NotAbbrev},
		{"U..S", NotAbbrev}, {".U", NotAbbrev}, {"U.", NotAbbrev}, {"é.ü", DottedAcronym},
	} {
		if got := Abbrev(c.w); got != c.want {
			t.Errorf("Abbrev(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Talks with Mr.", true}, {"Talks with the U.S.", true}, {"It ended.", false}, {"Mr.", true},
		{"", false}, {".", false}, {"x Inc.", true}, {"a.m.", true}, {"Jan.", true}, {"Mr", false},
	} {
		if got := EndsInAbbreviation(c.s); got != c.want {
			t.Errorf("EndsInAbbreviation(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestFoldExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ÉCOLE", "ecole"}, {"Ёлка", "елка"}, {"straße", "strasse"}, {"İ", "i"}, {"ǅ", "ǆ"}, {"abc", "abc"}, {"", ""},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// The look back for the word before a full stop stops after maxAbbrev bytes.
func TestWordBeforeBound(t *testing.T) {
	s := strings.Repeat("a", 40) + "."
	if got := wordBefore(s, 40); got != strings.Repeat("a", maxAbbrev) {
		t.Errorf("wordBefore took %d bytes, want %d", len(got), maxAbbrev)
	}
	if got := wordBefore("the U.S.", 7); got != "U.S" {
		t.Errorf("wordBefore = %q, want %q", got, "U.S")
	}
	if got := wordBefore(".", 0); got != "" {
		t.Errorf("wordBefore at the start = %q", got)
	}
}

// splitView shows how Sentences splits s: the sentences joined by " | ",
// each glued to the one before (no space between) marked "+".
func splitView(s string) string {
	var parts []string
	for _, x := range Sentences(s) {
		g := ""
		if x.Glued {
			g = "+"
		}
		parts = append(parts, g+s[x.Start:x.End])
	}
	return strings.Join(parts, " | ")
}

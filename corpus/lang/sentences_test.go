package lang

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "One two. Three four! Five?", []string{"One two.", "Three four!", "Five?"}},
		{"us abbreviation mid sentence", "U.S. diplomacy faces a test. It is hard.", []string{"U.S. diplomacy faces a test.", "It is hard."}},
		{"us abbreviation before starter", "They met in the U.S. The talks went on.", []string{"They met in the U.S.", "The talks went on."}},
		{"us abbreviation before name", "He flew to the U.S. Congress today.", []string{"He flew to the U.S. Congress today."}},
		{"titles", "Gen. Smith met Mr. Jones. Dr. Who left.", []string{"Gen. Smith met Mr. Jones.", "Dr. Who left."}},
		{"vs", "Florida Progress vs. Moscow Deadlock is a heading.", []string{"Florida Progress vs. Moscow Deadlock is a heading."}},
		{"initials", "J. R. R. Tolkien wrote it. Then he slept.", []string{"J. R. R. Tolkien wrote it.", "Then he slept."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"glued", "CNN reported the information.High-stakes talks began.", []string{"CNN reported the information.", "High-stakes talks began."}},
		{"glued opening quote", `They met in peace "and" agreed.It works."It would be premature," he said.`, []string{`They met in peace "and" agreed.`, `It works.`, `"It would be premature," he said.`}},
		{"glued closing quote", `He said "we may ruin it."While others waited.`, []string{`He said "we may ruin it."`, `While others waited.`}},
		{"curly closing quote", "It was “tough but constructive.” The meeting opened.", []string{"It was “tough but constructive.”", "The meeting opened."}},
		{"quote inside continues", "“This is delicate,” he remarked. Then left.", []string{"“This is delicate,” he remarked.", "Then left."}},
		{"domain stays", "Visit global.espreso.tv for more. Thanks.", []string{"Visit global.espreso.tv for more.", "Thanks."}},
		{"ellipsis lower", "Well... maybe not. Yes.", []string{"Well... maybe not.", "Yes."}},
		{"newline ends", "Heading\nBody text here.", []string{"Heading", "Body text here."}},
		{"empty", "  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitSentences(tt.in)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// News-writing cases: abbreviations that do and do not end a sentence,
// initials, quotes that close a sentence or open the next, ellipses and
// text glued together by a lost line break.
func TestSplitSentencesNews(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"U.S. mid sentence", "The U.S. envoy arrived. He spoke.", []string{"The U.S. envoy arrived.", "He spoke."}},
		{"U.S. ends before a starter", "Aid comes from the U.S. Officials said so.", []string{"Aid comes from the U.S.", "Officials said so."}},
		{"U.K. before a number", "Sales in the U.K. 2024 report rose.", []string{"Sales in the U.K. 2024 report rose."}},
		{"vs. between names", "It was Arsenal vs. Chelsea on Sunday. Fans cheered.", []string{"It was Arsenal vs. Chelsea on Sunday.", "Fans cheered."}},
		{"Mr. and Mrs.", "Mr. Rubio met Mrs. Smith. They talked.", []string{"Mr. Rubio met Mrs. Smith.", "They talked."}},
		{"Gen., Sen., Rep.", "Gen. Mark Milley and Sen. Lindsey Graham spoke. Then Rep. Jones did.", []string{"Gen. Mark Milley and Sen. Lindsey Graham spoke.", "Then Rep. Jones did."}},
		{"Jan. before a day", "The vote is on Jan. 5 in Kyiv. It may slip.", []string{"The vote is on Jan. 5 in Kyiv.", "It may slip."}},
		{"Jan. ends a sentence", "It happened in Jan. The next month was calm.", []string{"It happened in Jan.", "The next month was calm."}},
		{"St. before a name", "They met in St. Petersburg. It rained.", []string{"They met in St. Petersburg.", "It rained."}},
		{"No. before a number", "He is the No. 2 official. He left.", []string{"He is the No. 2 official.", "He left."}},
		{"Inc. ends a sentence", "He works for Apple Inc. The company grew.", []string{"He works for Apple Inc.", "The company grew."}},
		{"a.m. ends a sentence", "It starts at 9 a.m. Officials will attend.", []string{"It starts at 9 a.m.", "Officials will attend."}},
		{"a.m. mid sentence", "At 9 a.m. on Monday the talks began.", []string{"At 9 a.m. on Monday the talks began."}},
		{"middle initials and Jr.", "George W. Bush met John F. Kennedy Jr. in a dream. Odd.", []string{"George W. Bush met John F. Kennedy Jr. in a dream.", "Odd."}},
		{"glued initials", "The book is by J.K. Rowling. It sold well.", []string{"The book is by J.K. Rowling.", "It sold well."}},
		{"domain ends a sentence", "See www.example.com. Next.", []string{"See www.example.com.", "Next."}},
		{"straight quote closes", `He said, "We are ready." The talks resumed.`, []string{`He said, "We are ready."`, "The talks resumed."}},
		{"curly quote closes", "He said: “We are ready.” The talks resumed.", []string{"He said: “We are ready.”", "The talks resumed."}},
		{"single quote closes", "He called it 'a step forward.' Others disagreed.", []string{"He called it 'a step forward.'", "Others disagreed."}},
		{"straight quote opens", `The talks resumed. "We are ready," he said.`, []string{"The talks resumed.", `"We are ready," he said.`}},
		{"curly quote opens", "The talks resumed. “We are ready,” he said.", []string{"The talks resumed.", "“We are ready,” he said."}},
		{"question inside a quote", `"Is it over?" she asked. No.`, []string{`"Is it over?" she asked.`, "No."}},
		{"ellipsis then capital", "We waited... Then it came.", []string{"We waited...", "Then it came."}},
		{"ellipsis character", "We waited… Then it came.", []string{"We waited…", "Then it came."}},
		{"ellipsis inside a quote", "“We will see… maybe,” he said.", []string{"“We will see… maybe,” he said."}},
		{"glued full stop", "The talks ended.Officials left.", []string{"The talks ended.", "Officials left."}},
		{"glued quote opens", "the source said.“It is over,” he added.", []string{"the source said.", "“It is over,” he added."}},
		{"glued question", "Is it over?Nobody knows.", []string{"Is it over?", "Nobody knows."}},
		{"bracket closes", "He left (for good). Then came back.", []string{"He left (for good).", "Then came back."}},
		{"dash opens", "He said it was over. — She disagreed.", []string{"He said it was over.", "— She disagreed."}},
		{"dotted acronym with possessive", "The F.B.I.'s New York office said so. Then it left.", []string{"The F.B.I.'s New York office said so.", "Then it left."}},
		{"dotted acronyms mid sentence", "The N.A.A.C.P. and the N.R.A. Foundation sued.", []string{"The N.A.A.C.P. and the N.R.A. Foundation sued."}},
		{"acronym ends before a pronoun", "He moved to the U.S. He left.", []string{"He moved to the U.S.", "He left."}},
		{"acronym ends before a quotation", "He joined the F.B.I. “It was a dream,” he said.", []string{"He joined the F.B.I.", "“It was a dream,” he said."}},
		{"Cong. before a name", "Former Cong. Rob Simmons spoke.", []string{"Former Cong. Rob Simmons spoke."}},
		{"state abbreviation goes on", "Gov. Doug Ducey of Ariz. said nothing. Calif. Gov. Brown did.", []string{"Gov. Doug Ducey of Ariz. said nothing.", "Calif. Gov. Brown did."}},
		{"state abbreviation ends", "The fire is near Santa Rosa, Calif. It spread.", []string{"The fire is near Santa Rosa, Calif.", "It spread."}},
		{"lower-case word is no state", "He was ill. Doctors came.", []string{"He was ill.", "Doctors came."}},
		{"no is a word at the end", "He said no. Officials left. It was No. 1.", []string{"He said no.", "Officials left.", "It was No. 1."}},
		{"middle initial and suffix", "Robert S. Mueller III. They spoke. Donald J. Trump left.", []string{"Robert S. Mueller III.", "They spoke.", "Donald J. Trump left."}},
		{"quotation of two sentences", "“We will win. We always win,” Mr. Trump said. He left.", []string{"“We will win. We always win,” Mr. Trump said.", "He left."}},
		{"straight quotation of two sentences", `"No. Not now," she said.`, []string{`"No. Not now," she said.`}},
		{"quotation that ends its sentence splits", "“We will win. We always win.” He left.", []string{"“We will win.", "We always win.”", "He left."}},
		{"unclosed quotation splits", "“We will win. We always win. He left.", []string{"“We will win.", "We always win.", "He left."}},
		{"Ph.D. glued", "She has a Ph.D. in law.", []string{"She has a Ph.D. in law."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SplitSentences(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesGlued(t *testing.T) {
	s := "A first one.Second glued. Third spaced."
	got := Sentences(s)
	if len(got) != 3 || got[0].Glued || !got[1].Glued || got[2].Glued {
		t.Fatalf("glue flags wrong: %+v", got)
	}
}

func TestTokens(t *testing.T) {
	got := Words("Umerov’s talks in Kyiv, CAFÉ don't Russia-Ukraine 28-point 北京")
	want := []string{"umerov", "talks", "in", "kyiv", "cafe", "dont", "russia", "ukraine", "28", "point", "北", "京"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Words:\n got %q\nwant %q", got, want)
	}
	toks := Tokens("Hé said")
	if toks[0].Start != 0 || toks[0].End != 3 || toks[1].Start != 4 {
		t.Fatalf("spans wrong: %+v", toks)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Kyiv": "kyiv", "Café": "cafe", "Straße": "strasse", "Łódź": "lodz",
		"Ёлка": "елка", "Zelenskyy’s": "zelenskyy's", "“Ærø”": `"aero"`, "한국 北京": "한국 北京", "e\u0301": "e"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
		// Finders fold rune by rune: the same text.
		var b strings.Builder
		for _, r := range in {
			b.WriteString(FoldRune(r))
		}
		if b.String() != want {
			t.Errorf("FoldRune over %q = %q, want %q", in, b.String(), want)
		}
	}
}

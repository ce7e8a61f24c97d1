package lang

import (
	"reflect"
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
	for in, want := range map[string]string{"Kyiv": "kyiv", "Café": "cafe", "Straße": "strasse", "Łódź": "lodz", "Ёлка": "елка", "Zelenskyy’s": "zelenskyy's"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

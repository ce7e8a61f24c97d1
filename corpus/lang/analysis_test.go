package lang

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/lang/langtest"
)

// dropShort drops words of fewer than n bytes: a filter that drops.
type dropShort int

func (n dropShort) Filter(term string) (string, bool) { return term, len(term) >= int(n) }

// upper rewrites a word: a filter whose order against the stem matters.
type upper struct{}

func (upper) Filter(term string) (string, bool) { return strings.ToUpper(term), true }

// TestAnalyzerFilters: filters run in order, a dropped token is gone from
// Analyze, Each and Term alike, and Each gives what Analyze does.
func TestAnalyzerFilters(t *testing.T) {
	s := "The negotiators met in Geneva"
	cases := []struct {
		name    string
		filters []TokenFilter
		want    []string
	}{
		{"none", nil, []string{"the", "negotiators", "met", "in", "geneva"}},
		{"stem", []TokenFilter{StemFilter{}}, []string{"the", "negoti", "met", "in", "geneva"}},
		{"drop short then stem", []TokenFilter{dropShort(4), StemFilter{}}, []string{"negoti", "geneva"}},
		// The stem of upper-case text is the text: Stem reads folded words.
		{"upper then stem", []TokenFilter{upper{}, StemFilter{}}, []string{"THE", "NEGOTIATORS", "MET", "IN", "GENEVA"}},
		{"stem then upper", []TokenFilter{StemFilter{}, upper{}}, []string{"THE", "NEGOTI", "MET", "IN", "GENEVA"}},
	}
	for _, tc := range cases {
		a := Analyzer{Tokenizer: WordTokenizer{}, Filters: tc.filters}
		var got, each []string
		for _, tok := range a.Analyze(s) {
			got = append(got, tok.Text)
			if s[tok.Start:tok.End] == "" {
				t.Errorf("%s: empty span for %q", tc.name, tok.Text)
			}
		}
		a.Each(s, func(w []byte, _, _ int) { each = append(each, string(w)) })
		if !slices.Equal(got, tc.want) || !slices.Equal(each, tc.want) {
			t.Errorf("%s: Analyze %q, Each %q, want %q", tc.name, got, each, tc.want)
		}
	}
	if _, ok := (Analyzer{Tokenizer: WordTokenizer{}, Filters: []TokenFilter{dropShort(4)}}).Term("met"); ok {
		t.Error("Term kept a word a filter drops")
	}
}

// FuzzAnalyzers: on any text (the shared texts as seeds), Folded gives
// Tokens (the chain adds nothing to the tokenizer) and Stemmed their stems
// at the same spans, as Term stems one word; Each agrees with Analyze.
func FuzzAnalyzers(f *testing.F) {
	for _, s := range langtest.Texts() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		if got := Folded.Analyze(s); !slices.Equal(got, toks) {
			t.Fatalf("%q: Folded %v, Tokens %v", s, got, toks)
		}
		var each []Token
		Stemmed.Each(s, func(w []byte, start, end int) { each = append(each, Token{Text: string(w), Start: start, End: end}) })
		stems := Stemmed.Analyze(s)
		if !slices.Equal(each, stems) || len(stems) != len(toks) {
			t.Fatalf("%q: Each %v, Analyze %v, %d tokens", s, each, stems, len(toks))
		}
		for i, st := range stems {
			if st.Text != Stem(toks[i].Text) || st.Start != toks[i].Start || st.End != toks[i].End {
				t.Fatalf("%q token %d: Stemmed %v, token %v", s, i, st, toks[i])
			}
			if term, ok := Stemmed.Term(toks[i].Text); !ok || term != st.Text {
				t.Fatalf("%q token %d: Term %q %v, Analyze %q", s, i, term, ok, st.Text)
			}
		}
	})
}

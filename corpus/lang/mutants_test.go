package lang

import (
	"fmt"
	"strings"
	"testing"
)

// Behaviour tests written against the mutants of corpus/lang that lived in
// the mutation runs (see MUTATION.md): each pins an exact answer on a small
// input, so that a flipped comparison or a changed bound shows.

// Porter's steps one rule at a time: the measure bound of each replacement,
// the consonant rules for y, the double-consonant and CVC endings, "-ion"
// after s or t only, and the final e and ll of step 5.
func TestStemSteps(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Step 1a.
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "ti"}, {"flies", "fli"},
		// Step 1b: "eed" only after a measure above 0; "ed", "ing" only after a vowel.
		{"agreed", "agre"}, {"feed", "feed"}, {"bleed", "bleed"}, {"eed", "eed"},
		{"bled", "bled"}, {"sing", "sing"}, {"ing", "ing"}, {"ed", "ed"}, {"xed", "xed"}, {"abed", "ab"},
		{"plastered", "plaster"}, {"motoring", "motor"}, {"meeting", "meet"}, {"failed", "fail"},
		// After step 1b's cut: -at, -bl, -iz gain an e; a double consonant
		// loses one unless l, s or z; a short CVC word gains an e.
		{"conflated", "conflat"}, {"troubled", "troubl"}, {"sized", "size"}, {"sizing", "size"},
		{"hopping", "hop"}, {"tapping", "tap"}, {"falling", "fall"}, {"hissing", "hiss"}, {"fizzed", "fizz"},
		{"failing", "fail"}, {"filing", "file"}, {"fixing", "fix"}, {"boxed", "box"}, {"snowing", "snow"},
		// Step 1c: y after a consonant that is not the first letter.
		{"happy", "happi"}, {"sky", "ski"}, {"cry", "cri"}, {"crying", "cri"}, {"trying", "tri"},
		{"say", "say"}, {"toy", "toy"}, {"boy", "boy"}, {"bay", "bay"}, {"played", "play"},
		{"syzygy", "syzygi"}, {"yoyo", "yoyo"}, {"oyster", "oyster"},
		// Step 2 (measure above 0 before the suffix).
		{"rational", "ration"}, {"relational", "relat"}, {"conditional", "condit"}, {"valenci", "valenc"},
		{"hesitanci", "hesit"}, {"digitizer", "digit"}, {"operator", "oper"}, {"feudalism", "feudal"},
		{"decisiveness", "decis"}, {"hopefulness", "hope"}, {"callousness", "callous"}, {"formaliti", "formal"},
		{"sensitiviti", "sensit"}, {"sensibiliti", "sensibl"}, {"conformabli", "conformabli"},
		// Step 3.
		{"triplicate", "triplic"}, {"formative", "form"}, {"formalize", "formal"}, {"electriciti", "electr"},
		{"electrical", "electr"}, {"hopeful", "hope"}, {"goodness", "good"}, {"happiness", "happi"},
		// Step 4 (measure above 1 before the suffix; "-ion" after s or t).
		{"revival", "reviv"}, {"allowance", "allow"}, {"inference", "infer"}, {"airliner", "airlin"},
		{"gyroscopic", "gyroscop"}, {"adjustable", "adjust"}, {"defensible", "defens"}, {"irritant", "irrit"},
		{"replacement", "replac"}, {"adjustment", "adjust"}, {"dependent", "depend"}, {"adoption", "adopt"},
		{"homologous", "homolog"}, {"communism", "commun"}, {"activate", "activ"}, {"angulariti", "angular"},
		{"effective", "effect"}, {"bowdlerize", "bowdler"}, {"agreement", "agreement"}, {"station", "station"},
		{"onion", "onion"}, {"vision", "vision"}, {"fusion", "fusion"}, {"ion", "ion"},
		{"confusion", "confus"}, {"decision", "decis"}, {"companion", "companion"},
		// A stem cut to two letters by step 1b keeps its y.
		{"dyed", "dy"}, {"dying", "dy"},
		// Step 5.
		{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
		{"rolling", "roll"}, {"differ", "differ"},
		// A word of consonants only (a lower-cased acronym, the Korean NLL).
		{"nll", "nll"}, {"tsk", "tsk"},
	} {
		if got := Stem(c.in); got != c.want {
			t.Errorf("Stem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTranslitKeyExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"khan", "han"}, {"philip", "filip"}, {"jack", "iak"}, {"yuri", "iuri"}, {"jjj", "i"},
		{"ie", "i"}, {"eie", "ei"}, {"aee", "ae"}, {"kkh", "kh"}, {"khh", "h"}, {"ck", "k"}, {"ckk", "k"},
		{"phh", "fh"}, {"zelenskiie", "zelenski"}, {"piekh", "pih"}, {"", ""},
		// Other scripts pass through whole, repeated UTF-8 continuation
		// bytes too (U+8000 is E8 80 80).
		{"耀", "耀"}, {"киев", "киев"},
	} {
		if got := TranslitKey(c.in); got != c.want {
			t.Errorf("TranslitKey(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Words and spans of Tokens on the edges of its rules: dotted acronyms and
// their possessive, inner apostrophes, ideographs, decomposed letters.
func TestTokensExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"F.B.I.'s agents", "fbi@0-5 agents@9-15"},
		{"U.S.The", "us@0-3 the@4-7"},
		{"www.a.b.com", "www@0-3 a@4-5 b@6-7 com@8-11"},
		{"a.b", "ab@0-3"},
		{"x.y.z", "xyz@0-5"},
		{"I.", "i@0-1"},
		{"a.", "a@0-1"},
		{"A.B.'s", "ab@0-3"},
		{"A.B.’s.", "ab@0-3"},
		{"É.U. talks", "eu@0-4 talks@6-11"},
		{"don't", "dont@0-5"},
		{"n'a", "na@0-3"},
		{"rock’n’roll", "rocknroll@0-15"},
		{"allies' views", "allies@0-6 views@8-13"},
		{"x'", "x@0-1"},
		{"ab'", "ab@0-2"},
		{"北京大学", "北@0-3 京@3-6 大@6-9 学@9-12"},
		{"Ünïcödé wörds", "unicode@0-11 words@12-18"},
		{"Q&A 3.5%", "q@0-1 a@2-3 3@4-5 5@6-7"},
		// Not a possessive: the word goes on after the "'s".
		{"F.B.I.'sx", "fbi@0-5 sx@7-9"},
		{"A.B.'", "ab@0-3"},
		// A word that starts in ASCII and goes on in other letters.
		{"CAFÉ Zürich", "cafe@0-5 zurich@6-13"},
		{"Mü", "mu@0-3"},
		// Ideographs are tokens of their own after a Latin word too; Hangul
		// Jamo from U+1100 are ideographic.
		{"Apple北京", "apple@0-5 北@5-8 京@8-11"},
		{"ᄀᄀ", "ᄀ@0-3 ᄀ@3-6"},
		{"", ""},
	} {
		var parts []string
		for _, tk := range Tokens(c.in) {
			parts = append(parts, fmt.Sprintf("%s@%d-%d", tk.Text, tk.Start, tk.End))
		}
		if got := strings.Join(parts, " "); got != c.want {
			t.Errorf("Tokens(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestStartsSentence(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"— She", true}, {"– Next", true}, {"—", false}, {"— ", false}, {"—x", false}, {"—  X", false},
		{"“", false}, {"[", false}, {"“a", false}, {"'a", false}, {"\"A", true}, {"(2", true},
		{"北", true}, {"ǅx", true}, {"É", true}, {"a", false},
	} {
		if got := startsSentence(c.s, 0); got != c.want {
			t.Errorf("startsSentence(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestWordAt(t *testing.T) {
	for _, c := range []struct{ s, want string }{
		{"“Hello world", "Hello"}, {"\"Hi", "Hi"}, {"'Yo there", "Yo"}, {"(x)", "x"},
		{"abc", "abc"}, {"Éa b", "Éa"}, {"a1", "a"}, {"", ""},
	} {
		if got := wordAt(c.s, 0); got != c.want {
			t.Errorf("wordAt(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}

func TestTrimSpan(t *testing.T) {
	for _, c := range []struct {
		s    string
		a, b int
	}{
		{"  a b \t", 2, 5}, {"\r\nx\r\n", 2, 3}, {"", 0, 0}, {"   ", 3, 3}, {"\v\fy", 2, 3},
	} {
		if a, b := trimSpan(c.s, 0, len(c.s)); a != c.a || b != c.b {
			t.Errorf("trimSpan(%q) = %d, %d, want %d, %d", c.s, a, b, c.a, c.b)
		}
	}
}

// Sentence splits on the edges that the mutation runs found untested:
// " | " between sentences, "+" before a sentence glued to the one before.
func TestSentencesEdges(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// A lost line break after a short word is not a dotted acronym
		// ("up.A" has parts of two letters or fewer, but "A" is not followed
		// by a full stop); a glued "Ph.D." is.
		{"The minister was Mr Li.He said no.", "The minister was Mr Li. | +He said no."},
		{"Prices were up.A deal is near.", "Prices were up. | +A deal is near."},
		{"She has a Ph.D. in law.", "She has a Ph.D. in law."},
		// A glued sentence after a closing straight quote; not after a sign.
		{`He said "no".Then he left.`, `He said "no". | +Then he left.`},
		{"It fell 5%.Then it rose.", "It fell 5%.Then it rose."},
		// A closing single quote before a line break belongs to its sentence
		// (the line break would end it there anyway).
		{"'Done.'\nNext.", "'Done.' | Next."},
		{"He said 'done.'\nNext.", "He said 'done.' | Next."},
		// After an acronym, a bracket does not open a sentence unless a
		// sentence starter follows; a quotation mark does.
		{"Talks in the U.S. (Congress was told) went on.", "Talks in the U.S. (Congress was told) went on."},
		{"Talks in the U.S. [Congress was told] went on.", "Talks in the U.S. [Congress was told] went on."},
		{"Talks in the U.S. (The vote was close.) Next.", "Talks in the U.S. | (The vote was close.) | Next."},
		{"Talks in the U.S. “We are ready,” he said.", "Talks in the U.S. | “We are ready,” he said."},
		{"Talks in the U.S. \"We are ready,\" he said.", "Talks in the U.S. | \"We are ready,\" he said."},
	} {
		if got := splitView(c.in); got != c.want {
			t.Errorf("Sentences(%q):\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

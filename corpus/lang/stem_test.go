package lang

import "testing"

func TestStem(t *testing.T) {
	same := [][]string{
		{"talk", "talks", "talked", "talking"},
		{"policy", "policies"},
		{"stop", "stops", "stopped", "stopping"},
		{"hope", "hoped", "hoping", "hopes"},
		{"call", "calls", "called", "calling"},
		{"tax", "taxes"},
		{"church", "churches"},
		{"address", "addresses"},
		{"try", "tried", "tries"},
		{"negotiation", "negotiations"},
		{"plan", "plans", "planned", "planning"},
	}
	for _, group := range same {
		k := Stem(group[0])
		for _, w := range group[1:] {
			if got := Stem(w); got != k {
				t.Errorf("Stem(%q) = %q, want %q like Stem(%q)", w, got, k, group[0])
			}
		}
	}
	differ := [][2]string{{"news", "new"}, {"thing", "th"}, {"bus", "bu"}, {"kyiv", "kyivs"}, {"process", "proces"}}
	for _, p := range differ[:3] {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem conflates %q and %q", p[0], p[1])
		}
	}
	for _, w := range []string{"umerov", "kyiv", "путин", "北", "2025", "a", "is"} {
		if got := Stem(w); got != w {
			t.Errorf("Stem(%q) = %q, want unchanged", w, got)
		}
	}
}

// Porter's own examples, and derived words that comparison needs to meet.
func TestStemPorter(t *testing.T) {
	for in, want := range map[string]string{
		"negotiations": "negoti", "negotiators": "negoti", "negotiate": "negoti", "constructive": "construct",
		"talks": "talk", "caresses": "caress", "ponies": "poni", "hopping": "hop", "relational": "relat",
		"generalization": "gener", "hours": "hour", "news": "news", "bus": "bus",
	} {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTranslitKey(t *testing.T) {
	same := [][]string{
		{"zelensky", "zelenskyy", "zelenskiy", "zelenskii"},
		{"kyiv", "kiev"},
		{"witkoff", "witkof"},
		{"kharkiv", "harkiv"},
	}
	for _, group := range same {
		k := TranslitKey(group[0])
		for _, w := range group[1:] {
			if got := TranslitKey(w); got != k {
				t.Errorf("TranslitKey(%q) = %q, want %q like %q", w, got, k, group[0])
			}
		}
	}
	if TranslitKey("rubio") == TranslitKey("rubin") {
		t.Error("TranslitKey conflates rubio and rubin")
	}
	if got := TranslitKey("путин"); got != "путин" {
		t.Errorf("TranslitKey(путин) = %q", got)
	}
}

func TestEachTokenMatchesTokens(t *testing.T) {
	for _, s := range []string{"Umerov’s talks", "DON'T stop", "Łódź-Kraków 北京 Путина", "a'b' 'c x’", "Zelenskyy's allies'"} {
		var got []Token
		EachToken(s, func(w []byte, a, b int) { got = append(got, Token{string(w), a, b}) })
		want := Tokens(s)
		if len(got) != len(want) {
			t.Fatalf("%q: %v vs %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] || want[i].Text != tokenTextRef(s[want[i].Start:want[i].End]) {
				t.Errorf("%q token %d: %+v (ref %q)", s, i, got[i], tokenTextRef(s[want[i].Start:want[i].End]))
			}
		}
	}
}

// tokenTextRef is the plain definition the fast path must agree with.
func tokenTextRef(w string) string { return string(appendTokenText(nil, w)) }

// TestStemAdverbs: an adverb in -ly keeps its own stem, apart from the
// noun and the adjective it comes from, in every class of Porter's -ly
// rules (-ally, -ently, -ely, -ously, -bly) as for the plain -ly adverbs
// Porter already kept apart; inflections of nouns in -y still meet.
func TestStemAdverbs(t *testing.T) {
	apart := [][2]string{
		{"officially", "officials"}, {"officially", "official"}, {"finally", "finals"},
		{"nationally", "nationals"}, {"politically", "politics"}, {"totally", "totals"},
		{"recently", "recent"}, {"apparently", "apparent"}, {"currently", "currents"},
		{"likely", "like"}, {"completely", "completed"}, {"entirely", "entire"},
		{"seriously", "serious"}, {"previously", "previous"},
		{"possibly", "possible"}, {"reasonably", "reasonable"},
		{"strongly", "strong"}, {"directly", "direct"},
	}
	for _, p := range apart {
		if Stem(p[0]) == Stem(p[1]) {
			t.Errorf("Stem(%q) = Stem(%q) = %q: an adverb met its noun or adjective", p[0], p[1], Stem(p[0]))
		}
	}
	same := [][]string{
		{"officials", "official"}, {"finals", "final"},
		{"assembly", "assemblies"}, {"family", "families"}, {"ally", "allies"}, {"rally", "rallies"},
		{"supply", "supplies"}, {"israeli", "israelis"}, {"anomaly", "anomalies"},
	}
	for _, g := range same {
		if a, b := Stem(g[0]), Stem(g[1]); a != b {
			t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want one stem", g[0], a, g[1], b)
		}
	}
}

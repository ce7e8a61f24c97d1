package lang

import "testing"

// Letters whose lower case has another length in UTF-8 ("İ" is two bytes,
// its lower case "i" one; the Kelvin sign "K" three, "k" one): the
// abbreviation look-up sliced the lower-cased word at the capital's
// length and panicked on Turkish initials ("İ. Kaya"), which stopped the
// sentence splitter on any text holding one.
func TestAbbrevLettersChangingLength(t *testing.T) {
	for _, c := range []struct {
		w    string
		want AbbrevKind
	}{
		{"İ", Initial}, {"K", Initial}, {"İs", NotAbbrev}, {"Kg", NotAbbrev}, {"ǅr", NotAbbrev},
		// A capital of another length before a listed entry's rest.
		{"İnc", NotAbbrev}, {"MR", TitleAbbrev},
	} {
		if got := Abbrev(c.w); got != c.want {
			t.Errorf("Abbrev(%q) = %v, want %v", c.w, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Yazar İ. Kaya konuştu. Sonra gitti.", "Yazar İ. Kaya konuştu. | Sonra gitti."},
		{"It weighed 5 K. Then it fell.", "It weighed 5 K. | Then it fell."},
	} {
		if got := splitView(c.in); got != c.want {
			t.Errorf("Sentences(%q):\n got %s\nwant %s", c.in, got, c.want)
		}
	}
	if EndsInAbbreviation("Talks with İ.") {
		t.Error(`EndsInAbbreviation("Talks with İ.") is true: an initial`)
	}
}

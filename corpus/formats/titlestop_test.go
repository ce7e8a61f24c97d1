package formats

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isTitleStop relies on every stop word being ASCII of at most five bytes,
// and on İ and the Kelvin sign being the only runes outside ASCII that
// lower-case into it.
func TestTitleStopsAreShortASCII(t *testing.T) {
	for w := range titleStops {
		if len(w) > 5 || strings.ToLower(w) != w {
			t.Errorf("title stop %q: isTitleStop folds at most five ASCII bytes", w)
		}
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				t.Errorf("title stop %q is not ASCII", w)
			}
		}
	}
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); l < utf8.RuneSelf && r != 'İ' && r != '\u212A' {
			t.Errorf("%U lower-cases to %q: isTitleStop must fold it", r, l)
		}
	}
}

// isTitleStop answers as titleStops[strings.ToLower(w)].
func TestIsTitleStopAsToLower(t *testing.T) {
	var cases []string
	for w := range titleStops {
		cases = append(cases, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", "x"+w)
	}
	cases = append(cases, "", "AFTER", "Afters", "\u212Ain", "aſ", "İn", "İNTO", "İs", "\u212Ain", "ıs", "thé", "The\xff", "amid.", "vs.")
	for _, w := range cases {
		if got, want := isTitleStop(w), titleStops[strings.ToLower(w)]; got != want {
			t.Errorf("isTitleStop(%q) = %v, want %v", w, got, want)
		}
	}
}

func FuzzIsTitleStop(f *testing.F) {
	for w := range titleStops {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isTitleStop(w), titleStops[strings.ToLower(w)]; got != want {
			t.Fatalf("isTitleStop(%q) = %v, want %v", w, got, want)
		}
	})
}

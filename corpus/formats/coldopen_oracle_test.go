package formats_test

import (
	"testing"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// plainMayBeGlued is mayBeGlued as it was before it searched for each mark
// with strings.IndexByte: every byte tested, left to right (what follows a
// mark is tested as before, by gluedAt).
func plainMayBeGlued(l string) bool {
	for i := 0; i < len(l); i++ {
		if c := l[i]; (c == '.' || c == '!' || c == '?') && formats.GluedAt(l, i) {
			return true
		}
	}
	return false
}

// mayBeGluedCases are lines where the order of the marks matters to the
// plain version (a mark that ends the line after closing quotes).
var mayBeGluedCases = []string{
	"", ".", "a.B", "a. B", "a.b", "x.!", "x!.", "end.\"", "end.”’)", "a?“B", "a!‘b", "a.\"B\"", "a.)X",
	"one. two!Three", "one!Two. three", "Q? a.B", "a.\xffB", "a.\xc3", "Über.Äpfel", "x.ǅ", "ß.ẞ", "a.’",
}

// The fast mayBeGlued answers as the plain one on every oracle text and
// line and on the cases above.
func TestMayBeGluedOracle(t *testing.T) {
	inputs := append(append(oracleTexts(), oracleLines()...), mayBeGluedCases...)
	glued := 0
	for _, s := range inputs {
		got, want := formats.MayBeGlued(s), plainMayBeGlued(s)
		if got != want {
			t.Fatalf("mayBeGlued(%q) = %v, the plain version says %v", s, got, want)
		}
		if got {
			glued++
		}
	}
	if glued == 0 || glued == len(inputs) {
		t.Fatalf("%d of %d inputs glued: the test cannot tell the versions apart", glued, len(inputs))
	}
}

func FuzzMayBeGlued(f *testing.F) {
	for _, s := range mayBeGluedCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := formats.MayBeGlued(s), plainMayBeGlued(s); got != want {
			t.Fatalf("mayBeGlued(%q) = %v, the plain version says %v", s, got, want)
		}
		checkMoreRunesThan(t, s)
	})
}

// moreRunesThan(s, n) is RuneCountInString(s) > n, invalid bytes counted
// one each as RuneCountInString counts them.
func TestMoreRunesThan(t *testing.T) {
	for _, s := range append(append(oracleTexts(), mayBeGluedCases...), "\xff\xfe\x80", "é\xc3", "中文字中文字") {
		checkMoreRunesThan(t, s)
	}
}

func checkMoreRunesThan(t *testing.T, s string) {
	count := utf8.RuneCountInString(s)
	for _, n := range []int{0, 1, count - 1, count, count + 1, len(s), 120} {
		if n < 0 {
			continue // not a bound isHeading asks about
		}
		if got := formats.MoreRunesThan(s, n); got != (count > n) {
			t.Fatalf("moreRunesThan(%q, %d) = %v; the string has %d runes", s, n, got, count)
		}
	}
}

// guardCases are leads the oracle texts lack, for the guards before the
// dateline and credit regexps (TestOracleGuards, FuzzOracleGuards): each
// matches a regexp, or nearly does.
var guardCases = []string{
	"Kyiv, Ukraine – Officials said on Monday that talks would resume.",
	"Hallandale Beach, Florida — The storm passed.", "Hallandale beach, Florida — The storm passed.",
	"São Paulo, Brazil (Reuters) - Prices rose.", "Paris,France-x", "Ǆemal, Bosnia – x",
	"WASHINGTON (AP) — The Senate voted.", "U.S. - Talks", "O'NEILL, Nebraska – Farmers", "HALLANDALE, Florida –x",
	"Example News – Inside the talks", "The Kyiv Independent — “We are ready”", "Analysis — What next",
	"ÉCLAIR – Début", "Kyiv\t,Ukraine – x", " Kyiv, Ukraine – x",
	"By Jane Doe", "WRITTEN BY Ana de la Cruz", "Author: Li Wei", "by  Jane", "Bylines", "#12", "(1234)", "[7]", "12345",
	"---\ntitle: x\n---\nBody", "--- \n", "# Heading", "#NoSpace",
}

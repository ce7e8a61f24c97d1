package formats_test

import (
	"regexp"
	"testing"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// yearCommaRe is the rule as the regexp had it.
var yearCommaRe = regexp.MustCompile(`\b((?:19|20)\d\d),\s*`)

var yearCommaCases = []string{
	"",
	"December 1, 2025",
	"December 1, 2025, 13:37",
	"Monday, December 1, 2025,\t\f 13:37 GMT",
	"2025,",
	"2025,2026, 1999,x",
	"12025, 2025",
	"x2025, _2025, é2025, -2025,  ",
	"1899, 2100, 1900, 2099,",
	"Tue, 15 Nov 2022 07:04:00 +0200",
	"2025,\v13:37",
	"20 25, 202, 20255,",
	// The bytes at and beside the bounds of a word byte, before a year.
	"a2025, z2025, A2025, Z2025, 02025, 92025, _2025,",
	"`2025, {2025, @2025, [2025, /2025, :2025, ^2025,",
}

func TestSpaceAfterYearCommaAsTheRegexp(t *testing.T) {
	for _, s := range yearCommaCases {
		if got, want := formats.SpaceAfterYearComma(s), yearCommaRe.ReplaceAllString(s, "$1 "); got != want {
			t.Errorf("SpaceAfterYearComma(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzSpaceAfterYearComma(f *testing.F) {
	for _, s := range yearCommaCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := formats.SpaceAfterYearComma(s), yearCommaRe.ReplaceAllString(s, "$1 "); got != want {
			t.Fatalf("SpaceAfterYearComma(%q) = %q, want %q", s, got, want)
		}
	})
}

package formats

import (
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// Tests written against mutants that lived (see MUTATION.md): each pins an
// exact answer on a small input.

// Escape sequences the sanitiser must remove whole, and the text right
// after a malformed one that it must keep.
func TestCleanTextSequenceEdges(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"7-bit SOS with ST", "a\x1bXpayload\x1b\\b", "ab"},
		{"7-bit PM with BEL", "a\x1b^payload\x07b", "ab"},
		{"7-bit APC with ST", "a\x1b_payload\x1b\\b", "ab"},
		{"8-bit SOS with 8-bit ST", "a\u0098payload\u009cb", "ab"},
		{"8-bit PM", "a\u009epayload\u009cb", "ab"},
		{"8-bit APC", "a\u009fpayload\u009cb", "ab"},
		{"string ended by a lone ESC keeps what follows it", "a\x1b]0;t\x1bcb", "ab"},
		{"malformed CSI keeps the newline after it", "a\x1b[12\nb", "a\nb"},
		{"malformed CSI keeps the letter after it", "a\x1b[3\u00e9x", "a\u00e9x"},
		{"malformed 8-bit CSI keeps the newline", "a\u009b1\nb", "a\nb"},
		{"CSI with intermediate byte", "a\x1b[1 qb", "ab"},
		{"CSI cut off at the end", "a\x1b[12", "a"},
		{"two-character escape with intermediate", "a\x1b(Bb", "ab"},
		{"escape with intermediate cut off", "a\x1b(", "a"},
		{"escape with intermediate then a newline", "a\x1b(\nb", "a\nb"},
		{"word joiner", "a\u2060b", "ab"},
		{"zero width space", "a\u200bb", "ab"},
		{"bidi embedding and isolate bounds", "a\u202ab\u202ec\u2066d\u2069e", "abcde"},
		{"next to the bidi ranges", "a\u2029b\u2065c\u206ad", "a\nb\u2065c\u206ad"},
		{"C1 range bounds", "a\u0080b\u0099c\u00a0d", "abc d"},
		{"narrow and figure spaces", "a\u202fb\u2007c\u3000d", "a b c d"},
		{"DEL and unit separator", "a\x7fb\x1fc", "abc"},
		{"CR at the end", "a\r", "a\n"},
		{"invalid byte stays visible", "a\xffb", "a\ufffdb"},
	} {
		if got := CleanText(c.in); got != c.want {
			t.Errorf("%s: CleanText(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// Clean text is returned as it is; the first rune to change is found at
// every distance from the eight-byte fast path.
func TestFirstUncleanPositions(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", -1},
		{"plain ascii text that is long enough", -1},
		{"12345678\n", -1},
		{"1234567\x1f", 7},
		{"12345678\x7f", 8},
		{"12345678 \u2060", 9},
		{"123456789abcdef\u00a0", 15},
		{"abc\u2028", 3},
		{"abc\u2029", 3},
		{"abc\xff", 3},
		{"café", -1},
	} {
		if got := firstUnclean(c.in); got != c.want {
			t.Errorf("firstUnclean(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestCleanLineTidies(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"a b", "a b"},
		{" a", "a"},
		{"a ", "a"},
		{"a  b", "a b"},
		{"a\nb", "a b"},
		{"a\u200eb\u200fc\u061cd", "abcd"},
		{"\u200e a", "a"},
		{"a\u2011b", "a\u2011b"}, // E2 80 91: not a mark
		{"\xe2", "\ufffd"},
	} {
		if got := CleanLine(c.in); got != c.want {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Date lines in a plain-text header, with and without the words that
// introduce them, and lines that are no date.
func TestTextHeaderDates(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"Last updated: 1 December 2025", "2025-12-01 00:00"},
		{"Published: 1 December 2025", "2025-12-01 00:00"},
		{"posted on December 1, 2025 | 13:37", "2025-12-01 13:37"},
		{"Updated at 2025-12-01 13:37", "2025-12-01 13:37"},
		{"First published 1 Dec 2025 - 13:37", "2025-12-01 13:37"},
		{"Date: 2025-12-01", "2025-12-01 00:00"},
		{"December 1, 2025 3:04 PM EST", "2025-12-01 15:04"},
		{"1 December 2025.", "2025-12-01 00:00"},
		{"January 2025", "2025-01-01 00:00"},
		{"Last updated: 1 December", ""},
		{"Published: soon", ""},
		{"Founded 1905 in Lisbon", ""},
		{"Room 2025", ""},
	} {
		text := "Port Strike Ends After Pay Deal\n" + c.line + "\n\n" + articletest.Words(20) + "\n"
		a, err := ParseText(text)
		if err != nil {
			t.Fatalf("%q: %v", c.line, err)
		}
		got := ""
		if a.HasDate() {
			got = a.Published.Format("2006-01-02 15:04")
		}
		if got != c.want {
			t.Errorf("%q: date %q, want %q", c.line, got, c.want)
		}
	}
}

func TestHasYear(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"2025", true}, {"1999", true}, {"in 2025.", true}, {"12025", false}, {"2125", false},
		{"1899", false}, {"202", false}, {"20255", false}, {"3 May", false}, {"", false},
	} {
		if got := hasYear(c.s); got != c.want {
			t.Errorf("hasYear(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// Byte-order marks, UTF-16 (with surrogate pairs and a stray low or high
// half), Windows-1252 stray bytes among valid UTF-8.
func TestDecodeTextExact(t *testing.T) {
	le := func(units ...uint16) []byte {
		b := []byte{0xFF, 0xFE}
		for _, u := range units {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	be := func(units ...uint16) []byte {
		b := []byte{0xFE, 0xFF}
		for _, u := range units {
			b = append(b, byte(u>>8), byte(u))
		}
		return b
	}
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8 bom", []byte("\xEF\xBB\xBFcafé"), "café"},
		{"bom alone", []byte("\xEF\xBB\xBF"), ""},
		{"bom cut short", []byte("\xEF\xBB"), "ï»"},
		{"not a bom", []byte("\xEF\xBBx"), "ï»x"},
		{"utf-16le", le('K', 'y', 0x00EF, 'v'), "Kyïv"},
		{"utf-16be", be('K', 'y', 0x00EF, 'v'), "Kyïv"},
		{"utf-16le surrogate pair", le(0xD83D, 0xDCF0, '!'), "\U0001F4F0!"},
		{"utf-16be surrogate pair", be(0xD83D, 0xDCF0), "\U0001F4F0"},
		{"utf-16le high half at the end", le('a', 0xD83D), "a\uFFFD"},
		{"utf-16le high half then a letter", le(0xD83D, 'b'), "\uFFFDb"},
		{"utf-16le odd byte dropped", append(le('a'), 'b'), "a"},
		{"utf-16le high half then an odd byte", append(le(0xD83D), 'x'), "\uFFFD"},
		{"utf-16le first pair of the range", le(0xD800, 0xDC00), "\U00010000"},
		{"utf-16le last pair of the range", le(0xDBFF, 0xDFFF), "\U0010FFFF"},
		{"utf-16le two low halves", le(0xDC00, 0xDC00), "\uFFFD\uFFFD"},
		{"utf-16le high half then a private-use unit", le(0xD83D, 0xE000), "\uFFFD\uE000"},
		{"utf-16 bom alone", []byte{0xFF, 0xFE}, ""},
		{"one byte", []byte{0xFF}, "ÿ"},
		{"windows-1252 among utf-8", []byte("caf\xe9 \x93quoted\x94 — ok"), "café “quoted” — ok"},
		{"euro sign", []byte("\x80 5"), "€ 5"},
	} {
		if got := DecodeText(c.in); got != c.want {
			t.Errorf("%s: DecodeText(% x) = %q, want %q", c.name, c.in, got, c.want)
		}
		if got := decodeOwnedText(slices.Clone(c.in)); got != c.want {
			t.Errorf("%s: decodeOwnedText(% x) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

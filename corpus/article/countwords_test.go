package article

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// countWordsPlain is CountWords one rune at a time, as it was before it
// read eight ASCII bytes at a time: the oracle the fast path must match.
func countWordsPlain(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case isCJKChar(r):
			n++
			in = false
		case unicode.IsLetter(r) && r < utf8.RuneSelf || unicode.IsDigit(r) && r < utf8.RuneSelf,
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !in {
				n++
			}
			in = true
		case r == '\'' || r == '-' || r == '’' || unicode.Is(unicode.M, r):
			// a joiner keeps a word going and starts none
		default:
			in = false
		}
	}
	return n
}

// countWordsCases are lines whose words sit across the eight-byte steps:
// joiners at a step's first and last byte, two joiners in a row, non-ASCII
// in the middle of a step.
var countWordsCases = []string{
	"",
	"a",
	"abcdefgh",
	"abcdefg-h",
	"abcdefgh-ijklmnop",
	"abcdefg'hijklmno",
	"-abcdefg",
	"--abcdef-- ghijklm",
	"abc--def ghi---jkl mno'-pqr",
	"'quoted' words 'here'",
	"rock-'n'-roll and so-called “experts” don't",
	"a\x80b \x80 c\xff\xfed",
	"1,234.56 and 7-8 and 9'10 and x'-y",
	"Mr. O'Neill's 34-point plan—approved—on 12/03.",
	"naïve café déjà-vu rôle's",
	"नमस्ते दुनिया and e\u0301cole",
	"日本語のテキスト and English 漢字",
	"trailing joiner- 'and'' two",
	strings.Repeat("word-", 9) + "end",
	strings.Repeat("ab'", 11),
	strings.Repeat(" - ", 7),
}

func TestCountWordsAsPlain(t *testing.T) {
	for _, c := range countWordsCases {
		// Every offset shifts the words across the eight-byte steps.
		for pad := 0; pad < 9; pad++ {
			s := strings.Repeat(" ", pad) + c
			if got, want := CountWords(s), countWordsPlain(s); got != want {
				t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
			}
			s = strings.Repeat("x", pad) + c
			if got, want := CountWords(s), countWordsPlain(s); got != want {
				t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzCountWords(f *testing.F) {
	for _, c := range countWordsCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CountWords(s), countWordsPlain(s); got != want {
			t.Fatalf("CountWords(%q) = %d, want %d", s, got, want)
		}
		checkFinding(t, s)
	})
}

// testPairs marks the pairs whose first byte is an ASCII letter and whose
// second is a letter but 'x' (so that a word's second byte matters, also
// where it lies past the eight bytes of the word's first), and 0xE2 pairs
// (which no word start can have).
var testPairs = func() (bits [1024]uint64) {
	for c1 := 0; c1 < 256; c1++ {
		for c2 := 0; c2 < 256; c2++ {
			if (c1|0x20 >= 'a' && c1|0x20 <= 'z' || c1 == 0xE2) && c2|0x20 >= 'a' && c2|0x20 <= 'z' && c2 != 'x' {
				pair := uint16(c1) | uint16(c2)<<8
				bits[pair>>6] |= 1 << (pair & 63)
			}
		}
	}
	return bits
}()

// findingPlain lists the offsets CountWordsFinding must look at, by its
// definition, one byte at a time.
func findingPlain(s string) []int {
	isLetter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	var at []int
	for i := 0; i+2 < len(s); i++ {
		if isLetter(s[i]) && (i == 0 || !isLetter(s[i-1]) && s[i-1] < utf8.RuneSelf) && isLetter(s[i+1]) && s[i+1] != 'x' {
			at = append(at, i)
		}
	}
	return at
}

// checkFinding compares CountWordsFinding with CountWords and findingPlain:
// the same count, Look called at exactly the plain offsets in order, and
// the OR of what Look returned.
func checkFinding(t *testing.T, s string) {
	t.Helper()
	var at []int
	look := func(s string, i int) uint32 { at = append(at, i); return 1 << (i % 32) }
	n, found := CountWordsFinding(s, &WordStarts{Pairs: &testPairs, Look: look})
	want := findingPlain(s)
	var wantFound uint32
	for _, i := range want {
		wantFound |= 1 << (i % 32)
	}
	if n != CountWords(s) || found != wantFound || !slices.Equal(at, want) {
		t.Fatalf("CountWordsFinding(%q) = %d, %b looking at %v; want %d, %b looking at %v", s, n, found, at, CountWords(s), wantFound, want)
	}
}

// The word starts are found across the eight-byte steps, before and after
// non-ASCII and doubled joiners, and not in the last two bytes.
func TestCountWordsFinding(t *testing.T) {
	for _, c := range append(countWordsCases, "ax", "abx", "ab", "abc", "Товарab", "éabc", "a--bcd", "1abc", "x1 yz", "--ab--cd--ef") {
		for pad := 0; pad < 9; pad++ {
			checkFinding(t, strings.Repeat(" ", pad)+c)
			checkFinding(t, strings.Repeat("x", pad)+c)
			checkFinding(t, c+strings.Repeat(" ", pad))
		}
	}
	if n, found := CountWordsFinding("two words", nil); n != 2 || found != 0 {
		t.Errorf("without a filter: %d, %b", n, found)
	}
}

func BenchmarkCountWords(b *testing.B) {
	line := strings.Repeat("Pierre Fairingwell and Richard Alveira said the new evacuations in Ottawa on Sunday, an official side's saying 87.2 billion—a so-called “record”. ", 4)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		CountWords(line)
	}
}

func BenchmarkCountWordsASCII(b *testing.B) {
	line := strings.Repeat("Pierre Fairingwell and Richard Alveira said the new evacuations in Ottawa on Sunday, an official side is saying 87.2 billion in a record. ", 4)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		CountWords(line)
	}
}

// keyTextPlain is appendKeyText one rune at a time: each run of letters and
// digits lower-cased and followed by one space.
func keyTextPlain(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			in = true
		} else if in {
			b.WriteByte(' ')
			in = false
		}
	}
	if in {
		b.WriteByte(' ')
	}
	return b.String()
}

func TestKeyTextAsPlain(t *testing.T) {
	for _, c := range countWordsCases {
		for pad := 0; pad < 9; pad++ {
			for _, s := range []string{strings.Repeat(" ", pad) + c, strings.Repeat("X", pad) + c, c + strings.Repeat(",", pad)} {
				if got, want := string(appendKeyText(nil, s)), keyTextPlain(s); got != want {
					t.Errorf("appendKeyText(%q) = %q, want %q", s, got, want)
				}
			}
		}
	}
}

func FuzzKeyText(f *testing.F) {
	for _, c := range countWordsCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendKeyText(nil, s)), keyTextPlain(s); got != want {
			t.Fatalf("appendKeyText(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkKeyText(b *testing.B) {
	line := strings.Repeat("Pierre Fairingwell and Richard Alveira said the new evacuations in Ottawa on Sunday, an official side’s saying 87.2 billion—a so-called “record”. ", 4)
	buf := make([]byte, 0, 2*len(line))
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		appendKeyText(buf, line)
	}
}

// The General Punctuation block holds no letter, digit or mark, which
// isWordRune and CountWords answer without looking them up.
func TestGeneralPunctuationHasNoWordRune(t *testing.T) {
	for r := rune(0x2000); r <= 0x206F; r++ {
		if !isGeneralPunctuation(r) {
			t.Fatalf("%U is not counted as General Punctuation", r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) {
			t.Errorf("%U is a letter, digit or mark", r)
		}
	}
	for _, r := range []rune{0x1FFF, 0x2070, 0x2071, 'a', 'é'} {
		if isGeneralPunctuation(r) {
			t.Errorf("%U counted as General Punctuation", r)
		}
	}
}

// Every ASCII byte alone, between letters, before a doubled joiner and
// after invalid UTF-8: the byte path's table, as the plain count and the
// plain word starts have it.
func TestCountWordsEveryASCIIByte(t *testing.T) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := string(rune(c))
		for _, s := range []string{b, b + "ab", "x" + b + "yz", b + "--" + b + "cd", "\x80" + b + "ef", "1234567" + b + "gh"} {
			if got, want := CountWords(s), countWordsPlain(s); got != want {
				t.Errorf("CountWords(%q) = %d, want %d", s, got, want)
			}
			checkFinding(t, s)
		}
	}
}

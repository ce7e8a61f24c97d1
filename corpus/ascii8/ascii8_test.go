package ascii8

import (
	"testing"
)

// plain is what each class means, byte by byte.
var plain = map[string]func(c byte) bool{
	"Letters":         func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' },
	"Digits":          func(c byte) bool { return c >= '0' && c <= '9' },
	"Upper":           func(c byte) bool { return c >= 'A' && c <= 'Z' },
	"Eq'-'":           func(c byte) bool { return c == '-' },
	"Zero":            func(c byte) bool { return c == 0 },
	"Range ,-/":       func(c byte) bool { return c >= ',' && c <= '/' },
	"Range \x01-\x7f": func(c byte) bool { return c >= 1 },
	"EitherOf'-":      func(c byte) bool { return c == '\'' || c == '-' },
}

var swar = map[string]func(x uint64) uint64{
	"Letters":         Letters,
	"Digits":          Digits,
	"Upper":           Upper,
	"Eq'-'":           func(x uint64) uint64 { return Eq(x, '-') },
	"Zero":            Zero,
	"EitherOf'-":      func(x uint64) uint64 { return EitherOf(x, '\'', '-') },
	"Range ,-/":       func(x uint64) uint64 { return Range(x, ',', '/') },
	"Range \x01-\x7f": func(x uint64) uint64 { return Range(x, 1, 0x7F) },
}

// TestClassesByteByByte compares each class with its plain meaning for
// every ASCII byte at every place in the word, beside neighbours that
// would carry a wrong answer across (0x00, 0x7F and the byte itself).
func TestClassesByteByByte(t *testing.T) {
	for name, want := range plain {
		got := swar[name]
		for c := 0; c < 0x80; c++ {
			for _, fill := range []byte{0, 0x7F, byte(c), ' ', 'z'} {
				for pos := 0; pos < 8; pos++ {
					var b [8]byte
					for i := range b {
						b[i] = fill
					}
					b[pos] = byte(c)
					m := got(Load(string(b[:]), 0))
					for i := 0; i < 8; i++ {
						has := m>>(8*i+7)&1 == 1
						if has != want(b[i]) {
							t.Fatalf("%s of %q: byte %d (%q) marked %v, want %v", name, b, i, b[i], has, want(b[i]))
						}
					}
					if m&^0x8080808080808080 != 0 {
						t.Fatalf("%s of %q: bits outside bit 7 set: %#x", name, b, m)
					}
				}
			}
		}
	}
}

func TestLoadIsLittleEndian(t *testing.T) {
	if got := Load("xabcdefgh", 1); got != 0x6867666564636261 {
		t.Fatalf("Load = %#x", got)
	}
}

func TestNonASCIIAndZeroOnAnyByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		var b [8]byte
		b[3] = byte(c)
		x := Load(string(b[:]), 0)
		if got, want := ASCII(x), c < 0x80; got != want {
			t.Errorf("ASCII with %#x = %v", c, got)
		}
		if got, want := NonASCII(x) != 0, c >= 0x80; got != want {
			t.Errorf("NonASCII with %#x = %v", c, got)
		}
		// Every byte but the fourth is zero.
		if got, want := Count(Zero(x)), 7+b2i(c == 0); got != want {
			t.Errorf("Zero with %#x marks %d bytes, want %d", c, got, want)
		}
		if got, want := Count(Eq(x, byte(c))), 1+7*b2i(c == 0); got != want {
			t.Errorf("Eq(%#x) marks %d bytes, want %d", c, got, want)
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestMaskSteps(t *testing.T) {
	m := Letters(Load("a1b2c3dE", 0)) // bytes 0, 2, 4, 6, 7
	if got := Count(m); got != 5 {
		t.Fatalf("Count = %d", got)
	}
	if got := First(m); got != 0 {
		t.Fatalf("First = %d", got)
	}
	if got := First(DropFirst(m)); got != 2 {
		t.Fatalf("First after DropFirst = %d", got)
	}
	if Last(m) != 1 || Last(DropFirst(m)&0xFF) != 0 {
		t.Fatalf("Last wrong")
	}
	for i, want := range []uint64{1, 0, 1, 0, 1, 0, 1, 1} {
		if got := At(m, i); got != want {
			t.Fatalf("At(%d) = %d, want %d", i, got, want)
		}
	}
	// Next: byte 7 leaves, byte 0 takes the carry.
	if got := Next(m, 0); got != (m<<8)&^0x80 {
		t.Fatalf("Next without carry = %#x", got)
	}
	if got := Next(0, 1); got != 0x80 {
		t.Fatalf("Next of carry = %#x", got)
	}
}

// Before a word's first non-ASCII byte every class is exact, whatever the
// bytes after it: their sums carry only towards later bytes.
func TestClassesBeforeNonASCII(t *testing.T) {
	for name, want := range plain {
		got := swar[name]
		for c := 0; c < 0x80; c++ {
			for pos := 0; pos < 7; pos++ {
				for _, high := range []byte{0x80, 0xBF, 0xE2, 0xFF} {
					var b [8]byte
					for i := range b {
						b[i] = byte(c)
					}
					b[pos+1] = high
					x := Load(string(b[:]), 0)
					n, valid := ASCIIPrefix(x)
					if n != pos+1 {
						t.Fatalf("ASCIIPrefix(%q) = %d", b, n)
					}
					m := got(x) & valid
					for i := 0; i < n; i++ {
						if has := m>>(8*i+7)&1 == 1; has != want(b[i]) {
							t.Fatalf("%s of %q: byte %d marked %v", name, b, i, has)
						}
					}
				}
			}
		}
	}
}

package article

import (
	"strings"
	"testing"
)

// The text the duplicate key hashes, exactly: letters and digits lower-cased
// (the ASCII bounds 0, 9, a, z, A, Z and the bytes next to them), every run
// of other characters one space, a space after the last word, and the
// same rules after a non-ASCII rune. Written against lived mutants of
// textkey.go (MUTATION.md, textkey).
func TestKeyTextExact(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Hello, World!", "hello world "},
		{"09 /: az `{ AZ @[", "09 az az "},
		{"  leading and trailing  ", "leading and trailing "},
		{"Ünïcode café—naïve 2025", "ünïcode café naïve 2025 "},
		{"Kyiv’s “peace” plan…", "kyiv s peace plan "},
		{"x", "x "},
		{"é", "é "},
		{"—", ""},
		// Text shorter than one eight-byte step is keyed through the
		// key-byte table: its bounds as the steps key them.
		{"0", "0 "},
		{"9", "9 "},
		{"/:", ""},
		{"a z", "a z "},
		{"A Z", "a z "},
		{"`{@[", ""},
		{"Az09", "az09 "},
		{"é9", "é9 "},
		{"0-9 A.Z", "0 9 a z "},
	} {
		if got := string(appendKeyText(nil, tt.in)); got != tt.want {
			t.Errorf("appendKeyText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(appendKeyText([]byte("prev "), tt.in)); got != "prev "+tt.want {
			t.Errorf("appendKeyText after %q: %q, want %q", "prev ", got, "prev "+tt.want)
		}
	}
}

// Every length of ASCII text after a non-ASCII rune, and of ASCII text
// alone, fits the room the function reserves (the last word's space
// included): no index out of range whatever the buffer's size class.
func TestKeyTextRoomEveryLength(t *testing.T) {
	for n := 0; n < 600; n++ {
		word := strings.Repeat("a", n)
		for _, s := range []string{word, "é" + word, word + "é" + word} {
			got := string(appendKeyText(nil, s))
			want := s + " "
			if s == "" {
				want = ""
			}
			if got != want {
				t.Fatalf("appendKeyText of %d bytes: %q", len(s), got)
			}
		}
	}
}

// Bodies of fewer than twelve words get no key; twelve words are compared.
func TestTextKeyTwelveWords(t *testing.T) {
	body := "one two three four five six seven eight nine ten eleven twelve"
	if TextKey(&Article{Words: 11, Blocks: []Block{{Text: body}}}) != "" {
		t.Error("an 11-word body has a key")
	}
	a := &Article{Words: 12, Blocks: []Block{{Text: body}}}
	b := &Article{Words: 12, Blocks: []Block{{Text: "One, two; three — four five six seven eight nine ten eleven twelve!"}}}
	if TextKey(a) == "" || TextKey(a) != TextKey(b) {
		t.Error("two 12-word bodies differing in case and punctuation have no key or different keys")
	}
}

// Normalising into a buffer with room for the text allocates nothing,
// whatever non-ASCII runes it holds: after each one the function reserves
// only what the rest of the text can need (a cold load keys every article).
func TestKeyTextAllocatesNothingWithRoom(t *testing.T) {
	s := strings.Repeat("Kyiv’s “peace” plan… Ünïcode café ", 20) + "end"
	buf := make([]byte, 0, len(s)+1)
	if n := testing.AllocsPerRun(20, func() { appendKeyText(buf, s) }); n != 0 {
		t.Errorf("appendKeyText into a buffer with room: %v allocations, want 0", n)
	}
}

// An ordinary article's key allocates only the key: the normalising buffer
// goes back to the pool and is reused (an allocation of the buffer per
// article made a cold load clear 8 KB an article).
func TestTextKeyReusesItsBuffer(t *testing.T) {
	a := &Article{Words: 12, Blocks: []Block{{Text: "One, two; three — four five six seven eight nine ten eleven twelve!"}}}
	// The race detector drops a quarter of the pool's Puts at random; the
	// average stays under 2 (AllocsPerRun rounds down), a buffer allocated
	// every time makes it 3.
	if n := testing.AllocsPerRun(100, func() { TextKey(a) }); n > 1 {
		t.Errorf("TextKey of a small article: %v allocations, want 1 (the key)", n)
	}
}

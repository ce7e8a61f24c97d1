package article

import (
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/ascii8"
)

// CountWords counts runs of letters or digits (with inner apostrophes and
// hyphens) in s, and each Chinese character or Japanese kana as one word,
// as word processors count them (those scripts put no spaces between
// words).
func CountWords(s string) int {
	n, _ := CountWordsFinding(s, nil)
	return n
}

// WordStarts picks out words for CountWordsFinding by their first two
// bytes: Pairs has bit c1 | c2<<8 set for each pair worth a look, and
// Look(s, i) returns what the word at s[i] is worth (bits, ORed together).
type WordStarts struct {
	Pairs *[1024]uint64 // 65,536 bits, one for each two bytes
	Look  func(s string, i int) uint32
}

// CountWordsFinding is CountWords(s) and, in the same pass over s, the OR
// of f.Look(s, i) at every ASCII letter s[i] that follows neither an ASCII
// letter nor a non-ASCII byte, has two bytes after it, and starts with a
// pair f.Pairs marks. A line's words are counted and searched for a few
// keywords at once: the two had been two passes (see formats/boilerplate.go).
// f may be nil.
func CountWordsFinding(s string, f *WordStarts) (n int, found uint32) {
	var in uint64      // 1 inside a word
	var blocked uint64 // 1 when the byte before is an ASCII letter or not ASCII
	for i := 0; i < len(s); {
		// Up to eight ASCII bytes at a time (see ascii8): words are the
		// runs of letters and digits, a joiner continues the word before
		// it, and words are counted by their first bytes. A step ends
		// before a non-ASCII byte, which the rune path below takes; two
		// joiners in a row ("--") take the byte path.
		if i+8 <= len(s) {
			x := ascii8.Load(s, i)
			p, valid := ascii8.ASCIIPrefix(x)
			letters := ascii8.Letters(x) & valid
			w := letters | ascii8.Digits(x)&valid
			j := ascii8.EitherOf(x, '\'', '-') & valid
			if p > 0 && j&ascii8.Next(j, 0) == 0 {
				inWord := w | j&ascii8.Next(w, in)
				n += ascii8.Count(w &^ ascii8.Next(inWord, in))
				in = ascii8.At(inWord, p-1)
				if f != nil {
					// A start's pair is taken from x and the byte after
					// it, in registers: no loads from s at each start.
					var after uint64
					if i+8 < len(s) {
						after = uint64(s[i+8])
					}
					pairs := f.Pairs
					for starts := letters &^ ascii8.Next(letters, blocked); starts != 0; starts = ascii8.DropFirst(starts) {
						at := uint(bits.TrailingZeros64(starts)) &^ 7 // the start's byte, in bits
						pair := (x>>at | after<<(56-at)<<8) & 0xFFFF
						if pairs[pair>>6]>>(pair&63)&1 != 0 {
							if k := i + int(at>>3); k+2 < len(s) {
								found |= f.Look(s, k)
							}
						}
					}
				}
				blocked = ascii8.At(letters, p-1)
				i += p
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			w := uint64(k & 1)
			n += int(w &^ in)
			in = w | in&uint64(k>>1&1)
			letter := uint64(k >> 2)
			if f != nil && letter&^blocked != 0 && f.marks(s, i) {
				found |= f.Look(s, i)
			}
			blocked = letter
			i++
			continue
		}
		blocked = 1
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if isCJKChar(r) { // a word of its own, and ends the word before it
			n++
			in = 0
			continue
		}
		var w, j uint64
		if isWordRune(r) {
			w = 1
		} else if r == '’' || !isGeneralPunctuation(r) && unicode.Is(unicode.M, r) {
			// A mark continues the word it follows (a Devanagari vowel
			// sign or virama, a decomposed accent) and starts none.
			j = 1
		}
		n += int(w &^ in)
		in = w | in&j
	}
	return n, found
}

// marks reports whether s[i:] has three bytes and starts with a pair
// f.Pairs marks: the byte path's test of a start.
func (f *WordStarts) marks(s string, i int) bool {
	if i+2 >= len(s) {
		return false
	}
	pair := uint(s[i]) | uint(s[i+1])<<8
	return f.Pairs[pair>>6&1023]>>(pair&63)&1 != 0
}

// isWordRune: a letter or a digit. Curly quotes and dashes (General
// Punctuation) are answered without the category tables' binary searches:
// prose has one every few dozen bytes.
func isWordRune(r rune) bool {
	return !isGeneralPunctuation(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isGeneralPunctuation: U+2000–U+206F, spaces, dashes, quotes, bullets and
// format characters, none of them a letter, digit or mark.
func isGeneralPunctuation(r rune) bool { return r >= 0x2000 && r <= 0x206F }

// asciiClass: bit 0 for a word character (ASCII letter or digit), bit 1 for
// a joiner that keeps a word going (apostrophe, hyphen), bit 2 for a
// letter.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			t[c] = 1 | 4
		}
		if c >= '0' && c <= '9' {
			t[c] = 1
		}
	}
	t['\''], t['-'] = 2, 2
	return t
}()

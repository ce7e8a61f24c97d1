package article

import (
	"encoding/binary"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/ascii8"
)

// The loader marks an article whose text repeats an earlier one's as a
// duplicate; TextKey is what it compares. It lives with the type because
// the key is a property of the article's text alone.

// minDuplicateWords: bodies shorter than this are not compared for
// duplicates (TextKey is ""). Feed items often carry only a one-line
// teaser ("Read the full story"), which many different items share.
const minDuplicateWords = 12

// TextKey is the Sum of an article's body normalised for comparison:
// lowercase letters and digits only, words separated by one space
// (punctuation, quotes, markup and spacing ignored). It is "" for bodies
// too short to compare. The store of parsed files (corpus) keeps these
// keys: the normalisation and the hash must not change without a new
// store version.
func TextKey(a *Article) string {
	if a.Words < minDuplicateWords {
		return ""
	}
	bp := keyBufs.Get().(*[]byte)
	buf := (*bp)[:0]
	for _, b := range a.Blocks {
		buf = appendKeyText(buf, b.Text)
	}
	sum := SumOf(buf)
	if cap(buf) <= 1<<20 { // one huge article does not pin its buffer
		*bp = buf
		keyBufs.Put(bp)
	}
	return string(sum[:])
}

// keyBufs holds the buffers TextKey normalises into, so that a cold load
// does not allocate (and clear) one per article.
var keyBufs = sync.Pool{New: func() any { b := make([]byte, 0, 8192); return &b }}

// appendKeyText appends s normalised for TextKey: each run of letters and
// digits lower-cased and followed by one space.
func appendKeyText(buf []byte, s string) []byte {
	// ASCII is written without branches: every byte stores its key byte
	// (lower case, or a space for a separator) and the length grows when
	// it is a word byte or the first separator after a word.
	buf = slices.Grow(buf, len(s)+1)
	n, out := len(buf), buf[:cap(buf)]
	var in uint8 // 1 inside a word
	for i := 0; i < len(s); {
		// Eight ASCII bytes without two separators in a row (most of
		// prose) keep every byte: they are written as one word, letters
		// lower-cased and separators made spaces (see ascii8). The room
		// reserved above holds them: n grows by at most a byte a byte.
		// Where a separator follows a separator, the bytes before it are
		// written the same way and it is skipped: a step never falls back
		// to single bytes for ASCII.
		if i+8 <= len(s) {
			x := ascii8.Load(s, i)
			if ascii8.ASCII(x) {
				w := ascii8.Letters(x) | ascii8.Digits(x)
				word := (w >> 7) * 0xFF // 0xFF for each letter or digit byte
				lower := x | ascii8.Upper(x)>>2
				binary.LittleEndian.PutUint64(out[n:n+8], lower&word|ascii8.Spaces&^word)
				if dropped := ascii8.All &^ (w | ascii8.Next(w, uint64(in))); dropped != 0 {
					d := ascii8.First(dropped) // a separator after one: in is 0 after it
					n += d
					in = 0
					i += d + 1
					continue
				}
				n += 8
				in = uint8(ascii8.Last(w))
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			k := keyByte[c]
			w := keyWord[c]
			out[n] = k
			n += int(w | in)
			in = w
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		buf = out[:n]
		if isWordRune(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			in = 1
		} else if in == 1 {
			buf = append(buf, ' ')
			in = 0
		}
		buf = slices.Grow(buf, len(s)-i+1) // room for the ASCII path again
		n, out = len(buf), buf[:cap(buf)]
	}
	if in == 1 {
		out[n] = ' '
		n++
	}
	return out[:n]
}

// keyByte maps ASCII letters and digits to their lower case and every other
// ASCII byte to a space; keyWord is 1 for letters and digits.
var keyByte, keyWord = func() (b, w [utf8.RuneSelf]uint8) {
	for c := range b {
		b[c] = ' '
	}
	for c := byte('0'); c <= '9'; c++ {
		b[c], w[c] = c, 1
	}
	for c := byte('a'); c <= 'z'; c++ {
		b[c], b[c-'a'+'A'] = c, c
		w[c], w[c-'a'+'A'] = 1, 1
	}
	return b, w
}()

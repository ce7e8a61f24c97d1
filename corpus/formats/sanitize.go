package formats

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"

	"github.com/parallax-reader/parallax/corpus/ascii8"
)

// DecodeText turns raw file bytes into valid UTF-8: a UTF-8 byte-order mark is
// dropped, UTF-16 with a byte-order mark is decoded, and bytes that are not
// valid UTF-8 are read as Windows-1252 (the most common legacy encoding of
// scraped news). Valid UTF-8 is returned unchanged.
func DecodeText(b []byte) string {
	// if/else rather than a tagless switch: the mutation tool sees no
	// test reach a case expression (MUTATION.md, "A blind spot").
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	} else if len(b) >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) {
		return decodeUTF16(b[2:], b[0] == 0xFE)
	}
	if utf8.Valid(b) {
		return string(b)
	}
	// Mixed files are common: keep the valid UTF-8 sequences and decode only
	// the stray bytes as Windows-1252.
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	dec := charmap.Windows1252
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(dec.DecodeByte(b[0]))
			b = b[1:]
			continue
		}
		sb.Write(b[:size])
		b = b[size:]
	}
	return sb.String()
}

// decodeOwnedText is DecodeText for bytes that are never written again:
// valid UTF-8 becomes a string sharing them instead of a copy.
func decodeOwnedText(b []byte) string {
	body := b
	if len(body) >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF {
		body = body[3:]
	}
	if len(body) > 0 && !hasUTF16BOM(b) && utf8.Valid(body) {
		return unsafe.String(unsafe.SliceData(body), len(body))
	}
	return DecodeText(b)
}

func decodeUTF16(b []byte, bigEndian bool) string {
	var sb strings.Builder
	for i := 0; i+1 < len(b); i += 2 {
		u := rune(b[i]) | rune(b[i+1])<<8
		if bigEndian {
			u = rune(b[i])<<8 | rune(b[i+1])
		}
		if u >= 0xD800 && u < 0xDC00 && i+3 < len(b) {
			l := rune(b[i+2]) | rune(b[i+3])<<8
			if bigEndian {
				l = rune(b[i+2])<<8 | rune(b[i+3])
			}
			if l >= 0xDC00 && l < 0xE000 {
				sb.WriteRune((u-0xD800)<<10 + (l - 0xDC00) + 0x10000)
				i += 2
				continue
			}
		}
		sb.WriteRune(u)
	}
	return sb.String()
}

// isBidiControl reports the explicit directional formatting characters
// (embeddings, overrides, isolates) that can reorder what a terminal shows.
func isBidiControl(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// CleanText makes multi-line text safe and tidy: escape sequences (CSI, OSC,
// DCS, SOS, PM, APC, in 7-bit and 8-bit form) are removed whole, every other
// control character except newline is removed (tabs become spaces), bidi
// embeddings, overrides and isolates are removed, CR and CRLF become LF, and
// no-break and other Unicode spaces become plain spaces. U+2028/U+2029 become
// newlines. A byte-order mark anywhere is dropped. Text that needs none of
// this is returned as it is, without copying.
func CleanText(s string) string { return cleanText(s, false) }

// CleanStyled is CleanText for text that Parallax has styled itself, just
// before it goes to a terminal: SGR sequences (ESC [ params m: colours,
// bold, ...), which can do nothing but style, are kept; every other escape
// sequence and control goes, as CleanText removes them. It is the last
// guard at output, for text that did not pass the corpus (a crafted cache
// file, a file name). Newlines and tabs are kept.
func CleanStyled(s string) string { return cleanText(s, true) }

// cleanText is CleanText, keeping SGR sequences and tabs if styled.
func cleanText(s string, styled bool) string {
	first := firstUncleanIn(s, styled)
	if first < 0 {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	sb.WriteString(s[:first])
	for i := first; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		next := i + size
		if r == '\n' {
			sb.WriteByte('\n')
		} else if r == '\r' {
			sb.WriteByte('\n')
			if next < len(s) && s[next] == '\n' {
				next++
			}
		} else if r == '\t' {
			if styled {
				sb.WriteByte('\t')
			} else {
				sb.WriteByte(' ')
			}
		} else if r == 0x1B { // ESC: skip the whole sequence, unless it only styles
			if n := sgrEnd(s, i); styled && n > 0 {
				sb.WriteString(s[i:n])
				next = n
			} else {
				next = skipEscape(s, i)
			}
		} else if r == 0x9B { // 8-bit CSI
			next = skipCSI(s, next)
		} else if r == 0x9D || r == 0x90 || r == 0x98 || r == 0x9E || r == 0x9F { // OSC, DCS, SOS, PM, APC
			next = skipString(s, next)
		} else if r == 0x2028 || r == 0x2029 {
			sb.WriteByte('\n')
		} else if r == utf8.RuneError && size == 1 {
			sb.WriteRune(utf8.RuneError) // invalid byte: visible, harmless
		} else if dropRune(r) {
			// removed
		} else if spaceRune(r) {
			sb.WriteByte(' ')
		} else {
			sb.WriteString(s[i:next])
		}
		i = next
	}
	return sb.String()
}

// dropRune: controls, bidi controls, BOM and invisible joiners that have
// no business in article text.
func dropRune(r rune) bool {
	return r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0) || isBidiControl(r) ||
		r == 0xFEFF || r == 0x200B || r == 0x2060 || r == 0x00AD
}

func spaceRune(r rune) bool {
	return r == 0xA0 || r == 0x202F || r == 0x2007 || (r > ' ' && unicode.Is(unicode.Zs, r))
}

// sgrEnd returns the offset after the SGR sequence (ESC [ digits and ; or :
// then m) that starts at s[i], or 0 if none does.
func sgrEnd(s string, i int) int {
	if i+2 >= len(s) || s[i+1] != '[' {
		return 0
	}
	for j := i + 2; j < len(s); j++ {
		c := s[j]
		if c == 'm' {
			return j + 1
		}
		if (c < '0' || c > '9') && c != ';' && c != ':' {
			return 0
		}
	}
	return 0
}

// firstUnclean returns the byte offset of the first rune CleanText would
// change, or -1.
func firstUnclean(s string) int { return firstUncleanIn(s, false) }

// firstUncleanIn is firstUnclean for cleanText in either mode.
func firstUncleanIn(s string, styled bool) int {
	for i := 0; i < len(s); {
		// Eight printable ASCII bytes at a time: a byte below 0x20 borrows
		// into its high bit, 0x7F carries into it, and non-ASCII has it.
		// Lanes only borrow or carry from a lane that is flagged itself.
		for ; i+8 <= len(s); i += 8 {
			x := ascii8.Load(s, i)
			if (x|(x-0x2020202020202020)|(x+0x0101010101010101))&0x8080808080808080 != 0 {
				break
			}
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if styled && (c == '\t' || c == 0x1B && sgrEnd(s, i) > 0) {
				if c == 0x1B {
					i = sgrEnd(s, i)
				} else {
					i++
				}
				continue
			}
			if c < 0x20 && c != '\n' || c == 0x7F {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == 0x2028 || r == 0x2029 || dropRune(r) || spaceRune(r) {
			return i
		}
		i += size
	}
	return -1
}

// CleanLine is CleanText for single-line fields (titles, outlets, urls):
// newlines become spaces, runs of spaces collapse, the ends are trimmed, and
// the directional marks LRM, RLM and ALM are removed as well.
func CleanLine(s string) string {
	return tidyCleanLine(CleanText(s))
}

// tidyCleanLine is CleanLine for text that CleanText has already cleaned
// (CleanText leaves its own output, and each line of it, unchanged).
func tidyCleanLine(s string) string {
	if tidyLine(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	for _, r := range s {
		if r == 0x200E || r == 0x200F || r == 0x061C {
			continue
		}
		if r == ' ' || r == '\n' {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// tidyLine: already trimmed, single spaces, no newline or directional mark
// (LRM and RLM are E2 80 8E and E2 80 8F, ALM is D8 9C), in one pass of
// eight bytes a step: prose has a space every few bytes and a curly quote
// (E2 80 xx) every few dozen, at each of which searches for "  " and E2
// had stopped (a tenth, then a twentieth of the CPU of parsing plain
// text).
func tidyLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	var last uint64 // 1 when the byte before the eight is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := ascii8.Load(s, i)
		sp := ascii8.Eq(x, ' ')
		// Two spaces side by side in these bytes, or one ending the last
		// eight and one starting these.
		if ascii8.Eq(x, '\n') != 0 || sp&ascii8.Next(sp, last) != 0 {
			return false
		}
		last = ascii8.Last(sp)
		if ascii8.NonASCII(x) != 0 && directionalMarkAt(s, i, x) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] == '\n' || s[i] == ' ' && s[i-1] == ' ' || directionalMarkIn(s, i, i+1) {
			return false
		}
	}
	return true
}

// directionalMarkAt reports whether an LRM, RLM or ALM starts at one of the
// eight bytes x holds, s[i:i+8]: their bytes compared in place, each lane
// with the two bytes after it, where the bytes after the eight are there.
func directionalMarkAt(s string, i int, x uint64) bool {
	if i+10 > len(s) {
		return directionalMarkIn(s, i, i+8)
	}
	next, after := ascii8.Load(s, i+1), ascii8.Load(s, i+2)
	lrm := ascii8.Eq(x, 0xE2) & ascii8.Eq(next, 0x80) & (ascii8.Eq(after, 0x8E) | ascii8.Eq(after, 0x8F))
	return lrm|ascii8.Eq(x, 0xD8)&ascii8.Eq(next, 0x9C) != 0
}

// directionalMarkIn reports whether an LRM, RLM or ALM starts at one of
// s[from:to].
func directionalMarkIn(s string, from, to int) bool {
	for j := from; j < to; j++ {
		if s[j] == 0xE2 && j+2 < len(s) && s[j+1] == 0x80 && (s[j+2] == 0x8E || s[j+2] == 0x8F) ||
			s[j] == 0xD8 && j+1 < len(s) && s[j+1] == 0x9C {
			return true
		}
	}
	return false
}

// skipEscape returns the offset just past the escape sequence that starts
// with ESC at s[i].
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		return skipCSI(s, i+2)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+2)
	}
	// Two-character sequence (ESC c, ESC 7, ...), possibly with intermediates.
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
		return j + 1
	}
	return j
}

// skipCSI skips the parameter, intermediate and final bytes of a control
// sequence whose parameters start at s[j], returning the offset after it.
func skipCSI(s string, j int) int {
	for j < len(s) {
		c := s[j]
		if c >= 0x40 && c <= 0x7E {
			return j + 1
		}
		if c < 0x20 || c > 0x7E {
			return j // malformed: stop before the offending byte
		}
		j++
	}
	return len(s)
}

// skipString skips a control string (OSC, DCS, ...) up to and including its
// terminator: BEL, ST (ESC \) or 8-bit ST. An unterminated string is
// dropped up to the end of the line, so that text after it survives.
func skipString(s string, j int) int {
	for k := j; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		switch r {
		case 0x07, 0x9C:
			return k + size
		case 0x1B:
			if k+1 < len(s) && s[k+1] == '\\' {
				return k + 2
			}
			return k
		case '\n':
			return k
		}
		k += size
	}
	return len(s)
}

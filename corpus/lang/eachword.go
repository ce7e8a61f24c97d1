package lang

import "unicode/utf8"

// EachWord calls fn with the folded text and start offset of every word of
// s, exactly as Tokens would give them, without allocating for ASCII text:
// it is the fast path for indexing large corpora. The slice passed to fn is
// reused (buf is its backing store, returned for the next call) and valid
// only during the call.
func EachWord(s string, buf []byte, fn func(word []byte, start int)) []byte {
	// Non-ASCII letters or digits need folding: leave them to Tokens. Other
	// non-ASCII runes (curly quotes, dashes) only separate words.
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) || IsIdeograph(r) { // Han radicals are symbols, yet tokens

			for _, t := range Tokens(s) {
				buf = append(buf[:0], t.Text...)
				fn(buf, t.Start)
			}
			return buf
		}
		i += size
	}
	for i := 0; i < len(s); {
		if !isASCIIWord(s[i]) {
			i++
			continue
		}
		start := i
		buf = buf[:0]
		for i < len(s) {
			c := s[i]
			if isASCIIWord(c) {
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				i++
				continue
			}
			// An apostrophe joins letters: "don't", "Umerov's".
			if c == '\'' && i+1 < len(s) && isASCIILetter(s[i+1]) {
				buf = append(buf, '\'')
				i++
				continue
			}
			if c >= 0x80 {
				if r, size := utf8.DecodeRuneInString(s[i:]); isApostrophe(r) && i+size < len(s) && isASCIILetter(s[i+size]) {
					buf = append(buf, '\'')
					i += size
					continue
				}
			}
			break
		}
		if n := len(buf); n > 2 && buf[n-2] == '\'' && buf[n-1] == 's' {
			buf = buf[:n-2]
		}
		k := 0
		for _, c := range buf {
			if c != '\'' {
				buf[k] = c
				k++
			}
		}
		buf = buf[:k]
		fn(buf, start)
	}
	return buf
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isASCIIWord(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' }

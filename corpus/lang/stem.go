package lang

import "strings"

// invariant words end like an inflection but are not one: Porter's
// algorithm would make "news" the word "new" and "bus" "bu" (the
// exceptions of Porter's own later English stemmer, and short words ending
// in s).
var invariant = setOf("news", "series", "species", "atlas", "cosmos", "bias", "andes", "bus", "gas",
	"lens", "us", "this", "was", "has", "his", "hers", "its", "does", "yes", "thus", "always", "perhaps")

// Stem reduces a folded English word to its Porter stem (M. F. Porter,
// 1980), so that "negotiations", "negotiators" and "negotiate" meet, as do
// "talks", "talked" and "talking". Search (a query word also finds the
// words that share its stem), comparison and stories share it, so they
// agree on which words are the same. Words that are not plain lower-case
// ASCII letters, words of two letters or fewer and the invariant words are
// returned unchanged.
func Stem(w string) string {
	if len(w) <= 2 || invariant[w] {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	// Index snapshots stem every term of the vocabulary when they load:
	// words up to 32 letters are stemmed on the stack, and a stem that is
	// a prefix of the word (most are) is returned without a copy.
	var arr [32]byte
	b := append(arr[:0], w...)
	b = step1a(b)
	b = step1b(b)
	b = step1c(b)
	b = step2(b)
	b = step3(b)
	b = step4(b)
	b = step5(b)
	if strings.HasPrefix(w, string(b)) {
		return w[:len(b)]
	}
	return string(b)
}

func isCons(b []byte, i int) bool {
	switch b[i] {
	case 'a', 'e', 'i', 'o', 'u':
		return false
	case 'y':
		return i == 0 || !isCons(b, i-1)
	}
	return true
}

// measure counts VC sequences in b[:n].
func measure(b []byte, n int) int {
	m, i := 0, 0
	for i < n && isCons(b, i) {
		i++
	}
	for {
		for i < n && !isCons(b, i) {
			i++
		}
		if i == n { // the loops stop at n
			return m
		}
		for i < n && isCons(b, i) {
			i++
		}
		m++
	}
}

func hasVowel(b []byte, n int) bool {
	for i := 0; i < n; i++ {
		if !isCons(b, i) {
			return true
		}
	}
	return false
}

func endsDoubleCons(b []byte) bool {
	n := len(b)
	return n >= 2 && b[n-1] == b[n-2] && isCons(b, n-1)
}

// endsCVC: consonant-vowel-consonant, the last not w, x or y.
func endsCVC(b []byte, n int) bool {
	if n < 3 || !isCons(b, n-1) || isCons(b, n-2) || !isCons(b, n-3) {
		return false
	}
	c := b[n-1]
	return c != 'w' && c != 'x' && c != 'y'
}

func hasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}

// replace swaps suffix s for r when the stem before it has measure > m.
func replace(b []byte, s, r string, m int) ([]byte, bool) {
	if !hasSuffix(b, s) {
		return b, false
	}
	n := len(b) - len(s)
	if measure(b, n) > m {
		return append(b[:n], r...), true
	}
	return b, true
}

func step1a(b []byte) []byte {
	switch {
	case hasSuffix(b, "sses"), hasSuffix(b, "ies"):
		return b[:len(b)-2]
	case hasSuffix(b, "ss"):
		return b
	case hasSuffix(b, "s"):
		return b[:len(b)-1]
	}
	return b
}

func step1b(b []byte) []byte {
	if hasSuffix(b, "eed") {
		if measure(b, len(b)-3) > 0 {
			return b[:len(b)-1]
		}
		return b
	}
	cut := 0
	if hasSuffix(b, "ed") && hasVowel(b, len(b)-2) {
		cut = 2
	} else if hasSuffix(b, "ing") && hasVowel(b, len(b)-3) {
		cut = 3
	}
	if cut == 0 {
		return b
	}
	b = b[:len(b)-cut]
	if hasSuffix(b, "at") || hasSuffix(b, "bl") || hasSuffix(b, "iz") {
		return append(b, 'e')
	} else if endsDoubleCons(b) {
		if c := b[len(b)-1]; c != 'l' && c != 's' && c != 'z' {
			return b[:len(b)-1]
		}
	} else if measure(b, len(b)) == 1 && endsCVC(b, len(b)) {
		return append(b, 'e')
	}
	return b
}

// step1c turns a final y into i after a consonant that is not the first
// letter, as Porter's later English stemmer does, so that "try", "tries"
// and "tried" meet (the 1980 rule left "try" alone).
func step1c(b []byte) []byte {
	if n := len(b); n > 2 && b[n-1] == 'y' && isCons(b, n-2) {
		b[n-1] = 'i'
	}
	return b
}

// step2Rules are Porter's, less his five rules for adverbs in -ly ("bli",
// "alli", "entli", "eli", "ousli"): those turn an adverb into its
// adjective, which later steps cut to the noun's stem, so "officially"
// met "officials", "finally" "finals", "seriously" "serious"
// and "likely" "like". An adverb in -ly keeps its "-li" as Porter already
// keeps it for the other adverbs ("strongli", "directli"): a manner or a
// stance is not the people or thing its noun names. Inflections of a noun
// in -ly still meet ("assembly", "assemblies").
var step2Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
	{"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
	{"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
	{"logi", "log"},
}

// The rules of steps 2 to 4 by the last letter of their suffix, in their
// order: a word is checked only against the rules that can match it.
var (
	step2ByLast = rulesByLast(step2Rules)
	step3ByLast = rulesByLast(step3Rules)
	step4ByLast = suffixesByLast(step4Suffixes)
)

func rulesByLast(rules [][2]string) (t [26][][2]string) {
	for _, r := range rules {
		c := r[0][len(r[0])-1] - 'a'
		t[c] = append(t[c], r)
	}
	return t
}

func suffixesByLast(suffixes []string) (t [26][]string) {
	for _, s := range suffixes {
		c := s[len(s)-1] - 'a'
		t[c] = append(t[c], s)
	}
	return t
}

func step2(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	for _, r := range step2ByLast[b[len(b)-1]-'a'] {
		if nb, ok := replace(b, r[0], r[1], 0); ok {
			return nb
		}
	}
	return b
}

var step3Rules = [][2]string{
	{"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""}, {"ness", ""},
}

func step3(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	for _, r := range step3ByLast[b[len(b)-1]-'a'] {
		if nb, ok := replace(b, r[0], r[1], 0); ok {
			return nb
		}
	}
	return b
}

var step4Suffixes = []string{"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"}

func step4(b []byte) []byte {
	if len(b) == 0 {
		return b
	}
	// The first suffix that matches is the longest: where two overlap the
	// longer is listed first ("ement" before "ment" before "ent").
	best := ""
	for _, s := range step4ByLast[b[len(b)-1]-'a'] {
		if hasSuffix(b, s) {
			best = s
			break
		}
	}
	if best == "" {
		return b
	}
	n := len(b) - len(best)
	if measure(b, n) <= 1 {
		return b
	}
	if best == "ion" && (n == 0 || (b[n-1] != 's' && b[n-1] != 't')) {
		return b
	}
	return b[:n]
}

func step5(b []byte) []byte {
	if hasSuffix(b, "e") {
		n := len(b) - 1
		m := measure(b, n)
		if m > 1 || (m == 1 && !endsCVC(b, n)) {
			b = b[:n]
		}
	}
	if hasSuffix(b, "ll") && measure(b, len(b)) > 1 {
		b = b[:len(b)-1]
	}
	return b
}

// TranslitKey returns a key under which common transliteration variants of
// a folded name agree: y, j and i are one letter, doubled letters are single,
// "kh" is "h", "ph" is "f", "ck" is "k", and "ie" is "i". So Zelensky,
// Zelenskyy and Zelenskiy share a key, as do Kyiv and Kiev, and Witkof and
// Witkoff. Only ASCII letters are rewritten; other scripts pass through.
func TranslitKey(w string) string {
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		next := byte(0)
		if i+1 < len(w) {
			next = w[i+1]
		}
		if c == 'k' && next == 'h' {
			c = 'h'
			i++
		} else if c == 'p' && next == 'h' {
			c = 'f'
			i++
		} else if c == 'c' && next == 'k' {
			c = 'k'
			i++
		} else if c == 'y' || c == 'j' {
			c = 'i'
		}
		if c == 'e' && len(b) > 0 && b[len(b)-1] == 'i' {
			continue // "ie" -> "i"
		}
		if len(b) > 0 && b[len(b)-1] == c && c < 0x80 {
			continue // doubled letters
		}
		b = append(b, c)
	}
	return string(b)
}

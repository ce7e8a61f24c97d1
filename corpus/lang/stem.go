package lang

import "strings"

// invariant words end like inflections but are not ("news" is not the plural
// of "new").
var invariant = setOf("news", "series", "species", "physics", "politics", "economics", "always",
	"perhaps", "whereas", "thus", "was", "has", "his", "hers", "its", "this", "does", "yes", "us",
	"bus", "gas", "lens", "chaos", "mathematics", "ethics", "tactics", "logistics", "statistics",
	"during", "nothing", "something", "anything", "everything", "morning", "evening", "wedding",
	"ceiling", "king", "bring", "thing", "spring", "string", "sibling", "seed", "need", "feed",
	"speed", "indeed", "breed", "bed", "red", "shed", "hundred", "sacred", "naked", "wicked")

// Stem returns the key that simple English inflections of a folded word
// share, so that "talks", "talked" and "talking" all give "talk" and
// "policies" gives "policy". It is a light, conservative stemmer (plural and
// verb endings only, Porter-style undoubling), meant for matching words with
// each other, not for producing dictionary forms: "hope" and "hoping" both
// give "hop". Words that are not plain lower-case ASCII letters, and words of
// three letters or fewer, are returned unchanged.
func Stem(w string) string {
	if len(w) <= 3 || invariant[w] {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	w = stripPlural(w)
	if s, ok := stripVerb(w); ok {
		return s
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

func stripPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4 && !strings.HasSuffix(w, "eies") && !strings.HasSuffix(w, "aies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}

func stripVerb(w string) (string, bool) {
	var stem string
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y", true
	case strings.HasSuffix(w, "eed"):
		return w, false
	case strings.HasSuffix(w, "ed"):
		stem = w[:len(w)-2]
	case strings.HasSuffix(w, "ing"):
		stem = w[:len(w)-3]
	default:
		return w, false
	}
	if len(stem) < 3 || !strings.ContainsAny(stem, "aeiouy") {
		return w, false
	}
	if n := len(stem); stem[n-1] == stem[n-2] && !strings.ContainsRune("aeioulszfd", rune(stem[n-1])) {
		stem = stem[:n-1]
	} else if strings.HasSuffix(stem, "e") && !strings.HasSuffix(stem, "ee") {
		stem = stem[:n-1]
	}
	return stem, true
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
		switch {
		case c == 'k' && next == 'h':
			c = 'h'
			i++
		case c == 'p' && next == 'h':
			c = 'f'
			i++
		case c == 'c' && next == 'k':
			c = 'k'
			i++
		case c == 'y' || c == 'j':
			c = 'i'
		}
		if c == 'e' && len(b) > 0 && b[len(b)-1] == 'i' && i > 0 {
			continue // "ie" -> "i"
		}
		if len(b) > 0 && b[len(b)-1] == c && c < 0x80 {
			continue // doubled letters
		}
		b = append(b, c)
	}
	return string(b)
}

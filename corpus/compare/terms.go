package compare

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus/lang"
)

// word is one token of a sentence with what comparison needs to know about it.
type word struct {
	fold       string // folded surface form ("u.s." -> "us", "Umerov's" -> "umerov")
	term       string // content term: stem or canonical place key; "" for stop words
	start, end int    // byte span in the sentence text
	cap        bool   // starts with an upper-case letter
	acro       bool   // an acronym: all capitals ("NATO") or dotted ("U.S.")
	initial    bool   // first word of a sentence, quote, list item or after a colon
	poss       bool   // written with a possessive ending ("Trump's", "allies'")
	glued      bool   // a suffix written onto a figure ("km" of "5km"), split off to read it
}

// stopwords carry no content for similarity. Reporting verbs are included:
// every outlet says "said", it tells nothing about what two texts share.
var stopwords = setOf(strings.Fields(`a about above after again against all also am an and any are
aren as at be because been before being below between both but by can could did do does doing down
during each few for from further had has have having he her here hers herself him himself his how i if
in into is it its itself just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them themselves
then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves s t don dont doesnt didnt isnt
wasnt werent wont cant couldnt shouldnt wouldnt im ive id youre theyre weve hes shes its thats theres
said says say told tell according also however meanwhile may might must shall per via upon yet
whether though although since ago amid amidst among toward towards within without onto mr mrs ms dr
one us`)...)

// words tokenises one sentence. It notes capitals, acronyms ("NATO",
// "U.S.") and possessives, and gives each content word its term.
func words(s string) []word {
	toks := lang.Folded.Analyze(s)
	out := make([]word, 0, len(toks))
	for _, t := range toks {
		surface := s[t.Start:t.End]
		w := word{fold: t.Text, start: t.Start, end: t.End}
		r, _ := utf8.DecodeRuneInString(surface)
		w.cap = unicode.IsUpper(r)
		// A dotted acronym (U.S., U.K., E.U.) is one token; its span takes
		// in the last full stop, and a possessive after it ("F.B.I.'s").
		if strings.Contains(surface, ".") {
			if w.end < len(s) && s[w.end] == '.' {
				w.end++
			}
			if rest := s[w.end:]; strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
				w.poss = true
			}
		}
		w.acro = isAllCaps(surface)
		// "Trump's" (the tokenizer dropped the 's) or "allies'" (apostrophe after).
		if strings.HasSuffix(surface, "'s") || strings.HasSuffix(surface, "’s") {
			w.poss = true
		}
		if rest := s[w.end:]; (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")) && strings.HasSuffix(w.fold, "s") {
			w.poss = true
		}
		w.initial = isInitial(s, w.start)
		out = append(out, w)
	}
	assignTerms(s, out)
	return out
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// isInitial: nothing but opening punctuation before the word since the
// sentence start, an opening quote, a colon, a dash or a bullet.
func isInitial(s string, at int) bool {
	i := at
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case r == ' ' || r == '\t':
			i -= size
			continue
		case r == '“' || r == '‘' || r == '«' || r == '„' || r == '(' || r == '[':
			return true
		case r == '"' || r == '\'':
			// A straight quote opens when nothing or a space precedes it.
			if i-size == 0 {
				return true
			}
			p, _ := utf8.DecodeLastRuneInString(s[:i-size])
			return p == ' ' || p == '(' || p == '[' || p == '—' || p == '–'
		case r == ':' || r == '•' || r == '·' || r == '*':
			return true
		case r == '—' || r == '–' || r == '-':
			// A spaced dash opens a clause ("Rapala – Inside the club");
			// a glued one ("talks—featuring Rubio") does not.
			return i-size == 0 || s[i-size-1] == ' '
		}
		return false
	}
	return true
}

// assignTerms gives content words their term: a canonical key for known
// places and organisations (joining multi-word names and demonyms:
// "Ukrainian" and "Ukraine" share one), otherwise the Porter stem.
func assignTerms(s string, ws []word) {
	for i := 0; i < len(ws); i++ {
		w := &ws[i]
		if w.cap || w.acro {
			// Longest known name starting here, up to four words.
			matched := 0
			longest := min(4, len(ws)-i)
			if !gazetteerFirst()[w.fold] {
				longest = 1 // no known name of several words starts here
			}
			for n := longest; n >= 1; n-- {
				if !ws[i+n-1].cap && !ws[i+n-1].acro {
					continue
				}
				key := spanKey(s, ws[i:i+n])
				if p, ok := gazetteer()[key]; ok {
					w.term = "@" + foldName(p.canon)
					matched = n
					break
				}
			}
			if matched > 0 {
				for k := 1; k < matched; k++ {
					ws[i+k].term = ""
				}
				i += matched - 1
				continue
			}
			if c, ok := demonyms()[w.fold]; ok {
				w.term = "@" + foldName(c)
				continue
			}
		}
		if !w.acro && stopwords[w.fold] {
			continue
		}
		if w.acro {
			w.term = w.fold
			continue
		}
		w.term = senseOf(cachedStem(w.fold))
	}
}

// spanKey is foldName of the text of words ws, built from their folded
// forms when only spaces or hyphens separate them (the common case, and
// much cheaper).
func spanKey(s string, ws []word) string {
	simple := true
	for k := range ws {
		if strings.ContainsAny(s[ws[k].start:ws[k].end], "'’ʼ`.") {
			simple = false
			break
		}
		if k > 0 {
			if g := s[ws[k-1].end:ws[k].start]; g != " " && g != "-" {
				simple = false
				break
			}
		}
	}
	if !simple {
		return foldName(s[ws[0].start:ws[len(ws)-1].end])
	}
	if len(ws) == 1 {
		return ws[0].fold
	}
	n := len(ws) - 1
	for _, w := range ws {
		n += len(w.fold)
	}
	var b strings.Builder
	b.Grow(n)
	for k, w := range ws {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.fold)
	}
	return b.String()
}

// stemCache remembers stems across articles: a corpus repeats its words
// endlessly, and Porter stemming allocates. It stops growing at
// stemCacheMax entries.
var (
	stemCache     sync.Map
	stemCacheSize atomic.Int64
)

const stemCacheMax = 200_000

func cachedStem(w string) string {
	if v, ok := stemCache.Load(w); ok {
		return v.(string)
	}
	st, _ := lang.Stemmed.Term(w)
	if stemCacheSize.Load() < stemCacheMax {
		if _, loaded := stemCache.LoadOrStore(strings.Clone(w), st); !loaded {
			stemCacheSize.Add(1)
		}
	}
	return st
}

// hashTerm is FNV-1a: fixed across runs, so results never depend on a
// random seed.
func hashTerm(t string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(t); i++ {
		h ^= uint64(t[i])
		h *= 1099511628211
	}
	return h
}

func hashPair(a, b string) uint64 { return hashTerm(a)*31 ^ hashTerm(b) }

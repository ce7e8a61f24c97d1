package corpus_test

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// Oracle tests: where a hot function was rewritten for speed, the previous,
// plain version is kept here and both must agree on every input we have:
// the seeds, every testdata file (fixtures and fuzz inputs), hostile strings
// and a generated corpus, whole documents, their lines and their blocks.

// oracleDocs returns the raw documents the oracles run over.
var oracleDocs = sync.OnceValue(func() []string {
	var docs []string
	add := func(dir string) {
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			s := string(data)
			if strings.HasPrefix(s, "go test fuzz v1\n") {
				// A fuzz input: one quoted string or []byte per line.
				for _, l := range strings.Split(s, "\n")[1:] {
					l = strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(l, "[]byte("), "string("), ")")
					if u, err := strconv.Unquote(l); err == nil {
						docs = append(docs, u)
					}
				}
				return nil
			}
			docs = append(docs, s)
			return nil
		})
	}
	add(filepath.Join("..", "seeds"))
	add("testdata")
	add(filepath.Join("lang", "testdata"))
	docs = append(docs, hostileOracleInputs...)
	for _, a := range gen.Articles(oracleGenerated, 7) {
		docs = append(docs, gen.Render(a, true, true, len(a.Blocks)%2 == 0))
	}
	return docs
})

const oracleGenerated = 300

var hostileOracleInputs = []string{
	"", " ", "\n", "x", "İstanbul ȺȾ Ⱥ", "ǅemal Ǆ ǆ", "\xff\xfe bad\xc3", "a’b c-d e'f ’x x’ -y y-",
	"Ⅻ ⅻ ① ¹ ½ 中文字 ١٢٣ ๑๒", "\u00ad\u200b\ufeff\u202e\u2028\u2029\u00a0\u3000",
	"\x1b[31mRED\x1b[0m \u009b2J \x1b]52;c;ZXZpbA==\x07", "ΣΑΣ σας ΜΆΘΗΜΑ", "Straße STRASSE ß ẞ",
	// Boilerplate keywords, one a line, in varied case and surroundings.
	"IBAN: DE00 1234", "SWIFT/BIC: ABCD", "PayPal", "Vipps #123", "CASH APP", "cashapp", "Ac #1", "aC #",
	"PLEASE CONSIDER SUPPORTING us", "Every Contribution", "from As Little As $1", "sUPPORT oUR journalism",
	// Controls, DEL and non-ASCII at every distance from an 8-byte boundary.
	"0123456789abcdef\x7f0123456789abcdef\x1f0123456789\x00 x\u0085y\u00a0z é  done \r\n",
	// Headings and lines ending in abbreviations, U.S.-style initials and
	// letters that fold to ASCII (ſ is s, K is k).
	"Talks With the U.S.", "Meeting With Mr.", "Deal With Apple Inc.", "Smith Jr.", "Trump vs. Biden Etc.",
	"Talks Mrſ.", "Zelensky Says No.", "Ukraine Gen.", "A B C.", "Talks With the É.U.", "Paris, France Co.",
	"Who Pays?", "What Happens Next In The Talks With The Kremlin After A Long Night Of Bargaining?",
	"One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen",
	"\u00a0Lead\u2003Space", "1999", "\"Quoted Heading\"", "'Single'", "Déjà Vu\u0085Again",
	// Header lines, titles and attributions.
	"www.Example.co.uk/news/1", "https://news.example.com:8080/a?b", "ſite.org", "Published: 1 December 2025", "Last updated: 1 December 2025",
	"Posted on December 1, 2025", "DATE: 2025-12-01",
	"updated on Monday, January 2, 2006 3:04 PM", "Date: 2025-12-01", "First published at 13:37 GMT",
	"Talks stall again in Geneva | Example News", "Talks stall again in Geneva - example.com",
	"Talks stall again in Geneva — www.example.org", "CNN reported the information.",
	"The Associated Press first reported the story", "This article was originally published by ProPublica.",
	"ſource: Reuters", "Source: AP", "Via The Guardian.", "Courtesy of NPR", "Originally published in Le Monde.",
	"Please ſupport our journalism", "BANK ACCOUNT: 1234", "banK transfer", "Account No. 5",
	"Account for international payments", "Make a one-off donation", "Make a monthly contribution today",
	"Every contribution, however big or small, counts", "From as little as $1, you can help.",
	"indicates required fields", "Pay with cash app or CashApp", "Support independent reporting",
	"# 3 comments", "(12)", "[Advertisement]", "SHARE THIS ARTICLE", "Copyright 2025", "© Example",
	"Scroll to continue with content", "Youmayalsolikethisverylongword", "Newsletter: sign up",
	"3iban", "x-paypal", "éswift", "donation_bank", "Indicates Required Fields *", "ſupport our work", "Ķelvin",
}

// oracleTexts: every document, each of its lines and each block of the
// articles parsed from it, once each.
var oracleTexts = sync.OnceValue(func() []string {
	var out []string
	for _, d := range oracleDocs() {
		out = append(out, d)
		out = append(out, strings.Split(d, "\n")...)
		if arts, err := corpus.ParseDocument("x.txt", []byte(d)); err == nil {
			for _, a := range arts {
				for _, b := range a.Blocks {
					out = append(out, b.Text)
				}
				out = append(out, a.Removed...)
				out = append(out, a.Title)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
})

// oracleLines: the lines of oracleTexts, once each.
var oracleLines = sync.OnceValue(func() []string {
	var out []string
	for _, s := range oracleTexts() {
		out = append(out, strings.Split(s, "\n")...)
	}
	slices.Sort(out)
	return slices.Compact(out)
})

// oracleArticles: the articles parsed from every document.
func oracleArticles(t *testing.T) []*corpus.Article {
	var out []*corpus.Article
	for i, d := range oracleDocs() {
		names := []string{"x.txt", "x.html", "x.md", "x.json", "x.rss"}
		if i >= len(oracleDocs())-oracleGenerated {
			names = names[:1] // generated plain text
		}
		for _, name := range names {
			if arts, err := corpus.ParseDocument(name, []byte(d)); err == nil {
				out = append(out, arts...)
			}
		}
	}
	if len(out) < oracleGenerated {
		t.Fatalf("only %d articles to compare", len(out))
	}
	return out
}

func TestOracleTextKey(t *testing.T) {
	n := 0
	for _, a := range oracleArticles(t) {
		if got, want := corpus.TextKey(a), oldTextKey(a); got != want {
			t.Fatalf("textKey differs for article %q", a.Title)
		}
		// Also with the word count forced up, so that short bodies are
		// normalised too.
		b := *a
		b.Words = 1 << 20
		if got, want := corpus.TextKey(&b), oldTextKey(&b); got != want {
			t.Fatalf("textKey differs for article %q (short)", a.Title)
		}
		n++
	}
	for _, s := range oracleTexts() {
		a := &corpus.Article{Words: 1 << 20, Blocks: []corpus.Block{{Text: s}, {Text: s}}}
		if got, want := corpus.TextKey(a), oldTextKey(a); got != want {
			t.Fatalf("textKey differs for %q", s)
		}
	}
}

func FuzzOracleTextKey(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, s1, s2 string) {
		a := &corpus.Article{Words: 1 << 20, Blocks: []corpus.Block{{Text: s1}, {Text: s2}}}
		if got, want := corpus.TextKey(a), oldTextKey(a); got != want {
			t.Fatalf("textKey differs for %q, %q", s1, s2)
		}
	})
}

// oldTextKey is textKey before the ASCII fast path and buffer reuse.
func oldTextKey(a *corpus.Article) string {
	if a.Words < 12 {
		return ""
	}
	buf := make([]byte, 0, 4096)
	for _, b := range a.Blocks {
		inWord := false
		for _, r := range b.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				inWord = true
				continue
			}
			if inWord {
				buf = append(buf, ' ')
				inWord = false
			}
		}
		if inWord {
			buf = append(buf, ' ')
		}
	}
	sum := sha256.Sum256(buf)
	return string(sum[:])
}

func TestOracleWordsAndKeywords(t *testing.T) {
	found := 0
	for _, s := range oracleTexts() {
		checkWordsAndKeywords(t, s)
		if corpus.KeywordGroups(s) != 0 {
			found++
		}
	}
	if found < 5 {
		t.Errorf("only %d inputs carry boilerplate keywords: the oracle compares too little", found)
	}
}

func FuzzOracleWordsAndKeywords(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s)
	}
	f.Add("Please consider supporting: IBAN DE00, PayPal, cash app, ac #1, Swiſt")
	f.Fuzz(checkWordsAndKeywords)
}

func checkWordsAndKeywords(t *testing.T, s string) {
	if got, want := corpus.CountWords(s), oldCountWords(s); got != want {
		t.Fatalf("%q: CountWords %d, the previous CountWords %d", s, got, want)
	}
	if got, want := corpus.StartersOf(s), corpus.OldStarters(s); !slices.Equal(got, want) {
		t.Fatalf("%q: startersOf = %v, want %v", s, got, want)
	}
	if groups, want := corpus.KeywordGroups(s), corpus.OldKeywordGroups(s); groups != want {
		t.Fatalf("%q: keyword groups %b, want %b", s, groups, want)
	}
}

// oldCountWords is CountWords before it went branch-free (with each
// Chinese character or kana a word, as CountWords has counted them since).
func oldCountWords(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		var w, joiner bool
		if c < utf8.RuneSelf {
			w = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			joiner = c == '\'' || c == '-'
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' {
				n++ // a Chinese or Japanese character is a word of its own
				in = false
				continue
			}
			w = unicode.IsLetter(r) || unicode.IsDigit(r)
			joiner = r == '’'
		}
		if w && !in {
			n++
		}
		if w {
			in = true
		} else if !joiner {
			in = false
		}
	}
	return n
}

func TestOracleCleanAndSplit(t *testing.T) {
	for _, s := range oracleTexts() {
		checkCleanAndSplit(t, s)
	}
}

func FuzzOracleCleanAndSplit(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s)
	}
	f.Add(" a  b \n\n\u200e x \u061c\t\r\n\x7f\x80 é\xe2\x80")
	f.Fuzz(checkCleanAndSplit)
}

func checkCleanAndSplit(t *testing.T, s string) {
	// Every suffix start in the first bytes, so that each byte meets the
	// eight-byte path at every alignment.
	for k := 0; k < 8 && k <= len(s); k++ {
		if got, want := corpus.FirstUnclean(s[k:]), corpus.OldFirstUnclean(s[k:]); got != want {
			t.Fatalf("firstUnclean(%q) = %d, want %d", s[k:], got, want)
		}
	}
	if got, want := corpus.TidyLine(s), oldTidyLine(s); got != want {
		t.Fatalf("tidyLine(%q) = %v, want %v", s, got, want)
	}
	clean := corpus.CleanText(s)
	if got, want := corpus.SplitLines(clean), oldSplitLines(clean); !slices.Equal(got, want) {
		t.Fatalf("splitLines(%q) = %q, want %q", clean, got, want)
	}
}

// oldSplitLines is splitLines before it relied on its input being clean.
func oldSplitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = corpus.CleanLine(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// oldTidyLine is tidyLine before it searched with strings.IndexByte.
func oldTidyLine(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x8E || s[i+2] == 0x8F) {
				return false
			}
		case 0xD8:
			if i+1 < len(s) && s[i+1] == 0x9C {
				return false
			}
		}
	}
	return true
}

func TestOracleIsHeading(t *testing.T) {
	headings := 0
	for _, s := range oracleTexts() {
		checkIsHeading(t, s)
		for _, l := range corpus.SplitLines(corpus.CleanText(s)) {
			checkIsHeading(t, l)
			if corpus.IsHeading(l) {
				headings++
			}
		}
	}
	if headings < 20 {
		t.Errorf("only %d headings among the inputs: the oracle compares too little", headings)
	}
}

func FuzzOracleIsHeading(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s)
	}
	f.Fuzz(checkIsHeading)
}

func checkIsHeading(t *testing.T, s string) {
	if s == "" {
		return // isHeading is only asked about non-blank lines
	}
	if got, want := corpus.IsHeading(s), corpus.OldIsHeading(s); got != want {
		t.Fatalf("isHeading(%q) = %v, want %v", s, got, want)
	}
}

func TestOracleGuards(t *testing.T) {
	matched := map[string]int{}
	for _, l := range oracleLines() {
		for _, g := range corpus.Guards {
			if checkGuard(t, g, l) {
				matched[g.Name]++
			}
		}
	}
	for _, g := range corpus.Guards {
		if matched[g.Name] == 0 {
			t.Errorf("%s: no input matches the regexp; the guard is not tested", g.Name)
		}
	}
}

func FuzzOracleGuards(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range corpus.Guards {
			checkGuard(t, g, s)
		}
	})
}

// checkGuard fails when g's regexp matches s but its guard says it cannot;
// it reports whether the regexp matched.
func checkGuard(t *testing.T, g corpus.Guard, s string) bool {
	if !g.Re.MatchString(s) {
		return false
	}
	if !g.Guard(s) {
		t.Fatalf("%s: the regexp matches %q but the guard skips it", g.Name, s)
	}
	return true
}

// The text parser reuses the word counts it took while classifying lines;
// the total must still be what counting the final blocks gives.
func TestOracleArticleWords(t *testing.T) {
	for _, a := range oracleArticles(t) {
		n := 0
		for _, b := range a.Blocks {
			n += oldCountWords(b.Text)
		}
		if a.Words != n {
			t.Fatalf("%q (%s): Words = %d, its blocks hold %d", a.Title, a.Format, a.Words, n)
		}
	}
}

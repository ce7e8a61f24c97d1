package formats_test

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/formats"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// Where a hot function was rewritten for speed, its answers on fixed inputs
// (hostile strings, the seeds and a generated corpus: whole documents, their
// lines and their blocks) are a golden file, written when the rewrite agreed
// with the previous, plain version; a fuzzer checks properties the fast
// paths keep. The guards before regexps are checked on every input we have,
// every testdata file (fixtures and fuzz inputs) too.

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
	add(filepath.Join("..", "..", "seeds"))
	add("testdata")
	add(filepath.Join("..", "lang", "testdata"))
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
		if arts, err := formats.ParseDocument("x.txt", []byte(d)); err == nil {
			out = appendArticleTexts(out, arts)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
})

// appendArticleTexts appends each block, removed line and title of arts.
func appendArticleTexts(out []string, arts []*article.Article) []string {
	for _, a := range arts {
		for _, b := range a.Blocks {
			out = append(out, b.Text)
		}
		out = append(out, a.Removed...)
		out = append(out, a.Title)
	}
	return out
}

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
func oracleArticles(t *testing.T) []*article.Article {
	var out []*article.Article
	for i, d := range oracleDocs() {
		names := []string{"x.txt", "x.html", "x.md", "x.json", "x.rss"}
		if i >= len(oracleDocs())-oracleGenerated {
			names = names[:1] // generated plain text
		}
		for _, name := range names {
			if arts, err := formats.ParseDocument(name, []byte(d)); err == nil {
				out = append(out, arts...)
			}
		}
	}
	if len(out) < oracleGenerated {
		t.Fatalf("only %d articles to compare", len(out))
	}
	return out
}

// textImpls are the rewritten hot functions a golden report covers.
type textImpls struct {
	textKey       func(*article.Article) string
	countWords    func(string) int
	starters      func(string) []int
	keywordGroups func(string) uint32
	firstUnclean  func(string) int
	tidyLine      func(string) bool
	splitLines    func(string) []string
	isHeading     func(string) bool
}

var currentImpls = textImpls{
	textKey: article.TextKey, countWords: article.CountWords, starters: formats.StartersOf,
	keywordGroups: formats.KeywordGroups, firstUnclean: formats.FirstUnclean, tidyLine: formats.TidyLine,
	splitLines: formats.SplitLines, isHeading: formats.IsHeading,
}

// textReport is one line of what every function answers for s: the text
// key of an article of s twice (word count forced up, so that short texts
// are keyed too), the word count, the boilerplate starters and keyword
// groups, the first unclean offset from each of the first eight starts
// (every alignment of the eight-byte path), whether s is a tidy line, the
// cleaned lines and which of them are headings.
func textReport(f textImpls, s string) string {
	key := f.textKey(&article.Article{Words: 1 << 20, Blocks: []article.Block{{Text: s}, {Text: s}}})
	var unclean []int
	for k := 0; k < 8 && k <= len(s); k++ {
		unclean = append(unclean, f.firstUnclean(s[k:]))
	}
	lines := f.splitLines(formats.CleanText(s))
	var headings []int
	for i, l := range lines {
		if f.isHeading(l) {
			headings = append(headings, i)
		}
	}
	heading := s != "" && f.isHeading(s) // only asked about non-blank lines
	return fmt.Sprintf("key %x words %d starters %v groups %b unclean %v tidy %v heading %v lines %s headings %v",
		key[:6], f.countWords(s), f.starters(s), f.keywordGroups(s), unclean, f.tidyLine(s), heading,
		short(fmt.Sprintf("%q", lines)), headings)
}

// short is s, or for a long s its start, length and digest.
func short(s string) string {
	if len(s) <= 160 {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes, sha256 %x)", strings.ToValidUTF8(s[:120], ""), len(s), sha256.Sum256([]byte(s)))
}

// articleReport: the key and word count of an article as parsed.
func articleReport(f textImpls, a *article.Article) string {
	key := f.textKey(a)
	if len(key) > 6 {
		key = key[:6]
	}
	return fmt.Sprintf("article %q words %d key %x", a.Title, a.Words, key)
}

// goldenTexts: the hostile inputs and the seeds, each document with its
// lines and the blocks, removed lines and title of the articles parsed
// from it (fixed inputs: the testdata folders grow, these do not), and a
// generated corpus rendered as plain text.
func goldenTexts() (listed, generated []string, articles []*article.Article) {
	expand := func(docs []string, names []string) []string {
		var out []string
		for _, d := range docs {
			out = append(out, d)
			out = append(out, strings.Split(d, "\n")...)
			for _, name := range names {
				arts, err := formats.ParseDocument(name, []byte(d))
				if err != nil {
					continue
				}
				articles = append(articles, arts...)
				out = appendArticleTexts(out, arts)
			}
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	docs := slices.Clone(hostileOracleInputs)
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*"))
	for _, p := range seeds {
		b, _ := os.ReadFile(p)
		docs = append(docs, string(b))
	}
	listed = expand(docs, []string{"x.txt", "x.html", "x.md", "x.json", "x.rss"})
	var rendered []string
	for _, a := range gen.Articles(oracleGenerated, 7) {
		rendered = append(rendered, gen.Render(a, true, true, len(a.Blocks)%2 == 0))
	}
	generated = expand(rendered, []string{"x.txt"})
	return listed, generated, articles
}

// textGolden writes the report of every listed text and article, one a
// line, and of the generated corpus a digest of its reports.
func textGolden(f textImpls) string {
	listed, generated, articles := goldenTexts()
	var b strings.Builder
	for _, s := range listed {
		fmt.Fprintf(&b, "%s\n\t%s\n", short(strconv.Quote(s)), textReport(f, s))
	}
	for _, a := range articles {
		fmt.Fprintln(&b, articleReport(f, a))
	}
	h := sha256.New()
	for _, s := range generated {
		fmt.Fprintf(h, "%q %s\n", s, textReport(f, s))
	}
	fmt.Fprintf(&b, "generated: %d texts, reports sha256 %x\n", len(generated), h.Sum(nil))
	return b.String()
}

// The rewritten hot functions (branch-free word counts and text keys, the
// eight-bytes-at-a-time clean check, table-driven keyword and starter
// scans, cheap tests first in isHeading) answer as the golden report says:
// it was written when they agreed with their previous, plain versions on
// every input, and those versions are kept as this report, not as code.
// Regenerate only deliberately, with -update, when an answer is meant to
// change.
func TestTextFunctionsGolden(t *testing.T) {
	golden.RequireEqual(t, textGolden(currentImpls))
}

// Properties the fast paths keep on any input.
func FuzzTextFunctions(f *testing.F) {
	for _, s := range hostileOracleInputs {
		f.Add(s, "x")
	}
	f.Add(" a  b \n\n\u200e x \u061c\t\r\n\x7f\x80 é\xe2\x80", "Please consider supporting: IBAN DE00, PayPal, cash app, ac #1, Swiſt")
	f.Fuzz(func(t *testing.T, s1, s2 string) {
		// Punctuation and spacing around a block's text do not change its key.
		key := func(a, b string) string {
			return article.TextKey(&article.Article{Words: 1 << 20, Blocks: []article.Block{{Text: a}, {Text: b}}})
		}
		if key(s1, s2) != key(" "+s1+"!", "\n("+s2) {
			t.Fatalf("text key of %q, %q changes with punctuation around them", s1, s2)
		}
		// Words are counted apart: a space between two texts adds their counts.
		if got, want := article.CountWords(s1+" "+s2), article.CountWords(s1)+article.CountWords(s2); got != want {
			t.Fatalf("CountWords(%q + %q) = %d, want %d", s1, s2, got, want)
		}
		// CleanText changes exactly what firstUnclean finds, and its output
		// is clean; the lines splitLines gives are tidy lines.
		clean := formats.CleanText(s1)
		if (formats.FirstUnclean(s1) < 0) != (clean == s1) || formats.FirstUnclean(clean) >= 0 {
			t.Fatalf("CleanText(%q) = %q, firstUnclean %d then %d", s1, clean, formats.FirstUnclean(s1), formats.FirstUnclean(clean))
		}
		for _, l := range formats.SplitLines(clean) {
			if l == "" || !formats.TidyLine(l) || formats.CleanLine(l) != l {
				t.Fatalf("splitLines(%q) gave the untidy line %q", clean, l)
			}
			formats.IsHeading(l)
		}
		formats.StartersOf(s1)
		if got, want := formats.KeywordGroups(s1), keywordGroupsPlain(s1); got != want {
			t.Fatalf("KeywordGroups(%q) = %b, want %b", s1, got, want)
		}
		for _, s := range []string{s1, s1 + " " + s2, s2 + "  " + s1} {
			if got, want := formats.TidyLine(s), tidyLinePlain(s); got != want {
				t.Fatalf("tidyLine(%q) = %v, want %v", s, got, want)
			}
		}
	})
}

// tidyLinePlain is tidyLine written plainly.
func tidyLinePlain(s string) bool {
	return s == "" || s[0] != ' ' && s[len(s)-1] != ' ' && !strings.Contains(s, "\n") && !strings.Contains(s, "  ") &&
		!strings.Contains(s, "\u200e") && !strings.Contains(s, "\u200f") && !strings.Contains(s, "\u061c")
}

// tidyLine answers as written plainly for spaces and newlines at every
// place and alignment, around the eight-byte steps.
func TestTidyLineAsPlain(t *testing.T) {
	base := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
	for n := 0; n <= len(base); n++ {
		for i := 0; i < n; i++ {
			for j := i; j < n; j++ {
				for _, pair := range [][2]byte{{' ', ' '}, {'\n', 'x'}, {' ', 'x'}, {'x', '\n'}} {
					b := append([]byte(nil), base[:n]...)
					b[i] = pair[0]
					if j > i {
						b[j] = pair[1]
					}
					if got, want := formats.TidyLine(string(b)), tidyLinePlain(string(b)); got != want {
						t.Fatalf("tidyLine(%q) = %v, want %v", b, got, want)
					}
				}
			}
		}
	}
	// Each mark, and sequences that share their first bytes, at every
	// place: inside a step, across two, in the bytes after the last.
	for _, mark := range []string{"\u200e", "\u200f", "\u061c", "\u2014", "\u200d", "\xe2\x80", "\xe2", "\xd8", "\u0618", "\xe2\x81\x8e"} {
		for n := 0; n <= 20; n++ {
			for i := 0; i <= n; i++ {
				s := string(base[:i]) + mark + string(base[i:n])
				if got, want := formats.TidyLine(s), tidyLinePlain(s); got != want {
					t.Fatalf("tidyLine(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
	for _, s := range []string{"a  b", "ab  ", "abcdefg  hijk", "abcdefgh  ijk", "abcdefghi  jk", "héllo wörld  x", "a\u200eb", "a\u061cb", "x\u2014y z"} {
		if got, want := formats.TidyLine(s), tidyLinePlain(s); got != want {
			t.Errorf("tidyLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// keywordGroupsPlain is KeywordGroups written plainly: at every word start
// (an ASCII letter after ASCII that is not a letter, or at the start),
// every keyword compared, ASCII case folded.
func keywordGroupsPlain(line string) (groups uint32) {
	isLetter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	for i := 0; i < len(line); i++ {
		if !isLetter(line[i]) || i > 0 && (isLetter(line[i-1]) || line[i-1] >= 0x80) {
			continue
		}
		for g, keys := range formats.KeywordKeys() {
			for _, k := range keys {
				if len(line)-i >= len(k) && strings.EqualFold(line[i:i+len(k)], k) && isASCII(line[i:i+len(k)]) {
					groups |= 1 << g
				}
			}
		}
	}
	return groups
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// KeywordGroups finds what its plain version finds in every oracle text.
func TestKeywordGroupsPlain(t *testing.T) {
	for _, s := range append(oracleTexts(), "Send it by PayPal", "(PayPal)", "ТоварPayPal", "iba", "12345678iban", "abcdefg iban", "abcdefgh:iban", "Please CONSIDER\x80iban") {
		if got, want := formats.KeywordGroups(s), keywordGroupsPlain(s); got != want {
			t.Fatalf("KeywordGroups(%q) = %b, want %b", s, got, want)
		}
	}
}

func TestOracleGuards(t *testing.T) {
	matched := map[string]int{}
	for _, l := range append(oracleLines(), guardCases...) {
		for _, g := range formats.Guards {
			if checkGuard(t, g, l) {
				matched[g.Name]++
			}
		}
	}
	for _, g := range formats.Guards {
		if matched[g.Name] == 0 {
			t.Errorf("%s: no input matches the regexp; the guard is not tested", g.Name)
		}
	}
}

func FuzzOracleGuards(f *testing.F) {
	for _, s := range append(hostileOracleInputs, guardCases...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range formats.Guards {
			checkGuard(t, g, s)
		}
	})
}

// checkGuard fails when g's regexp matches s but its guard says it cannot;
// it reports whether the regexp matched.
func checkGuard(t *testing.T, g formats.Guard, s string) bool {
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
			n += article.CountWords(b.Text)
		}
		if a.Words != n {
			t.Fatalf("%q (%s): Words = %d, its blocks hold %d", a.Title, a.Format, a.Words, n)
		}
	}
}

func BenchmarkKeywordGroups(b *testing.B) {
	line := strings.Repeat("Pierre Fairingwell and Richard Alveira said the new evacuations in Ottawa on Sunday, an official side’s saying 87.2 billion—a so-called “record”. ", 4)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		formats.KeywordGroups(line)
	}
}

// Each keyword in lower, upper and title case, at a word start or inside
// a longer word, at every place across the eight-byte steps: as the plain
// scan finds it.
func TestKeywordGroupsCasesAndOffsets(t *testing.T) {
	for _, keys := range formats.KeywordKeys() {
		for _, k := range keys {
			for _, v := range []string{k, strings.ToUpper(k), strings.ToUpper(k[:1]) + k[1:], k[:1] + strings.ToUpper(k[1:2]) + k[2:]} {
				for _, before := range []string{"", " ", "x", "é", "1", "-"} {
					for pad := 0; pad < 10; pad++ {
						s := strings.Repeat("y", pad) + before + v + " and more text after it"
						if got, want := formats.KeywordGroups(s), keywordGroupsPlain(s); got != want {
							t.Fatalf("KeywordGroups(%q) = %b, want %b", s, got, want)
						}
						s = strings.Repeat(" ", pad) + before + v
						if got, want := formats.KeywordGroups(s), keywordGroupsPlain(s); got != want {
							t.Fatalf("KeywordGroups(%q) = %b, want %b", s, got, want)
						}
					}
				}
			}
		}
	}
}

// A guard earns its place by skipping its regexp on the lines that cannot
// match: prose, and (for the header's and the detector's) a lead
// paragraph. A guard that let everything through would pass
// TestOracleGuards; this fails it.
func TestGuardsSkipProse(t *testing.T) {
	prose := "Dmitry Schelstein and Ahmed Savets showed the other adaptations in Lviv on Sunday, and the groups met again on Tuesday."
	for _, g := range formats.Guards {
		if g.Guard(prose) {
			t.Errorf("%s: the guard lets a line of prose through", g.Name)
		}
	}
}

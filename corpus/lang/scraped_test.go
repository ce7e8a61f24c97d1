package lang

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Tests of the analyser on what scraped news holds beside clean text:
// invalid UTF-8 (a stray continuation byte, a rune cut short), combining
// marks without their letter, ideographs beside Latin words. Written in
// round 27 against the mutants that lived (MUTATION.md, "lang and textkey
// (round 27)").

// Fold's ASCII path (strings.ToLower) and its full path agree on every
// ASCII rune, and on invalid bytes, which both make U+FFFD: the full path
// is taken as soon as the text holds one byte at or above utf8.RuneSelf.
func TestFoldASCIIAgrees(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		ascii := Fold(string(c))
		full := Fold(string(c) + "é")
		if ascii != FoldRune(c) || full != ascii+"e" {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q, FoldRune = %q", string(c), ascii, string(c)+"é", full, FoldRune(c))
		}
	}
	for _, c := range []struct{ in, want string }{
		{"don`t", "don`t"}, {"Café don`t", "cafe don`t"},
		{"Kyiv\x80s", "kyiv\ufffds"}, {"KYIV\x80É", "kyiv\ufffde"}, {"\x80", "\ufffd"},
		{"caf\xc3", "caf\ufffd"}, {"\xffA", "\ufffda"}, {"\u0080A", "\u0080a"},
	} {
		if got := Fold(c.in); got != c.want {
			t.Errorf("Fold(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Invalid bytes end a word and are no word themselves, on the ASCII fast
// path and the general one alike; sentences split around them as around
// any other character.
func TestInvalidUTF8(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Kyiv\x80s talks", "kyiv@0-4 s@5-6 talks@7-12"},
		{"talks\x80", "talks@0-5"},
		{"\x80talks", "talks@1-6"},
		{"caf\xc3 au lait", "caf@0-3 au@5-7 lait@8-12"},
		{"U.S.\x80 aid", "us@0-3 aid@6-9"},
		{"A.\x80B.", "a@0-1 b@3-4"},
		{"don'\x80t", "don@0-3 t@5-6"},
		{"Umerov\xff’s", "umerov@0-6 s@10-11"},
		{"北\x80京", "北@0-3 京@4-7"},
		{"e\u0301\x80", "e@0-3"},
	} {
		if got := tokenView(c.in); got != c.want {
			t.Errorf("Tokens(%q) = %s, want %s", c.in, got, c.want)
		}
		checkFastTokens(t, c.in)
	}
	for _, c := range []struct{ in, want string }{
		{"Talks ended.\x80 Then they left.", "Talks ended.\x80 Then they left."},
		{"Talks ended. \x80Then they left.", "Talks ended. \x80Then they left."},
		{"Talks ended\x80. Then they left.", "Talks ended\x80. | Then they left."},
		{"“We won.\x80” Next.", "“We won.\x80” Next."},
	} {
		if got := splitView(c.in); got != c.want {
			t.Errorf("Sentences(%q):\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// Ideographs are words of their own on either side of a Latin word
// ("北京G20峰会"), and join nothing across an apostrophe.
func TestIdeographsBesideLatin(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"北京G20峰会", "北@0-3 京@3-6 g20@6-9 峰@9-12 会@12-15"},
		{"東京でiPhoneを", "東@0-3 京@3-6 で@6-9 iphone@9-15 を@15-18"},
		{"서울'Seoul", "서@0-3 울@3-6 seoul@7-12"},
		{"平's visit", "平@0-3 s@4-5 visit@6-11"},
	} {
		if got := tokenView(c.in); got != c.want {
			t.Errorf("Tokens(%q) = %s, want %s", c.in, got, c.want)
		}
		checkFastTokens(t, c.in)
	}
}

// A combining mark whose letter was lost belongs to the word after it,
// and a mark before "'s" leaves the s as "'s" alone does.
func TestStrayCombiningMarks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\u0301's", "s@0-4"},
		{"'s", "s@1-2"},
		{"\u0301x's", "x@0-5"},
		{"\u0301 cafe\u0301", "cafe@3-9"},
		{"\u0301.\u0301.", ""},
	} {
		if got := tokenView(c.in); got != c.want {
			t.Errorf("Tokens(%q) = %s, want %s", c.in, got, c.want)
		}
		checkFastTokens(t, c.in)
	}
}

// closingQuote's answers: the closing mark's index when the sentence goes
// on after the quotation, -1 when the quotation ends its sentence, meets a
// line break or another opening mark, or does not close within maxQuote.
func TestClosingQuote(t *testing.T) {
	long := strings.Repeat("x", maxQuote)
	for _, c := range []struct {
		s     string
		close rune
		want  int
	}{
		{"We will win,” he said", '”', 12},
		{"Is it over?” she asked", '”', 11},
		{"We won.” Then", '”', -1},
		{"We won\n” he said", '”', -1},
		{"We “won” he said”", '”', -1},
		{"We «won» he said”", '”', -1},
		{"Nous gagnerons» dit-il", '»', 14},
		{"Stop,\" he said", '"', 5},
		{"never closes", '”', -1},
		{long + "” he said", '”', -1},
		{long[1:] + "” he said", '”', maxQuote - 1},
	} {
		if got := closingQuote(c.s, 0, c.close); got != c.want {
			t.Errorf("closingQuote(%.30q, %q) = %d, want %d", c.s, c.close, got, c.want)
		}
	}
}

// maxListed is the length of the longest listed abbreviation, so that the
// length check before the look-up skips no listed word.
func TestMaxListed(t *testing.T) {
	longest := 0
	for w := range abbrevs {
		longest = max(longest, len(w))
	}
	if longest != maxListed {
		t.Errorf("the longest listed abbreviation has %d bytes, maxListed is %d", longest, maxListed)
	}
	for _, c := range []struct {
		w    string
		want AbbrevKind
	}{
		{"Messrs", TitleAbbrev}, {"approx", TitleAbbrev}, {"APPROX", TitleAbbrev}, {"MESSRS", TitleAbbrev},
		{"Messrsx", NotAbbrev},
	} {
		if got := Abbrev(c.w); got != c.want {
			t.Errorf("Abbrev(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}

// tokenView shows Tokens(s) as "text@start-end" joined by spaces.
func tokenView(s string) string {
	var parts []string
	for _, tk := range Tokens(s) {
		parts = append(parts, fmt.Sprintf("%s@%d-%d", tk.Text, tk.Start, tk.End))
	}
	return strings.Join(parts, " ")
}

// A sentence glued to the one before (a line break lost in scraping) after
// a run of terminators: the run ends the sentence as a whole; taken one
// stop at a time, the last stop follows a stop, not a word, and the glued
// sentence was missed.
func TestGluedAfterTerminatorRun(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"He paused....Then he spoke.", "He paused.... | +Then he spoke."},
		{"Was it worth it?!The minister said no.", "Was it worth it?! | +The minister said no."},
		{"It rose 3.5%!!Then it fell.", "It rose 3.5%!!Then it fell."},
	} {
		if got := splitView(c.in); got != c.want {
			t.Errorf("Sentences(%q):\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

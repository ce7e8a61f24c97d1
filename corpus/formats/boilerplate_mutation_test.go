package formats

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article"
)

// Site furniture at the edges of the bounds that keep prose out: a tags
// line of 40 words, a donation appeal of 80 words, a payment line of 20;
// one word more and the line is prose that mentions the keyword. A
// keyword may end the line.
func TestBoilerplateWordBounds(t *testing.T) {
	tags := "Tags: UK US EU UN G7 G20 NATO Iran Iraq Gaza Kyiv Oil Gas Tax Jobs Gold Asia Peru Cuba Mali Chad Oman Laos Fiji Togo Iowa Ohio Utah Oslo Rome Baku Riga Doha Lima Bonn Kiev IMF WHO OPEC"
	appeal := "We are a small newsroom and we rely on readers like you to keep our reporting free for everyone. " +
		"Over the past year our reporters have covered the war, the elections, the floods and the strikes " +
		"from the places where they happened, often at real risk to themselves. " +
		"Every reader who gives, however little, helps us to stay independent of owners, advertisers and politicians. " +
		"Please consider supporting us with a regular amount each month, so that we can keep going."
	payment := "Readers who want to help can also send money by bank transfer to our account at the cooperative savings bank"
	for _, c := range []struct {
		line  string
		words int
		want  bool
	}{
		{tags, 40, true},
		{appeal, 80, true},
		{appeal + " Thank you", 82, false},
		{payment, 20, true},
		{payment + " today", 21, false},
		{"Donations are welcome through PayPal", 5, true},
		{"Our editors work from Oslo and accept donations on Patreon", 10, true},
	} {
		if n := article.CountWords(c.line); n != c.words {
			t.Fatalf("%q has %d words, want %d", c.line, n, c.words)
		}
		if got := isStrongBoilerplate(c.line); got != c.want {
			t.Errorf("%d words, %q: boilerplate = %v, want %v", c.words, c.line, got, c.want)
		}
	}
}

// A "Tags:" line in a script of three-byte letters passes 400 bytes long
// before it reaches the patterns' 200 characters; it is still removed.
func TestBoilerplateNonLatinTags(t *testing.T) {
	tags := "Tags: საქართველო, თბილისი, პარლამენტი, არჩევნები, ოპოზიცია, ევროკავშირი, ბათუმი, ქუთაისი, პროტესტი, მთავრობა, ეკონომიკა, ენერგეტიკა, რუსეთი, აფხაზეთი, ცხინვალი"
	a := parseTextT(t, "Port strike ends after three days\n\nDockworkers returned to work on Thursday.\n"+tags+"\n")
	eq(t, "body", a.Body(), "Dockworkers returned to work on Thursday.")
	eq(t, "removed", strings.Join(a.Removed, "|"), tags)
}

// Lines that only look like furniture: a press release's "###" end mark,
// an empty bracket, keywords glued inside other words.
func TestBoilerplateLookalikes(t *testing.T) {
	for _, line := range []string{"###", "( )", "[#]", "Paypalooza returns to Oslo", "Tovar\u0440paypal"} {
		if isStrongBoilerplate(line) {
			t.Errorf("%q taken for boilerplate", line)
		}
	}
	for _, line := range []string{"#12", "(12)", "[31]"} {
		if !isStrongBoilerplate(line) {
			t.Errorf("%q not taken for a counter", line)
		}
	}
}

// An ASCII keyword starts a word only after a byte that is neither an ASCII
// letter nor part of a non-ASCII character: "Товар" ends in "р", whose
// second byte is 0x80.
func TestKeywordGroupsWordStart(t *testing.T) {
	for _, c := range []struct {
		line string
		want uint32
	}{
		{"Send it by PayPal", 1 << 2},
		{"Товар PayPal", 1 << 2},
		{"ТоварPayPal", 0},
		{"CaféPayPal", 0},
		{"ZPayPal", 0},
		{"(PayPal)", 1 << 2},
		{"iban", 1 << 2},
		{"iba", 0},
	} {
		if _, got := article.CountWordsFinding(c.line, &keywordStarts); got != c.want {
			t.Errorf("keywordGroups(%q) = %b, want %b", c.line, got, c.want)
		}
	}
}

// foldASCII folds as a (?i) regexp does against lower-case ASCII: ASCII
// capitals, the long s and the Kelvin sign; other characters that share a
// lead byte with those two (ś, ₪, ℃) are copied unchanged, and so are the
// bytes of a character cut off at the end.
func TestFoldASCII(t *testing.T) {
	for in, want := range map[string]string{
		"IBAN AZ Paypal": "iban az paypal",
		"Pleaſe":         "please",
		"\u212Aonto":     "konto",
		"Jaś Łódź":       "jaś Łódź",
		"₪50 and 20℃":    "₪50 and 20℃",
		"Zürich":         "zürich",
		"@[`{":           "@[`{",
		"ſ\u212A":        "sk",
		"end in ſ":       "end in s",
		"end in \u212A":  "end in k",
		// A line cut inside a character keeps the stray bytes.
		"cut in \xC5":           "cut in \xC5",
		"cut in \xE2\x84":       "cut in \xE2\x84",
		"cut in \xE2":           "cut in \xE2",
		"Šibenik \u2122 \u2126": "Šibenik \u2122 \u2126",
	} {
		if got := string(foldASCII(nil, in)); got != want {
			t.Errorf("foldASCII(%q) = %q, want %q", in, got, want)
		}
	}
}

// A trailing run of short unpunctuated lines goes with the furniture it
// surrounds: six words are still short. Support and copyright lines name the
// outlet when nothing else did, with names of one to eight words.
func TestTrailingRunAndSiteName(t *testing.T) {
	for _, c := range []struct{ tail, outlet, removed string }{
		{"Thanks for reading our journalism today\nAdvertisement", "", "Thanks for reading our journalism today|Advertisement"},
		{"Support ProPublica\nAdvertisement", "ProPublica", "Support ProPublica|Advertisement"},
		{"Support us\nAdvertisement", "", "Support us|Advertisement"},
		{"© 2025 Board of Regents of the University of Wisconsin", "Board of Regents of the University of Wisconsin", "© 2025 Board of Regents of the University of Wisconsin"},
		{"© 2025 example news", "", "© 2025 example news"},
		{"© 2025 example.news", "example.news", "© 2025 example.news"},
	} {
		a := parseTextT(t, "Port strike ends after three days\n\nDockworkers returned to work on Thursday.\n"+c.tail+"\n")
		eq(t, "outlet after "+c.tail, a.Outlet, c.outlet)
		eq(t, "removed after "+c.tail, strings.Join(a.Removed, "|"), c.removed)
		eq(t, "body after "+c.tail, a.Body(), "Dockworkers returned to work on Thursday.")
	}
}

func TestHasUpperOrDot(t *testing.T) {
	for s, want := range map[string]bool{
		"the Atlantic": true, "die Zeit": true, "example.com": true, "example news": false,
		"@home": false, "[news]": false, "élan": false,
	} {
		if got := hasUpperOrDot(s); got != want {
			t.Errorf("hasUpperOrDot(%q) = %v, want %v", s, got, want)
		}
	}
}

// foldPlain is foldASCII one byte at a time, as it was before it took
// eight ASCII bytes a step: the oracle.
func foldPlain(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xC5 && i+1 < len(s) && s[i+1] == 0xBF:
			c, i = 's', i+1
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x84 && s[i+2] == 0xAA:
			c, i = 'k', i+2
		}
		b = append(b, c)
	}
	return string(b)
}

// At every offset across the eight-byte steps, with the two-byte ſ and
// the three-byte Kelvin sign astride a step's end, and after a prefix in
// the buffer, foldASCII folds as foldPlain does.
func TestFoldASCIIAsPlain(t *testing.T) {
	for _, c := range []string{"Please CONSIDER a Donation to SUPPORT our work", "xſ\u212AZ", "Pleaſe \u212Aeep “IBAN” @[`{ AZ az", "\xC5\xE2\x84 cut"} {
		for pad := 0; pad < 9; pad++ {
			s := strings.Repeat("A", pad) + c + strings.Repeat("Z", pad)
			if got, want := string(foldASCII([]byte("Pre"), s)), "Pre"+foldPlain(s); got != want {
				t.Errorf("foldASCII(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzFoldASCII(f *testing.F) {
	f.Add("Pleaſe \u212Aeep “IBAN” @[`{ AZ az")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(foldASCII(nil, s)), foldPlain(s); got != want {
			t.Fatalf("foldASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

func loadSeed(t testing.TB, prefix string) *article.Article {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join("..", "..", "seeds", prefix+"_*.txt"))
	if len(matches) != 1 {
		t.Fatalf("seed %s not found", prefix)
	}
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	arts, err := ParseDocument(filepath.Base(matches[0]), data)
	if err != nil {
		t.Fatalf("parse %s: %v", prefix, err)
	}
	return arts[0]
}

func countKind(a *article.Article, k article.BlockKind) int {
	n := 0
	for _, b := range a.Blocks {
		if b.Kind == k {
			n++
		}
	}
	return n
}

// The seeds are five real scraped articles; the table of what the
// parser must find in them.
func TestParseSeeds(t *testing.T) {
	tests := []struct {
		seed, title, outlet, via, dateline, published string
		derived                                       bool
		headings, listItems                           int
	}{
		{"000", "U.S. diplomacy faces critical Kremlin test after 'progress' in Ukraine war talks", "global.espreso.tv", "CNN", "", "2025-12-01T13:37:00+02:00", false, 0, 0},
		{"001", "After ‘Progress’ in Ukraine Peace Talks, US Diplomacy Faces a New Kremlin Test", "Fundacion Rapala", "", "", "", false, 5, 0},
		{"002", "Negotiations surrounding the Russia-Ukraine war have entered a new phase", "", "", "", "", true, 0, 0},
		{"003", "U.S. and Ukraine Report “Tangible Progress” in Florida Peace Talks, But A Long Road Remains", "Dawat Media Center", "", "HALLANDALE, Florida", "", false, 4, 3},
		{"004", "US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks", "", "", "", "", false, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			a := loadSeed(t, tt.seed)
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", a.Title, tt.title)
			check("outlet", a.Outlet, tt.outlet)
			check("via", a.Via, tt.via)
			check("dateline", a.Dateline, tt.dateline)
			pub := ""
			if a.HasDate() {
				pub = a.Published.Format("2006-01-02T15:04:05Z07:00")
			}
			check("published", pub, tt.published)
			if a.TitleDerived != tt.derived {
				t.Errorf("title_derived = %v, want %v", a.TitleDerived, tt.derived)
			}
			if n := countKind(a, article.Heading); n != tt.headings {
				t.Errorf("headings = %d (%q), want %d", n, a.Headings(), tt.headings)
			}
			if n := countKind(a, article.ListItem); n != tt.listItems {
				t.Errorf("list items = %d, want %d", n, tt.listItems)
			}
			articletest.AssertClean(t, a)
		})
	}
}

func TestParseSeedDetails(t *testing.T) {
	a := loadSeed(t, "000")
	if n := countKind(a, article.Paragraph); n < 8 {
		t.Errorf("000: %d paragraphs, want at least 8 (glued sentences split back)", n)
	}
	if !strings.HasPrefix(a.Blocks[0].Text, "High-stakes negotiations") {
		t.Errorf("000 body starts %q", a.Blocks[0].Text[:40])
	}
	if strings.Contains(a.Body(), "CNN reported the information") {
		t.Error("000: attribution sentence left in the body")
	}
	// A quote glued to the previous sentence opens a new paragraph with its quote mark.
	found := false
	for _, b := range a.Blocks {
		if strings.HasPrefix(b.Text, `"It would be very premature`) {
			found = true
		}
	}
	if !found {
		t.Error(`000: no paragraph starts with the glued quote "It would be very premature`)
	}

	b := loadSeed(t, "001")
	if !strings.HasPrefix(b.Blocks[0].Text, "Inside the Shell Bay") {
		t.Errorf("001 lead starts %q", b.Blocks[0].Text[:40])
	}

	c := loadSeed(t, "003")
	for _, blk := range c.Blocks {
		for _, bad := range []string{"Donate", "DNB Bank", "Vipps", "Comments are closed"} {
			if strings.Contains(blk.Text, bad) {
				t.Errorf("003: block still contains %q: %q", bad, blk.Text)
			}
		}
	}
	if !strings.HasPrefix(c.Blocks[0].Text, "HALLANDALE, Florida") {
		t.Error("003: the dateline must stay in the text")
	}
	wantRemoved := []string{"31", "Donate Here", "Support Dawat Media Center"}
	for i, w := range wantRemoved {
		if i >= len(c.Removed) || c.Removed[i] != w {
			t.Fatalf("003 removed = %q, want it to start %q (file order)", c.Removed, wantRemoved)
		}
	}

	d := loadSeed(t, "002")
	last := d.Blocks[len(d.Blocks)-1]
	if last.Kind != article.Paragraph || !strings.HasPrefix(last.Text, "As Witkoff and Kushner prepare") {
		t.Errorf("002 last block = %s %q", last.Kind, last.Text)
	}
	if len(d.Removed) != 1 || !strings.Contains(d.Removed[0], "required fields") {
		t.Errorf("002 removed = %q", d.Removed)
	}
}

func TestParseTextRules(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, a *article.Article)
	}{
		{"domain and date under title", "Big Story Here\nwww.example.com\n2024-03-05\n\nBody text of the article.", func(t *testing.T, a *article.Article) {
			eq(t, "outlet", a.Outlet, "example.com")
			eq(t, "date", a.Published.Format("2006-01-02"), "2024-03-05")
		}},
		{"url line gives url", "Big Story Here\nhttps://news.example.org/world/big-story\n\nBody text.", func(t *testing.T, a *article.Article) {
			eq(t, "outlet", a.Outlet, "news.example.org")
			eq(t, "url", a.URL, "https://news.example.org/world/big-story")
		}},
		{"long date format", "Big Story Here\nPublished: December 1, 2025\n\nBody text.", func(t *testing.T, a *article.Article) {
			eq(t, "date", a.Published.Format("2006-01-02"), "2025-12-01")
		}},
		{"yearless date is not a publication date", "Big Story Here\nNovember 30\n\nBody text.", func(t *testing.T, a *article.Article) {
			if a.HasDate() {
				t.Errorf("published = %v, want none", a.Published)
			}
		}},
		{"byline", "Big Story Here\nBy Jane Q. Doe\n\nBody text.", func(t *testing.T, a *article.Article) {
			eq(t, "byline", a.Byline, "Jane Q. Doe")
		}},
		{"credit prefix", "Big Story Here\nDaily Planet – Officials met on Monday to talk.", func(t *testing.T, a *article.Article) {
			eq(t, "outlet", a.Outlet, "Daily Planet")
			eq(t, "lead", a.Blocks[0].Text, "Officials met on Monday to talk.")
		}},
		{"label before dash is not an outlet", "Big Story Here\nAnalysis – Officials met on Monday to talk.", func(t *testing.T, a *article.Article) {
			eq(t, "outlet", a.Outlet, "")
		}},
		{"wire dateline", "Big Story Here\n\nKYIV, Ukraine (Reuters) - Officials met on Monday.", func(t *testing.T, a *article.Article) {
			eq(t, "dateline", a.Dateline, "KYIV, Ukraine")
			eq(t, "via", a.Via, "Reuters")
			eq(t, "outlet", a.Outlet, "")
		}},
		{"mixed-case dateline with comma", "Big Story Here\n\nKyiv, Ukraine – Officials met on Monday.", func(t *testing.T, a *article.Article) {
			eq(t, "dateline", a.Dateline, "Kyiv, Ukraine")
		}},
		{"attribution at the end", "Big Story Here\n\nOfficials met on Monday. They talked.\n\nThis article was originally published by The Guardian.", func(t *testing.T, a *article.Article) {
			eq(t, "via", a.Via, "The Guardian")
			if strings.Contains(a.Body(), "originally published") {
				t.Error("attribution left in body")
			}
		}},
		{"heading ending in abbreviation", "Big Story Here\n\nFirst paragraph is here.\nTalks With the U.S.\nSecond paragraph here.", func(t *testing.T, a *article.Article) {
			eq(t, "headings", strings.Join(a.Headings(), "|"), "Talks With the U.S.")
		}},
		{"colon line is not a heading", "Big Story Here\n\nFirst paragraph.\nKey points include:\n• One\n• Two", func(t *testing.T, a *article.Article) {
			eq(t, "headings", strings.Join(a.Headings(), "|"), "")
			eq(t, "items", a.Blocks[len(a.Blocks)-1].Text, "Two")
		}},
		{"last short line is not a heading", "Big Story Here\n\nFirst paragraph.\nThe End Of It", func(t *testing.T, a *article.Article) {
			eq(t, "kind", string(a.Blocks[len(a.Blocks)-1].Kind), "paragraph")
		}},
		{"bullets of several kinds", "Big Story Here\n\nIntro here.\n- dash item\n* star item\n1. numbered item", func(t *testing.T, a *article.Article) {
			if countKind(a, article.ListItem) != 3 {
				t.Errorf("list items: %+v", a.Blocks)
			}
		}},
		{"glued sentences split, U.S. kept", "Big Story Here\n\nTalks in the U.S. went well.Officials left.", func(t *testing.T, a *article.Article) {
			eq(t, "n", strings.Join([]string{a.Blocks[0].Text, a.Blocks[1].Text}, "|"), "Talks in the U.S. went well.|Officials left.")
		}},
		{"no title: derived from lead", "Officials from both countries met in Geneva on Monday, the ministry said, after weeks of delay. More text follows here.\nSecond paragraph.", func(t *testing.T, a *article.Article) {
			eq(t, "title", a.Title, "Officials from both countries met in Geneva on Monday")
			if !a.TitleDerived {
				t.Error("title not marked derived")
			}
		}},
		{"pipe site suffix in title", "Ceasefire holds for a third day | Example News\n\nBody.", func(t *testing.T, a *article.Article) {
			eq(t, "title", a.Title, "Ceasefire holds for a third day")
			eq(t, "outlet", a.Outlet, "Example News")
		}},
		{"copyright gives outlet", "Big Story Here\n\nBody text here.\n© 2025 Example Times. All rights reserved.", func(t *testing.T, a *article.Article) {
			eq(t, "outlet", a.Outlet, "Example Times")
			if strings.Contains(a.Body(), "©") {
				t.Error("copyright left in body")
			}
		}},
		{"CRLF, BOM, NBSP and tabs", "\ufeffBig Story Here\r\n\r\nBody\u00a0text\twith tab.\r\n", func(t *testing.T, a *article.Article) {
			eq(t, "title", a.Title, "Big Story Here")
			eq(t, "body", a.Blocks[0].Text, "Body text with tab.")
		}},
		{"escape sequences removed", "Big \x1b[31mRed\x1b[0m Story\x1b]52;c;ZXZpbA==\x07\n\nBody \u009b31mtext\u202e here\x1b]8;;http://x\x1b\\.", func(t *testing.T, a *article.Article) {
			eq(t, "title", a.Title, "Big Red Story")
			eq(t, "body", a.Blocks[0].Text, "Body text here.")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseText(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			articletest.AssertClean(t, a)
			tt.check(t, a)
		})
	}
}

func eq(t *testing.T, what, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}

func TestParseTextErrors(t *testing.T) {
	for _, in := range []string{"", "   \n\t\n", "\x1b[31m\x1b[0m", "Comments are closed."} {
		if _, err := ParseText(in); err == nil {
			t.Errorf("ParseText(%q) succeeded, want an error", in)
		}
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	// "café" in Windows-1252 mixed with valid UTF-8 "é".
	got := DecodeText([]byte("caf\xe9 \xc3\xa9 \x93quoted\x94"))
	if got != "café é “quoted”" {
		t.Errorf("DecodeText = %q", got)
	}
	if got := DecodeText([]byte("\xff\xfeh\x00i\x00")); got != "hi" {
		t.Errorf("UTF-16LE = %q", got)
	}
}

func FuzzParseText(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("T\n\n\x1b]52;c;x\x07Body.\u202e\n• item\n31\n"))
	f.Add([]byte("A \"b\".\"C\" d.E"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseDocument("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, a := range arts {
			articletest.AssertClean(t, a)
		}
	})
}

// A wire story pasted from a news site: pipe-suffixed title, byline, a
// date with a comma, share buttons, an ad marker, a related-links list and
// an image credit among the paragraphs.
func TestParseWireStory(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "text", "wire_story.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseText(DecodeText(data))
	if err != nil {
		t.Fatal(err)
	}
	articletest.AssertClean(t, a)
	eq(t, "title", a.Title, "Ukraine war: Zelensky says talks with US were 'constructive'")
	eq(t, "byline", a.Byline, "Jane Smith and Oleksiy Petrenko")
	eq(t, "published", a.Published.Format("2006-01-02 15:04"), "2025-12-02 09:15")
	eq(t, "dateline", a.Dateline, "KYIV, Ukraine")
	eq(t, "via", a.Via, "AP")
	eq(t, "headings", strings.Join(a.Headings(), "|"), "What happens next?")
	eq(t, "removed", strings.Join(a.Removed, "|"), "Share|Save|Advertisement|Read more:|Russia rejects 28-point plan|Image: Reuters")
	if !strings.HasPrefix(a.Blocks[0].Text, "KYIV, Ukraine (AP) —") {
		t.Errorf("lead = %q", a.Blocks[0].Text)
	}
}

func TestDeriveTitleLongLead(t *testing.T) {
	for _, in := range []string{
		"0 00 0 0 00 0 0 00 0!00!0!0!0!0!00",
		"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.",
	} {
		a, err := ParseText(in)
		if err != nil {
			t.Fatal(err)
		}
		if !a.TitleDerived || article.CountWords(a.Title) > 11 || a.Title == "" {
			t.Errorf("derived title %q from %q", a.Title, in)
		}
	}
}

func TestMayBeGlued(t *testing.T) {
	for in, want := range map[string]bool{
		"One. Two.":                   false,
		"the information.High-stakes": true,
		`agreement."It would`:         true,
		`solution."While`:             true,
		"U.S. diplomacy":              true, // a candidate only: lang.Sentences decides
		"3.5 percent":                 false,
		"in Kyiv.“Quote”":             true,
		"end.":                        false,
		"Kremlin?Yes":                 true,
		"Путин.Москва":                true,
	} {
		if got := mayBeGlued(in); got != want {
			t.Errorf("mayBeGlued(%q) = %v, want %v", in, got, want)
		}
	}
}

package formats

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article"
)

// blocksText is an article's blocks one a line, each with its kind's
// initial (P paragraph, H heading, L list item, Q quote).
func blocksText(a *article.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		fmt.Fprintf(&b, "%s %s\n", strings.ToUpper(string(bl.Kind[:1])), bl.Text)
	}
	return b.String()
}

func parseTextT(t *testing.T, in string) *article.Article {
	t.Helper()
	a, err := ParseText(in)
	if err != nil {
		t.Fatalf("ParseText: %v\n%s", err, in)
	}
	return a
}

// A scraped story with everything the plain-text parser takes apart: an
// outlet credited before a dash and a wire attribution in the lead, a
// Title Case heading, sentences glued by lost line breaks (after an
// ellipsis, after a closing quotation mark), a list, a short heading,
// sentence-case headings, an attribution sentence ending a paragraph, and
// the page's trailing furniture. Blocks, removed lines (in file order) and
// the word count are checked exactly: the count is kept per block, and
// blocks that lose a sentence or a credit are counted again.
func TestParseTextScrapedStoryExact(t *testing.T) {
	in := `Port strike ends after three days as dockworkers accept pay deal
Daily Planet – The Associated Press first reported the news. Dockworkers at the country's three largest ports returned to work on Thursday.

How the Union Won Its Biggest Raise in Decades

The agreement raises wages by 62 percent over six years...and keeps limits on automation.Union leaders called it historic.
• Automation limits stay in place
• Retirement benefits rise
Q&A
“The ports are open.”Shipping lines said backlogs would clear within a month.
What comes next for Gaza
Talks on a ceasefire continue.
How Kyiv won the battle for Bakhmut
Ministers of both countries met in Geneva for talks
Retailers said shelves would be full by Christmas.
Thanks for reading
Advertisement
`
	a := parseTextT(t, in)
	eq(t, "title", a.Title, "Port strike ends after three days as dockworkers accept pay deal")
	eq(t, "outlet", a.Outlet, "Daily Planet")
	eq(t, "via", a.Via, "Associated Press")
	eq(t, "blocks", blocksText(a), `P Dockworkers at the country's three largest ports returned to work on Thursday.
H How the Union Won Its Biggest Raise in Decades
P The agreement raises wages by 62 percent over six years...and keeps limits on automation.
P Union leaders called it historic.
L Automation limits stay in place
L Retirement benefits rise
H Q&A
P “The ports are open.”
P Shipping lines said backlogs would clear within a month.
H What comes next for Gaza
P Talks on a ceasefire continue.
H How Kyiv won the battle for Bakhmut
P Ministers of both countries met in Geneva for talks
P Retailers said shelves would be full by Christmas.
`)
	eq(t, "removed", strings.Join(a.Removed, "|"), "Daily Planet –|The Associated Press first reported the news.|Thanks for reading|Advertisement")
	want := 0
	for _, b := range a.Blocks {
		want += article.CountWords(b.Text)
	}
	if a.Words != want {
		t.Errorf("words = %d, want %d (the sum over the blocks)", a.Words, want)
	}
}

// Every list marker the parser knows opens a list item, and so does a
// number up to three digits: item 9 of a numbered list as much as item 1.
func TestParseTextListMarkers(t *testing.T) {
	for _, m := range []string{"•", "◦", "▪", "▫", "‣", "·", "●", "○", "■", "□", "➤", "►", "–", "—", "*", "-", "9.", "10)"} {
		in := "Port strike ends after three days\n\nThe union listed its gains:\n" +
			m + " Higher wages for six years\n" + m + " Limits on automation\nThe ports reopened on Thursday."
		a := parseTextT(t, in)
		eq(t, "blocks after "+m, blocksText(a), "P The union listed its gains:\nL Higher wages for six years\nL Limits on automation\nP The ports reopened on Thursday.\n")
	}
}

// A header takes at most a title and six metadata lines; a seventh date
// line is body. Counters in the header ("31" comments) are removed before
// any body line, so Removed keeps the file's order.
func TestParseTextHeaderLimit(t *testing.T) {
	a := parseTextT(t, `Port strike ends after three days
www.dailyplanet.example
By Jane Doe
Published: December 4, 2025
Updated: December 5, 2025
31
12
December 6, 2025
Dockworkers returned to work on Thursday.
Advertisement
`)
	eq(t, "outlet", a.Outlet, "dailyplanet.example")
	eq(t, "byline", a.Byline, "Jane Doe")
	eq(t, "published", a.Published.Format("2006-01-02"), "2025-12-04")
	eq(t, "blocks", blocksText(a), "H December 6, 2025\nP Dockworkers returned to work on Thursday.\n")
	eq(t, "removed", strings.Join(a.Removed, "|"), "31|12|Advertisement")
}

// A headline may have up to 30 words and 250 characters; a longer first
// line is the lead paragraph and the title is derived from it.
func TestParseTextTitleBounds(t *testing.T) {
	words := strings.Fields("Dockworkers at the three largest ports on the East and Gulf coasts return to work after union members vote to accept a six year contract with higher wages and new limits on automation at terminals")
	body := "\n\nUnion members voted on Wednesday.\nThe ports reopened on Thursday."
	for _, c := range []struct {
		first string
		title bool
	}{
		{strings.Join(words[:30], " "), true},
		{strings.Join(words[:31], " "), false},
	} {
		a := parseTextT(t, c.first+body)
		if a.TitleDerived == c.title {
			t.Errorf("%d-word first line: title derived = %v, want %v", article.CountWords(c.first), a.TitleDerived, !c.title)
		}
	}
	// 249 characters in 25 words of nine letters, and one more.
	long := strings.TrimSpace(strings.Repeat("Dockworks ", 25))
	for _, c := range []struct {
		first string
		title bool
	}{
		{long + "s", true},
		{long + "ss", false},
	} {
		a := parseTextT(t, c.first+body)
		if a.TitleDerived == c.title {
			t.Errorf("%d-character first line: title derived = %v, want %v", len(c.first), a.TitleDerived, !c.title)
		}
	}
}

// A site name after " | " is split off a title when it has at most five
// words.
func TestParseTextTitleSuffixWords(t *testing.T) {
	for _, c := range []struct{ in, title, outlet string }{
		{"Port strike ends after three days | The Daily Planet News Network\n\nBody.", "Port strike ends after three days", "The Daily Planet News Network"},
		{"Port strike ends after three days | What the new contract means for the ports\n\nBody.", "Port strike ends after three days | What the new contract means for the ports", ""},
	} {
		a := parseTextT(t, c.in)
		eq(t, "title", a.Title, c.title)
		eq(t, "outlet", a.Outlet, c.outlet)
	}
}

// Sentences glued by a lost line break are split wherever the glue is: after
// an ellipsis that opens the line, after a run of full stops, and after a
// closing quotation mark or bracket of any kind.
func TestParseTextGluedSentences(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"...and the talks went on.The minister left.", "...and the talks went on.|The minister left."},
		{"The talks stalled... for now.Officials left.", "The talks stalled... for now.|Officials left."},
		{"He said the ports were open.”Officials agreed.", "He said the ports were open.”|Officials agreed."},
		{"He said the ports were open.’Officials agreed.", "He said the ports were open.’|Officials agreed."},
		{"He said the ports were open.'Officials agreed.", "He said the ports were open.|'Officials agreed."}, // where the straight quote goes is lang.Sentences' call
		{"The ports reopened (on Thursday.)Officials agreed.", "The ports reopened (on Thursday.)|Officials agreed."},
		{"Was it worth it?Officials said yes!Others did not.", "Was it worth it?|Officials said yes!|Others did not."},
	} {
		a := parseTextT(t, "Port strike ends\n\n"+c.line)
		var got []string
		for _, b := range a.Blocks {
			got = append(got, b.Text)
		}
		eq(t, "paragraphs of "+c.line, strings.Join(got, "|"), c.want)
	}
}

// Headings between paragraphs: up to 14 words and 120 characters (10 for a
// question), not ending as a sentence does; a short line (five words at
// most) whatever its capitals; a longer one when at
// least six in ten of its content words are capitalised; one word of three
// letters or more ("Q&A"), not a title stop word.
func TestParseTextHeadingBounds(t *testing.T) {
	// 14 words, 120 characters with a curly apostrophe (3 bytes): 122 bytes.
	h120 := "Ukraine’s Internationally Supervised Grain Corridor Reopens With Naval Escorts Negotiated by Turkish Diplomats Overnight"
	if n := len([]rune(h120)); n != 120 {
		t.Fatalf("h120 has %d characters", n)
	}
	for _, c := range []struct {
		line    string
		heading bool
	}{
		{"How the Union Won Its Biggest Raise in Decades", true},
		{"How Kyiv won the battle for Bakhmut", true},        // 3 of 5 content words capitalised
		{"How Kyiv won the battle for the city", false},      // 2 of 5
		{"What comes next for Gaza", true},                   // five words
		{"Ministers of both countries met in Geneva", false}, // 2 of 5 content words
		{"Q&A", true},
		{"Background", true},
		{"The", false},
		{"Up", false},
		{"Why Ports From Boston to Houston Shut Down and What It Cost the Country", true}, // 14 words
		{"Why Ports From Boston to Houston Shut Down and What It Cost the Whole Country", false},
		{"What Happens to the Ports if the Strike Drags On?", true}, // a question of 10 words
		{"What Happens to the Ports if the Strike Drags On Again?", false},
		{"Talks With the U.S.", true},
		{"Talks ended on Monday.", false},
		{"Key points include:", false},
		{h120, true},
		{h120 + "s", false},
		{strings.Repeat("Dockworkers ", 10) + "Return", false}, // 126 characters, 11 words
	} {
		a := parseTextT(t, "Port strike ends\n\nUnion members voted on Wednesday.\n"+c.line+"\nThe ports reopened on Thursday.")
		got := len(a.Blocks) > 1 && a.Blocks[1].Kind == article.Heading
		if got != c.heading {
			t.Errorf("%q (%d words, %d characters): heading = %v, want %v", c.line, len(strings.Fields(c.line)), len([]rune(c.line)), got, c.heading)
		}
	}
}

// A heading of 120 four-byte letters (480 bytes) is within the 120-character
// bound: the byte-length shortcut must not reject it.
func TestParseTextHeadingFourByteRunes(t *testing.T) {
	line := strings.Repeat("𝐁", 120)
	a := parseTextT(t, "Port strike ends\n\nUnion members voted on Wednesday.\n"+line+"\nThe ports reopened on Thursday.")
	if a.Blocks[1].Kind != article.Heading {
		t.Errorf("480-byte line of 120 letters: %s, want a heading", a.Blocks[1].Kind)
	}
}

// The lead's dateline or credit is looked for in the first paragraph, after
// any headings but not after a list; a dateline has at most six words.
func TestParseTextLeadPlacement(t *testing.T) {
	for _, c := range []struct{ in, dateline, outlet, via string }{
		{"Port strike ends after three days\nAnalysis\nSAN CRISTOBAL DE LAS CASAS, Mexico (Reuters) – Dockworkers returned to work on Thursday.\nMore follows.", "SAN CRISTOBAL DE LAS CASAS, Mexico", "", "Reuters"},
		{"Port strike ends after three days\nHallandale Beach, Florida – Dockworkers returned to work on Thursday.\nMore follows.", "Hallandale Beach, Florida", "", ""},
		{"Port strike ends after three days\n• Wages rise\nSAN CRISTOBAL, Mexico (Reuters) – Dockworkers returned to work on Thursday.", "", "", ""},
		{"Port strike ends after three days\nwww.dailyplanet.example\nDaily Planet – Dockworkers returned to work on Thursday.", "", "dailyplanet.example", ""},
	} {
		a := parseTextT(t, c.in)
		eq(t, "dateline", a.Dateline, c.dateline)
		eq(t, "outlet", a.Outlet, c.outlet)
		eq(t, "via", a.Via, c.via)
	}
}

// An attribution sentence opening or closing the body, in every wording the
// parser knows, is removed and names the origin; a name of up to six words.
func TestParseTextAttributions(t *testing.T) {
	for _, c := range []struct{ in, via, body string }{
		{"Port strike ends\n\nReuters reported the news. Dockworkers returned to work.\nThe ports reopened.", "Reuters", "Dockworkers returned to work.\n\nThe ports reopened."},
		{"Port strike ends\n\nDockworkers returned to work.\nSource: Reuters", "Reuters", "Dockworkers returned to work."},
		{"Port strike ends\n\nDockworkers returned to work.\nCourtesy of The Conversation.", "The Conversation", "Dockworkers returned to work."},
		{"Port strike ends\n\nDockworkers returned to work.\noriginally published by ProPublica.", "ProPublica", "Dockworkers returned to work."},
		{"Port strike ends\n\nDockworkers returned to work.\nThis story was first published by The Bureau of Investigative Journalism and Partners Abroad.", "", "Dockworkers returned to work.\n\nThis story was first published by The Bureau of Investigative Journalism and Partners Abroad."},
	} {
		a := parseTextT(t, c.in)
		eq(t, "via", a.Via, c.via)
		eq(t, "body", a.Body(), c.body)
	}
}

// A derived title comes from the first paragraph, not from a list item
// before it: the lead sentence whole up to 14 words, else its first clause
// of 5 to 14 words, else its first ten words.
func TestParseTextDerivedTitleBounds(t *testing.T) {
	for _, c := range []struct{ lead, title string }{
		// 14 words: the whole sentence.
		{"Dockworkers at the three largest ports returned to work on Thursday after a strike.", "Dockworkers at the three largest ports returned to work on Thursday after a strike"},
		// 15 words, a first clause of 5.
		{"Dockworkers returned on Thursday morning, after union members voted to accept a new labour contract.", "Dockworkers returned on Thursday morning"},
		// A first clause of 4 words is too short: the first ten words.
		{"Dockworkers returned on Thursday, after union members voted to accept a new six-year labour contract.", "Dockworkers returned on Thursday, after union members voted to accept…"},
		// A first clause of 14 words.
		{"Dockworkers at the three largest ports returned to work on Thursday after the strike, the union said late on Wednesday.", "Dockworkers at the three largest ports returned to work on Thursday after the strike"},
		// A first clause of 15 words is too long.
		{"Dockworkers at the three largest ports returned to work on Thursday after the long strike, the union said on Wednesday.", "Dockworkers at the three largest ports returned to work on…"},
	} {
		in := "• Wages rise by 62 percent. Automation limits stay.\n" + c.lead + " More follows here.\nThe ports reopened."
		a := parseTextT(t, in)
		if !a.TitleDerived {
			t.Errorf("title %q not derived", a.Title)
		}
		eq(t, "derived title", a.Title, c.title)
	}
}

// A page of nothing but short unpunctuated lines keeps them: the trailing
// boilerplate run needs article text before it.
func TestParseTextOnlyShortLines(t *testing.T) {
	a := parseTextT(t, "Live updates are paused\nThanks for reading\nAdvertisement\n")
	eq(t, "blocks", blocksText(a), "H Thanks for reading\n")
	eq(t, "removed", strings.Join(a.Removed, "|"), "Advertisement")
}

// An attribution ending a paragraph of prose is cut out of it, and the
// paragraph's words are counted again; an outlet name of six words is
// still a name.
func TestParseTextAttributionInParagraph(t *testing.T) {
	a := parseTextT(t, `Port strike ends after three days

Dockworkers returned to work on Thursday.
Retailers said shelves would be full by Christmas. This article was first published by The International Consortium of Investigative Journalists.
`)
	eq(t, "via", a.Via, "The International Consortium of Investigative Journalists")
	eq(t, "body", a.Body(), "Dockworkers returned to work on Thursday.\n\nRetailers said shelves would be full by Christmas.")
	if a.Words != 14 {
		t.Errorf("words = %d, want 14", a.Words)
	}
}

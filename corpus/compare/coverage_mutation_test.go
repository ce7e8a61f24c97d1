package compare

import (
	"fmt"
	"strings"
	"testing"
)

// dumpCoverage writes the coverage table of docs: each quote row (text,
// speaker, the article that alone has it, what each article carries,
// quoted or unquoted), each name row and each number row, with the
// figures each article gives and whether they conflict.
func dumpCoverage(docs []*Doc) string {
	c := Coverage(docs)
	var sb strings.Builder
	for _, r := range c.Quotes {
		fmt.Fprintf(&sb, "quote %q by %q count=%d only=%d:", r.Text, r.Speaker, r.Count(), r.Only)
		for k := range docs {
			switch {
			case r.In[k] != nil:
				fmt.Fprintf(&sb, " [%q s%d]", r.In[k].Text, r.In[k].At.Sentence)
			case r.Partial(k):
				fmt.Fprintf(&sb, " [unquoted s%d %d-%d]", r.Unquoted[k].Sentence, r.Unquoted[k].Start, r.Unquoted[k].End)
			default:
				sb.WriteString(" -")
			}
		}
		sb.WriteString("\n")
	}
	for _, r := range c.Entities {
		fmt.Fprintf(&sb, "name %q kind=%v acronym=%q count=%d only=%d:", r.Name, r.Kind, r.Acronym, r.Count(), r.Only)
		for k := range docs {
			fmt.Fprintf(&sb, " %d", len(r.In[k]))
		}
		sb.WriteString("\n")
	}
	for _, r := range c.Numbers {
		fmt.Fprintf(&sb, "number %q count=%d only=%d conflict=%v:", r.Thing, r.Count(), r.Only, r.Conflict)
		for k := range docs {
			var vs []string
			for _, n := range r.In[k] {
				vs = append(vs, fmt.Sprintf("%v..%v", n.Low, n.High))
			}
			fmt.Fprintf(&sb, " [%s]", strings.Join(vs, " "))
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// storyOfThree is one story as three outlets wrote it: a quote two of
// them carry marked and one paraphrases, a quote only one has, names
// with an acronym defined in one article, figures that agree (the
// 28-point plan), conflict (hours of talks, protesters) or appear once.
func storyOfThree() []*Doc {
	return []*Doc{
		Prepare(article("a",
			"Ukraine's foreign minister Andrii Sybiha met US envoy Steve Witkoff in Geneva on Sunday for four hours of talks on the 28-point peace plan.",
			"“We made real progress today,” Sybiha said after the meeting. About 1,200 people protested outside.",
			"The North Atlantic Treaty Organization (NATO) was not represented.")),
		Prepare(article("b",
			"US envoy Steve Witkoff and Ukrainian foreign minister Andrii Sybiha held almost five hours of talks in Geneva on Sunday about the 28-point peace plan.",
			"Sybiha said they made real progress today. Police said 3,000 people protested outside.",
			"“The plan is a basis, not a final text,” Witkoff told reporters. NATO declined to comment.")),
		Prepare(article("c",
			"Talks in Geneva on the peace plan, cut from 28 points to 19 points, ended on Sunday.",
			"“We made real progress today,” Sybiha said.")),
	}
}

// The coverage table of a three-article story, exactly. Written against
// lived mutants of coverage.go (MUTATION.md, compare-coverage).
func TestCoverageTableExact(t *testing.T) {
	want := `quote "We made real progress today" by "Andrii Sybiha" count=2 only=-1: ["We made real progress today" s1] [unquoted s1 17-41] ["We made real progress today" s1]
quote "The plan is a basis, not a final text" by "Steve Witkoff" count=1 only=1: - ["The plan is a basis, not a final text" s3] -
name "Andrii Sybiha" kind=person acronym="" count=3 only=-1: 2 2 1
name "Geneva" kind=place acronym="" count=3 only=-1: 1 1 1
name "North Atlantic Treaty Organization" kind=org acronym="NATO" count=2 only=-1: 2 1 0
name "Steve Witkoff" kind=person acronym="" count=2 only=-1: 1 2 0
name "United States" kind=place acronym="" count=2 only=-1: 1 1 0
name "Police" kind=org acronym="" count=1 only=1: 0 1 0
name "Ukraine" kind=other acronym="" count=1 only=0: 1 0 0
number "hours of talks" count=2 only=-1 conflict=true: [4..4] [4.25..5] []
number "people" count=2 only=-1 conflict=true: [1020..1380] [3000..3000] []
number "28-point peace plan" count=2 only=-1 conflict=false: [28..28] [28..28] []
number "points" count=1 only=2 conflict=false: [] [] [28..28]
number "points" count=1 only=2 conflict=false: [] [] [19..19]
`
	if got := dumpCoverage(storyOfThree()); got != want {
		t.Errorf("coverage table:\n got:\n%s want:\n%s", got, want)
	}
}

// Partial answers false for an article beyond the row's table, as for one
// that carries nothing.
func TestCoveragePartialBeyondTheTable(t *testing.T) {
	r := &QuoteRow{}
	if r.Partial(0) || r.Partial(3) {
		t.Error("a row with no unquoted copies reports a partial match")
	}
	r.Unquoted = []*Passage{nil, {Sentence: 1}}
	if r.Partial(0) || !r.Partial(1) || r.Partial(2) {
		t.Errorf("Partial over %v: %v %v %v", r.Unquoted, r.Partial(0), r.Partial(1), r.Partial(2))
	}
}

// One quote in three articles: twice in the first (the second time
// trimmed), with the other spelling in the second, from "a ministry
// spokesman" in the second and (trimmed) the third. The row shows each article's fullest
// version, the first of two equally long texts, and the speaker who is
// named (a named speaker weighs two unnamed ones).
func TestCoverageQuoteRowVersions(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a",
			"Ukraine's foreign minister Andrii Sybiha spoke in Kyiv on Monday.",
			"“We will never recognise the annexation of Crimea,” Sybiha said. He later repeated: “We will never recognise the annexation.”")),
		Prepare(article("b",
			"“We will never recognize the annexation of Crimea,” a ministry spokesman said in Kyiv on Monday.")),
		Prepare(article("c",
			"“We will never recognise the annexation,” a ministry spokesman said on Monday.")),
	}
	want := `quote "We will never recognise the annexation of Crimea" by "Andrii Sybiha" count=3 only=-1: ["We will never recognise the annexation of Crimea" s1] ["We will never recognize the annexation of Crimea" s0] ["We will never recognise the annexation" s0]
name "Crimea" kind=place acronym="" count=2 only=-1: 1 1 0
name "Kyiv" kind=place acronym="" count=2 only=-1: 1 1 0
name "Andrii Sybiha" kind=person acronym="" count=1 only=0: 2 0 0
name "Ukraine" kind=other acronym="" count=1 only=0: 1 0 0
`
	if got := dumpCoverage(docs); got != want {
		t.Errorf("coverage table:\n got:\n%s want:\n%s", got, want)
	}
}

// The speaker of a quote row is the one with the most weight; on a tie,
// the first name in byte order, whatever the map's order.
func TestCoverageQuoteSpeakerTie(t *testing.T) {
	tied := map[string]int{}
	for _, n := range []string{"Steve Witkoff", "Marco Rubio", "Andrii Sybiha", "Rustem Umerov", "Kaja Kallas",
		"Mark Rutte", "Olha Stefanishyna", "Dan Driscoll", "Jared Kushner", "Kirill Dmitriev"} {
		tied[n] = 2
	}
	for range 5 {
		if got := topKey(tied); got != "Andrii Sybiha" {
			t.Fatalf("topKey of ten tied speakers = %q, want the first in byte order", got)
		}
	}
	if got := topKey(map[string]int{"a ministry spokesman": 1, "Steve Witkoff": 2}); got != "Steve Witkoff" {
		t.Errorf("topKey = %q, want the heavier speaker", got)
	}
	if got := topKey(map[string]int{}); got != "" {
		t.Errorf("topKey of no speakers = %q", got)
	}
}

// Quote rows come by how many articles carry them, then longest text
// first; rows alike in both keep the order of the quotes in the articles.
func TestCoverageQuoteRowsOrder(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a",
			"“The talks were useful,” Andrii Sybiha said in Geneva on Sunday.",
			"“We need security guarantees before any ceasefire,” Steve Witkoff said.",
			"“Europe must be at the table,” Kaja Kallas said. “Kyiv alone decides its path,” Mark Rutte said.")),
		Prepare(article("b",
			"“The talks were useful,” Sybiha told reporters in Geneva.")),
	}
	var got []string
	for _, r := range Coverage(docs).Quotes {
		got = append(got, fmt.Sprintf("%d %s", r.Count(), r.Text))
	}
	want := "2 The talks were useful|1 We need security guarantees before any ceasefire|1 Europe must be at the table|1 Kyiv alone decides its path"
	if strings.Join(got, "|") != want {
		t.Errorf("quote rows:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}

// Whether two quotes are one quote, trimmed or altered, on pairs at the
// rule's bounds: quotes of stopwords only match when one is the other
// whole; a shared run of four words makes half of a shorter quote of eight
// one quote, three words do not; a one-word quote matches only a one-word
// quote; three of four content words with two in a row make one quote;
// a run of twelve words does whatever the quotes' lengths.
func TestCoverageQuotesMatchPairs(t *testing.T) {
	quote := func(text string) *Quote {
		qs := Prepare(article("q", "“"+text+",” the minister said on Monday.")).Quotes()
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes", text, len(qs))
		}
		return &qs[0]
	}
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"It is what it is", "It is what it is", true},
		{"It is what it is", "It is what it is and", false},
		{"It is what it is", "Ceasefire", false},
		{"Ceasefire", "Ceasefire", true},
		{"Ceasefire", "Ceasefire talks collapsed", false},
		{"The ceasefire must hold now before winter talks", "The ceasefire must hold, said diplomats after long meetings abroad", true},
		{"The ceasefire must falter now before winter talks", "Ceasefire must hold, said diplomats after long meetings abroad", false},
		{"Our soldiers will defend every village and every town of the east", "Our soldiers will defend every village", true},
		{"Gas prices doubled in Germany", "Gas prices fell sharply in Germany", true},
		{"We will rebuild every school and every hospital that the invaders destroyed in Kharkiv, Kherson and Mariupol, with money from partners, before winter arrives this year",
			"Our engineers, our builders and our teachers promise one thing to every family: we will rebuild every school and every hospital that the invaders destroyed", true},
	} {
		if got := quotesMatch(quote(tt.a), quote(tt.b)); got != tt.want {
			t.Errorf("quotesMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := quotesMatch(quote(tt.b), quote(tt.a)); got != tt.want {
			t.Errorf("quotesMatch(%q, %q) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
	}
}

// An article that gives a quote twice, word for word (in its lede and
// again further down), is shown with the first: the row leads the reader
// to where the article first quotes it, not to the repetition.
func TestCoverageQuoteRowFirstOfRepeats(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a",
			"“We will never recognise the annexation of Crimea,” Andrii Sybiha said in Kyiv on Monday.",
			"Asked again, he repeated: “We will never recognise the annexation of Crimea.”")),
		Prepare(article("b",
			"“We will never recognise the annexation of Crimea,” the foreign minister said on Monday.")),
	}
	rows := Coverage(docs).Quotes
	if len(rows) != 1 || rows[0].In[0] == nil || rows[0].In[0].Text != "We will never recognise the annexation of Crimea" ||
		rows[0].In[0].At.Sentence != 0 {
		t.Errorf("quote rows %+v, want one row showing the first article's first quote (sentence 0)", rows)
	}
}

// An outlet that carries a quote without quotation marks is matched
// against the fullest version the others quote: one outlet quotes Sybiha
// whole, another trimmed, and the third's unquoted copy is found whole,
// its passage running to "whatever the cost".
func TestCoverageUnquotedFromFullestVersion(t *testing.T) {
	third := "Sybiha said on Monday that Kyiv would never recognise the annexation of Crimea by Russia, whatever the cost."
	docs := []*Doc{
		Prepare(article("a", "“We will never recognise the annexation of Crimea by Russia, whatever the cost,” Andrii Sybiha said in Kyiv on Monday.")),
		Prepare(article("b", "“We will never recognise the annexation of Crimea,” Sybiha said on Monday.")),
		Prepare(article("c", third)),
	}
	rows := Coverage(docs).Quotes
	if len(rows) != 1 || !rows[0].Partial(2) {
		t.Fatalf("quote rows %+v, want one row the third article carries unquoted", rows)
	}
	p := rows[0].Unquoted[2]
	if got := third[p.Start:p.End]; p.Sentence != 0 || got != "never recognise the annexation of Crimea by Russia, whatever the cost" {
		t.Errorf("unquoted passage %q (sentence %d), want the fullest version's words", got, p.Sentence)
	}
	// Of two versions as long, the first article's: the second outlet's
	// "whatever the price" does not cut the passage short.
	docs[1] = Prepare(article("b", "“We will never recognise the annexation of Crimea by Russia, whatever the price,” Sybiha said on Monday."))
	rows = Coverage(docs).Quotes
	if len(rows) != 1 || !rows[0].Partial(2) {
		t.Fatalf("quote rows %+v, want one row the third article carries unquoted", rows)
	}
	p = rows[0].Unquoted[2]
	if got := third[p.Start:p.End]; got != "never recognise the annexation of Crimea by Russia, whatever the cost" {
		t.Errorf("unquoted passage %q, want the first article's version's words", got)
	}
}

// One statement from one organisation, named in full by one outlet and by
// its acronym alone by the other: the story's names make the two one
// organisation, so the quote is one row both outlets carry, not two
// quotes of two speakers.
func TestCoverageQuoteOfOneOrgUnderTwoNames(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a", "Leaders met in Brussels on Thursday.",
			"“Our support for Ukraine will not waver this winter,” the North Atlantic Treaty Organization said in a statement.")),
		Prepare(article("b", "Leaders met in Brussels on Thursday.",
			"“Our support for Ukraine will not waver this winter,” NATO said in a statement.")),
	}
	rows := Coverage(docs).Quotes
	if len(rows) != 1 || rows[0].Count() != 2 || rows[0].Speaker != "North Atlantic Treaty Organization" {
		t.Errorf("quote rows %+v, want one row in both articles, by the North Atlantic Treaty Organization", rows)
	}
}

// Outlets spell some names their own way (AFP's "Huthi", others'
// "Houthi"): one organisation is one row that both articles carry.
func TestCoverageNameSpellingsJoined(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a", "Yemen's Houthi rebels fired a missile at a ship on Monday, and the Houthi movement said more would follow.")),
		Prepare(article("b", "Yemen's Huthi rebels fired a missile at a ship on Monday, and the Huthi movement said more would follow.")),
	}
	want := `name "Houthi" kind=org acronym="" count=2 only=-1: 2 2
name "Yemen" kind=other acronym="" count=2 only=-1: 1 1
`
	if got := dumpCoverage(docs); got != want {
		t.Errorf("coverage table:\n got:\n%s want:\n%s", got, want)
	}
}

// Name rows across outlets: "the EU" in one and "the European Union" in
// the other are one row, as are "the AU" and "the African Union" (a name
// of two words takes the acronym another outlet uses); an acronym one outlet defines ("(NATO)") stays
// on the row when the other writes the name in full; a row is named by
// the spelling most mentions use ("Huthi" three times, "Houthi" once).
func TestCoverageNameRowsAcrossOutlets(t *testing.T) {
	for _, tt := range []struct {
		texts []string
		want  string
	}{
		{[]string{"The European Union agreed new sanctions on Russia on Friday.",
			"The EU agreed new sanctions on Russia on Friday."},
			`name "European Union" kind=org acronym="" count=2 only=-1: 1 1
name "Russia" kind=place acronym="" count=2 only=-1: 1 1
`},
		{[]string{"The African Union suspended Niger on Friday.", "The AU suspended Niger on Friday."},
			`name "African Union" kind=org acronym="AU" count=2 only=-1: 1 1
name "Niger" kind=place acronym="" count=2 only=-1: 1 1
`},
		{[]string{"The North Atlantic Treaty Organization (NATO) met in Brussels on Thursday.",
			"The North Atlantic Treaty Organization met in Brussels on Thursday."},
			`name "North Atlantic Treaty Organization" kind=org acronym="NATO" count=2 only=-1: 2 1
name "Brussels" kind=place acronym="" count=2 only=-1: 1 1
`},
		{[]string{"Yemen's Huthi rebels fired a missile at a ship on Monday, and the Huthi movement said more would follow.",
			"Yemen's Huthi rebels fired a missile at a ship on Monday.",
			"Yemen's Houthi rebels fired a missile at a ship on Monday."},
			`name "Huthi" kind=org acronym="" count=3 only=-1: 2 1 1
name "Yemen" kind=other acronym="" count=3 only=-1: 1 1 1
`},
	} {
		var docs []*Doc
		for k, text := range tt.texts {
			docs = append(docs, Prepare(article(string(rune('a'+k)), text)))
		}
		if got := dumpCoverage(docs); got != tt.want {
			t.Errorf("coverage table:\n got:\n%s want:\n%s", got, tt.want)
		}
	}
}

// A compound measure of one thing about the same people, one value in
// each outlet, in sentences that report different moments: "a 48-page
// indictment" and "the 52-page indictment" disagree, and the row is
// flagged.
func TestCoverageCompoundMeasureConflict(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a", "Prosecutors unsealed a 48-page indictment against Sam Bankman-Fried in Manhattan on Tuesday.")),
		Prepare(article("b", "Sam Bankman-Fried's lawyers said on Wednesday that the 52-page indictment was flawed.")),
	}
	want := `name "Sam Bankman-Fried" kind=person acronym="" count=2 only=-1: 1 1
name "Manhattan" kind=place acronym="" count=1 only=0: 1 0
number "indictment (pages)" count=2 only=-1 conflict=true: [48..48] [52..52]
`
	if got := dumpCoverage(docs); got != want {
		t.Errorf("coverage table:\n got:\n%s want:\n%s", got, want)
	}
}

// The same, when the two sentences do not report one fact (one article
// tells of the indictment's unsealing, the other of what the lawyers
// think of it; the aligned sentences are the pleas): the compound measure
// of one noun, one value in each article, about the same people, is still
// one count, and 48 against 52 pages is a conflict. Without the rule the
// two figures are two rows, each in one article.
func TestCoverageCompoundMeasureOutsideAlignedSentences(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a",
			"Sam Bankman-Fried pleaded not guilty in Manhattan on Friday.",
			"Prosecutors unsealed a 48-page indictment on Tuesday.")),
		Prepare(article("b",
			"Sam Bankman-Fried pleaded not guilty in a Manhattan court on Friday.",
			"His lawyers said the 52-page indictment was riddled with errors.")),
	}
	want := `name "Manhattan" kind=place acronym="" count=2 only=-1: 1 1
name "Sam Bankman-Fried" kind=person acronym="" count=2 only=-1: 1 1
number "indictment (pages)" count=2 only=-1 conflict=true: [48..48] [52..52]
`
	if got := dumpCoverage(docs); got != want {
		t.Errorf("coverage table:\n got:\n%s want:\n%s", got, want)
	}
}

// A row of figures is named by the label most of its figures use; on a
// tie by the shorter, more general one ("people" over "young people"),
// and between labels as long by byte order, whatever the map's order.
func TestCoverageNumberRowLabel(t *testing.T) {
	for _, tt := range []struct {
		labels []string
		want   string
	}{
		{[]string{"young people", "people"}, "people"},
		{[]string{"people", "young people"}, "people"},
		{[]string{"young people", "young people", "people"}, "young people"},
		{[]string{"troops", "forces", "forces", "troops"}, "forces"},
		{[]string{"soldiers killed", "troops"}, "troops"},
	} {
		var ns []*Number
		for _, l := range tt.labels {
			ns = append(ns, &Number{Label: l, Value: 1200})
		}
		for range 20 {
			if got := rowLabel(ns); got != tt.want {
				t.Fatalf("rowLabel(%q) = %q, want %q", tt.labels, got, tt.want)
			}
		}
	}
}

// Two figures in different sentences count one thing when the sentences
// around them share at least two content terms and at least a quarter of
// the smaller vocabulary: the bounds, on the stemmed terms of news
// sentences.
func TestCoverageContextsAgreeBounds(t *testing.T) {
	ctx := func(terms ...string) []uint64 {
		var h []uint64
		for _, x := range terms {
			h = append(h, hashTerm(x))
		}
		return sortUnique(h)
	}
	protest := ctx("protest", "kyiv", "polic", "sunday", "outsid", "parliament", "crowd", "march")
	for _, tt := range []struct {
		a, b []uint64
		want bool
	}{
		// Two of eight: a quarter.
		{protest, ctx("protest", "kyiv", "rain", "bus", "strike", "school", "doctor", "wage"), true},
		// Two of nine: under a quarter.
		{ctx("protest", "kyiv", "polic", "sunday", "outsid", "parliament", "crowd", "march", "flag"),
			ctx("protest", "kyiv", "rain", "bus", "strike", "school", "doctor", "wage", "union"), false},
		// One term in common is not enough, however short the sentence.
		{protest, ctx("protest", "rain"), false},
		{protest, ctx("protest", "kyiv"), true},
	} {
		if got := contextsAgree(tt.a, tt.b); got != tt.want {
			t.Errorf("contextsAgree of %d and %d terms = %v, want %v", len(tt.a), len(tt.b), got, tt.want)
		}
		if got := contextsAgree(tt.b, tt.a); got != tt.want {
			t.Errorf("contextsAgree (swapped) of %d and %d terms = %v, want %v", len(tt.b), len(tt.a), got, tt.want)
		}
	}
}

// The pair view sorts names into the two articles' shared names and each
// one's own.
func TestCoverageEntityDiffOfPair(t *testing.T) {
	a := Prepare(article("a", "Andrii Sybiha met Steve Witkoff in Geneva on Sunday."))
	b := Prepare(article("b", "Steve Witkoff met Rustem Umerov in Geneva on Sunday."))
	d := Coverage([]*Doc{a, b}).entityDiff()
	names := func(rows []EntityRow) string {
		var s []string
		for _, r := range rows {
			s = append(s, r.Name)
		}
		return strings.Join(s, ", ")
	}
	if got := names(d.Both) + " | " + names(d.OnlyA) + " | " + names(d.OnlyB); got != "Geneva, Steve Witkoff | Andrii Sybiha | Rustem Umerov" {
		t.Errorf("names both | only A | only B = %q", got)
	}
}

package compare

import (
	"math"
	"strings"
	"testing"
)

func TestQuoteSpans(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`“This is delicate,” he remarked.`, []string{"This is delicate,"}},
		{`"It would be premature," the source said.`, []string{"It would be premature,"}},
		{`Diplomacy faces a test after 'progress' in talks`, []string{"progress"}},
		{`After ‘Progress’ in Ukraine’s talks, the allies’ demands grew`, []string{"Progress"}},
		{`Ukraine’s allies don’t agree; the plan’s authors’ view is unchanged.`, nil},
		{`He said "we call it the 'shadow fleet' problem" today.`, []string{"we call it the 'shadow fleet' problem"}},
		{`Er sagte: „Das ist gut“ und ging. Il a dit «non».`, []string{"Das ist gut", "non"}},
		{`“The first paragraph of a long quote runs on`, []string{"The first paragraph of a long quote runs on"}},
		{`Rock 'n' roll and the '90s`, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range quoteSpans(tt.in) {
			got = append(got, tt.in[sp.start:sp.end])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("quoteSpans(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func quoteBy(d *Doc, sub string) *Quote {
	for i := range d.Quotes() {
		if strings.Contains(d.Quotes()[i].Text, sub) {
			return &d.Quotes()[i]
		}
	}
	return nil
}

func TestSpeakers(t *testing.T) {
	d := Prepare(article("t",
		"Secretary of State Marco Rubio met Ukrainian officials in Florida on Sunday.",
		`"We had another very productive session," Rubio told reporters.`,
		`He acknowledged the complexity, stating, "There are a lot of moving parts."`,
		`Rustem Umerov, head of the Ukrainian delegation, spoke later. Umerov stated, “This meeting was productive and successful.”`,
		`“The U.S. is hearing us,” he added.`,
		`The talks were described as "difficult" by a source close to the team.`,
		`"It would be premature to say we finalized everything," the source told CNN.`,
		`"That doesn't mean there are no potential ways."`,
		`The scandal was called "the biggest test" of his presidency.`,
	))
	tests := []struct{ quote, speaker string }{
		{"very productive session", "Marco Rubio"},
		{"moving parts", "Marco Rubio"},
		{"productive and successful", "Rustem Umerov"},
		{"hearing us", "Rustem Umerov"},
		{"difficult", "a source"},
		{"premature", "the source"},
		{"potential ways", "the source"}, // a bare quote right after carries the speaker on
		{"biggest test", ""},             // passive, no agent
	}
	for _, tt := range tests {
		q := quoteBy(d, tt.quote)
		if q == nil {
			t.Errorf("quote %q not found in %+v", tt.quote, d.Quotes())
			continue
		}
		if q.Speaker != tt.speaker {
			t.Errorf("speaker of %q = %q (%s), want %q", tt.quote, q.Speaker, q.SpeakerKind, tt.speaker)
		}
	}
	// Positions let a viewer jump to the quote.
	q := quoteBy(d, "very productive session")
	blk, start, end := d.Locate(Passage{Sentence: q.At.Sentence, Start: q.At.Start, End: q.At.End})
	if blk != 1 || !strings.HasPrefix(d.Article.Blocks[1].Text[start:end], "We had another") {
		t.Errorf("quote located at block %d %q", blk, d.Article.Blocks[blk].Text[start:end])
	}
}

func TestQuotesMatchAcrossSeeds(t *testing.T) {
	d := seedDocs(t)
	cov := Coverage([]*Doc{d["000"], d["001"], d["002"], d["003"], d["004"]})
	find := func(sub string) *QuoteRow {
		for k := range cov.Quotes {
			if strings.Contains(cov.Quotes[k].Text, sub) {
				return &cov.Quotes[k]
			}
		}
		return nil
	}
	// 001 trims and rewords 000's quotes.
	for _, sub := range []string{"ruin the potential solution", "tough but"} {
		r := find(sub)
		if r == nil || r.In[0] == nil || r.In[1] == nil {
			t.Errorf("quote %q should be matched in 000 and 001: %+v", sub, r)
		}
	}
	if r := find("tough but"); r != nil && r.In[1] != nil && r.In[1].Text != "tough but constructive" {
		t.Errorf("001's version = %q", r.In[1].Text)
	}
	// A one-word quote must not swallow longer ones that contain the word.
	if r := find("productive and successful"); r == nil || r.Count() != 1 {
		t.Errorf("Umerov's quote in 002 differs from 003's “meaningful and successful”: %+v", r)
	}
	if r := find("liberate these territories"); r == nil || r.Speaker != "Vladimir Putin" || r.Only != 4 {
		t.Errorf("Putin quote row = %+v", r)
	}
}

func entityRow(cov *StoryCoverage, name string) *EntityRow {
	for k := range cov.Entities {
		if cov.Entities[k].Name == name {
			return &cov.Entities[k]
		}
	}
	return nil
}

func TestNamesOnSeeds(t *testing.T) {
	d := seedDocs(t)
	docs := []*Doc{d["000"], d["001"], d["002"], d["003"], d["004"]}
	cov := Coverage(docs)
	tests := []struct {
		name string
		kind EntityKind
		in   []int
	}{
		{"Marco Rubio", Person, []int{0, 1, 2, 3}},      // 002 and 003 also say "Rubio" alone
		{"Volodymyr Zelenskyy", Person, []int{2, 3, 4}}, // Zelensky (004), Zelenskyy’s (002)
		{"Steve Witkoff", Person, []int{0, 1, 2, 3, 4}}, // "Witkoff" alone in 002
		{"Vladimir Putin", Person, []int{2, 3, 4}},      // "Putin’s" possessive
		{"NATO", Org, []int{0, 1, 3, 4}},                // acronym
		{"European Commission", Org, []int{3}},          // organisation word
		{"Florida", Place, []int{0, 1, 2, 3, 4}},        //
		{"United States", Place, []int{0, 1, 2, 3, 4}},  // U.S., US, United States
		{"Ursula von der Leyen", Person, []int{3}},      // particles inside a name
		{"Rustem Umerov", Person, []int{2, 3, 4}},       //
		{"Hallandale", Place, []int{3}},                 // dateline capitals folded
		{"Agence France-Presse", Org, []int{3}},         //
		{"Black Sea", Place, []int{3}},                  //
		{"Jared Kushner", Person, []int{0, 2, 4}},       //
		{"Donald Trump", Person, []int{0, 2, 3, 4}},     // "Trump" alone in 003
		{"Kremlin", Org, []int{0, 1, 3, 4}},             //
		{"Donbas", Place, []int{0, 1, 2, 3, 4}},         //
		{"Shell Bay", Place, []int{0, 1}},               //
		{"Mark Rutte", Person, []int{3}},                // after "NATO Secretary General"
		{"Emmanuel Macron", Person, []int{3}},           //
		{"Andriy Yermak", Person, []int{2}},             //
		{"Pokrovsk", Place, []int{4}},                   //
		{"Geneva", Place, []int{0, 1, 3}},               //
		{"Borsch", Other, []int{0, 1}},                  //
		{"Ukraine", Place, []int{0, 1, 2, 3, 4}},        //
		{"Russia", Place, []int{0, 1, 2, 3, 4}},         //
		{"Kyiv", Place, []int{0, 1, 3, 4}},              //
		{"Moscow", Place, []int{0, 1, 3, 4}},            //
		{"CNN", Org, []int{0, 1}},                       //
		{"White House", Org, []int{3}},                  //
		{"Washington", Place, []int{0, 1}},              //
		{"South Florida", Place, []int{0, 1}},           //
		{"Crimea", Place, []int{3}},                     //
		{"Donetsk", Place, []int{4}},                    //
		{"European Union", Org, []int{3}},               //
		{"Paris", Place, []int{3}},                      //
		{"Miami", Place, []int{3}},                      //
		{"Luhansk", Place, []int{4}},                    //
		{"Telegram", Other, []int{3}},                   //
		{"Holubtsi", Other, []int{0, 1}},                //
	}
	for _, tt := range tests {
		r := entityRow(cov, tt.name)
		if r == nil {
			t.Errorf("no entity %q", tt.name)
			continue
		}
		if r.Kind != tt.kind {
			t.Errorf("%s: kind %s, want %s", tt.name, r.Kind, tt.kind)
		}
		var in []int
		for k, m := range r.In {
			if len(m) > 0 {
				in = append(in, k)
			}
		}
		if !sameInts(in, tt.in) {
			t.Errorf("%s: in %v, want %v", tt.name, in, tt.in)
		}
	}
	for _, r := range cov.Entities {
		switch {
		case strings.HasSuffix(r.Name, "'s") || strings.HasSuffix(r.Name, "’s"):
			t.Errorf("possessive kept: %q", r.Name)
		case strings.Contains(r.Name, "Zelensk") && r.Name != "Volodymyr Zelenskyy":
			t.Errorf("transliteration variant not merged: %q", r.Name)
		case r.Name == "Rubio" || r.Name == "Witkoff" || r.Name == "Trump" || r.Name == "Putin":
			t.Errorf("surname alone not joined to the full name: %q", r.Name)
		}
		for _, w := range []string{"However", "Instead", "Despite", "Discussions", "Ukrainian", "Russian", "American", "Senior", "Secretary", "President"} {
			if r.Name == w || strings.HasPrefix(r.Name, w+" ") {
				t.Errorf("not a name: %q", r.Name)
			}
		}
	}
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSurnameNotJoinedWhenAmbiguous(t *testing.T) {
	d := Prepare(article("t", "Donald Trump met Melania Trump and Ivanka Trump at the White House.", "Later, Trump said the dinner went well."))
	for _, e := range d.Entities() {
		if e.Name == "Trump" {
			return
		}
	}
	t.Errorf("a surname shared by three people must stay apart: %v", entityNames(d))
}

func entityNames(d *Doc) []string {
	var out []string
	for _, e := range d.Entities() {
		out = append(out, e.Name)
	}
	return out
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		text, want, thing, label, hedge, unit string
		value                                 float64
	}{
		{"The meeting lasted almost five hours of discussions.", "almost five hours of discussions", "hours of discussions", "hours of discussions", "almost", "", 5},
		{"It took two rounds of talks in Geneva.", "two rounds of talks", "rounds of talks", "rounds of talks", "", "", 2},
		{"They discussed the 28-point plan again.", "28-point plan", "plan", "28-point plan", "", "point", 28},
		{"The original 28-point U.S. proposal was dropped.", "28-point U.S. proposal", "U.S. proposal", "28-point proposal", "", "point", 28},
		{"It followed a nearly four-year war.", "nearly four-year war", "war", "four-year war", "nearly", "year", 4},
		{"Russia controls about one-fifth of Ukrainian territory.", "about one-fifth of Ukrainian territory", "Ukrainian territory", "Ukrainian territory", "about", "fraction", 0.2},
		{"The war caused well over a million casualties on both sides.", "well over a million casualties", "casualties", "casualties", "well over", "", 1e6},
		{"It lasted over four hours and ended.", "over four hours", "hours", "hours", "over", "", 4},
		{"Donations start at $10 a month.", "$10", "", "$10", "", "$", 10},
		{"Trade reached nearly $69 billion last year.", "nearly $69 billion", "", "nearly $69 billion", "nearly", "$", 69e9},
		{"Turnout rose to 62.5% in the capital.", "62.5%", "", "62.5%", "", "%", 0.625},
		{"It was his sixth meeting with Putin.", "sixth meeting", "meeting", "meeting", "", "", 6},
		{"Twenty-five soldiers were wounded.", "Twenty-five soldiers", "soldiers", "soldiers", "", "", 25},
		{"The attack hit two Russian “shadow fleet” tankers in the sea.", "two Russian “shadow fleet” tankers", "Russian “shadow fleet” tankers", "Russian shadow fleet tankers", "", "", 2},
		{"Talks ran for three hours of Tuesday.", "three hours", "hours", "hours", "", "", 3},
	}
	for _, tt := range tests {
		d := Prepare(article("t", tt.text))
		ns := d.Numbers()
		if len(ns) != 1 {
			t.Errorf("%q: got %d numbers %+v", tt.text, len(ns), ns)
			continue
		}
		n := ns[0]
		if n.Text != tt.want || n.Thing != tt.thing || n.Label != tt.label || n.Hedge != tt.hedge || n.Unit != tt.unit || math.Abs(n.Value-tt.value) > 1e-9*math.Max(1, tt.value) {
			t.Errorf("%q:\n got text %q thing %q label %q hedge %q unit %q value %g\nwant text %q thing %q label %q hedge %q unit %q value %g",
				tt.text, n.Text, n.Thing, n.Label, n.Hedge, n.Unit, n.Value, tt.want, tt.thing, tt.label, tt.hedge, tt.unit, tt.value)
		}
		if n.Low > n.High || n.Hedge == "" && (n.Low != n.Value || n.High != n.Value) {
			t.Errorf("%q: bounds %g..%g around %g", tt.text, n.Low, n.High, n.Value)
		}
	}
	// Dates, years, "one of" and bare numbers are not counted facts.
	for _, text := range []string{
		"Talks ended on November 30 in Florida.", "He visited India in 2021.", "One of the most sensitive points remains.",
		"It begins on December 1.", "He is one of them.",
	} {
		if ns := Prepare(article("t", text)).Numbers(); len(ns) != 0 {
			t.Errorf("%q: want no numbers, got %+v", text, ns)
		}
	}
}

func TestNumberPairing(t *testing.T) {
	a := Prepare(article("a", "The meeting in Florida with the Ukrainian delegation lasted four hours.", "Officials discussed the 28-point plan."))
	b := Prepare(article("b", "The meeting with the Ukrainian delegation in Florida lasted almost five hours.",
		"The flight back to Washington took five hours.", "The 28-point plan was cut to a 19-point plan."))
	cov := Coverage([]*Doc{a, b})
	var meeting, flight, plan *NumberRow
	for k := range cov.Numbers {
		r := &cov.Numbers[k]
		switch {
		case len(r.In[1]) > 0 && strings.Contains(b.Sentences[r.In[1][0].At.Sentence].Text, "flight"):
			flight = r
		case r.Thing == "hours":
			meeting = r
		case strings.Contains(r.Thing, "plan") && len(r.In[0]) > 0:
			plan = r
		}
	}
	if meeting == nil || len(meeting.In[0]) != 1 || len(meeting.In[1]) != 1 || !meeting.Conflict {
		t.Errorf("four hours vs almost five hours of the same meeting should pair as a conflict: %+v", meeting)
	}
	if flight == nil || len(flight.In[0]) != 0 {
		t.Errorf("the flight's five hours is another thing: %+v", flight)
	}
	if plan == nil || plan.Conflict || len(plan.In[0]) != 1 || len(plan.In[1]) != 1 || plan.In[1][0].Value != 28 {
		t.Errorf("the 28-point plan is one fact in both: %+v", plan)
	}
	for _, r := range cov.Numbers {
		if len(r.In[1]) > 0 && r.In[1][0].Value == 19 && (r.Only != 1 || r.Conflict) {
			t.Errorf("the 19-point plan only b reports, no conflict: %+v", r)
		}
	}
	if plan != nil && plan.Thing != "28-point plan" {
		t.Errorf("row label %q, want the counted noun phrase %q", plan.Thing, "28-point plan")
	}
}

// Row labels: the counted noun phrase most outlets use, names that only
// qualify it dropped; a unit when the outlets' figures differ.
func TestNumberRowLabels(t *testing.T) {
	a := Prepare(article("a", "The original 28-point U.S. proposal was revised in Geneva on Sunday.",
		"The delegations met for almost five hours of talks in Geneva."))
	b := Prepare(article("b", "The 28-point US plan was revised in Geneva on Sunday.",
		"The delegations met for four hours of talks in Geneva."))
	c := Prepare(article("c", "The 20-point plan was revised in Geneva on Sunday, officials said."))
	labels := map[string]bool{}
	for _, r := range Coverage([]*Doc{a, b}).Numbers {
		labels[r.Thing] = true
	}
	for _, want := range []string{"28-point plan", "hours of talks"} {
		if !labels[want] {
			t.Errorf("no row labelled %q: %v", want, labels)
		}
	}
	paired := false
	for _, r := range Coverage([]*Doc{a, c}).Numbers {
		if r.Count() == 2 {
			paired = true
			if r.Thing != "proposal (points)" && r.Thing != "plan (points)" || !r.Conflict {
				t.Errorf("figures that differ are a conflict labelled by the unit, got %q %v", r.Thing, r.Conflict)
			}
		}
	}
	if !paired {
		t.Error("the 28-point and 20-point plans revised in Geneva should pair")
	}
}

// An acronym joins the full name whose capitalised words it spells (small
// words skipped), or the one a text defines it for in brackets, in one
// article and across articles; a person's initials are not an acronym, and
// two names with the same initials are not guessed between.
func TestAcronymsJoinFullNames(t *testing.T) {
	a := Prepare(article("a",
		"The Federal Bureau of Investigation opened an inquiry on Monday, Agence France-Presse reported.",
		"The FBI declined to comment, AFP said.",
		"Islamic State (ISIS) claimed the attack on the European Central Bank.",
		"ISIS fighters had threatened the ECB before."))
	names := map[string]string{}
	for _, e := range a.Entities() {
		names[e.Name] = e.Acronym
	}
	for full, short := range map[string]string{"Federal Bureau of Investigation": "FBI", "Agence France-Presse": "AFP", "Islamic State": "ISIS", "European Central Bank": "ECB"} {
		if got, ok := names[full]; !ok || got != short {
			t.Errorf("%s should carry its acronym %s: %v", full, short, names)
		}
	}
	for _, short := range []string{"FBI", "AFP", "ISIS", "ECB"} {
		if _, ok := names[short]; ok {
			t.Errorf("%s should have joined its full name: %v", short, names)
		}
	}
	// Across articles: one says NATO, the other spells it out.
	b := Prepare(article("b", "The North Atlantic Treaty Organization met in Brussels on Tuesday to discuss air defence."))
	c := Prepare(article("c", "NATO allies met in Brussels on Tuesday to discuss air defence, the alliance said."))
	cov := Coverage([]*Doc{b, c})
	r := entityRow(cov, "North Atlantic Treaty Organization")
	if r == nil || r.Count() != 2 || r.Acronym != "NATO" {
		t.Errorf("NATO should join North Atlantic Treaty Organization across articles: %+v", r)
	}
	if entityRow(cov, "NATO") != nil {
		t.Error("NATO left as its own row")
	}
	// Two known names joined by a hyphen are two names.
	e := Prepare(article("e", "Negotiations on the Russia-Ukraine war resumed as US-China talks stalled."))
	got := map[string]bool{}
	for _, x := range e.Entities() {
		got[x.Name] = true
	}
	if !got["Russia"] || !got["Ukraine"] || !got["China"] || got["Russia-Ukraine"] {
		t.Errorf("hyphenated pairs of places should split: %v", entityNames(e))
	}
	// A person's initials and an ambiguous acronym stay apart.
	d := Prepare(article("d",
		"Anna Petrova met officials from the African Union and the Arab Union in Cairo.",
		"The AP reported the meeting. AU delegates left early."))
	for _, e := range d.Entities() {
		if e.Acronym != "" {
			t.Errorf("%s should not take the acronym %s", e.Name, e.Acronym)
		}
	}
}

// A quote one outlet marks and another carries without quotation marks, as
// an unmarked copy or a close paraphrase, is a partial match; a one-word
// quote, words inside another quote and a sentence sharing a few common
// words are not.
func TestUnquotedPartialMatch(t *testing.T) {
	d := seedDocs(t)
	cov := Coverage([]*Doc{d["000"], d["001"]})
	var row *QuoteRow
	for k := range cov.Quotes {
		if strings.Contains(cov.Quotes[k].Text, "preserving the constitutional provisions") {
			row = &cov.Quotes[k]
		}
	}
	if row == nil || row.In[1] != nil || !row.Partial(1) {
		t.Fatalf("001 paraphrases 000's quote unmarked: %+v", row)
	}
	p := row.Unquoted[1]
	if got := d["001"].Sentences[p.Sentence].Text[p.Start:p.End]; !strings.Contains(got, "constitutional") {
		t.Errorf("partial match at %q", got)
	}
	c := Compare(d["000"], d["001"])
	if c.PartialQuotes != 1 {
		t.Errorf("partial quotes %d, want 1", c.PartialQuotes)
	}

	a := Prepare(article("a",
		`"We will not accept any deal that rewards aggression," Foreign Minister Ana Costa told reporters in Lisbon.`,
		`Talks were "tough but constructive," an aide said.`,
		`The mood was "difficult," one diplomat said.`,
		`"Our farmers deserve better prices," Costa added.`))
	b := Prepare(article("b",
		`Foreign Minister Ana Costa said in Lisbon that her government would not accept any deal rewarding aggression.`,
		`Aides described the talks as tough but constructive.`,
		`It was a difficult day for diplomats, who said "the farmers" had been forgotten.`,
		`Prices for farmers fell again in the spring.`))
	cov = Coverage([]*Doc{a, b})
	want := map[string]bool{"We will not accept any deal that rewards aggression": true, "tough but constructive": true,
		"difficult": false, "Our farmers deserve better prices": false}
	for _, r := range cov.Quotes {
		if r.In[0] == nil {
			continue
		}
		w, ok := want[r.In[0].Text]
		if !ok {
			continue
		}
		delete(want, r.In[0].Text)
		if r.Partial(1) != w {
			t.Errorf("%q: partial in b = %v, want %v", r.In[0].Text, r.Partial(1), w)
		}
	}
	if len(want) > 0 {
		t.Errorf("quotes not found: %v", want)
	}
}

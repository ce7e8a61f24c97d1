package compare

import (
	"strings"
	"testing"
)

// Fixtures in several house styles, written for these tests: NYT-style
// honorifics and dotted acronyms, AP style (party tags, lower-case titles),
// wire copy, and a family sharing a surname.

var nytStyle = article("nyt",
	`WASHINGTON — President Donald J. Trump on Friday defended his decision to fire James B. Comey, the F.B.I. director, saying Mr. Comey had lost the confidence of the bureau’s agents.`,
	`“He was a showboat, he was a grandstander,” Mr. Trump said in an interview with NBC News. “The agency has been in turmoil.”`,
	`The first lady, Melania Trump, did not attend the signing at Trump Tower. Mrs. Trump has kept a low profile, and the president’s daughter Ivanka Trump spoke instead. President Trump signed the order later that day.`,
	`Speaker Paul D. Ryan of Wisconsin said the firing raised questions. “I think it is important that we let the investigation run its course,” Mr. Ryan told reporters at the Capitol.`,
	`Representative Tim Ryan, Democrat of Ohio, went further. “This is a constitutional crisis,” he said.`,
	`Kellyanne Conway, the president’s counselor, defended the decision in an interview with The Guardian. Her husband, George T. Conway III, a lawyer, has criticized the White House. Mr. Conway wrote on Twitter that the firing was “a mistake that will haunt this presidency.”`,
	`At a hearing in the afternoon, Senator Dianne Feinstein of California pressed the deputy attorney general. “Did the president ask you to pledge loyalty?” Ms. Feinstein asked.`,
	`“I had dinner with Jim Comey and he asked to stay on,” she said, recalling what the president had told her.`,
)

var apStyle = article("ap",
	`WASHINGTON (AP) — Special counsel Robert Mueller has charged 13 Russians with meddling in the 2016 election, the Justice Department said Friday.`,
	`Rep. Adam Schiff, D-Calif., the top Democrat on the House intelligence committee, said the indictment showed the scale of the effort. "We will not let this stand," Schiff said, "and neither will the American people."`,
	`Sen. Ben Sasse of Nebraska said the charges were overdue. "This is a good first step," Sasse said.`,
	`Defense Secretary Jim Mattis told reporters at the Pentagon that the military was ready to help. "We are not going to stand by," Mattis said. James Mattis, a retired Marine general, has served since January 2017.`,
	`Gov. Greg Abbott, R-Texas, spoke at the Veterans War Memorial Building in Austin. "Texas will defend its elections," Abbott said.`,
	`"Was anyone in the campaign aware of this?" a reporter asked. Deputy Attorney General Rod Rosenstein declined to say.`,
)

var wireStyle = article("wire",
	`WASHINGTON, May 12 (Reuters) - Special Counsel Robert S. Mueller III on Friday asked a federal judge to delay sentencing for former national security adviser Michael Flynn.`,
	`"Mr. Flynn has cooperated fully with the investigation," prosecutors wrote in the filing. Flynn's lawyer, Robert Kelner, said his client "looks forward to putting this behind him."`,
	`"We have no comment," said Peter Carr, a spokesman for the special counsel. "The filing speaks for itself."`,
	`"The F.B.I. did not follow its own rules," Flynn said in a statement on Thursday, adding that he had been "treated unfairly."`,
	`President Donald Trump, who fired Flynn in February 2017, wrote on Twitter that the former general's life had been "destroyed." Mr. Trump did not elaborate.`,
	`The Justice Department did not comment on the filing. "The department would appeal any adverse ruling," it said in a court document.`,
)

var familyStyle = article("family",
	`Former President Barack Obama and his wife, Michelle Obama, attended the graduation of their daughter Malia Obama at Harvard on Thursday.`,
	`Mr. Obama spoke briefly. “We are so proud of her,” he said.`,
	`Mrs. Obama did not speak to reporters. Malia, 21, studied film.`,
	`President Obama later posted a photograph of the family on Instagram.`,
	`Donald Trump Jr. and his father, Donald J. Trump, were not invited. Melania Trump sent flowers.`,
)

// British style: honorifics without a full stop, "Sir" with a given name.
var britishStyle = article("uk",
	`Boris Johnson has said he will not resign after a damning report into lockdown parties in Downing Street.`,
	`Speaking in the Commons on Wednesday, Mr Johnson told MPs: "I am humbled and I have learned my lesson."`,
	`The Labour leader, Sir Keir Starmer, said the prime minister was "a man without shame". "He should go," Sir Keir said.`,
	`Theresa May, his predecessor, asked whether Mr Johnson had read the rules. "Either my right honourable friend had not read the rules, or did not understand what they meant," Mrs May said.`,
	`Carrie Johnson, the prime minister's wife, was also fined. Mrs Johnson has apologised.`,
	`"It was a shameful episode," said Ian Blackford, the SNP's leader at Westminster.`,
)

// mentionOf returns the entity holding the mention written `surface` in the
// sentence containing sub.
func mentionOf(d *Doc, sub, surface string) *Entity {
	si := sentenceWith(d, sub)
	if si < 0 {
		return nil
	}
	for _, e := range d.Entities() {
		for _, p := range e.Mentions {
			if p.Sentence == si && d.Sentences[si].Text[p.Start:p.End] == surface {
				return e
			}
		}
	}
	return nil
}

func TestNamesInHouseStyles(t *testing.T) {
	docs := map[string]*Doc{"nyt": Prepare(nytStyle), "ap": Prepare(apStyle), "wire": Prepare(wireStyle), "family": Prepare(familyStyle),
		"uk": Prepare(britishStyle)}
	tests := []struct {
		doc, sentence, surface string
		name                   string // the entity the mention belongs to
		kind                   EntityKind
		truth                  string // who it is, when the text leaves it open (else name)
	}{
		// Middle initials and suffixes stay.
		{"nyt", "defended his decision", "Donald J. Trump", "Donald J. Trump", Person, ""},
		{"wire", "asked a federal judge", "Robert S. Mueller III", "Robert S. Mueller III", Person, ""},
		{"family", "were not invited", "Donald Trump Jr", "Donald Trump Jr.", Person, ""},
		{"nyt", "run its course", "Ryan", "Paul D. Ryan", Person, ""}, // Tim Ryan comes later
		{"nyt", "Speaker Paul", "Paul D. Ryan", "Paul D. Ryan", Person, ""},
		{"nyt", "went further", "Tim Ryan", "Tim Ryan", Person, ""},
		// Titles, party tags and "of State" are attributes.
		{"ap", "Special counsel", "Robert Mueller", "Robert Mueller", Person, ""},
		{"ap", "top Democrat", "Adam Schiff", "Adam Schiff", Person, ""},
		{"ap", "neither will", "Schiff", "Adam Schiff", Person, ""},
		{"ap", "overdue", "Ben Sasse", "Ben Sasse", Person, ""},
		{"ap", "overdue", "Nebraska", "Nebraska", Place, ""},
		{"ap", "Veterans War", "Greg Abbott", "Greg Abbott", Person, ""},
		{"nyt", "pressed the deputy", "Dianne Feinstein", "Dianne Feinstein", Person, ""},
		{"nyt", "Feinstein asked", "Feinstein", "Dianne Feinstein", Person, ""}, // "Ms." agrees with Dianne
		// A surname joins the one full name it may be.
		{"nyt", "haunt this presidency", "Conway", "George T. Conway III", Person, ""}, // "Mr." is not Kellyanne
		{"nyt", "the president’s counselor", "Kellyanne Conway", "Kellyanne Conway", Person, ""},
		{"nyt", "showboat", "Trump", "Donald J. Trump", Person, ""},         // Mr. Trump is not Melania
		{"nyt", "signed the order", "Trump", "Donald J. Trump", Person, ""}, // nor the first lady
		{"nyt", "did not attend", "Melania Trump", "Melania Trump", Person, ""},
		{"nyt", "low profile", "Trump", "Melania Trump", Person, ""}, // Ivanka is named after
		{"nyt", "saying Mr. Comey", "Comey", "James B. Comey", Person, ""},
		{"ap", "We are not going", "Mattis", "James Mattis", Person, ""},
		{"ap", "Pentagon", "Jim Mattis", "James Mattis", Person, ""}, // Jim is James
		{"wire", "did not follow", "Flynn", "Michael Flynn", Person, ""},
		{"wire", "did not elaborate", "Trump", "Donald Trump", Person, ""},
		{"family", "spoke briefly", "Obama", "Barack Obama", Person, ""},
		{"family", "posted a photograph", "Obama", "Barack Obama", Person, ""},       // not his daughter
		{"family", "did not speak", "Obama", "Mrs. Obama", Person, "Michelle Obama"}, // or Malia: not guessed
		{"family", "studied film", "Malia", "Malia Obama", Person, ""},
		{"family", "his wife", "Michelle Obama", "Michelle Obama", Person, ""},
		{"family", "sent flowers", "Melania Trump", "Melania Trump", Person, ""},
		{"family", "his father", "Donald J. Trump", "Donald J. Trump", Person, ""},
		{"uk", "told MPs", "Johnson", "Boris Johnson", Person, ""},
		{"uk", "Sir Keir said", "Keir", "Keir Starmer", Person, ""}, // Sir and a given name
		{"uk", "Mrs May said", "May", "Theresa May", Person, ""},    // a month that is a name
		{"uk", "has apologised", "Johnson", "Carrie Johnson", Person, ""},
		// Kinds.
		{"nyt", "did not attend", "Trump Tower", "Trump Tower", Place, ""},
		{"nyt", "an interview with The Guardian", "Guardian", "Guardian", Org, ""},
		{"ap", "Veterans War", "Veterans War Memorial Building", "Veterans War Memorial Building", Place, ""},
		{"wire", "destroyed", "Twitter", "Twitter", Org, ""},
		{"uk", "shameful episode", "SNP", "SNP", Org, ""}, // not a person for "the SNP's leader"
	}
	type labelled struct {
		e     *Entity
		truth string
	}
	var got []labelled
	for _, tt := range tests {
		d := docs[tt.doc]
		e := mentionOf(d, tt.sentence, tt.surface)
		if e == nil {
			t.Errorf("%s: no mention %q in the sentence with %q: %v", tt.doc, tt.surface, tt.sentence, entityNames(d))
			continue
		}
		truth := tt.truth
		if truth == "" {
			truth = tt.name
		}
		got = append(got, labelled{e, tt.doc + "/" + truth})
		if e.Name != tt.name || e.Kind != tt.kind {
			t.Errorf("%s: %q (%q) belongs to %q %s, want %q %s", tt.doc, tt.surface, tt.sentence, e.Name, e.Kind, tt.name, tt.kind)
		}
	}
	// Merge precision and recall over pairs of labelled mentions: merged
	// pairs that are one person, and pairs of one person that are merged.
	merged, mergedRight, same := 0, 0, 0
	for i := range got {
		for j := i + 1; j < len(got); j++ {
			one := got[i].truth == got[j].truth
			if got[i].e == got[j].e {
				merged++
				if one {
					mergedRight++
				}
			}
			if one {
				same++
			}
		}
	}
	t.Logf("name merges: precision %.2f (%d/%d), recall %.2f (%d/%d)", fractionOf(mergedRight, merged), mergedRight, merged,
		fractionOf(mergedRight, same), mergedRight, same)
	if mergedRight != merged {
		t.Errorf("%d merges join two distinct people", merged-mergedRight)
	}
	for k, d := range docs {
		for _, e := range d.Entities() {
			for _, bad := range []string{"D-Calif", "R-Texas", "of ", "Counsel", "Special", "Democrat", "Mr", "Rep.", "Sen.", "Gov."} {
				if strings.HasPrefix(e.Name, bad) && !strings.HasPrefix(e.Name, "Mr. ") && !strings.HasPrefix(e.Name, "Mrs. ") {
					t.Errorf("%s: %q is not a name", k, e.Name)
				}
			}
			if e.Name == "Donald J" || e.Name == "Robert S" || e.Name == "Paul D" {
				t.Errorf("%s: a middle initial cut the name short: %q", k, e.Name)
			}
		}
	}
}

// The same rules hold across outlets: "Schiff" in one joins "Adam Schiff"
// in another, "Jim Mattis" joins "James Mattis", and a surname shared by
// two people in the story stays apart.
func TestNamesAcrossOutlets(t *testing.T) {
	a := Prepare(article("a", `Schiff said the committee would subpoena the documents. Mattis said he agreed.`,
		`The House speaker, Ryan, declined to comment.`))
	b := Prepare(article("b", `Representative Adam Schiff of California announced the subpoena. Defense Secretary James Mattis backed it.`,
		`Paul D. Ryan and Tim Ryan disagreed about the timing.`))
	c := Prepare(article("c", `Defense Secretary Jim Mattis and Melania Trump visited the base. Mr. Trump stayed in Washington.`))
	cov := Coverage([]*Doc{a, b, c})
	in := func(name string) []int {
		r := entityRow(cov, name)
		if r == nil {
			return nil
		}
		var out []int
		for k, m := range r.In {
			if len(m) > 0 {
				out = append(out, k)
			}
		}
		return out
	}
	for name, want := range map[string][]int{"Adam Schiff": {0, 1}, "James Mattis": {0, 1, 2}, "Paul D. Ryan": {1}, "Tim Ryan": {1},
		"Ryan": {0}, "Melania Trump": {2}, "Mr. Trump": {2}} {
		if got := in(name); !sameInts(got, want) {
			var names []string
			for _, r := range cov.Entities {
				names = append(names, r.Name)
			}
			t.Errorf("%s in %v, want %v (rows %q)", name, got, want, names)
		}
	}
}

func TestSamePerson(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"donald j trump", "donald trump", true},
		{"robert s mueller iii", "robert mueller", true},
		{"robert s mueller iii", "robert mueller iv", false},
		{"donald trump jr", "donald trump", false},
		{"donald trump jr", "donald j trump", false},
		{"jim mattis", "james mattis", true},
		{"bob corker", "robert corker", true},
		{"bill clinton", "william j clinton", true},
		{"mike pence", "michael r pence", true},
		{"chuck schumer", "charles e schumer", true},
		{"liz cheney", "elizabeth cheney", true},
		{"dick durbin", "richard j durbin", true},
		{"paul d ryan", "tim ryan", false},
		{"paul d ryan", "paul ryan", true},
		{"robert s mueller", "robert f mueller", false},
		{"melania trump", "donald trump", false},
		{"hillary clinton", "bill clinton", false},
	}
	for _, tt := range tests {
		if got := samePerson(parsePerson(tt.a), parsePerson(tt.b)); got != tt.same {
			t.Errorf("samePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
	}
}

// Dotted acronyms keep their last stop; abbreviated titles ("Cong.",
// "Gov.") and state abbreviations ("of Ariz.") are not part of a name.
func TestDottedAcronymsAndAbbreviatedTitles(t *testing.T) {
	d := Prepare(article("t",
		`Former Cong. Rob Simmons said the N.R.A. had backed him. Gov. Doug Ducey of Ariz. signed the bill.`,
		`Sen. Kamala Harris (D-Calif.) said it was “a disgrace.” Harris added: “We will fight it.”`))
	got := map[string]EntityKind{}
	for _, e := range d.Entities() {
		got[e.Name] = e.Kind
	}
	for name, kind := range map[string]EntityKind{"Rob Simmons": Person, "N.R.A.": Org, "Doug Ducey": Person, "Arizona": Place, "Kamala Harris": Person} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %s (names %v)", name, got[name], kind, entityNames(d))
		}
	}
	if len(got) != 5 {
		t.Errorf("want exactly 5 names, got %v", entityNames(d))
	}
	if q := quoteBy(d, "We will fight it"); q == nil || q.Speaker != "Kamala Harris" {
		t.Errorf("speaker: %+v", q)
	}
}

// Wire copy: "Former" before a place that precedes a title is not part of
// the place; possessive outlets and bylines do not disturb the speakers.
func TestWireCopyAffiliations(t *testing.T) {
	d := Prepare(article("w",
		`NEW YORK (AP) — Former New York City Mayor Rudy Giuliani told CNN's Jake Tapper on Sunday that he had "no regrets." Giuliani, 78, said prosecutors were "out to get" him.`,
		`His lawyer, Joe Sibley, said in a court filing that Mr. Giuliani could not pay. "He is broke," Sibley told reporters outside the courthouse.`,
		`Ruby Freeman and Shaye Moss, two Georgia election workers, won a $148 million verdict. "I've lost my name," Freeman said. Moss added, "I've lost my sense of security."`))
	got := map[string]EntityKind{}
	for _, e := range d.Entities() {
		got[e.Name] = e.Kind
	}
	for name, kind := range map[string]EntityKind{"New York City": Place, "Rudy Giuliani": Person, "Jake Tapper": Person, "CNN": Org} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %s (names %v)", name, got[name], kind, entityNames(d))
		}
	}
	if _, ok := got["Former New York City"]; ok {
		t.Error(`"Former" kept in a place name`)
	}
	for quote, want := range map[string]string{"no regrets": "Rudy Giuliani", "out to get": "Rudy Giuliani", "He is broke": "Joe Sibley",
		"lost my name": "Ruby Freeman", "sense of security": "Shaye Moss"} {
		if q := quoteBy(d, quote); q == nil || q.Speaker != want {
			t.Errorf("speaker of %q: %+v, want %q", quote, q, want)
		}
	}
}

// Across outlets: a short given name ("Rudy", "Bill") meets the formal one
// with a middle initial; "his son Hunter" meets "Hunter Biden"; "Mr. Biden"
// between a father and a son with the same surname is not guessed, and
// "Joe Biden" is not joined to "Joseph R. Biden Jr." (a Jr. may be the son
// of a man of the same name).
func TestNamesAcrossOutletsFamily(t *testing.T) {
	a := Prepare(article("a",
		`WASHINGTON — Attorney General William P. Barr said on Monday that he had seen no evidence of widespread fraud.`,
		`Rudolph W. Giuliani, the president’s personal lawyer, said that Mr. Barr’s inquiry had been inadequate.`,
		`Hunter Biden, the son of President-elect Joseph R. Biden Jr., disclosed that he was under investigation. Mr. Biden said he had acted “legally and appropriately.”`))
	b := Prepare(article("b",
		`WASHINGTON (AP) — Attorney General Bill Barr said Tuesday the Justice Department has not uncovered evidence of widespread voter fraud.`,
		`Trump lawyers Rudy Giuliani and Jenna Ellis blasted the remarks.`,
		`President-elect Joe Biden's son Hunter said federal prosecutors were investigating his taxes. "I take this matter very seriously," Hunter Biden said.`))
	cov := Coverage([]*Doc{a, b})
	for name, want := range map[string][]int{"William P. Barr": {0, 1}, "Rudolph W. Giuliani": {0, 1}, "Hunter Biden": {0, 1},
		"Joseph R. Biden Jr.": {0}, "Joe Biden": {1}, "Mr. Biden": {0}} {
		r := entityRow(cov, name)
		var in []int
		if r != nil {
			for k, m := range r.In {
				if len(m) > 0 {
					in = append(in, k)
				}
			}
		}
		if !sameInts(in, want) {
			var names []string
			for _, r := range cov.Entities {
				names = append(names, r.Name)
			}
			t.Errorf("%s in %v, want %v (rows %q)", name, in, want, names)
		}
	}
}

// AP crime copy: a dateline in capitals is a place; a common noun opening
// the sentence before a given name ("Demonstrator Maria Lopez") is not
// part of the name; the speakers around it.
func TestAPDatelineAndDescriptors(t *testing.T) {
	d := Prepare(article("ap",
		`PORTLAND, Ore. (AP) — Police arrested 12 people early Sunday after protesters set fire to a federal courthouse, authorities said.`,
		`"This is not peaceful protest," Police Chief Chuck Lovell said at a news conference. "People could have been killed."`,
		`Mayor Ted Wheeler, who has faced criticism from both sides, urged calm. "I'm asking everyone to go home," Wheeler told KOIN-TV.`,
		`Demonstrator Maria Lopez, 24, said she had been hit by a projectile. "They just started shooting," she said. Her brother, Daniel Lopez, said he was not there.`,
		`"We need answers," Oregon Gov. Kate Brown said.`))
	got := map[string]EntityKind{}
	for _, e := range d.Entities() {
		got[e.Name] = e.Kind
	}
	for name, kind := range map[string]EntityKind{"PORTLAND": Place, "Maria Lopez": Person, "Daniel Lopez": Person, "Ted Wheeler": Person, "Kate Brown": Person} {
		if got[name] != kind {
			t.Errorf("%s: kind %q, want %s (names %v)", name, got[name], kind, entityNames(d))
		}
	}
	for quote, want := range map[string]string{"not peaceful protest": "Chuck Lovell", "could have been killed": "Chuck Lovell",
		"go home": "Ted Wheeler", "started shooting": "Maria Lopez", "We need answers": "Kate Brown"} {
		if q := quoteBy(d, quote); q == nil || q.Speaker != want {
			t.Errorf("speaker of %q: %+v, want %q", quote, q, want)
		}
	}
}

// A word alone joins a full name by its first word only when both are
// given names: "Malia" is Malia Obama, "Boeing" is not "Boeing Starliner".
func TestGivenNameAloneOnlyForPeople(t *testing.T) {
	d := Prepare(article("t",
		`Engineers at Boeing said the Boeing Starliner capsule would fly again. Boeing declined to give a date.`,
		`Malia Obama, a film student, attended. Malia, 21, did not speak.`))
	names := map[string]int{}
	for _, e := range d.Entities() {
		names[e.Name] = len(e.Mentions)
	}
	if names["Boeing"] != 2 || names["Boeing Starliner"] != 1 {
		t.Errorf("a company is not its product: %v", names)
	}
	if names["Malia Obama"] != 2 {
		t.Errorf("a given name alone joins the person: %v", names)
	}
}

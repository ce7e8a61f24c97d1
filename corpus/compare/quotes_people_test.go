package compare

import (
	"strings"
	"testing"
)

// speakerCases is a labelled set: in each fixture, the quote containing
// `quote` and the speaker a careful reader names.
var speakerCases = []struct {
	doc, quote, speaker string
}{
	// NYT style: honorifics, a quote in the next sentence, a pronoun
	// after a quote that names someone else.
	{"nyt", "He was a showboat", "Donald J. Trump"},
	{"nyt", "The agency has been in turmoil", "Donald J. Trump"}, // carried on
	{"nyt", "run its course", "Mr. Ryan"},                        // Paul D. or Tim: the text's own words
	{"nyt", "constitutional crisis", "Tim Ryan"},                 // he: the man just named
	{"nyt", "a mistake that will haunt", "George T. Conway III"},
	{"nyt", "pledge loyalty", "Dianne Feinstein"},              // "…?" Ms. Feinstein asked.
	{"nyt", "I had dinner with Jim Comey", "Dianne Feinstein"}, // she; not Comey inside the quote
	// AP style: party tags, a quote split by its attribution.
	{"ap", "We will not let this stand", "Adam Schiff"},
	{"ap", "neither will the American people", "Adam Schiff"},
	{"ap", "good first step", "Ben Sasse"},
	{"ap", "We are not going to stand by", "James Mattis"},
	{"ap", "Texas will defend", "Greg Abbott"}, // not the Veterans War Memorial Building
	{"ap", "Was anyone in the campaign", "a reporter"},
	// Wire copy: nominal speakers, apposition, a relative clause.
	{"wire", "cooperated fully", "prosecutors"},
	{"wire", "looks forward", "Robert Kelner"},
	{"wire", "We have no comment", "Peter Carr"},
	{"wire", "speaks for itself", "Peter Carr"},
	{"wire", "did not follow its own rules", "Michael Flynn"},
	{"wire", "treated unfairly", "Michael Flynn"},
	{"wire", "destroyed", "Donald Trump"}, // not Flynn, named in "who fired Flynn"
	// A family: "he" is the father who spoke, not the daughter.
	{"family", "so proud of her", "Barack Obama"},
}

func TestSpeakersInHouseStyles(t *testing.T) {
	docs := map[string]*Doc{"nyt": Prepare(nytStyle), "ap": Prepare(apStyle), "wire": Prepare(wireStyle), "family": Prepare(familyStyle)}
	right := 0
	for _, tt := range speakerCases {
		q := quoteBy(docs[tt.doc], tt.quote)
		switch {
		case q == nil:
			t.Errorf("%s: no quote %q", tt.doc, tt.quote)
		case q.Speaker != tt.speaker:
			t.Errorf("%s: speaker of %q = %q (%s), want %q", tt.doc, tt.quote, q.Speaker, q.SpeakerKind, tt.speaker)
		default:
			right++
		}
	}
	acc := float64(right) / float64(len(speakerCases))
	t.Logf("quote speakers: %d/%d right (accuracy %.2f)", right, len(speakerCases), acc)
	// Speakers are people, organisations or nominal phrases, never places
	// or party tags.
	for k, d := range docs {
		for _, q := range d.Quotes() {
			if q.who != nil && q.who.Kind == Place || strings.HasPrefix(q.Speaker, "of ") || strings.Contains(q.Speaker, "-Calif") {
				t.Errorf("%s: %q is not a speaker (of %q)", k, q.Speaker, q.Text)
			}
		}
	}
}

// sharedCases is a labelled set of quote pairs from two outlets: whether
// they are one statement.
var sharedCases = []struct {
	name string
	a, b string
	same bool
}{
	{"wire reprint",
		`"The F.B.I. did not follow its own rules," Flynn said in a statement on Thursday.`,
		`"The FBI did not follow its own rules," Flynn said in a statement.`, true},
	{"excerpt",
		`"We will not let this stand, and neither will the American people," Schiff said on Friday.`,
		`Representative Adam Schiff vowed that Democrats would "not let this stand."`, true},
	{"one statement quoted independently",
		`The company said in a statement that it was "cooperating fully with authorities and has placed the employee on leave."`,
		`A spokeswoman said the company "has placed the employee on leave pending the outcome of the investigation."`, true},
	{"trimmed and reworded",
		`"It was a tough but very constructive meeting," an aide to the minister said.`,
		`An aide described the meeting as "tough but constructive."`, true},
	{"two tweets",
		`Trump wrote on Twitter: "The Fake News Media is working overtime to distort the facts about our great economy!"`,
		`Trump tweeted: "The Fake News Media is going crazy with their conspiracy theories and blind hatred."`, false},
	{"two people, similar words",
		`"We will not rest until we get answers," said Sen. Chuck Grassley.`,
		`"We will not rest until we get answers for these families," Gov. Gretchen Whitmer said.`, false},
	{"one person, two statements",
		`"This is a witch hunt, and the American people know it," Trump said.`,
		`"The American people know it is a disgrace to our country," Trump said at a rally.`, false},
	{"two statements by one organisation",
		`The Pentagon said the strike "targeted a weapons depot used by the militia."`,
		`The Pentagon said the strike "was carried out in self-defense after repeated attacks."`, false},
}

func TestSharedQuotesLabelled(t *testing.T) {
	tp, fp, fn := 0, 0, 0
	for _, tt := range sharedCases {
		cov := Coverage([]*Doc{Prepare(article("a", tt.a)), Prepare(article("b", tt.b))})
		shared := false
		for _, r := range cov.Quotes {
			if r.Count() == 2 {
				shared = true
			}
		}
		switch {
		case shared && tt.same:
			tp++
		case shared:
			fp++
			t.Errorf("%s: shown as one quote", tt.name)
		case tt.same:
			fn++
			t.Errorf("%s: one statement not matched", tt.name)
		}
	}
	t.Logf("shared quotes: precision %.2f, recall %.2f (tp %d, fp %d, fn %d)",
		fractionOf(tp, tp+fp), fractionOf(tp, tp+fn), tp, fp, fn)
}

// fractionOf is a/b, or 1 when b is 0 (nothing to get wrong).
func fractionOf(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// A quote split by its attribution, and one attributed in the next
// sentence, in one paragraph with other speakers around.
func TestSplitAndNextSentenceAttribution(t *testing.T) {
	d := Prepare(article("t",
		`Justice Ruth Bader Ginsburg questioned the lawyer first.`,
		`“Isn’t that exactly what the statute forbids?” Justice Stephen Breyer asked. “And if it is,” said Justice Ginsburg, “why are we here?”`,
		`“I don’t think Justice Breyer is right about that,” she added later.`))
	for quote, want := range map[string]string{
		"exactly what the statute forbids": "Stephen Breyer",
		"And if it is":                     "Ruth Bader Ginsburg",
		"why are we here":                  "Ruth Bader Ginsburg",
		"is right about that":              "Ruth Bader Ginsburg", // Breyer is named inside the quote
	} {
		q := quoteBy(d, quote)
		if q == nil || q.Speaker != want {
			t.Errorf("speaker of %q: %+v, want %q", quote, q, want)
		}
	}
}

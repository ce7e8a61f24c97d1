package compare

import (
	"math"
	"testing"
	"time"
)

func labelledByName(t *testing.T, name string) labelledPair {
	t.Helper()
	for _, lp := range labelledPairs {
		if lp.name == name {
			return lp
		}
	}
	t.Fatalf("no labelled pair %q", name)
	return labelledPair{}
}

// The verdict tells a rewrite, a common source (agency copy, the same
// quotes), independent reports of one event and different stories.
func TestVerdictRelations(t *testing.T) {
	d := seedDocs(t)
	// pair builds the labelled pair name, each side followed by material
	// of its own: whole reports carry more than the facts they share.
	pair := func(name string, viaA, viaB string, ownA, ownB []string) *Comparison {
		lp := labelledByName(t, name)
		a := article(name+"/a", append(append([]string{}, lp.a...), ownA...)...)
		b := article(name+"/b", append(append([]string{}, lp.b...), ownB...)...)
		a.Via, b.Via = viaA, viaB
		return Compare(Prepare(a), Prepare(b))
	}
	boeingOwnA := []string{
		"Analysts at Jefferies said the pause could cost the company about $1 billion a month in delayed payments.",
		"The company’s chief executive, Dave Calhoun, is due to testify before a Senate committee next month.",
		"European regulators have asked for their own review of the software before the jets fly again.",
		"Boeing delivered 38 jets in the first quarter, down from 66 a year earlier.",
	}
	boeingOwnB := []string{
		"About 60,000 people work for the company in the Puget Sound region.",
		"At a diner near the Renton factory, machinists said they worried about overtime being cut.",
		"“We have been through this before, and we will get through it again,” said a union steward, Maria Lopez.",
		"The Renton plant assembles about 40 of the jets each month.",
		"State officials said they were in contact with the company about the local impact.",
	}
	stormOwnA := []string{
		"The National Hurricane Center said Michael was the strongest storm to hit the Panhandle on record.",
		"Federal Emergency Management Agency teams were positioned in Atlanta and Orlando.",
		"Forecasters expected the storm to weaken over Georgia before moving into the Carolinas on Thursday.",
		"Storm surge of up to 14 feet was forecast for parts of the coast.",
	}
	stormOwnB := []string{
		"In Greensboro, the Red Cross opened two shelters at local high schools.",
		"Guilford County Schools canceled classes for Thursday and Friday.",
		"Duke Energy said crews from Ohio and Indiana would arrive overnight to help restore service.",
		"Owners of a downtown restaurant said they had sandbagged their doors for a second time this month.",
	}
	crashOwnA := []string{
		"Ethiopian Airlines is Africa’s largest carrier and has been expanding rapidly.",
		"The airline’s safety record is considered among the best on the continent.",
		"The United Nations said some of its staff were on the flight, heading to an environmental assembly.",
		"China ordered its airlines to ground their 737 MAX jets on Monday.",
	}
	crashOwnB := []string{
		"Relatives gathered at the airport in Nairobi on Sunday afternoon, waiting for news.",
		"The plane was delivered to the airline in November, according to flight records.",
		"Investigators recovered the flight data recorder on Monday, the state broadcaster said.",
		"Prime Minister Abiy Ahmed offered condolences to the families of the victims on Twitter.",
	}
	unrelatedA := article("weather",
		"Heavy snow closed schools across the northern suburbs on Tuesday.",
		"Forecasters expect another 20 centimetres of snow by Thursday morning.",
		"The city has 40 ploughs working around the clock, a spokeswoman said.")
	unrelatedB := article("football",
		"The club sacked its manager after a fifth straight defeat on Saturday.",
		"The board said a caretaker would lead the team against its rivals next week.",
		"Supporters had protested outside the stadium before kickoff.")
	for _, tc := range []struct {
		name string
		c    *Comparison
		want Relation
	}{
		{"seed rewrite", Compare(d["000"], d["001"]), Rewrite},
		{"wire copy credited to one agency", pair("wire copy reprinted by two outlets", "AP", "AP", nil, nil), CommonSource},
		{"one statement quoted independently", pair("one statement quoted independently", "", "", boeingOwnA, boeingOwnB), CommonSource},
		{"independent reports of a storm", pair("storm (AP vs local)", "", "", stormOwnA, stormOwnB), Independent},
		{"independent reports of an air crash", pair("air crash (ledes in other words)", "", "", crashOwnA, crashOwnB), Independent},
		{"unrelated articles", Compare(Prepare(unrelatedA), Prepare(unrelatedB)), Different},
	} {
		v := tc.c.Verdict()
		t.Logf("%s: %s (coverage %.2f/%.2f, %d rows, %d shared quotes)", tc.name, v.Text, tc.c.CoverageA, tc.c.CoverageB, tc.c.Matched, tc.c.SharedQuotes)
		if v.Relation != tc.want {
			t.Errorf("%s: verdict %q (%s), want %s", tc.name, v.Text, v.Relation, tc.want)
		}
	}
}

// The five seeds report one story: no pair of them reads as different
// stories.
func TestVerdictSeedsOneStory(t *testing.T) {
	d := seedDocs(t)
	for _, x := range []string{"000", "001", "002", "003", "004"} {
		for _, y := range []string{"000", "001", "002", "003", "004"} {
			if x < y {
				if v := Compare(d[x], d[y]).Verdict(); v.Relation == Different {
					t.Errorf("%s/%s: %q", x, y, v.Text)
				}
			}
		}
	}
}

// One similarity: the figure the picker shows for a candidate is the one
// the comparison of the pair shows, whichever way round.
func TestOneSimilarity(t *testing.T) {
	as := load(t, "../../seeds")
	s := GroupStories(as, StoryOptions{})
	cands := s.Candidates(as[0], 0)
	if len(cands) < 4 {
		t.Fatalf("want the seed story's candidates, got %d", len(cands))
	}
	for _, c := range cands {
		ab := Compare(Prepare(as[0]), Prepare(c.Article)).Similarity
		ba := Compare(Prepare(c.Article), Prepare(as[0])).Similarity
		if math.Abs(c.Similarity-ab) > 1e-12 || math.Abs(ab-ba) > 1e-12 || s.Similarity(as[0], c.Article) != c.Similarity {
			t.Errorf("%s: picker %.4f, comparison %.4f / %.4f", c.Article.ID, c.Similarity, ab, ba)
		}
	}
}

// Actors: one person written two ways is compatible; a family sharing a
// surname is not.
func TestActorsCompatible(t *testing.T) {
	d := Prepare(article("family",
		"President Donald J. Trump spoke first.",
		"Melania Trump visited a hospital in Ohio.",
		"House Speaker Paul D. Ryan said the bill would pass.",
		"Representative Tim Ryan of Ohio said it would not.",
		"Mr. Trump said he was pleased.",
		"Mr. Ryan said the vote would be on Friday."))
	of := func(sub string) []actor { return d.Sentences[sentenceWith(d, sub)].actors }
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Donald J. Trump", "Mr. Trump said", true},
		{"Melania Trump", "Mr. Trump said", false},
		{"Paul D. Ryan", "Tim Ryan", false},
		{"Paul D. Ryan", "Mr. Ryan said", true},
		{"Melania Trump", "Tim Ryan", false},
	} {
		if got := actorsCompatible(of(tc.a), of(tc.b)); got != tc.want {
			t.Errorf("%q ~ %q: %v, want %v (%+v / %+v)", tc.a, tc.b, got, tc.want, of(tc.a), of(tc.b))
		}
	}
}

// Which article was taken from follows the dates when both are known and
// clearly apart: the side most of whose words the other carries is the
// source unless it was published at least an hour after the other (a
// shorter retelling of a longer, earlier report). Dates closer than that,
// as crawl times often are, decide nothing.
func TestVerdictDirectionFollowsDates(t *testing.T) {
	d := seedDocs(t)
	base := Compare(d["000"], d["001"]).Verdict()
	if base.Relation != Rewrite || base.Of == "" {
		t.Fatalf("seed pair: %+v, want a rewrite of one side", base)
	}
	dated := func(gap time.Duration) Verdict {
		a, b := *d["000"].Article, *d["001"].Article
		t0 := time.Date(2025, 12, 1, 9, 0, 0, 0, time.UTC)
		a.Published, b.Published = t0, t0
		// Date the side taken from gap after the other.
		if base.Of == "A" {
			a.Published = t0.Add(gap)
		} else {
			b.Published = t0.Add(gap)
		}
		return Compare(Prepare(&a), Prepare(&b)).Verdict()
	}
	other := map[string]string{"A": "B", "B": "A"}
	if v := dated(-3 * time.Hour); v.Of != base.Of || v.Text != base.Text {
		t.Errorf("source dated earlier: %+v, want %+v", v, base)
	}
	if v := dated(20 * time.Minute); v.Of != base.Of || v.Text != base.Text {
		t.Errorf("source dated 20 minutes later (crawl times): %+v, want %+v", v, base)
	}
	v := dated(26 * time.Hour)
	want := base.Of + " retells " + other[base.Of] + ", published earlier, in other words: a rewrite"
	if v.Relation != Rewrite || v.Of != other[base.Of] || v.Text != want {
		t.Errorf("source dated a day later: %+v, want a rewrite of %s: %q", v, other[base.Of], want)
	}
}

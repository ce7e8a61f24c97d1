package compare

import (
	"math"
	"testing"
)

// Compound amounts parse whole.
func TestCompoundAmounts(t *testing.T) {
	for _, tt := range []struct {
		text  string
		value float64
	}{
		{"The strike lasted two and a half months.", 2.5},
		{"The fund raised a million and a half dollars.", 1.5e6},
		{"Officials counted 1.5 million ballots.", 1.5e6},
		{"The city spent half a million dollars.", 0.5e6},
		{"Repairs took three and a quarter years.", 3.25},
		{"Investigators found 13 more bodies.", 13},
	} {
		ns := Prepare(article("t", tt.text)).Numbers()
		if len(ns) != 1 || math.Abs(ns[0].Value-tt.value) > 1e-9*tt.value {
			t.Errorf("%q: got %+v, want one figure of %g", tt.text, ns, tt.value)
		}
	}
	if ns := Prepare(article("t", "Investigators found 13 more bodies.")).Numbers(); len(ns) != 1 || !ns[0].Increment {
		t.Errorf("13 more bodies is an increment: %+v", ns)
	}
	if ns := Prepare(article("t", "The campaign turned over 55,000 pages.")).Numbers(); len(ns) != 1 || ns[0].Hedge != "" || ns[0].Text != "55,000 pages" {
		t.Errorf("turned over is a verb, not a hedge: %+v", ns)
	}
	if ns := Prepare(article("t", "The meeting lasted over four hours.")).Numbers(); len(ns) != 1 || ns[0].Hedge != "over" {
		t.Errorf("over four hours is hedged: %+v", ns)
	}
	if ns := Prepare(article("t", "Clemson, the No. 3 team, lost.")).Numbers(); len(ns) != 1 || !ns[0].Ordinal {
		t.Errorf("No. 3 is a rank: %+v", ns)
	}
}

// A labelled set of number disagreements: two short reports each, and
// whether a figure they both give for one thing truly disagrees. Flags are
// counted over all rows, so a figure wrongly flagged anywhere counts.
func TestNumberDisagreementQuality(t *testing.T) {
	cases := []struct {
		name string
		a, b []string
		real bool // the reports truly disagree on one figure
	}{
		{"offered vs demanded", []string{"Mr. Trump has demanded $5.7 billion for a wall along the southern border."},
			[]string{"Democratic leaders have offered $1.3 billion for fencing and technology at the border."}, false},
		{"different innings", []string{"Aaron Judge hit a two-run homer in the first inning."},
			[]string{"Giancarlo Stanton homered in the third inning."}, false},
		{"2 vs 23 states", []string{"The lawsuit was filed by 23 states and the District of Columbia."},
			[]string{"Trump won two states that Barack Obama had carried."}, false},
		{"ranks", []string{"Clemson, the No. 3 team in the country, won on Saturday."},
			[]string{"Alabama, ranked No. 2, won on Saturday."}, false},
		{"48 vs 47 pages", []string{"The 48-page indictment accuses Mr. Manafort of laundering money through offshore accounts."},
			[]string{"According to the 47-page indictment, Manafort hid millions in offshore accounts."}, true},
		{"bail $1M vs $500K", []string{"A judge set bail at $1 million for the suspect on Tuesday."},
			[]string{"The suspect’s bail was set at $500,000 by a judge on Tuesday."}, true},
		{"55,000 vs 50,000 pages", []string{"The campaign turned over 55,000 pages of documents to investigators."},
			[]string{"Investigators have received 50,000 pages of documents from the campaign."}, true},
		{"fund $3.5B vs $3.6B", []string{"Regulators froze the fund, which holds $3.5 billion, on Monday."},
			[]string{"Regulators on Monday froze the $3.6 billion fund."}, true},
		{"death toll", []string{"The tornado killed at least 12 people in Alabama on Sunday."},
			[]string{"Eight people were killed when the tornado struck Alabama on Sunday."}, true},
		{"hedged overlap", []string{"Nearly 800,000 federal workers missed a paycheck on Friday."},
			[]string{"About 800,000 federal workers went without pay on Friday."}, false},
		{"increment vs total", []string{"Sheriff Kory Honea said 228 people remained unaccounted for."},
			[]string{"Sheriff Kory Honea said the remains of 13 more people had been found."}, false},
		{"same compound amount", []string{"The strike lasted two and a half months."},
			[]string{"The walkout ended after two and a half months."}, false},
		{"both figures in both", []string{"Democrats offered $1.3 billion, far short of the $5.7 billion Mr. Trump demanded."},
			[]string{"The president wants $5.7 billion; Democrats have offered $1.3 billion."}, false},
		{"plan revised", []string{"The 28-point plan was cut to 19 points in Geneva."},
			[]string{"Negotiators cut the 28-point plan in Geneva."}, false},
		{"hours of one meeting", []string{"The meeting with the Ukrainian delegation in Florida lasted four hours."},
			[]string{"The meeting in Florida with the Ukrainian delegation lasted almost five hours."}, true},
		{"arrests in two cities", []string{"Police said 12 people were arrested in Portland on Saturday night."},
			[]string{"In Seattle, 30 people were arrested on Saturday night, police said."}, false},
		{"turned over", []string{"The campaign turned over 55,000 pages of documents."},
			[]string{"The campaign has handed over 55,000 pages of documents."}, false},
		{"two meetings", []string{"The first meeting lasted four hours."},
			[]string{"The flight back to Washington took five hours."}, false},
		// Figures written with a glued multiplier or unit, UK and wire style.
		{"$10bn vs $12 billion", []string{"Donors pledged $10bn for the reconstruction of Gaza on Monday."},
			[]string{"Donors on Monday pledged $12 billion for Gaza's reconstruction."}, true},
		{"$10bn vs $10 billion", []string{"Donors pledged $10bn for the reconstruction of Gaza on Monday."},
			[]string{"Donors on Monday pledged $10 billion for Gaza's reconstruction."}, false},
		{"3.5m vs 3.5 million homes", []string{"The storm left 3.5m homes without power in Florida on Sunday."},
			[]string{"About 3.5 million homes in Florida lost power on Sunday."}, false},
		{"£2.5mn vs £25m", []string{"The club paid £2.5mn for the striker on Friday."},
			[]string{"The club agreed a £25m fee for the striker on Friday."}, true},
		{"800km vs 500 km", []string{"The new pipeline from the Caspian to the Black Sea is 800km long."},
			[]string{"The new pipeline from the Caspian to the Black Sea is 500 km long."}, true},
		{"1,200km vs 1,200 km", []string{"Protesters marched 1,200km from the coast to the capital."},
			[]string{"Protesters marched 1,200 km from the coast to the capital."}, false},
	}
	var flags prf
	for _, tc := range cases {
		cov := Coverage([]*Doc{Prepare(article("a", tc.a...)), Prepare(article("b", tc.b...))})
		flagged := 0
		for _, r := range cov.Numbers {
			if r.Conflict {
				flagged++
				t.Logf("%s: flagged %q: %s vs %s", tc.name, r.Thing, texts(r.In[0]), texts(r.In[1]))
			}
		}
		switch {
		case tc.real && flagged > 0:
			flags.tp++
			flags.fp += flagged - 1
		case tc.real:
			flags.fn++
			t.Errorf("%s: the disagreement is not flagged: %+v", tc.name, cov.Numbers)
		default:
			flags.fp += flagged
			if flagged > 0 {
				t.Errorf("%s: %d rows flagged, want none", tc.name, flagged)
			}
		}
	}
	t.Logf("number disagreements: %d cases, flags real %.2f (precision), real ones flagged %.2f (recall)", len(cases), flags.precision(), flags.recall())
	if flags.precision() < 0.8 {
		t.Errorf("flag precision %.2f, want >= 0.80", flags.precision())
	}
}

func texts(ns []Number) string {
	s := ""
	for k, n := range ns {
		if k > 0 {
			s += ", "
		}
		s += n.Text
	}
	return s
}

// A disagreement among many amounts stands in its own row, not buried in a
// row of every dollar figure of the story.
func TestDisagreementNotBuried(t *testing.T) {
	a := Prepare(article("a",
		"Regulators froze the pension fund, which holds $3.5 billion, on Monday.",
		"The fund paid $120 million in fees to outside managers last year, regulators said.",
		"Its largest investment, $800 million, went to a real estate venture, regulators said.",
		"Regulators said the fund owed $45 million to retirees."))
	b := Prepare(article("b",
		"Regulators on Monday froze the $3.6 billion pension fund.",
		"The fund had paid $110 million to outside managers, according to regulators.",
		"Regulators said $300 million went to a single real estate venture.",
		"Retirees are owed $50 million, regulators said."))
	var flagged []NumberRow
	for _, r := range Coverage([]*Doc{a, b}).Numbers {
		if r.Conflict {
			flagged = append(flagged, r)
		}
		if n := len(r.In[0]) + len(r.In[1]); n > 2 {
			t.Errorf("row %q holds %d figures: %s vs %s", r.Thing, n, texts(r.In[0]), texts(r.In[1]))
		}
	}
	found := false
	for _, r := range flagged {
		t.Logf("flagged %q: %s vs %s", r.Thing, texts(r.In[0]), texts(r.In[1]))
		if texts(r.In[0]) == "$3.5 billion" && texts(r.In[1]) == "$3.6 billion" {
			found = true
		}
	}
	if !found {
		t.Errorf("the fund's $3.5 billion vs $3.6 billion should be a row of its own, flagged")
	}
}

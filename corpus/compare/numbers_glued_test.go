package compare

import (
	"math"
	"slices"
	"testing"
)

// sameFigure: two figures read alike, apart from how they were written
// (Text, Label of an amount and span).
func sameFigure(a, b Number) bool {
	return a.Value == b.Value && a.Low == b.Low && a.High == b.High && a.Hedge == b.Hedge && a.Unit == b.Unit &&
		a.Thing == b.Thing && a.Ordinal == b.Ordinal && a.Increment == b.Increment && a.key == b.key &&
		a.head == b.head && slices.Equal(a.context, b.context)
}

func onlyNumber(t *testing.T, text string) (Number, bool) {
	t.Helper()
	ns := Prepare(article("t", text)).Numbers()
	if len(ns) != 1 {
		t.Errorf("%q: %d figures %+v, want one", text, len(ns), ns)
		return Number{}, false
	}
	return ns[0], true
}

// A figure with letters glued on reads exactly as its spaced form: the
// same value, unit, hedge, counted thing, pairing key and context.
func TestGluedFiguresReadAsSpaced(t *testing.T) {
	for _, tt := range []struct {
		glued, spaced string
		text, label   string // of the glued figure
		value         float64
		unit, thing   string
		hedge         string
	}{
		{"Donors pledged $10bn on Monday.", "Donors pledged $10 billion on Monday.", "$10bn", "$10bn", 1e10, "$", "", ""},
		{"Donors pledged nearly $10bn on Monday.", "Donors pledged nearly $10 billion on Monday.", "nearly $10bn", "nearly $10bn", 1e10, "$", "", "nearly"},
		{"Rebels seized £3.5m in cash.", "Rebels seized £3.5 million in cash.", "£3.5m", "£3.5m", 3.5e6, "£", "", ""},
		{"The club paid €2.5mn for the striker.", "The club paid €2.5 million for the striker.", "€2.5mn", "€2.5mn", 2.5e6, "€", "", ""},
		{"The state owes $1.2trn to creditors.", "The state owes $1.2 trillion to creditors.", "$1.2trn", "$1.2trn", 1.2e12, "$", "", ""},
		{"The bank lent $4.5bln to the utility.", "The bank lent $4.5 billion to the utility.", "$4.5bln", "$4.5bln", 4.5e9, "$", "", ""},
		{"The firm raised $2B from investors.", "The firm raised $2 billion from investors.", "$2B", "$2B", 2e9, "$", "", ""},
		{"Each family got $500k in damages.", "Each family got $500 thousand in damages.", "$500k", "$500k", 5e5, "$", "", ""},
		{"The storm cut power to 3.5m homes.", "The storm cut power to 3.5 million homes.", "3.5m homes", "homes", 3.5e6, "", "homes", ""},
		{"About 1.2bn people in the region lack water.", "About 1.2 billion people in the region lack water.", "About 1.2bn people", "people", 1.2e9, "", "people", "about"},
		{"The convoy drove 5km to the border.", "The convoy drove 5 km to the border.", "5km", "km", 5, "", "km", ""},
		{"The 5,000km pipeline opened.", "The 5,000 km pipeline opened.", "5,000km pipeline", "km pipeline", 5000, "", "km pipeline", ""},
		{"Police seized 10kg of cocaine.", "Police seized 10 kg of cocaine.", "10kg", "kg", 10, "", "kg", ""},
		{"The car was doing 70mph on the bridge.", "The car was doing 70 mph on the bridge.", "70mph", "mph", 70, "", "mph", ""},
		{"A 2GW plant opened.", "A 2 GW plant opened.", "2GW plant", "plant", 2, "", "GW plant", ""},
		{"The council signed a £1500m contract.", "The council signed a £1500 million contract.", "£1500m", "£1500m", 1.5e9, "£", "", ""},
		{"Temperatures hit 40C in Seville.", "Temperatures hit 40 C in Seville.", "40C", "C", 40, "", "C", ""},
	} {
		g, ok1 := onlyNumber(t, tt.glued)
		s, ok2 := onlyNumber(t, tt.spaced)
		if !ok1 || !ok2 {
			continue
		}
		if g.Text != tt.text || g.Label != tt.label || math.Abs(g.Value-tt.value) > 1e-9*tt.value || g.Unit != tt.unit ||
			g.Thing != tt.thing || g.Hedge != tt.hedge || g.Ordinal {
			t.Errorf("%q: got %+v, want text %q label %q value %g unit %q thing %q hedge %q", tt.glued, g,
				tt.text, tt.label, tt.value, tt.unit, tt.thing, tt.hedge)
		}
		if !sameFigure(g, s) {
			t.Errorf("%q reads apart from %q:\n%+v\n%+v", tt.glued, tt.spaced, g, s)
		}
	}
	// A unit glued on says a four-digit figure is no year; spaced, "2000
	// km" stays a year, as "in 2019 GB News" must.
	if n, ok := onlyNumber(t, "The convoy drove 2000km to the border."); ok && (n.Value != 2000 || n.Thing != "km") {
		t.Errorf("2000km: got %+v, want 2000 km", n)
	}
	// The multiplier scales as the spelled ones do: "$10bn" and "10 billion
	// dollars" are one amount.
	a, _ := onlyNumber(t, "Donors pledged $10bn on Monday.")
	b, _ := onlyNumber(t, "Donors pledged 10 billion dollars on Monday.")
	if a.Value != b.Value || a.Value != 1e10 {
		t.Errorf("$10bn is %g, 10 billion dollars %g; want both 1e10", a.Value, b.Value)
	}
}

// A glued ordinal ranks: the figure, its suffix, then what is counted.
func TestGluedOrdinals(t *testing.T) {
	for _, tt := range []struct {
		text, figure, thing string
		value               float64
	}{
		{"The siege entered its 22nd day.", "22nd day", "day", 22},
		{"He won his 1st title in Paris.", "1st title", "title", 1},
		{"Talks began in the 3rd round.", "3rd round", "round", 3},
		{"Life in the 21st century is fast.", "21st century", "century", 21},
		{"She finished 100th in the race.", "100th", "", 0},
	} {
		ns := Prepare(article("t", tt.text)).Numbers()
		if tt.thing == "" {
			if len(ns) != 0 {
				t.Errorf("%q: a bare rank tells nothing, got %+v", tt.text, ns)
			}
			continue
		}
		if len(ns) != 1 || ns[0].Text != tt.figure || ns[0].Thing != tt.thing || ns[0].Value != tt.value || !ns[0].Ordinal {
			t.Errorf("%q: got %+v, want ordinal %q of %q = %g", tt.text, ns, tt.figure, tt.thing, tt.value)
		}
	}
}

// Names, codes, decades and dates with letters and digits are no figures.
func TestGluedCodesAreNotFigures(t *testing.T) {
	for _, text := range []string{
		"The F35 and the A380 flew over London.",
		"Officials blamed 5G masts for the outage.",
		"COVID19 spread as MH17 families waited.",
		"In the 1980s, airlines flew 747s to Asia.",
		"A 4K screen and 3D glasses were sold.",
		"The 10M team and 2B pencils were listed.",
		"Talks resumed on November 30th in Geneva.",
		"Talks resumed on the 30th November in Geneva.",
		"The 4x4 and the 2FA codes failed.",
	} {
		if ns := Prepare(article("t", text)).Numbers(); len(ns) != 0 {
			t.Errorf("%q: got %+v, want no figure", text, ns)
		}
	}
}

// Through the comparison: "$10bn" against "$12 billion" is flagged, against
// "$10 billion" it agrees.
func TestGluedAmountsCompared(t *testing.T) {
	a := Prepare(article("a", "Donors pledged $10bn for the reconstruction of Gaza on Monday."))
	for _, tt := range []struct {
		other    string
		conflict bool
	}{
		{"Donors on Monday pledged $12 billion for Gaza's reconstruction.", true},
		{"Donors on Monday pledged $10 billion for Gaza's reconstruction.", false},
	} {
		rows := Coverage([]*Doc{a, Prepare(article("b", tt.other))}).Numbers
		var paired *NumberRow
		for k := range rows {
			if len(rows[k].In[0]) == 1 && len(rows[k].In[1]) == 1 {
				paired = &rows[k]
			}
		}
		if paired == nil || texts(paired.In[0]) != "$10bn" || paired.Conflict != tt.conflict {
			t.Errorf("$10bn vs %q: rows %+v, want $10bn paired, conflict %v", tt.other, rows, tt.conflict)
		}
	}
}

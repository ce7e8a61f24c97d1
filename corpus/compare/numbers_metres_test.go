package compare

import (
	"math"
	"testing"
)

// A lower-case "m" after a figure is metres before a race or a dimension
// ("100m sprint", "a 30m-high wall") and million otherwise ("3.5m homes")
// or after a currency ("£100m deal"), glued or spaced alike.
func TestNumberMetresAreNotMillions(t *testing.T) {
	for _, tt := range []struct {
		text, figure, thing string
		value               float64
	}{
		{"Bolt won the 100m sprint in Berlin.", "100m sprint", "m sprint", 100},
		{"She ran the 400m hurdles on Friday.", "400m hurdles", "m hurdles", 400},
		{"He took gold in the 200 m freestyle at the games.", "200 m freestyle", "m freestyle", 200},
		{"Workers built a 30m-high wall along the road.", "30m", "m", 30},
		{"The shell landed 50m away from the school.", "50m away", "m away", 50},
		// Millions: a counted noun, a currency, a capital "M" after a currency.
		{"The storm cut power to 3.5m homes.", "3.5m homes", "homes", 3.5e6},
		{"The club agreed a £100m deal for the striker.", "£100m", "", 1e8},
		{"Investors put $5m into a sprint to market.", "$5m", "", 5e6},
		{"The firm raised $5M for a long campaign.", "$5M", "", 5e6},
		{"Every year 2m people, most of them tourists, cross the 400m-long bridge.", "2m people", "people", 2e6},
	} {
		ns := Prepare(article("t", tt.text)).Numbers()
		if len(ns) == 0 || ns[0].Text != tt.figure || ns[0].Thing != tt.thing || math.Abs(ns[0].Value-tt.value) > 1e-9*tt.value {
			t.Errorf("%q: got %+v, want first figure %q of %q = %g", tt.text, ns, tt.figure, tt.thing, tt.value)
		}
	}
}

// Through the comparison: "100m sprint" and "100 metres sprint" are one
// distance, not 100 million against 100, and two different times for it
// are flagged.
func TestNumberMetresCompared(t *testing.T) {
	docs := []*Doc{
		Prepare(article("a", "Noah Lyles won the 100m sprint in Paris in 9.79 seconds on Sunday night.")),
		Prepare(article("b", "Noah Lyles won the 100 metres sprint in Paris in 9.81 seconds on Sunday night.")),
	}
	var sprint, seconds *NumberRow
	rows := Coverage(docs).Numbers
	for k := range rows {
		switch rows[k].Thing {
		case "m sprint", "metres sprint":
			sprint = &rows[k]
		case "seconds":
			seconds = &rows[k]
		}
	}
	if sprint == nil || len(sprint.In[0]) != 1 || len(sprint.In[1]) != 1 || sprint.Conflict {
		t.Errorf("100m sprint against 100 metres sprint: rows %+v, want one row, both articles, no conflict", rows)
	}
	if seconds == nil || !seconds.Conflict {
		t.Errorf("9.79 against 9.81 seconds: rows %+v, want a conflict", rows)
	}
}

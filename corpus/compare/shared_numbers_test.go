package compare

import (
	"reflect"
	"testing"
)

// A copied phrase never begins or ends inside a figure: "45,000" and
// "40,000" share the digits after the comma, not the phrase from there on;
// "3.5 million" and "2.5 million" share "million", not "5 million". Figures
// that are the same whole stay in the phrase.
func TestCopiedRunsStopAtFigures(t *testing.T) {
	tests := []struct {
		a, b string
		want []string // the copied phrases, as A writes them
	}{
		{"The agency said about 45,000 people were in relief camps on Tuesday.",
			"Officials said nearly 40,000 people were in relief camps on Tuesday.",
			[]string{"people were in relief camps on Tuesday"}},
		{"The city has 3.5 million residents living along the flooded river.",
			"The region has 2.5 million residents living along the flooded river.",
			[]string{"million residents living along the flooded river"}},
		{"Rescuers said 12,500 homes were damaged by the storm overnight.",
			"Rescuers said 12,800 homes were damaged by the storm overnight.",
			[]string{"homes were damaged by the storm overnight"}}, // "Rescuers said" is too short to be copied
		{"The agency said 45,000 people were in relief camps on Tuesday.",
			"Officials said 45,000 people were in relief camps on Tuesday.",
			[]string{"45,000 people were in relief camps on Tuesday"}},
	}
	for _, tt := range tests {
		a, b := Prepare(article("a", tt.a)), Prepare(article("b", tt.b))
		var got []string
		for _, s := range sharedWording(a, b, []int{0}, []int{0}) {
			if s.Kind == Copied {
				got = append(got, a.Sentences[0].Text[s.A.Start:s.A.End])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q / %q: copied %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

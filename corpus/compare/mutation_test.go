package compare

import (
	"fmt"
	"testing"
)

// Tests written against mutants that lived (see MUTATION.md): each pins an
// exact answer on a small input.

// Two articles that share a figure and where one adds another (a plan
// that went from 28 to 19 points) report a further fact, not a conflict;
// figures that share nothing conflict.
func TestConflictingOverlapClause(t *testing.T) {
	fig := func(v float64) Number { return Number{Value: v, Low: v, High: v} }
	hedged := func(lo, hi float64) Number { return Number{Value: hi, Low: lo, High: hi} }
	for _, c := range []struct {
		name string
		in   [][]Number
		want bool
	}{
		{"28 vs 28 then 19", [][]Number{{fig(28)}, {fig(28), fig(19)}}, false},
		{"28 then 19 vs 28", [][]Number{{fig(28), fig(19)}, {fig(28)}}, false},
		{"28 vs 19", [][]Number{{fig(28)}, {fig(19)}}, true},
		{"28 vs 20 then 19", [][]Number{{fig(28)}, {fig(20), fig(19)}}, true},
		{"four vs almost five hours", [][]Number{{fig(4)}, {hedged(4.5, 5)}}, true},
		{"five vs almost five hours", [][]Number{{fig(5)}, {hedged(4.5, 5)}}, false},
		{"ranges touching at a bound", [][]Number{{hedged(3, 4)}, {hedged(4, 5)}}, false},
		{"one article only", [][]Number{{fig(28)}, nil}, false},
		{"third article silent", [][]Number{{fig(28)}, nil, {fig(28)}}, false},
		{"the same article twice", [][]Number{{fig(28), fig(19)}}, false},
	} {
		if got := conflicting(c.in); got != c.want {
			t.Errorf("%s: conflicting = %v, want %v", c.name, got, c.want)
		}
	}
}

// The same clause through Coverage: both articles report the 28-point plan,
// one adds that it was cut to 19 points in the same sentence.
func TestCoverageFurtherFigureIsNoConflict(t *testing.T) {
	a := Prepare(article("a", "The 28-point peace plan drafted in Washington was discussed by the delegations in Geneva on Sunday."))
	b := Prepare(article("b", "The 28-point peace plan drafted in Washington was cut to a 19-point peace plan by the delegations in Geneva on Sunday."))
	var got []string
	for _, r := range Coverage([]*Doc{a, b}).Numbers {
		got = append(got, fmt.Sprintf("%s a=%d b=%d conflict=%v", r.Thing, len(r.In[0]), len(r.In[1]), r.Conflict))
	}
	want := []string{"peace plan (points) a=1 b=2 conflict=false"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("number rows:\n got %q\nwant %q", got, want)
	}
}

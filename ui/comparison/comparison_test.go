package comparison

import (
	"reflect"
	"testing"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// The writers' goldens (ui/cli TestCompareText*, ui TestCompareExportKey,
// the pane's TestGoldenStoryViews) pin whole renderings; these pin the
// model they share.

func TestMarkOf(t *testing.T) {
	copied := compare.Shared{Kind: compare.Copied}
	reworded := compare.Shared{}
	for _, tc := range []struct {
		name    string
		row     compare.Row
		swapped bool
		want    Mark
	}{
		{"copied wording", compare.Row{A: []int{0}, B: []int{1}, Shared: []compare.Shared{reworded, copied}}, false, Copied},
		{"reworded", compare.Row{A: []int{0}, B: []int{1}, Shared: []compare.Shared{reworded}}, false, Reworded},
		{"only A, A left", compare.Row{A: []int{2}}, false, OnlyLeft},
		{"only A, A right", compare.Row{A: []int{2}}, true, OnlyRight},
		{"only B, B right", compare.Row{B: []int{2}}, false, OnlyRight},
		{"only B, B left", compare.Row{B: []int{2}}, true, OnlyLeft},
		{"a gap's shared words are not copying", compare.Row{B: []int{2}, Shared: []compare.Shared{copied}}, false, OnlyRight},
	} {
		if got := MarkOf(&tc.row, tc.swapped); got != tc.want {
			t.Errorf("%s: MarkOf = %v (%s), want %v (%s)", tc.name, got, got.Glyph(), tc.want, tc.want.Glyph())
		}
	}
}

func TestRuns(t *testing.T) {
	text := "ab cd ef"
	class := []Class{Plain, Plain, Plain, Verbatim, Verbatim, Common, Common, Common}
	type run struct {
		part string
		cl   Class
	}
	var got []run
	Runs(text, class, 1, 7, func(part string, cl Class) { got = append(got, run{part, cl}) })
	want := []run{{"b ", Plain}, {"cd", Verbatim}, {" e", Common}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Runs = %q, want %q", got, want)
	}
}

package ui

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Golden views of the story panes on the seeds at the two reference sizes
// (ASCII colour profile, fixed clock). Seed 000 against seed 001 is a
// rewrite: the views must show one. Run `go test ./ui -update` to rewrite
// them after an intended change, and read the diff.
func TestGoldenStoryViews(t *testing.T) {
	type step struct {
		name string
		run  func(hs *harness)
	}
	compare := func(keys ...string) func(hs *harness) {
		return func(hs *harness) {
			hs.compareSeeds(seedEspreso, seedRapala)
			hs.press(keys...)
		}
	}
	steps := []step{
		{"compare", compare()},
		{"compare_jumped", compare("]", "]")},
		{"compare_other_side", compare("tab", "}")},
		{"compare_differences", compare("u")},
		{"compare_search", compare("/", "n", "a", "t", "o", "enter")},
		{"compare_help", compare("?")},
		{"picker", func(hs *harness) { hs.selectID(seedEspreso); hs.press("C") }},
		{"coverage", func(hs *harness) { hs.selectID(seedEspreso); hs.press("o") }},
		{"coverage_names", func(hs *harness) { hs.selectID(seedEspreso); hs.press("o", "tab", "l") }},
		{"grouped_list", func(hs *harness) { hs.press("z") }},
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		for _, st := range steps {
			t.Run(fmtSize(size.w, size.h)+"/"+st.name, func(t *testing.T) {
				hs := seedsHarness(t, size.w, size.h)
				st.run(hs)
				golden.RequireEqual(t, hs.view())
			})
		}
	}
}

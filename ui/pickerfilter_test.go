package ui

import (
	"strings"
	"testing"
)

// While the picker's filter has the keyboard, the status line names the keys
// of a filter (its own fixed enter/esc), not the comparison's search.
func TestPickerFilterStatusNamesTheFilter(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.selectID(seedEspreso)
	hs.press("C", "/", "d")
	lines := strings.Split(hs.view(), "\n")
	status := lines[len(lines)-1]
	for _, want := range []string{"enter keep the filter", "esc clear the filter"} {
		if !strings.Contains(status, want) {
			t.Errorf("status line %q lacks %q", status, want)
		}
	}
	if strings.Contains(status, "search") {
		t.Errorf("status line %q speaks of a search in the picker's filter", status)
	}
}

package ui

import (
	"slices"
	"testing"
)

// R and F work in the article as in the list (README keys table), so the
// article's help lists them too.
func TestArticleHelpListsFeedKeys(t *testing.T) {
	km := newKeyMap()
	var keys []string
	for _, col := range (articleHelp{k: km}).FullHelp() {
		for _, b := range col {
			keys = append(keys, b.Keys()...)
		}
	}
	for _, want := range []string{"R", "F"} {
		if !slices.Contains(keys, want) {
			t.Errorf("article help lacks %s (has %v)", want, keys)
		}
	}
}

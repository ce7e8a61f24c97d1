package ui

import (
	"testing"
)

// TestScrollStep: what each scrolling key moves, in one table for every
// pane's key map; keys a map leaves unset (a table's half pages) and other
// keys do not scroll.
func TestScrollStep(t *testing.T) {
	k := newKeyMap()
	maps := map[string]scrollKeys{
		"list": k.List.scrollKeys, "article": k.Article.scrollKeys, "pager": k.Pager.scrollKeys,
		"compare": k.Compare.scrollKeys, "picker": k.Picker.scrollKeys, "coverage": k.Coverage.scrollKeys,
	}
	cases := []struct {
		name string
		km   func(scrollKeys) string // the key pressed: the map's first key for the move
		want int
	}{
		{"up", func(s scrollKeys) string { return s.Up.Keys()[0] }, -1},
		{"down", func(s scrollKeys) string { return s.Down.Keys()[0] }, 1},
		{"page up", func(s scrollKeys) string { return s.PageUp.Keys()[0] }, -20},
		{"page down", func(s scrollKeys) string { return s.PageDown.Keys()[0] }, 20},
		{"top", func(s scrollKeys) string { return s.Top.Keys()[0] }, -scrollAll},
		{"bottom", func(s scrollKeys) string { return s.Bottom.Keys()[0] }, scrollAll},
	}
	for name, s := range maps {
		for _, tc := range cases {
			n, ok := s.step(keyMsg(tc.km(s)), 20, 7)
			if !ok || n != tc.want {
				t.Errorf("%s %s: step %d %v, want %d", name, tc.name, n, ok, tc.want)
			}
		}
		if _, ok := s.step(keyMsg("x"), 20, 7); ok {
			t.Errorf("%s: x scrolls", name)
		}
		half, hasHalf := s.step(keyMsg("ctrl+d"), 20, 7)
		if hasHalf != (len(s.HalfDown.Keys()) > 0) || hasHalf && half != 7 {
			t.Errorf("%s: ctrl+d steps %d %v; half pages bound: %v", name, half, hasHalf, len(s.HalfDown.Keys()) > 0)
		}
	}
	if page, half := viewPage(1); page != 1 || half != 1 {
		t.Errorf("viewPage(1) = %d, %d: a page moves at least a line", page, half)
	}
	if page, half := viewPage(21); page != 20 || half != 10 {
		t.Errorf("viewPage(21) = %d, %d, want 20 (a line kept for context), 10", page, half)
	}
}

// TestScrollKeysEndsLandOnFirstAndLast: Top and Bottom, a move of
// scrollAll, land on the first and the last row in the list and the top
// and the bottom in the article.
func TestScrollKeysEndsLandOnFirstAndLast(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.press("G")
	if hs.m.list.sel != len(hs.m.list.items)-1 {
		t.Fatalf("G: selection %d of %d", hs.m.list.sel, len(hs.m.list.items))
	}
	hs.press("g")
	if hs.m.list.sel != 0 {
		t.Fatalf("g: selection %d", hs.m.list.sel)
	}
	hs.press("enter", "G")
	if !hs.m.article.body.atBottom() || hs.m.article.body.offset == 0 {
		t.Fatalf("G in the article: offset %d, not at the bottom", hs.m.article.body.offset)
	}
	hs.press("g")
	if hs.m.article.body.offset != 0 {
		t.Fatalf("g in the article: offset %d", hs.m.article.body.offset)
	}
}

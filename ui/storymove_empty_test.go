package ui

import "testing"

// A where every article already shares one story: the picker says there is
// no other story to move into, not that nothing shares words with it.
func TestMovePickerWithOneStory(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.press("z")
	if n := len(hs.m.sh.lib.Stories().Of(hs.m.list.selected().a).Articles); n != 5 {
		t.Fatalf("fixture: the seeds make one story of 5, got %d", n)
	}
	hs.press("A")
	if hs.m.mode != modeMoveStory {
		t.Fatalf("A opened mode %v", hs.m.mode)
	}
	hs.requireContains("There is no other story to move this article into.")
}

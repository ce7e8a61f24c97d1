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

// On a folded story's header, A and X would act on an article the reader
// cannot see: they ask for the story to be opened and change nothing.
func TestMoveAndSplitOnAFoldedHeader(t *testing.T) {
	for _, k := range []string{"A", "X"} {
		t.Run(k, func(t *testing.T) {
			hs := seedsHarness(t, 80, 24)
			hs.press("z", " ")
			a := hs.m.list.selected().a
			hs.press(k)
			if hs.m.mode != modeList {
				t.Fatalf("%s on a folded header opened mode %v", k, hs.m.mode)
			}
			if hs.m.sh.lib.Stories().Pinned(a) {
				t.Fatalf("%s on a folded header changed the story of %s", k, a.ID)
			}
			hs.requireContains("open the story (space)")
			hs.press(" ", k)
			if k == "X" && !hs.m.sh.lib.Stories().Pinned(hs.m.list.selected().a) {
				t.Error("X on an article of the unfolded story did not split it out")
			}
		})
	}
}

package ui

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/storyedits"
)

func linesArticles(t *testing.T) []*corpus.Article {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{"../corpus/compare/testdata/lines"}}, corpus.Options{})
	if err != nil || len(c.Articles) == 0 {
		t.Fatal(err)
	}
	return c.Articles
}

// X splits the selected article into a story of its own, kept on disk by
// article ID; X again gives it back to grouping.
func TestSplitKey(t *testing.T) {
	hs := linesHarness(t, 160, 45)
	a := hs.m.list.selected().a
	before := len(hs.m.sh.lib.Stories().Of(a).Articles)
	if before < 2 {
		t.Fatal("fixture: the first article is in a story of several")
	}
	hs.press("X")
	st := hs.m.sh.lib.Stories()
	if s := st.Of(a); len(s.Articles) != 1 || !st.Pinned(a) {
		t.Fatalf("after X: story of %d, pinned %v", len(s.Articles), st.Pinned(a))
	}
	if hs.m.sh.lib.AutoStories().Of(a) == st.Of(a) {
		t.Error("the grouping as found changed too")
	}
	hs.requireContains("split into a story of its own")
	data, err := os.ReadFile(storyedits.Path())
	if err != nil || !strings.Contains(string(data), `"`+a.ID+`"`) || !strings.Contains(string(data), `"alone": true`) {
		t.Fatalf("the edit is not on disk: %s, %v", data, err)
	}
	if hs.m.list.selected().a != a {
		t.Error("the cursor left the article split")
	}
	hs.press("X")
	if s := hs.m.sh.lib.Stories().Of(a); len(s.Articles) != before || hs.m.sh.lib.Stories().Pinned(a) {
		t.Errorf("after X again: story of %d, want %d, not pinned", len(s.Articles), before)
	}
	hs.requireContains("back to the story grouping found")
	if e, _ := storyedits.Open(storyedits.Path()); len(e.All()) != 0 {
		t.Errorf("X again left the edit on disk: %v", e.All())
	}
}

// A opens the picker of other stories (a row each, no row of the
// article's own story); enter moves the article into the chosen one and
// goes back to the list; the edit applies again after a restart.
func TestMoveKey(t *testing.T) {
	arts := linesArticles(t)
	sh := testShared(t)
	hs := harnessOn(t, sh, Config{}, nil, arts, 160, 45)
	hs.press("z")
	a := hs.m.list.selected().a
	own := hs.m.sh.lib.Stories().Of(a)
	hs.press("A")
	if hs.m.mode != modeMoveStory {
		t.Fatalf("A opened mode %v", hs.m.mode)
	}
	p := hs.m.panes[modeMoveStory].(*pickerPane)
	if !p.ready || len(p.cands) == 0 {
		t.Fatal("no stories offered")
	}
	seen := map[any]bool{}
	for _, c := range p.cands {
		s := hs.m.sh.lib.Stories().Of(c.Article)
		if s == own || seen[s] {
			t.Errorf("offered %q twice or from its own story", s.Label)
		}
		seen[s] = true
	}
	hs.requireContains("Move “" + a.Title[:20])
	hs.press("j")
	target := p.cands[1].Article
	hs.press("enter")
	st := hs.m.sh.lib.Stories()
	if hs.m.mode != modeList || st.Of(a) != st.Of(target) || !st.Pinned(a) {
		t.Fatalf("after choosing: mode %v, moved %v, pinned %v", hs.m.mode, st.Of(a) == st.Of(target), st.Pinned(a))
	}
	hs.requireContains("moved into")
	hs.requireContains("1 placed by you")

	// Another run on the same state: the edit wins over the new grouping.
	again := harnessOn(t, testSharedIn(t, os.Getenv("XDG_STATE_HOME"), t.TempDir()), Config{}, nil, linesArticles(t), 160, 45)
	again.press("z")
	st = again.m.sh.lib.Stories()
	var a2, t2 *corpus.Article
	for _, x := range again.m.sh.lib.Articles() {
		switch x.ID {
		case a.ID:
			a2 = x
		case target.ID:
			t2 = x
		}
	}
	if st.Of(a2) != st.Of(t2) || !st.Pinned(a2) {
		t.Error("the move did not survive a restart")
	}
}

// The moving picker at the two reference sizes.
func TestGoldenMovePicker(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		t.Run(fmtSize(size.w, size.h), func(t *testing.T) {
			hs := linesHarness(t, size.w, size.h)
			hs.press("A")
			golden.RequireEqual(t, hs.view())
		})
	}
}

// The grouped list after a move: the story joined says so in its header.
func TestGoldenMovedStory(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		t.Run(fmtSize(size.w, size.h), func(t *testing.T) {
			hs := linesHarness(t, size.w, size.h)
			hs.press("A", "j", "j", "enter")
			hs.requireContains("1 placed by you")
			golden.RequireEqual(t, hs.view())
		})
	}
}

// An edit whose regrouping was overtaken by a newer grouping is applied to
// the newer one, not dropped.
func TestEditOvertakenByAGrouping(t *testing.T) {
	hs := linesHarness(t, 160, 45)
	a := hs.m.list.selected().a
	old := hs.m.sh.lib.AutoStories()
	hs.m.sh.lib.Edits.Set(a.ID, compare.StoryEdit{Alone: true})
	// A newer grouping arrives (made before the edit: without it)...
	newer := compare.GroupStories(hs.m.sh.lib.Articles(), compare.StoryOptions{})
	hs.send(storiesMsg{seq: hs.m.story.state.seq, stories: newer, auto: newer})
	// ...then the edit's result, computed on the old grouping.
	hs.send(storyEditedMsg{auto: old, shown: old.WithEdits(hs.m.sh.lib.Edits.All()), note: "split"})
	st := hs.m.sh.lib.Stories()
	if hs.m.sh.lib.AutoStories() != newer || len(st.Of(a).Articles) != 1 || !st.Pinned(a) {
		t.Errorf("the edit was lost: story of %d, pinned %v", len(st.Of(a).Articles), st.Pinned(a))
	}
}

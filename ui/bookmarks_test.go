package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

func (hs *harness) listedIDs() []string {
	var ids []string
	for _, it := range hs.m.list.items {
		ids = append(ids, it.a.ID)
	}
	return ids
}

func (hs *harness) requireListed(want ...string) {
	hs.t.Helper()
	if got := hs.listedIDs(); !slices.Equal(got, want) {
		hs.t.Fatalf("list shows %v, want %v", got, want)
	}
}

func (hs *harness) requireStatus(want string) {
	hs.t.Helper()
	if !strings.Contains(hs.m.status.text, want) {
		hs.t.Fatalf("status is %q, want it to contain %q", hs.m.status.text, want)
	}
}

func (hs *harness) bookmarked(id string) bool {
	for _, it := range hs.m.list.all {
		if it.a.ID == id {
			return hs.m.sh.lib.Bookmarks.Has(it.key)
		}
	}
	hs.t.Fatalf("no article %q", id)
	return false
}

func (hs *harness) read(id string) bool {
	for _, it := range hs.m.list.all {
		if it.a.ID == id {
			return hs.m.sh.lib.Marks.Has(it.key)
		}
	}
	hs.t.Fatalf("no article %q", id)
	return false
}

func TestBookmarkTogglesAndPersists(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("j", "*")
	if !hs.bookmarked("beta") || hs.bookmarked("gamma") {
		t.Fatal("* did not bookmark the selected article only")
	}
	hs.requireStatus("bookmarked")
	if !strings.Contains(hs.view(), "›●★ A very long headline") {
		t.Fatalf("the bookmarked row shows no ★:\n%s", hs.view())
	}
	// The save ran (the harness runs every command): a fresh open sees it.
	again, warn := userstate.OpenBookmarks()
	if warn != nil {
		t.Fatal(warn)
	}
	if again.Len() != 1 || !again.Has(hs.m.list.selected().key) {
		t.Fatalf("bookmarks on disk: %d, want the selected article", again.Len())
	}
	hs.press("*")
	if hs.bookmarked("beta") {
		t.Fatal("second * did not remove the bookmark")
	}
	hs.requireStatus("bookmark removed")
	again, _ = userstate.OpenBookmarks()
	if again.Len() != 0 {
		t.Fatalf("removed bookmark still on disk")
	}
}

func TestBookmarkFromArticlePane(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("j", "j", "enter", "*")
	hs.requireMode(modeArticle)
	if !hs.bookmarked("alpha") {
		t.Fatal("* in the article pane did not bookmark the article shown")
	}
	hs.press("esc")
	if !strings.Contains(hs.view(), "› ★ Envoys report progress") { // read (opened), bookmarked
		t.Fatalf("list does not show the read, bookmarked row:\n%s", hs.view())
	}
}

func TestBookmarksOnlyFilter(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("j", "*", "G", "*", "'")
	hs.requireListed("beta", "delta")
	hs.requireSelected("delta") // the selection stays on its article
	hs.requireStatus("showing 2 bookmarked articles")
	hs.requireContains("2 of 5 articles")
	hs.requireContains("bookmarked only")
	// Removing a bookmark keeps the row until the filter is applied again.
	hs.press("*")
	hs.requireListed("beta", "delta")
	hs.press("'")
	hs.requireListed(byDate...)
	hs.requireStatus("showing all articles")
	hs.press("'")
	hs.requireListed("beta")
}

func TestUnreadOnlyFilter(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("enter", "esc", "U")
	hs.requireListed("beta", "alpha", "epsilon", "delta")
	hs.requireStatus("showing 4 unread articles")
	hs.requireContains("unread only")
	// Reading an article in the filtered list keeps it in place, so ] and
	// the selection work as before.
	hs.press("enter", "]")
	hs.requireSelected("alpha")
	hs.press("esc")
	hs.requireListed("beta", "alpha", "epsilon", "delta")
	hs.press("U", "U")
	hs.requireListed("epsilon", "delta")
}

func TestFiltersCombine(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("*", "j", "*", "k", "enter", "esc") // gamma (read) and beta bookmarked
	hs.press("'", "U")
	hs.requireListed("beta")
	hs.requireContains("unread bookmarked only")
}

func TestEmptyFilterScreens(t *testing.T) {
	for _, tc := range []struct {
		keys []string
		want []string
	}{
		{[]string{"'"}, []string{"No bookmarked articles", "Press * on an article to bookmark it.", "Press ' to show all articles."}},
		{[]string{"m", "j", "m", "j", "m", "j", "m", "j", "m", "U"}, []string{"No unread articles", "You have read all 5 articles.", "Press U to show all"}},
		{[]string{"*", "m", "'", "U"}, []string{"No unread bookmarked articles", "Press ' and U to show all"}},
	} {
		t.Run(strings.Join(tc.keys, ""), func(t *testing.T) {
			hs := articlesHarness(t, sampleArticles(), 80, 24)
			hs.press(tc.keys...)
			for _, w := range tc.want {
				hs.requireContains(w)
			}
			// Keys that act on an article do nothing on an empty list.
			hs.press("*", "y", "O", "E", "M", "enter")
			hs.requireMode(modeList)
		})
	}
}

func TestFilterAppliesToArticlesStillLoading(t *testing.T) {
	hs := articlesHarness(t, sampleArticles()[:2], 80, 24)
	hs.press("U")
	late := newItem(sampleArticles()[2])
	hs.m.sh.lib.Marks.Set(late.key, true, fixedNow)
	hs.send(loadBatchMsg{gen: hs.m.load.gen, items: []*item{late, newItem(sampleArticles()[3])}, done: true})
	hs.requireListed("beta", "alpha", "delta")
	if got := len(hs.m.list.all); got != 4 {
		t.Fatalf("list holds %d articles, want 4", got)
	}
}

func TestMarkStoryRead(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.m.sh.storyOf = func(a *corpus.Article) []string {
		switch a.ID {
		case "alpha", "beta", "gamma":
			return []string{"alpha", "beta", "gamma"}
		}
		return nil
	}
	hs.press("j", "M")
	for id, want := range map[string]bool{"alpha": true, "beta": true, "gamma": true, "delta": false, "epsilon": false} {
		if hs.read(id) != want {
			t.Errorf("after M, %s read = %v, want %v", id, !want, want)
		}
	}
	hs.requireStatus("marked 3 articles of this story as read")
	hs.requireContains("2 unread")
	hs.press("M")
	hs.requireStatus("already read")

	// From the article pane, on an article whose story is unknown: only it.
	hs.press("G", "enter", "m", "M")
	if !hs.read("delta") || hs.read("epsilon") {
		t.Fatal("M on an article without a story did not mark exactly that article")
	}
	hs.requireStatus("marked as read")

	// Saved like every read mark.
	again, _ := userstate.OpenReads()
	if again.Len() != 4 {
		t.Fatalf("%d read marks on disk, want 4", again.Len())
	}
}

func TestMarkStoryReadWithoutStories(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.m.sh.storyOf = nil // the grouping has not arrived
	hs.press("M")
	if !hs.read("gamma") || hs.read("beta") {
		t.Fatal("M without story grouping must mark just this article")
	}
}

// TestMarkStoryReadWithRealStories: the seeds are five outlets' takes on one
// story; story grouping (corpus/compare) runs after loading, and M on one
// of them marks all five.
func TestMarkStoryReadWithRealStories(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	if hs.m.sh.storyOf == nil {
		t.Fatal("no story grouping after loading")
	}
	hs.press("j", "M")
	hs.requireStatus("marked 5 articles of this story as read")
	hs.requireContains("0 unread")
	// A stale grouping (of an abandoned load, here an empty one) is ignored.
	hs.send(storiesMsg{seq: hs.m.story.state.seq + 1, stories: compare.GroupStories(nil, compare.StoryOptions{})})
	hs.press("m", "j", "m", "M")
	hs.requireStatus("marked 2 articles of this story as read")
}

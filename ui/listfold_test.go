package ui

import (
	"context"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/corpus"
)

// linesHarness is the list of the story-lines fixture (two lines of
// several events, stories, articles alone), grouped by story.
func linesHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{"../corpus/compare/testdata/lines"}}, corpus.Options{})
	if err != nil || len(c.Articles) == 0 {
		t.Fatal(err)
	}
	hs := articlesHarness(t, c.Articles, w, h)
	hs.press("z")
	if !hs.m.list.grouped() {
		t.Fatal("the list did not group")
	}
	return hs
}

// shownRows counts the display rows of the grouped list and the folded ones.
func shownRows(p *listPane) (rows, folded int) {
	for _, r := range p.group.rows {
		if r.folded {
			folded++
		}
	}
	return len(p.group.rows), folded
}

// Space folds the selected article's story line to its header, which the
// cursor then sits on; moving passes over what is folded; space again
// opens it, with the cursor on the same first article.
func TestFoldOneStory(t *testing.T) {
	hs := linesHarness(t, 160, 45)
	p := hs.m.list
	open, _ := shownRows(p)
	first := p.selected()
	g := p.group.fold.group(p.sel)
	if g == nil || g.last == g.first {
		t.Fatal("the first article is not in a group of several")
	}
	hs.press("j", " ")
	if p.selected() != first {
		t.Errorf("folding moved the cursor to %q, want the group's first article %q", p.selected().a.Title, first.a.Title)
	}
	rows, folded := shownRows(p)
	if folded != 1 || rows >= open {
		t.Fatalf("after folding: %d rows (%d folded), want fewer than %d with one folded", rows, folded, open)
	}
	if r := p.group.rows[p.group.rowOf[p.sel]]; !r.folded || r.line == nil {
		t.Errorf("the cursor is not on the folded line's header: %+v", r)
	}
	if v := hs.view(); !strings.Contains(v, "›●"+markFolded) || !strings.Contains(v, "story folded") {
		t.Errorf("no selected folded header with an unread mark, or no note:\n%s", v)
	}
	hs.press("j")
	if p.sel != g.last+1 {
		t.Errorf("down from a folded story went to item %d, want %d (the first after it)", p.sel, g.last+1)
	}
	hs.press("k")
	if p.sel != g.first {
		t.Errorf("up onto a folded story went to item %d, want its first %d", p.sel, g.first)
	}
	hs.press("G", "g")
	if p.sel != g.first {
		t.Errorf("g went to item %d, want %d", p.sel, g.first)
	}
	hs.press(" ")
	if rows, folded := shownRows(p); folded != 0 || rows != open {
		t.Errorf("after unfolding: %d rows (%d folded), want %d, none folded", rows, folded, open)
	}
	if p.selected() != first {
		t.Errorf("unfolding moved the cursor")
	}
}

// Z folds every group, the folds survive sorting (regrouping), and Z again
// opens every one; the last row reached with G is a shown one.
func TestFoldEveryStory(t *testing.T) {
	hs := linesHarness(t, 160, 45)
	p := hs.m.list
	open, _ := shownRows(p)
	hs.press("Z")
	rows, folded := shownRows(p)
	if folded != len(p.group.fold.groups) || folded < 3 {
		t.Fatalf("Z folded %d of %d groups", folded, len(p.group.fold.groups))
	}
	alone := 0
	for i := range p.items {
		if p.group.fold.group(i) == nil {
			alone++
		}
	}
	if want := folded + alone; rows != want {
		t.Errorf("%d rows with every group folded, want %d (a row per group, %d articles alone)", rows, want, alone)
	}
	for _, r := range p.group.rows {
		if r.item < 0 {
			t.Errorf("a header of an open group shows while every one is folded: %+v", r)
		}
	}
	hs.press("s", "s", "s") // around the sorts, back to date: regrouped each time
	if _, f := shownRows(p); f != folded {
		t.Errorf("after sorting %d groups folded, want %d", f, folded)
	}
	hs.press("G")
	if p.group.fold.anchor(p.sel) != p.sel {
		t.Errorf("G selected item %d, hidden in a folded group", p.sel)
	}
	// One opened among the folded ones stays open; Z folds it again.
	hs.press("g", " ")
	if _, f := shownRows(p); f != folded-1 {
		t.Errorf("space in a folded list: %d folded, want %d", f, folded-1)
	}
	hs.press("Z")
	if _, f := shownRows(p); f != folded {
		t.Errorf("Z with one open: %d folded, want all %d", f, folded)
	}
	hs.press("Z")
	if rows, f := shownRows(p); f != 0 || rows != open {
		t.Errorf("Z on a folded list: %d rows (%d folded), want %d open", rows, f, open)
	}
}

// Folding asks for a grouped list and a story of several articles.
func TestFoldNeedsAGroup(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	before := hs.view()
	hs.press(" ")
	hs.requireContains("group the list by story first (z)")
	if strings.Contains(hs.view(), markFolded) || hs.m.list.sel != 0 {
		t.Errorf("space folded an ungrouped list:\nbefore\n%s\nafter\n%s", before, hs.view())
	}
	hs = linesHarness(t, 160, 45)
	for i, it := range hs.m.list.items {
		if hs.m.list.group.fold.group(i) == nil {
			hs.m.list.selectItem(it)
			hs.press(" ")
			hs.requireContains("a story of its own")
			return
		}
	}
	t.Fatal("no article alone in the fixture")
}

// Golden views of the grouped list of story lines: open, one line folded,
// every group folded.
func TestGoldenFoldedStories(t *testing.T) {
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 45}} {
		for _, st := range []struct {
			name string
			keys []string
		}{{"open", nil}, {"one_folded", []string{" "}}, {"all_folded", []string{"Z", "j"}}} {
			t.Run(fmtSize(size.w, size.h)+"/"+st.name, func(t *testing.T) {
				hs := linesHarness(t, size.w, size.h)
				hs.press(st.keys...)
				golden.RequireEqual(t, hs.view())
			})
		}
	}
}

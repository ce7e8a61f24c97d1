package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// rowsAsStated lays out items already in story order as the grouped list
// is described (listStories): a header above each story line of several
// events, a header above each story of several articles (but an event of
// one article under its line, a plain row marked "•"), "├"/"└" before the
// articles under a header, indented under a line; with the counts the
// headers show (of the stories and lines that have a header or stand
// under one).
func rowsAsStated(st *compare.Stories, items []*item) (rows []listRow, tree []string, count map[*compare.Story]int, events map[*compare.StoryLine]int) {
	count, events = map[*compare.Story]int{}, map[*compare.StoryLine]int{}
	for _, it := range items {
		if s := st.Of(it.a); s != nil {
			if count[s] == 0 {
				if l := st.LineOf(s); l != nil {
					events[l]++
				}
			}
			count[s]++
		}
	}
	tree = make([]string, len(items))
	var prevS *compare.Story
	var prevL *compare.StoryLine
	for i, it := range items {
		s := st.Of(it.a)
		var l *compare.StoryLine
		if s != nil {
			l = st.LineOf(s)
		}
		nested := l != nil && events[l] > 1
		grouped := nested || s != nil && count[s] > 1
		if nested && (i == 0 || l != prevL) {
			rows = append(rows, listRow{line: l, item: -1})
		}
		single := nested && count[s] == 1
		if grouped && !single && (i == 0 || s != prevS) {
			rows = append(rows, listRow{story: s, item: -1})
		}
		if grouped {
			switch {
			case single:
				tree[i] = "• "
			case i+1 == len(items) || st.Of(items[i+1].a) != s:
				tree[i] = "└ "
			default:
				tree[i] = "├ "
			}
			if nested {
				tree[i] = "  " + tree[i]
			}
		}
		rows = append(rows, listRow{story: s, item: i})
		prevS, prevL = s, l
	}
	// The headers' counts: of the stories and lines that have a header
	// or stand under one.
	for s, c := range count {
		if l := st.LineOf(s); c == 1 && (l == nil || events[l] == 1) {
			delete(count, s)
		}
	}
	for l, e := range events {
		if e == 1 {
			delete(events, l)
		}
	}
	return rows, tree, count, events
}

// The grouped list's rows, tree marks, row numbers and header counts are
// those the grouping states (rowsAsStated), on generated coverage in each
// sort, with parts of the list filtered out, with articles that arrived
// after the grouping, and with lists that begin with any story or line.
func TestGroupedRowsAsStated(t *testing.T) {
	arts := gen.Articles(1500, 7)
	st := compare.GroupStories(arts, compare.StoryOptions{})
	all := itemsOf(arts)
	// Articles that arrived after the grouping, in no story yet.
	late := itemsOf(gen.Articles(40, 99))
	// The list may start with any story or line: with the second of each
	// (story numbers start at 0), the first rows are theirs alone.
	inStory := func(keep func(*compare.Story) bool) []*item {
		var out []*item
		for _, it := range all {
			if keep(st.Of(it.a)) {
				out = append(out, it)
			}
		}
		return out
	}
	second, secondLine := st.List[1], st.Lines[1]
	if len(second.Articles) < 2 || len(secondLine.Events) < 2 {
		t.Fatalf("the fixture needs a second story of several articles (%d) and a second line of several events (%d)", len(second.Articles), len(secondLine.Events))
	}
	sets := map[string][]*item{
		"the second story":   inStory(func(s *compare.Story) bool { return s == second }),
		"the second line":    inStory(func(s *compare.Story) bool { return slices.Contains(secondLine.Events, s) }),
		"late articles only": late,
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, keep := range []float64{1, 0.7, 0.3, 0.05} {
		items := slices.DeleteFunc(slices.Clone(all), func(*item) bool { return rng.Float64() >= keep })
		items = append(items, late[:int(keep*float64(len(late)))]...)
		sets[fmt.Sprintf("keep %.2f", keep)] = items
	}
	sh := testShared(t)
	lineHeaders, storyHeaders, singles, alone := 0, 0, 0, 0
	for set, items := range sets {
		for mode := range sortModes {
			p := newListPane(sh)
			p.sort, p.items = mode, slices.Clone(items)
			p.group.on, p.group.stories = true, st
			p.regroup()
			name := fmt.Sprintf("%s, sort by %s", set, mode)
			sorted := slices.Clone(items)
			sortItems(sorted, mode)
			if want := sortedByStoryKeys(st, sorted); !slices.Equal(p.items, want) {
				t.Fatalf("%s: items not in story order", name)
			}
			rows, tree, count, events := rowsAsStated(st, p.items)
			if len(p.group.rows) != len(rows) {
				t.Fatalf("%s: %d rows, want %d", name, len(p.group.rows), len(rows))
			}
			for r, want := range rows {
				if got := p.group.rows[r]; got != want {
					t.Fatalf("%s: row %d is %+v, want %+v", name, r, got, want)
				}
				if want.item >= 0 && p.group.rowOf[want.item] != r {
					t.Fatalf("%s: item %d's row %d, want %d", name, want.item, p.group.rowOf[want.item], r)
				}
				switch {
				case want.line != nil:
					lineHeaders++
				case want.item < 0:
					storyHeaders++
				}
			}
			for i := range p.items {
				if p.group.tree[i] != tree[i] {
					t.Fatalf("%s: item %d's tree mark %q, want %q", name, i, p.group.tree[i], tree[i])
				}
				if p.treePrefix(i) != tree[i] {
					t.Fatalf("%s: item %d's tree prefix %q, want %q", name, i, p.treePrefix(i), tree[i])
				}
				if tree[i] == "  • " {
					singles++
				}
				if st.Of(p.items[i].a) == nil {
					alone++
				}
			}
			if len(p.group.count) != len(count) || len(p.group.events) != len(events) {
				t.Fatalf("%s: counts of %d stories and %d lines, want %d and %d", name, len(p.group.count), len(p.group.events), len(count), len(events))
			}
			for s, n := range count {
				if p.group.count[s] != n {
					t.Fatalf("%s: story %q counts %d articles, want %d", name, s.Label, p.group.count[s], n)
				}
			}
			for l, n := range events {
				if p.group.events[l] != n {
					t.Fatalf("%s: line %q counts %d events, want %d", name, l.Label, p.group.events[l], n)
				}
			}
			if p.treePrefix(-1) != "" || p.treePrefix(len(p.items)) != "" {
				t.Fatalf("%s: a tree prefix outside the list", name)
			}
		}
	}
	if lineHeaders == 0 || storyHeaders == 0 || singles == 0 || alone == 0 {
		t.Fatalf("the fixture needs line headers (%d), story headers (%d), single-article events (%d) and articles in no story (%d)", lineHeaders, storyHeaders, singles, alone)
	}
	t.Logf("%d line headers, %d story headers, %d single-article events, %d articles in no story", lineHeaders, storyHeaders, singles, alone)
}

// Grouping and regrouping keep the reader on their article, wherever it
// moves (the first row included); and in a short pane the selected
// article's row is in view with the headers right above it, the window
// moving no further than it must and never past the rows.
func TestGroupedListKeepsTheSelectionInView(t *testing.T) {
	arts := gen.Articles(400, 11)
	st := compare.GroupStories(arts, compare.StoryOptions{})
	items := itemsOf(arts)
	sh := testShared(t)
	movedToTop := 0
	for mode := range sortModes {
		// The list shown in the sort before; grouped in this one (as
		// when s is pressed while grouped).
		before := slices.Clone(items)
		sortItems(before, mode.next())
		sorted := slices.Clone(items)
		sortItems(sorted, mode)
		order := sortedByStoryKeys(st, sorted)
		for _, target := range []*item{order[0], order[1], order[len(order)/2], order[len(order)-1]} {
			p := newListPane(sh)
			p.sort, p.items = mode, slices.Clone(before)
			p.group.stories = st
			p.sel = slices.Index(p.items, target)
			if p.sel != 0 && target == order[0] {
				movedToTop++
			}
			p.group.on = true
			p.regroup()
			if p.selected() != target {
				t.Fatalf("sort by %s: grouping moved the selection from %q to %q", mode, target.a.Title, p.selected().a.Title)
			}
			p.setStories(st) // regrouped, as when stories arrive again
			if p.selected() != target {
				t.Fatalf("sort by %s: regrouping moved the selection from %q to %q", mode, target.a.Title, p.selected().a.Title)
			}
		}
	}
	if movedToTop == 0 {
		t.Fatal("the fixture never moves the selected article to the first row")
	}

	p := newListPane(sh)
	p.items = slices.Clone(items)
	sortItems(p.items, p.sort)
	p.group.on, p.group.stories = true, st
	p.regroup()
	p.setSize(100, 8)
	rows := p.rowsHeight()
	g := &p.group
	check := func(how string) {
		t.Helper()
		sel := g.rowOf[p.sel]
		top := sel
		for top > 0 && g.rows[top-1].item < 0 {
			top--
		}
		if sel < p.offset || sel >= p.offset+rows {
			t.Fatalf("%s: the selected row %d is outside the window %d..%d", how, sel, p.offset, p.offset+rows-1)
		}
		if sel-top < rows && top < p.offset {
			t.Fatalf("%s: the headers above the selection (from row %d) are out of view (window from %d)", how, top, p.offset)
		}
		if p.offset < 0 || p.offset > max(len(g.rows)-rows, 0) {
			t.Fatalf("%s: window at %d of %d rows", how, p.offset, len(g.rows))
		}
		if len(p.lines) != p.h {
			t.Fatalf("%s: %d lines in a pane of %d", how, len(p.lines), p.h)
		}
	}
	// Down the list one article at a time, then back up.
	for i := 0; i < len(p.items); i++ {
		before := p.offset
		p.sel = i
		p.refresh()
		check(fmt.Sprintf("down to item %d", i))
		if sel := g.rowOf[i]; sel < before+rows && p.offset != before && i > 0 {
			t.Fatalf("down to item %d: the window moved from %d to %d although row %d was in view", i, before, p.offset, sel)
		}
	}
	for i := len(p.items) - 1; i >= 0; i-- {
		before := p.offset
		p.sel = i
		p.refresh()
		how := fmt.Sprintf("up to item %d", i)
		check(how)
		top := g.rowOf[i]
		for top > 0 && g.rows[top-1].item < 0 {
			top--
		}
		// Up only as far as the headers above the selection.
		if want := min(before, top); p.offset != want {
			t.Fatalf("%s: the window starts at row %d, want %d", how, p.offset, want)
		}
	}
	if p.offset != 0 {
		t.Fatalf("back at the first article, the window starts at row %d", p.offset)
	}
	// A selection past the end (the list shrank under it) is the last
	// article.
	p.sel = len(p.items) + 3
	p.refresh()
	if p.sel != len(p.items)-1 {
		t.Fatalf("a selection past the end became %d of %d", p.sel, len(p.items))
	}
	check("past the end")
}

// itemsOf is the list items of arts.
func itemsOf(arts []*corpus.Article) []*item {
	items := make([]*item, len(arts))
	for i, a := range arts {
		items[i] = newItem(a)
	}
	return items
}

package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// listStories is the list's grouping by story (`z`): a header row per story
// of two or more articles (its label, how many articles, its outlets) with
// its articles under it; an article alone in its story is a plain row. The
// items themselves are reordered, story by story, so that moving, opening
// and stepping through articles follow what the reader sees.
type listStories struct {
	on      bool
	stories *compare.Stories
	rows    []listRow        // display rows while grouped
	rowOf   []int            // item index -> display row
	tree    map[*item]string // "├ " or "└ " for articles under a header
	count   map[*compare.Story]int
}

// listRow is a story header (item < 0) or an article.
type listRow struct {
	story *compare.Story
	item  int
}

// grouped reports whether the list shows stories.
func (p *listPane) grouped() bool { return p.group.on && len(p.group.rows) > 0 }

// setStories gives the list a new grouping.
func (p *listPane) setStories(st *compare.Stories) {
	p.group.stories = st
	p.regroup()
	p.refresh()
}

// setGrouped turns grouping on or off, keeping the selected article.
func (p *listPane) setGrouped(on bool) {
	p.group.on = on
	p.offset = 0
	if !on {
		cur := p.selected()
		p.group.rows, p.group.rowOf, p.group.tree = nil, nil, nil
		sortItems(p.items, p.sort)
		p.keepSelection(cur)
	}
	p.regroup()
	p.refresh()
}

func (p *listPane) keepSelection(cur *item) {
	if cur == nil {
		return
	}
	if i := slices.Index(p.items, cur); i >= 0 {
		p.sel = i
	}
}

// regroup orders the items story by story and builds the display rows.
// Stories come in the order of their first article in the current sort;
// articles keep that order inside their story.
func (p *listPane) regroup() {
	g := &p.group
	if !g.on || g.stories == nil {
		g.rows, g.rowOf, g.tree = nil, nil, nil
		return
	}
	cur := p.selected()
	sortItems(p.items, p.sort)
	storyOf := func(it *item) *compare.Story { return g.stories.Of(it.a) }
	// A story sits where its first article would; an article alone (or
	// one that arrived after the grouping) sits where it is.
	g.count = map[*compare.Story]int{}
	first := map[*compare.Story]int{}
	for i, it := range p.items {
		if st := storyOf(it); st != nil {
			if _, ok := first[st]; !ok {
				first[st] = i
			}
			g.count[st]++
		}
	}
	keys := make(map[*item][2]int, len(p.items))
	for i, it := range p.items {
		k := [2]int{i, i}
		if st := storyOf(it); st != nil && g.count[st] > 1 {
			k[0] = first[st]
		}
		keys[it] = k
	}
	slices.SortStableFunc(p.items, func(x, y *item) int {
		kx, ky := keys[x], keys[y]
		if kx[0] != ky[0] {
			return kx[0] - ky[0]
		}
		return kx[1] - ky[1]
	})
	p.keepSelection(cur)

	g.rows = g.rows[:0]
	g.rowOf = make([]int, len(p.items))
	g.tree = map[*item]string{}
	var prev *compare.Story
	for i, it := range p.items {
		st := storyOf(it)
		if st != nil && g.count[st] > 1 {
			if st != prev {
				g.rows = append(g.rows, listRow{story: st, item: -1})
			}
			last := i+1 >= len(p.items) || storyOf(p.items[i+1]) != st
			if last {
				g.tree[it] = "└ "
			} else {
				g.tree[it] = "├ "
			}
		}
		prev = st
		g.rowOf[i] = len(g.rows)
		g.rows = append(g.rows, listRow{story: st, item: i})
	}
}

// treePrefix is the tree mark before an article's title while grouped.
func (p *listPane) treePrefix(it *item) string {
	if !p.grouped() {
		return ""
	}
	return p.group.tree[it]
}

// refreshGrouped rebuilds the cached lines of the grouped list.
func (p *listPane) refreshGrouped(cols columns) {
	g := &p.group
	rows := p.rowsHeight()
	selRow := g.rowOf[clamp(p.sel, 0, len(g.rowOf)-1)]
	top := selRow
	if selRow > 0 && g.rows[selRow-1].item < 0 {
		top = selRow - 1 // the story's header stays in view with its first article
	}
	if top < p.offset {
		p.offset = top
	}
	if selRow >= p.offset+rows {
		p.offset = selRow - rows + 1
	}
	p.offset = clamp(p.offset, 0, max(len(g.rows)-rows, 0))
	lines := make([]string, 0, p.h)
	lines = append(lines, p.headerLine(cols))
	for i := p.offset; i < len(g.rows) && len(lines) < p.h; i++ {
		r := g.rows[i]
		if r.item < 0 {
			lines = append(lines, p.storyHeader(r.story))
		} else {
			lines = append(lines, p.row(p.items[r.item], r.item == p.sel, cols))
		}
	}
	p.lines = fitLines(lines, p.w, p.h)
}

// storyHeader is a story's row: its label, then how many articles, when
// (the dates grouping trusts) and which outlets.
func (p *listPane) storyHeader(st *compare.Story) string {
	s := p.sh.styles
	n := p.group.count[st]
	outlets := strings.Join(st.Outlets, ", ")
	if len(st.Outlets) == 0 {
		outlets = "outlets unknown"
	}
	meta := fmt.Sprintf(" · %s · %s", plural(n, "article"), outlets)
	if span := dateSpan(st.First, st.Last); span != "" {
		meta = fmt.Sprintf(" · %s · %s · %s", plural(n, "article"), span, outlets)
	}
	// A column is kept free on the right, as rows keep one after the word
	// count, so the header never touches the divider. The header is not a
	// row the cursor visits, so it carries no fold mark.
	avail := max(p.w-markWidth-1, 1)
	labelW := min(textWidth1(st.Label), max(avail*3/5, avail-textWidth1(meta)))
	label := truncate(st.Label, labelW)
	return blank(markWidth) + s.Story.Story.Render(label) + s.Meta.Render(truncate(meta, max(avail-textWidth1(label), 0)))
}

// dateSpan is a story's dates, as short as says them: "1 Dec 2025",
// "28 Nov – 1 Dec 2025", "30 Dec 2024 – 2 Jan 2025"; "" when undated.
func dateSpan(first, last time.Time) string {
	switch {
	case first.IsZero():
		return ""
	case first.Format("2 Jan 2006") == last.Format("2 Jan 2006"):
		return first.Format("2 Jan 2006")
	case first.Year() == last.Year():
		return first.Format("2 Jan") + " – " + last.Format("2 Jan 2006")
	}
	return first.Format("2 Jan 2006") + " – " + last.Format("2 Jan 2006")
}

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
	// events counts the events of each story line that have articles in
	// the list: a line of two or more gets its own header above theirs.
	events map[*compare.StoryLine]int
}

// listRow is a story line's header (line set), a story's header (item < 0)
// or an article.
type listRow struct {
	line  *compare.StoryLine
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
	lineOf := func(st *compare.Story) *compare.StoryLine {
		if st == nil {
			return nil
		}
		return g.stories.LineOf(st)
	}
	// A story line sits where its first article would, its events in the
	// order of their first articles; a story alone in its line likewise;
	// an article alone (or one that arrived after the grouping) sits
	// where it is.
	g.count = map[*compare.Story]int{}
	g.events = map[*compare.StoryLine]int{}
	first := map[*compare.Story]int{}
	firstLine := map[*compare.StoryLine]int{}
	lineArticles := map[*compare.StoryLine]int{}
	for i, it := range p.items {
		if st := storyOf(it); st != nil {
			if _, ok := first[st]; !ok {
				first[st] = i
				if l := lineOf(st); l != nil {
					g.events[l]++
					if _, ok := firstLine[l]; !ok {
						firstLine[l] = i
					}
				}
			}
			g.count[st]++
			lineArticles[lineOf(st)]++
		}
	}
	keys := make(map[*item][3]int, len(p.items))
	for i, it := range p.items {
		k := [3]int{i, i, i}
		if st := storyOf(it); st != nil {
			if l := lineOf(st); l != nil && g.events[l] > 1 {
				k[0], k[1] = firstLine[l], first[st]
			} else if g.count[st] > 1 {
				k[0], k[1] = first[st], first[st]
			}
		}
		keys[it] = k
	}
	slices.SortStableFunc(p.items, func(x, y *item) int {
		kx, ky := keys[x], keys[y]
		for n := range kx {
			if kx[n] != ky[n] {
				return kx[n] - ky[n]
			}
		}
		return 0
	})
	p.keepSelection(cur)

	g.rows = g.rows[:0]
	g.rowOf = make([]int, len(p.items))
	g.tree = map[*item]string{}
	var prev *compare.Story
	var prevLine *compare.StoryLine
	for i, it := range p.items {
		st := storyOf(it)
		l := lineOf(st)
		nested := l != nil && g.events[l] > 1
		if nested && l != prevLine {
			g.rows = append(g.rows, listRow{line: l, item: -1})
		}
		if st != nil && (g.count[st] > 1 || nested) {
			if st != prev {
				g.rows = append(g.rows, listRow{story: st, item: -1})
			}
			last := i+1 >= len(p.items) || storyOf(p.items[i+1]) != st
			if last {
				g.tree[it] = "└ "
			} else {
				g.tree[it] = "├ "
			}
			if nested {
				g.tree[it] = "  " + g.tree[it]
			}
		}
		prev, prevLine = st, l
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
	for top > 0 && g.rows[top-1].item < 0 {
		top-- // the headers above an article stay in view with it
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
		switch {
		case r.line != nil:
			lines = append(lines, p.lineHeader(r.line))
		case r.item < 0:
			lines = append(lines, p.storyHeader(r.story))
		default:
			lines = append(lines, p.row(p.items[r.item], r.item == p.sel, cols))
		}
	}
	p.lines = fitLines(lines, p.w, p.h)
}

// lineHeader is a story line's row, above its events: its label, how
// many events and articles, when, and which outlets.
func (p *listPane) lineHeader(l *compare.StoryLine) string {
	s := p.sh.styles
	n := 0
	var first, last time.Time
	for _, st := range l.Events {
		n += p.group.count[st]
		if !st.First.IsZero() && (first.IsZero() || st.First.Before(first)) {
			first = st.First
		}
		if st.Last.After(last) {
			last = st.Last
		}
	}
	meta := fmt.Sprintf(" · %s · %s", plural(p.group.events[l], "event"), plural(n, "article"))
	if span := dateSpan(first, last); span != "" {
		meta += " · " + span
	}
	avail := max(p.w-markWidth-1, 1)
	labelW := min(textWidth1(l.Label), max(avail*3/5, avail-textWidth1(meta)))
	label := truncate(l.Label, labelW)
	return blank(markWidth) + s.Story.Story.Render(label) + s.Meta.Render(truncate(meta, max(avail-textWidth1(label), 0)))
}

// storyHeader is a story's row (indented under its line's header when the
// line shows more than one event): its label, then how many articles, when
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
	indent := ""
	if l := p.group.stories.LineOf(st); l != nil && p.group.events[l] > 1 {
		indent = "  "
	}
	avail := max(p.w-markWidth-1-len(indent), 1)
	labelW := min(textWidth1(st.Label), max(avail*3/5, avail-textWidth1(meta)))
	label := truncate(st.Label, labelW)
	return blank(markWidth) + indent + s.Story.Story.Render(label) + s.Meta.Render(truncate(meta, max(avail-textWidth1(label), 0)))
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

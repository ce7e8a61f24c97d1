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
// its articles under it, and a header per story line of several events
// with those events under it (an event of one article is a plain row of
// the line); an article alone in its story is a plain row. The items
// themselves are reordered, story by story, so that moving, opening and
// stepping through articles follow what the reader sees. A top-level group
// (a line, or a story alone in its line) can be folded to its header
// (listfold.go).
type listStories struct {
	on      bool
	stories *compare.Stories
	rows    []listRow // display rows while grouped
	rowOf   []int     // item index -> display row
	tree    []string  // by item index: "├ " or "└ " for articles under a header
	count   map[*compare.Story]int
	// events counts the events of each story line that have articles in
	// the list: a line of two or more gets its own header above theirs.
	events map[*compare.StoryLine]int
	fold   listFolds
}

// listRow is a story line's header (line set), a story's header (item < 0)
// or an article. A folded group is one row: its header, with item the
// group's first article, which the cursor sits on.
type listRow struct {
	line   *compare.StoryLine
	story  *compare.Story
	item   int
	folded bool
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
// articles keep that order inside their story. It runs on the update loop
// when stories arrive (60,000 stories over 100,000 articles): stories and
// lines are numbered once and everything after works on slices, in time
// linear in the list.
func (p *listPane) regroup() {
	g := &p.group
	if !g.on || g.stories == nil {
		g.rows, g.rowOf, g.tree = nil, nil, nil
		g.fold.reset()
		return
	}
	cur := p.selected()
	sortItems(p.items, p.sort)
	n := newStoryNumbers(g.stories, p.items)
	p.items, n.of = n.order(p.items)
	p.keepSelection(cur)
	g.count, g.events = n.headerCounts(g.stories)
	p.layOutGroups(n)
	p.sel = g.fold.anchor(p.sel)
}

// layOutGroups builds the display rows of items already in story order:
// a header above each story line of several events and each story of
// several articles, folded groups as one row, and each article's tree mark.
func (p *listPane) layOutGroups(n storyNumbers) {
	g := &p.group
	g.rows = g.rows[:0]
	g.rowOf = make([]int, len(p.items))
	g.tree = make([]string, len(p.items))
	g.fold.begin(len(p.items))
	prev, prevLine := int32(-1), int32(-1)
	folded := -1 // the row of the folded group being passed over
	for i := range p.items {
		s := n.of[i]
		l := n.lineOfItem(i)
		nested := l >= 0 && n.events[l] > 1
		grouped := nested || s >= 0 && n.count[s] > 1
		newGroup := grouped && (nested && l != prevLine || !nested && s != prev)
		if !grouped {
			folded = -1
		}
		var st *compare.Story
		if s >= 0 {
			st = g.stories.List[s]
		}
		var line *compare.StoryLine
		if l >= 0 {
			line = g.stories.Lines[l]
		}
		if newGroup {
			folded = -1
			id := st.ID
			if nested {
				id = line.ID
			}
			g.fold.open(id, i)
			if g.fold.isFolded(id) {
				folded = len(g.rows)
				r := listRow{story: st, item: i, folded: true}
				if nested {
					r = listRow{line: line, item: i, folded: true}
				}
				g.rows = append(g.rows, r)
			}
		}
		if grouped {
			g.fold.add(i)
		}
		newStory, newLine := s != prev, l != prevLine
		prev, prevLine = s, l
		if folded >= 0 {
			g.rowOf[i] = folded
			continue
		}
		if nested && newLine {
			g.rows = append(g.rows, listRow{line: line, item: -1})
		}
		if grouped {
			last := i+1 >= len(p.items) || n.of[i+1] != s
			switch {
			case nested && n.count[s] == 1:
				// An event of one article is a row of its line: its
				// title says what happened, its date column when.
				g.tree[i] = "• "
			default:
				if newStory {
					g.rows = append(g.rows, listRow{story: st, item: -1})
				}
				g.tree[i] = "├ "
				if last {
					g.tree[i] = "└ "
				}
			}
			if nested {
				g.tree[i] = "  " + g.tree[i]
			}
		}
		g.rowOf[i] = len(g.rows)
		g.rows = append(g.rows, listRow{story: st, item: i})
	}
}

// treePrefix is the tree mark before the title of the list's item i
// while grouped.
func (p *listPane) treePrefix(i int) string {
	if !p.grouped() || i < 0 || i >= len(p.group.tree) {
		return ""
	}
	return p.group.tree[i]
}

// refreshGrouped rebuilds the cached lines of the grouped list.
func (p *listPane) refreshGrouped(cols columns) {
	g := &p.group
	rows := p.rowsHeight()
	p.sel = g.fold.anchor(clamp(p.sel, 0, len(g.rowOf)-1))
	selRow := g.rowOf[p.sel]
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
			lines = append(lines, p.lineHeader(r))
		case r.item < 0 || r.folded:
			lines = append(lines, p.storyHeader(r))
		default:
			lines = append(lines, p.row(r.item, cols))
		}
	}
	p.lines = fitLines(lines, p.w, p.h)
}

// lineHeader is a story line's row, above its events: its label, how
// many events and articles, when, and which outlets.
func (p *listPane) lineHeader(r listRow) string {
	l := r.line
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
	outlets := ""
	if r.folded {
		outlets = " · " + strings.Join(l.Outlets, ", ")
	}
	return p.groupHeader(r, true, "", l.Label, meta, outlets)
}

// storyHeader is a story's row (indented under its line's header when the
// line shows more than one event): its label, then how many articles, when
// (the dates grouping trusts) and which outlets.
func (p *listPane) storyHeader(r listRow) string {
	st := r.story
	n := p.group.count[st]
	outlets := strings.Join(st.Outlets, ", ")
	if len(st.Outlets) == 0 {
		outlets = "outlets unknown"
	}
	meta := " · " + plural(n, "article")
	if span := dateSpan(st.First, st.Last); span != "" {
		meta += " · " + span
	}
	if yours := len(p.group.stories.PinnedIDs(st.Articles)); yours > 0 {
		meta += fmt.Sprintf(" · %d placed by you", yours)
	}
	nested := false
	if l := p.group.stories.LineOf(st); l != nil && p.group.events[l] > 1 {
		nested = true
	}
	indent := ""
	if nested {
		indent = "  "
	}
	return p.groupHeader(r, !nested, indent, st.Label, meta, " · "+outlets)
}

// groupHeader lays out a header row: the cursor (on a folded group), an
// unread mark (a folded group with unread articles), the fold mark of a
// top-level group (▾ open, ▸ folded), then the label and what follows it.
// The label gives way to the counts and dates (meta) down to a quarter of
// the row; the outlets (rest) are cut first. A column is kept
// free on the right, as rows keep one after the word count, so the header
// never touches the divider.
func (p *listPane) groupHeader(r listRow, top bool, indent, label, meta, rest string) string {
	s := p.sh.styles
	selected := r.folded && r.item == p.sel
	cell := p.cell(selected)
	cursor, unread, mark := " ", " ", " "
	if selected {
		cursor = "›"
	}
	if r.folded && p.foldedUnread(r.item) {
		unread = markUnread
	}
	switch {
	case r.folded:
		mark = markFolded
	case top:
		mark = markUnfolded
	}
	avail := max(p.w-markWidth-1-len(indent), 1)
	labelW := min(cellWidth(label), max(avail/4, avail-cellWidth(meta)))
	label = truncate(label, labelW)
	meta = truncate(meta, max(avail-cellWidth(label), 0))
	meta += truncate(rest, max(avail-cellWidth(label)-cellWidth(meta), 0))
	out := cell(s.Row, cursor) + cell(s.Unread, unread) + cell(s.Story.Tree, mark) + cell(s.Row, " "+indent) +
		cell(s.Story.Story, label) + cell(s.Meta, meta)
	if selected {
		out += cell(s.Row, blank(max(p.w-1-cellWidth(out), 0)))
	}
	return out
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

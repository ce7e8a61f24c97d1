package ui

// Folding the grouped list: a story line, or a story alone in its line,
// shrinks to its header (space), and every one at once (Z). The cursor
// sits on a folded group's header, which stands for its first article, and
// steps over the articles it hides. Folds are kept by group ID, so they
// survive regrouping, sorting and filtering while the group keeps its ID.

// listFolds is which groups are folded, and the groups of the list as
// regroup last laid them out.
type listFolds struct {
	all     bool            // every group is folded but those flipped
	flipped map[string]bool // groups folded (or unfolded) against all

	groups  []foldGroup // laid out by regroup, in list order
	groupOf []int32     // item index -> its group, -1 for none
}

// foldGroup is a top-level group of the list: its ID (a line's or a
// story's) and the items it spans, first..last inclusive (they are
// adjacent).
type foldGroup struct {
	id          string
	first, last int
}

// isFolded reports whether the group with this ID is folded.
func (f *listFolds) isFolded(id string) bool { return f.all != f.flipped[id] }

// reset forgets the layout (grouping is off).
func (f *listFolds) reset() { f.groups, f.groupOf = nil, nil }

// begin starts laying out n items, none in a group yet.
func (f *listFolds) begin(n int) {
	f.groups = f.groups[:0]
	f.groupOf = make([]int32, n)
	for i := range f.groupOf {
		f.groupOf[i] = -1
	}
}

// open starts the group id at item i; add puts an item in the group open.
func (f *listFolds) open(id string, i int) {
	f.groups = append(f.groups, foldGroup{id: id, first: i, last: i})
}

func (f *listFolds) add(i int) {
	g := len(f.groups) - 1
	f.groupOf[i] = int32(g)
	f.groups[g].last = i
}

// end finishes the layout.
func (f *listFolds) end() {}

// group is the group of item i, or nil.
func (f *listFolds) group(i int) *foldGroup {
	if i < 0 || i >= len(f.groupOf) || f.groupOf[i] < 0 {
		return nil
	}
	return &f.groups[f.groupOf[i]]
}

// anchor is the item the cursor shows for item i: the first of its group
// when the group is folded, else i itself.
func (f *listFolds) anchor(i int) int {
	if g := f.group(i); g != nil && f.isFolded(g.id) {
		return g.first
	}
	return i
}

// step moves n shown rows from item i (backwards when n < 0) among n items,
// passing over the articles folded groups hide.
func (f *listFolds) step(i, n, items int) int {
	i = f.anchor(i)
	for ; n > 0; n-- {
		next := i + 1
		if g := f.group(i); g != nil && f.isFolded(g.id) {
			next = g.last + 1
		}
		if next >= items {
			break
		}
		i = next
	}
	for ; n < 0 && i > 0; n++ {
		i = f.anchor(i - 1)
	}
	return i
}

// toggle folds or unfolds the group of item i; ok is false when the item
// is in no group.
func (f *listFolds) toggle(i int) (folded, ok bool) {
	g := f.group(i)
	if g == nil {
		return false, false
	}
	if f.flipped == nil {
		f.flipped = map[string]bool{}
	}
	if f.flipped[g.id] {
		delete(f.flipped, g.id)
	} else {
		f.flipped[g.id] = true
	}
	return f.isFolded(g.id), true
}

// toggleAll folds every group, or unfolds every one when all are folded
// already. It reports whether they are now folded.
func (f *listFolds) toggleAll() bool {
	folded := true
	for _, g := range f.groups {
		if !f.isFolded(g.id) {
			folded = false
			break
		}
	}
	f.all, f.flipped = !folded, nil
	return f.all
}

// toggleFold folds or unfolds the selected article's group (every group
// with all) and says so.
func (p *listPane) toggleFold(all bool) string {
	if !p.grouped() {
		return "fold: group the list by story first (" + p.sh.keys.Stories.Group.Help().Key + ")"
	}
	f := &p.group.fold
	var folded bool
	if all {
		folded = f.toggleAll()
	} else {
		var ok bool
		if folded, ok = f.toggle(p.sel); !ok {
			return "this article is a story of its own: nothing to fold"
		}
	}
	p.regroup()
	p.refresh()
	switch {
	case all && folded:
		return "every story folded"
	case all:
		return "every story unfolded"
	case folded:
		return "story folded"
	}
	return "story unfolded"
}

// onFoldedHeader reports whether the selection is the header row of a
// folded story, which stands for all of its articles.
func (p *listPane) onFoldedHeader() bool {
	if !p.grouped() {
		return false
	}
	g := p.group.fold.group(p.sel)
	return g != nil && p.group.fold.isFolded(g.id)
}

// foldedUnread reports whether a folded group holds an unread article.
func (p *listPane) foldedUnread(item int) bool {
	g := p.group.fold.group(item)
	if g == nil {
		return false
	}
	for i := g.first; i <= g.last && i < len(p.items); i++ {
		if !p.sh.lib.Marks.Has(p.items[i].key) {
			return true
		}
	}
	return false
}

package ui

import "github.com/charmbracelet/bubbles/key"

// The key groups of the story panes: grouping the list, the comparison, the
// picker and the coverage table. They are fields of keyMap like every other
// group; they live here to keep keys.go short.

type bindFunc func(keys []string, k, desc string) key.Binding

// storyKeys work in the list and the article.
type storyKeys struct {
	Group, Compare, Pick, Coverage, View key.Binding
	Fold, FoldAll                        key.Binding // the list grouped by story
	Move, Split                          key.Binding // the reader's say on an article's story
}

func newStoryKeys(b bindFunc) storyKeys {
	return storyKeys{
		Group:    b([]string{"z"}, "z", "group by story"),
		Compare:  b([]string{"c"}, "c", "compare with closest in story"),
		Pick:     b([]string{"C"}, "C", "compare with…"),
		Coverage: b([]string{"o"}, "o", "story coverage"),
		View:     b([]string{"v"}, "v", "story view: every outlet at a glance"),
		Fold:     b([]string{" "}, "space", "fold / unfold this story (grouped)"),
		FoldAll:  b([]string{"Z"}, "Z", "fold / unfold every story (grouped)"),
		Move:     b([]string{"A"}, "A", "move this article into another story…"),
		Split:    b([]string{"X"}, "X", "split this article into a story of its own (again: undo)"),
	}
}

func (k storyKeys) list() []key.Binding {
	return []key.Binding{k.Group, k.Fold, k.FoldAll, k.Compare, k.Pick, k.Coverage, k.View, k.Move, k.Split}
}
func (k storyKeys) article() []key.Binding {
	return []key.Binding{k.Compare, k.Pick, k.Coverage, k.View, k.Move, k.Split}
}

// compareKeys work in the comparison pane.
type compareKeys struct {
	scrollKeys
	Focus, Sync, Swap, View                                key.Binding
	NextShared, PrevShared, NextOwn, PrevOwn               key.Binding
	Search, NextMatch, PrevMatch, SearchDone, SearchCancel key.Binding
	Open, Export, Back                                     key.Binding
	NextPair, PrevPair                                     key.Binding // more than two articles, a pair at a time
}

func newCompareKeys(b bindFunc) compareKeys {
	return compareKeys{
		scrollKeys: scrollKeys{
			Up:       b([]string{"k", "up"}, "↑/k", "scroll up"),
			Down:     b([]string{"j", "down"}, "↓/j", "scroll down"),
			PageUp:   b([]string{"b", "pgup"}, "b/pgup", "page up"),
			PageDown: b([]string{" ", "pgdown", "f"}, "space/pgdn", "page down"),
			HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
			HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
			Top:      b([]string{"g", "home"}, "g/home", "top"),
			Bottom:   b([]string{"G", "end"}, "G/end", "bottom"),
		},
		Focus:        b([]string{"tab", "shift+tab"}, "tab", "focus (narrow: show) the other side"),
		Sync:         b([]string{"s"}, "s", "scroll sides together / apart"),
		Swap:         b([]string{"x"}, "x", "swap sides"),
		View:         b([]string{"u"}, "u", "show all / differences / shared"),
		NextShared:   b([]string{"]"}, "]", "next shared passage"),
		PrevShared:   b([]string{"["}, "[", "previous shared passage"),
		NextOwn:      b([]string{"}"}, "}", "next passage only one side has"),
		PrevOwn:      b([]string{"{"}, "{", "previous passage only one side has"),
		Search:       b([]string{"/"}, "/", "find in both sides"),
		NextMatch:    b([]string{"n"}, "n", "next match"),
		PrevMatch:    b([]string{"N"}, "N", "previous match"),
		SearchDone:   b([]string{"enter"}, "enter", "keep the search"),
		SearchCancel: b([]string{"esc"}, "esc", "clear the search"),
		Open:         b([]string{"enter"}, "enter", "open the current passage in its article"),
		Export:       b([]string{"e"}, "e", "export as Markdown"),
		Back:         b([]string{"esc", "q", "backspace"}, "esc/q", "back"),
		NextPair:     b([]string{">"}, ">", "next pair (3+ articles, narrow)"),
		PrevPair:     b([]string{"<"}, "<", "previous pair (3+ articles, narrow)"),
	}
}

// newRowKeys are the scrolling keys of a table (the picker, the coverage
// view, the story view): no half pages.
func newRowKeys(b bindFunc) scrollKeys {
	return scrollKeys{
		Up:       b([]string{"k", "up"}, "↑/k", "up"),
		Down:     b([]string{"j", "down"}, "↓/j", "down"),
		PageUp:   b([]string{"b", "pgup"}, "b/pgup", "page up"),
		PageDown: b([]string{" ", "pgdown", "f"}, "space/pgdn", "page down"),
		Top:      b([]string{"g", "home"}, "g/home", "first"),
		Bottom:   b([]string{"G", "end"}, "G/end", "last"),
	}
}

// pickerKeys work in the list of articles to compare with.
type pickerKeys struct {
	scrollKeys
	Filter, Choose, Back key.Binding
	Mark                 key.Binding // mark for comparing several at once
}

func newPickerKeys(b bindFunc) pickerKeys {
	return pickerKeys{
		// space marks here, so it does not page.
		scrollKeys: func() scrollKeys {
			r := newRowKeys(b)
			r.PageDown = b([]string{"pgdown", "f"}, "pgdn/f", "page down")
			return r
		}(),
		Mark:   b([]string{" "}, "space", "mark / unmark for comparing several at once"),
		Filter: b([]string{"/"}, "/", "filter by title or outlet"),
		Choose: b([]string{"enter", "l", "right"}, "enter", "compare with this one"),
		Back:   b([]string{"esc", "q", "h", "left", "backspace"}, "esc/q", "back"),
	}
}

// coverageKeys work in the coverage table.
type coverageKeys struct {
	scrollKeys
	Left, Right, NextSection, View key.Binding
	DetailUp, DetailDown           key.Binding // scroll the panel under the table
	Open, Export, Back             key.Binding
}

func newCoverageKeys(b bindFunc) coverageKeys {
	return coverageKeys{
		scrollKeys:  newRowKeys(b),
		Left:        b([]string{"h", "left"}, "←/h", "previous outlet"),
		Right:       b([]string{"l", "right"}, "→/l", "next outlet"),
		NextSection: b([]string{"tab"}, "tab", "next section: quotes, names, numbers"),
		View:        b([]string{"u"}, "u", "show all / one outlet only / disagreements"),
		DetailUp:    b([]string{"ctrl+u"}, "ctrl+u", "scroll the panel below up"),
		DetailDown:  b([]string{"ctrl+d"}, "ctrl+d", "scroll the panel below down"),
		Open:        b([]string{"enter"}, "enter", "open the passage in the outlet's article"),
		Export:      b([]string{"e"}, "e", "export as Markdown"),
		Back:        b([]string{"esc", "q", "backspace"}, "esc/q", "back"),
	}
}

// compareHelp is the help of the comparison pane.
type compareHelp struct {
	k      *keyMap
	search bool // the search field has the keyboard
	many   bool // more than two articles
}

func (h compareHelp) ShortHelp() []key.Binding {
	c := h.k.Compare
	if h.search {
		return []key.Binding{c.SearchDone, c.SearchCancel}
	}
	return []key.Binding{c.NextShared, c.NextOwn, c.View, c.Focus, c.Back, h.k.Global.Help}
}

func (h compareHelp) FullHelp() [][]key.Binding {
	c, g := h.k.Compare, h.k.Global
	rows := [][]key.Binding{
		{c.Up, c.Down, c.PageUp, c.PageDown, c.HalfUp, c.HalfDown, c.Top, c.Bottom},
		{c.NextShared, c.PrevShared, c.NextOwn, c.PrevOwn, c.View, c.Focus, c.Sync, c.Swap},
	}
	last := []key.Binding{c.Search, c.NextMatch, c.PrevMatch, c.Open, c.Export, c.Back, g.Help, g.Quit}
	if h.many {
		rows = append(rows, []key.Binding{c.NextPair, c.PrevPair})
	}
	return append(rows, last)
}

// The picker's filter field takes every key as text but these two (see
// pickerPane.filterKey), so they are fixed, and named for a filter.
var (
	pickerFilterKeep  = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep the filter"))
	pickerFilterClear = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the filter"))
)

// pickerHelp is the help of the picker.
type pickerHelp struct {
	k         *keyMap
	filtering bool // the filter has the keyboard
	moving    bool // choosing a story to move an article into
}

// choose is the choose binding, saying what it does here.
func (h pickerHelp) choose() key.Binding {
	c := h.k.Picker.Choose
	if h.moving {
		c.SetHelp(c.Help().Key, "move the article into this story")
	}
	return c
}

func (h pickerHelp) ShortHelp() []key.Binding {
	if h.filtering {
		return []key.Binding{pickerFilterKeep, pickerFilterClear}
	}
	return []key.Binding{h.choose(), h.k.Picker.Filter, h.k.Picker.Back, h.k.Global.Help}
}

func (h pickerHelp) FullHelp() [][]key.Binding {
	p, g := h.k.Picker, h.k.Global
	last := []key.Binding{p.Mark, p.Filter, h.choose(), p.Back, g.Help, g.Quit}
	if h.moving {
		last = last[1:] // nothing to mark: one story is chosen
	}
	return [][]key.Binding{{p.Up, p.Down, p.PageUp, p.PageDown, p.Top, p.Bottom}, last}
}

// coverageHelp is the help of the coverage table.
type coverageHelp struct{ k *keyMap }

func (h coverageHelp) ShortHelp() []key.Binding {
	c := h.k.Coverage
	return []key.Binding{c.Open, c.Left, c.View, c.Export, c.Back, h.k.Global.Help}
}

func (h coverageHelp) FullHelp() [][]key.Binding {
	c, g := h.k.Coverage, h.k.Global
	return [][]key.Binding{
		{c.Up, c.Down, c.PageUp, c.PageDown, c.Top, c.Bottom},
		{c.Left, c.Right, c.NextSection, c.View, c.DetailDown, c.DetailUp, c.Open, c.Export, c.Back, g.Help, g.Quit},
	}
}

// storyViewKeys work in the story view.
type storyViewKeys struct {
	scrollKeys
	NextSection, PrevSection, Section key.Binding
	Open, Compare, Export, Back       key.Binding
	CompareAll                        key.Binding
}

func newStoryViewKeys(b bindFunc) storyViewKeys {
	return storyViewKeys{
		scrollKeys:  newRowKeys(b),
		NextSection: b([]string{"tab"}, "tab", "next section"),
		PrevSection: b([]string{"shift+tab"}, "shift+tab", "previous section"),
		Section:     b([]string{"1", "2", "3", "4", "5", "6"}, "1-6", "go to a section"),
		Open:        b([]string{"enter"}, "enter", "open the passage in its article"),
		Compare:     b([]string{"c"}, "c", "compare the selected outlet with another"),
		CompareAll:  b([]string{"C"}, "C", "compare every outlet's first article at once"),
		Export:      b([]string{"e"}, "e", "export the whole view as Markdown"),
		Back:        b([]string{"esc", "q", "backspace"}, "esc/q", "back"),
	}
}

// storyViewHelp is the help of the story view.
type storyViewHelp struct{ k *keyMap }

func (h storyViewHelp) ShortHelp() []key.Binding {
	c := h.k.StoryView
	return []key.Binding{c.NextSection, c.Open, c.Compare, c.Export, c.Back, h.k.Global.Help}
}

func (h storyViewHelp) FullHelp() [][]key.Binding {
	c, g := h.k.StoryView, h.k.Global
	return [][]key.Binding{
		{c.Up, c.Down, c.PageUp, c.PageDown, c.Top, c.Bottom},
		{c.NextSection, c.PrevSection, c.Section, c.Open, c.Compare, c.CompareAll, c.Export, c.Back, g.Help, g.Quit},
	}
}

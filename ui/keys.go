package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key Parallax answers to, grouped by where it applies. The
// `?` screen and the status-line hints are built from it, so help can never
// disagree with behaviour. Panes add their own group here (the groups of the
// story panes are defined in storykeys.go).
type keyMap struct {
	Global  globalKeys
	List    listKeys
	Article articleKeys
	Pager   pagerKeys // help and load report
	Search  searchKeys
	Find    findKeys // the find bar in an article

	Stories   storyKeys     // list and article: stories, comparison, coverage
	Compare   compareKeys   // the comparison pane
	Picker    pickerKeys    // choosing what to compare with
	Coverage  coverageKeys  // the story's coverage table
	StoryView storyViewKeys // the story view
	Feeds     feedKeys      // live news: refresh, the feeds view (feedkeys.go)
}

type globalKeys struct {
	Quit   key.Binding // ctrl+c, from anywhere
	Help   key.Binding
	Report key.Binding
	Focus  key.Binding // wide layout only
}

type listKeys struct {
	scrollKeys
	Open, Sort, ToggleRead, Quit key.Binding
	BookmarksOnly, UnreadOnly    key.Binding // filters
	Search                       key.Binding
	articleActions
}

type articleKeys struct {
	scrollKeys
	Next, Prev, ToggleRead, Boilerplate, Back key.Binding
	Find, NextHit, PrevHit                    key.Binding
	articleActions
}

// articleActions act on one article: the selected one in the list, the one
// shown in the article pane.
type articleActions struct {
	Bookmark, MarkStoryRead, Copy, Edit, OpenURL key.Binding
}

// searchKeys work while the search bar has the keyboard: every other key
// is typed into the query.
type searchKeys struct {
	Up, Down, PageUp, PageDown, Open, Close key.Binding
}

type findKeys struct {
	Accept, Cancel key.Binding
}

type pagerKeys struct {
	scrollKeys
	Close key.Binding
}

func newKeyMap() *keyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	actions := articleActions{
		Bookmark:      b([]string{"*"}, "*", "toggle bookmark"),
		MarkStoryRead: b([]string{"M"}, "M", "mark the whole story read"),
		Copy:          b([]string{"y"}, "y", "copy url (or text) to the clipboard"),
		Edit:          b([]string{"E"}, "E", "open as Markdown in $EDITOR"),
		OpenURL:       b([]string{"O"}, "O", "open url in the browser"),
	}
	return &keyMap{
		Global: globalKeys{
			Quit:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
			Help:   b([]string{"?"}, "?", "toggle help"),
			Report: b([]string{"!"}, "!", "load report"),
			Focus:  b([]string{"tab", "shift+tab"}, "tab", "switch pane"),
		},
		List: listKeys{
			scrollKeys: scrollKeys{
				Up:       b([]string{"k", "up"}, "↑/k", "up"),
				Down:     b([]string{"j", "down"}, "↓/j", "down"),
				PageUp:   b([]string{"pgup"}, "pgup", "page up"),
				PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
				HalfUp:   b([]string{"ctrl+u"}, "ctrl+u", "half page up"),
				HalfDown: b([]string{"ctrl+d"}, "ctrl+d", "half page down"),
				Top:      b([]string{"g", "home"}, "g/home", "first"),
				Bottom:   b([]string{"G", "end"}, "G/end", "last"),
			},
			Open:           b([]string{"enter", "l", "right"}, "enter/l/→", "open"),
			Sort:           b([]string{"s"}, "s", "sort: date/outlet/title"),
			ToggleRead:     b([]string{"m"}, "m", "toggle read"),
			Quit:           b([]string{"q"}, "q", "quit"),
			BookmarksOnly:  b([]string{"'"}, "'", "show bookmarked only"),
			UnreadOnly:     b([]string{"U"}, "U", "show unread only"),
			Search:         b([]string{"/"}, "/", "search"),
			articleActions: actions,
		},
		Article: articleKeys{
			scrollKeys: scrollKeys{
				Up:       b([]string{"k", "up"}, "↑/k", "line up"),
				Down:     b([]string{"j", "down"}, "↓/j", "line down"),
				PageUp:   b([]string{"b", "pgup"}, "b/pgup", "page up"),
				PageDown: b([]string{" ", "pgdown", "f"}, "space/pgdn", "page down"),
				HalfUp:   b([]string{"ctrl+u", "u"}, "u", "half page up"),
				HalfDown: b([]string{"ctrl+d", "d"}, "d", "half page down"),
				Top:      b([]string{"g", "home"}, "g/home", "top"),
				Bottom:   b([]string{"G", "end"}, "G/end", "bottom"),
			},
			Next:           b([]string{"]"}, "]", "next article"),
			Prev:           b([]string{"["}, "[", "previous article"),
			ToggleRead:     b([]string{"m"}, "m", "toggle read"),
			Boilerplate:    b([]string{"B"}, "B", "show/hide removed boilerplate"),
			Back:           b([]string{"esc", "q", "h", "left", "backspace"}, "esc/q/h/←", "back to list"),
			Find:           b([]string{"/"}, "/", "find in this article"),
			NextHit:        b([]string{"n"}, "n", "next hit"),
			PrevHit:        b([]string{"N"}, "N", "previous hit"),
			articleActions: actions,
		},
		Search: searchKeys{
			Up:       b([]string{"up", "ctrl+p"}, "↑/ctrl+p", "previous result"),
			Down:     b([]string{"down", "ctrl+n"}, "↓/ctrl+n", "next result"),
			PageUp:   b([]string{"pgup"}, "pgup", "page up"),
			PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
			Open:     b([]string{"enter"}, "enter", "open"),
			Close:    b([]string{"esc"}, "esc", "close"),
		},
		Find: findKeys{
			Accept: b([]string{"enter"}, "enter", "keep the hits"),
			Cancel: b([]string{"esc"}, "esc", "clear"),
		},
		Pager: pagerKeys{
			scrollKeys: scrollKeys{
				Up:       b([]string{"k", "up"}, "↑/k", "up"),
				Down:     b([]string{"j", "down"}, "↓/j", "down"),
				PageUp:   b([]string{"b", "pgup"}, "b/pgup", "page up"),
				PageDown: b([]string{" ", "pgdown", "f"}, "space/pgdn", "page down"),
				Top:      b([]string{"g", "home"}, "g/home", "top"),
				Bottom:   b([]string{"G", "end"}, "G/end", "bottom"),
			},
			Close: b([]string{"esc", "q", "?", "!", "h", "left", "backspace"}, "esc/q", "close"),
		},
		Stories:   newStoryKeys(b),
		Compare:   newCompareKeys(b),
		Picker:    newPickerKeys(b),
		Coverage:  newCoverageKeys(b),
		StoryView: newStoryViewKeys(b),
		Feeds:     newFeedKeys(b),
	}
}

// The help.KeyMap views of the key map, one per context.

// listHelp is the help for the list pane.
type listHelp struct {
	k    *keyMap
	wide bool
}

func (h listHelp) ShortHelp() []key.Binding {
	return []key.Binding{h.k.List.Open, h.k.List.Search, h.k.List.Sort, h.k.List.ToggleRead, h.k.List.Bookmark, h.k.Global.Help, h.k.List.Quit}
}

func (h listHelp) FullHelp() [][]key.Binding {
	l, g := h.k.List, h.k.Global
	global := []key.Binding{g.Help, g.Report, g.Quit}
	if h.wide {
		global = append([]key.Binding{g.Focus}, global...)
	}
	return [][]key.Binding{
		{l.Up, l.Down, l.PageUp, l.PageDown, l.HalfUp, l.HalfDown, l.Top, l.Bottom},
		{l.Open, l.Sort, l.ToggleRead, l.MarkStoryRead, l.UnreadOnly, l.Bookmark, l.BookmarksOnly, l.Quit},
		append([]key.Binding{l.Copy, l.OpenURL, l.Edit}, h.k.Stories.list()...),
		{h.k.Feeds.Refresh, h.k.Feeds.View},
		global,
		searchBindings(h.k),
	}
}

// articleHelp is the help for the article pane.
type articleHelp struct {
	k    *keyMap
	wide bool
	back string // the pane leaving returns to ("comparison"), "" for the list
}

// backKey is the back binding, saying where it returns to when that is
// the pane the article was opened from.
func (h articleHelp) backKey() key.Binding {
	b := h.k.Article.Back
	if h.back != "" {
		b.SetHelp(b.Help().Key, "back to the "+h.back)
	}
	return b
}

func (h articleHelp) ShortHelp() []key.Binding {
	a := h.k.Article
	if h.back != "" {
		// First, so a narrow status line keeps the way back.
		return []key.Binding{h.backKey(), a.PageDown, a.Next, a.Prev, h.k.Global.Help}
	}
	return []key.Binding{a.PageDown, a.Next, a.Prev, a.Back, h.k.Global.Help}
}

func (h articleHelp) FullHelp() [][]key.Binding {
	a, g := h.k.Article, h.k.Global
	global := []key.Binding{g.Help, g.Report, g.Quit}
	if h.wide {
		global = append([]key.Binding{g.Focus}, global...)
	}
	return [][]key.Binding{
		{a.Up, a.Down, a.PageUp, a.PageDown, a.HalfUp, a.HalfDown, a.Top, a.Bottom},
		{a.Next, a.Prev, a.ToggleRead, a.MarkStoryRead, a.Bookmark, a.Boilerplate, h.backKey()},
		append([]key.Binding{a.Copy, a.OpenURL, a.Edit}, h.k.Stories.article()...),
		{h.k.Feeds.Refresh, h.k.Feeds.View},
		{a.Find, a.NextHit, a.PrevHit},
		global,
	}
}

// pagerHelp is the help for full-screen text such as the load report.
type pagerHelp struct{ k *keyMap }

func (h pagerHelp) ShortHelp() []key.Binding {
	return []key.Binding{h.k.Pager.Down, h.k.Pager.Close}
}

func (h pagerHelp) FullHelp() [][]key.Binding {
	p := h.k.Pager
	return [][]key.Binding{{p.Up, p.Down, p.PageUp, p.PageDown, p.Top, p.Bottom}, {p.Close, h.k.Global.Quit}}
}

// searchHelp is the help while the search bar is open.
type searchHelp struct{ k *keyMap }

func (h searchHelp) ShortHelp() []key.Binding {
	s := h.k.Search
	return []key.Binding{s.Open, s.Close, s.Down, s.Up}
}

func (h searchHelp) FullHelp() [][]key.Binding { return [][]key.Binding{searchBindings(h.k)} }

func searchBindings(k *keyMap) []key.Binding {
	s := k.Search
	return []key.Binding{k.List.Search, s.Down, s.Up, s.PageDown, s.PageUp, s.Open, s.Close}
}

// findHelp is the help while typing in the find bar.
type findHelp struct{ k *keyMap }

func (h findHelp) ShortHelp() []key.Binding {
	return []key.Binding{h.k.Find.Accept, h.k.Find.Cancel}
}

func (h findHelp) FullHelp() [][]key.Binding { return [][]key.Binding{h.ShortHelp()} }

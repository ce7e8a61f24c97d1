package ui

import "github.com/charmbracelet/bubbles/key"

// feedKeys: refreshing the feeds (list and article) and the feeds view.
type feedKeys struct {
	Refresh, View                       key.Binding // in the list and the article
	Up, Down, Top, Bottom, Filter, Back key.Binding // in the feeds view
}

func newFeedKeys(b bindFunc) feedKeys {
	return feedKeys{
		Refresh: b([]string{"R"}, "R", "fetch all feeds"),
		View:    b([]string{"F"}, "F", "feeds: last fetch, new, errors"),
		Up:      b([]string{"k", "up"}, "↑/k", "up"),
		Down:    b([]string{"j", "down"}, "↓/j", "down"),
		Top:     b([]string{"g", "home"}, "g/home", "first"),
		Bottom:  b([]string{"G", "end"}, "G/end", "last"),
		Filter:  b([]string{"enter"}, "enter", "show this feed's articles"),
		Back:    b([]string{"esc", "q", "F"}, "esc/q", "back"),
	}
}

// feedsHelp is the help in the feeds view.
type feedsHelp struct{ k *keyMap }

func (h feedsHelp) ShortHelp() []key.Binding {
	f := h.k.Feeds
	return []key.Binding{f.Filter, f.Refresh, f.Back, h.k.Global.Help}
}

func (h feedsHelp) FullHelp() [][]key.Binding {
	f := h.k.Feeds
	return [][]key.Binding{{f.Up, f.Down, f.Top, f.Bottom}, {f.Filter, f.Refresh, f.Back}, {h.k.Global.Help, h.k.Global.Quit}}
}

package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/ui/config"
)

// keyAction is one rebindable action: its name in [keys] and the bindings it
// sets. One name covers every context the action exists in ("down" moves in
// the list, the article and the help), so a user remaps it once.
type keyAction struct {
	name     string
	bindings []*key.Binding
}

// keyContext is the set of bindings active at one time, for finding keys
// bound twice.
type keyContext struct {
	name     string
	bindings map[*key.Binding]string // binding -> action name
}

// actions lists every rebindable action. ctrl+c (quit from anywhere) is not
// one: it must always work.
func (km *keyMap) actions() []keyAction {
	g, l, a, p := &km.Global, &km.List, &km.Article, &km.Pager
	st, c, pk, cv := &km.Stories, &km.Compare, &km.Picker, &km.Coverage
	sv := &km.StoryView
	fk := &km.Feeds
	return []keyAction{
		{"help", []*key.Binding{&g.Help}},
		{"report", []*key.Binding{&g.Report}},
		{"focus", []*key.Binding{&g.Focus, &c.Focus}},
		{"up", []*key.Binding{&l.Up, &a.Up, &p.Up, &c.Up, &pk.Up, &cv.Up, &fk.Up, &sv.Up}},
		{"down", []*key.Binding{&l.Down, &a.Down, &p.Down, &c.Down, &pk.Down, &cv.Down, &fk.Down, &sv.Down}},
		{"page_up", []*key.Binding{&l.PageUp, &a.PageUp, &p.PageUp, &c.PageUp, &pk.PageUp, &cv.PageUp, &sv.PageUp}},
		{"page_down", []*key.Binding{&l.PageDown, &a.PageDown, &p.PageDown, &c.PageDown, &pk.PageDown, &cv.PageDown, &sv.PageDown}},
		{"half_page_up", []*key.Binding{&l.HalfUp, &a.HalfUp, &c.HalfUp, &cv.DetailUp}},
		{"half_page_down", []*key.Binding{&l.HalfDown, &a.HalfDown, &c.HalfDown, &cv.DetailDown}},
		{"top", []*key.Binding{&l.Top, &a.Top, &p.Top, &c.Top, &pk.Top, &cv.Top, &fk.Top, &sv.Top}},
		{"bottom", []*key.Binding{&l.Bottom, &a.Bottom, &p.Bottom, &c.Bottom, &pk.Bottom, &cv.Bottom, &fk.Bottom, &sv.Bottom}},
		{"open", []*key.Binding{&l.Open, &pk.Choose}},
		{"sort", []*key.Binding{&l.Sort}},
		{"toggle_read", []*key.Binding{&l.ToggleRead, &a.ToggleRead}},
		{"quit", []*key.Binding{&l.Quit}},
		{"bookmarks_only", []*key.Binding{&l.BookmarksOnly}},
		{"unread_only", []*key.Binding{&l.UnreadOnly}},
		{"bookmark", []*key.Binding{&l.Bookmark, &a.Bookmark}},
		{"mark_story_read", []*key.Binding{&l.MarkStoryRead, &a.MarkStoryRead}},
		{"copy", []*key.Binding{&l.Copy, &a.Copy}},
		{"edit", []*key.Binding{&l.Edit, &a.Edit}},
		{"open_url", []*key.Binding{&l.OpenURL, &a.OpenURL}},
		{"next_article", []*key.Binding{&a.Next}},
		{"previous_article", []*key.Binding{&a.Prev}},
		{"boilerplate", []*key.Binding{&a.Boilerplate}},
		{"back", []*key.Binding{&a.Back, &c.Back, &pk.Back, &cv.Back, &sv.Back}},
		{"close", []*key.Binding{&p.Close}},
		// Stories, the comparison and the coverage view.
		{"group_by_story", []*key.Binding{&st.Group}},
		{"fold_story", []*key.Binding{&st.Fold}},
		{"fold_all_stories", []*key.Binding{&st.FoldAll}},
		{"move_to_story", []*key.Binding{&st.Move}},
		{"split_story", []*key.Binding{&st.Split}},
		{"compare", []*key.Binding{&st.Compare}},
		{"compare_with", []*key.Binding{&st.Pick}},
		{"coverage", []*key.Binding{&st.Coverage}},
		{"story_view", []*key.Binding{&st.View}},
		{"compare_outlet", []*key.Binding{&sv.Compare}},
		{"compare_outlets", []*key.Binding{&sv.CompareAll}},
		{"mark_to_compare", []*key.Binding{&pk.Mark}},
		{"next_pair", []*key.Binding{&c.NextPair}},
		{"previous_pair", []*key.Binding{&c.PrevPair}},
		{"previous_section", []*key.Binding{&sv.PrevSection}},
		{"go_to_section", []*key.Binding{&sv.Section}},
		{"sync_scroll", []*key.Binding{&c.Sync}},
		{"swap_sides", []*key.Binding{&c.Swap}},
		{"show_rows", []*key.Binding{&c.View, &cv.View}},
		{"next_shared", []*key.Binding{&c.NextShared}},
		{"previous_shared", []*key.Binding{&c.PrevShared}},
		{"next_own", []*key.Binding{&c.NextOwn}},
		{"previous_own", []*key.Binding{&c.PrevOwn}},
		{"find", []*key.Binding{&c.Search, &a.Find, &pk.Filter}},
		{"next_match", []*key.Binding{&c.NextMatch, &a.NextHit}},
		{"previous_match", []*key.Binding{&c.PrevMatch, &a.PrevHit}},
		{"open_passage", []*key.Binding{&c.Open, &cv.Open, &sv.Open}},
		{"export", []*key.Binding{&c.Export, &cv.Export, &sv.Export}},
		{"previous_outlet", []*key.Binding{&cv.Left}},
		{"next_outlet", []*key.Binding{&cv.Right}},
		{"next_section", []*key.Binding{&cv.NextSection, &sv.NextSection}},
		{"search", []*key.Binding{&l.Search}},
		// Live news.
		{"refresh_feeds", []*key.Binding{&fk.Refresh}},
		{"feeds", []*key.Binding{&fk.View}},
		{"show_feed", []*key.Binding{&fk.Filter}},
		{"close_feeds", []*key.Binding{&fk.Back}},
	}
}

// contexts are the groups of bindings that are active together.
func (km *keyMap) contexts() []keyContext {
	name := map[*key.Binding]string{}
	for _, ac := range km.actions() {
		for _, b := range ac.bindings {
			name[b] = ac.name
		}
	}
	g, l, a, p := &km.Global, &km.List, &km.Article, &km.Pager
	st, c, pk, cv := &km.Stories, &km.Compare, &km.Picker, &km.Coverage
	sv := &km.StoryView
	fk := &km.Feeds
	ctx := func(n string, bs ...*key.Binding) keyContext {
		c := keyContext{name: n, bindings: map[*key.Binding]string{}}
		for _, b := range bs {
			c.bindings[b] = name[b]
		}
		return c
	}
	return []keyContext{
		ctx("the list", &g.Help, &g.Report, &g.Focus, &l.Up, &l.Down, &l.PageUp, &l.PageDown, &l.HalfUp, &l.HalfDown,
			&l.Top, &l.Bottom, &l.Open, &l.Sort, &l.ToggleRead, &l.Quit, &l.BookmarksOnly, &l.UnreadOnly,
			&l.Bookmark, &l.MarkStoryRead, &l.Copy, &l.Edit, &l.OpenURL,
			&st.Group, &st.Fold, &st.FoldAll, &st.Compare, &st.Pick, &st.Coverage, &st.View, &st.Move, &st.Split, &l.Search, &fk.Refresh, &fk.View),
		ctx("the article", &g.Help, &g.Report, &g.Focus, &a.Up, &a.Down, &a.PageUp, &a.PageDown, &a.HalfUp, &a.HalfDown,
			&a.Top, &a.Bottom, &a.Next, &a.Prev, &a.ToggleRead, &a.Boilerplate, &a.Back,
			&a.Bookmark, &a.MarkStoryRead, &a.Copy, &a.Edit, &a.OpenURL,
			&st.Compare, &st.Pick, &st.Coverage, &st.View, &st.Move, &st.Split, &a.Find, &a.NextHit, &a.PrevHit, &fk.Refresh, &fk.View),
		ctx("help and the load report", &p.Up, &p.Down, &p.PageUp, &p.PageDown, &p.Top, &p.Bottom, &p.Close),
		ctx("the comparison", &g.Help, &g.Report, &c.Up, &c.Down, &c.PageUp, &c.PageDown, &c.HalfUp, &c.HalfDown,
			&c.Top, &c.Bottom, &c.Focus, &c.Sync, &c.Swap, &c.View, &c.NextShared, &c.PrevShared, &c.NextOwn,
			&c.PrevOwn, &c.Search, &c.NextMatch, &c.PrevMatch, &c.Open, &c.Export, &c.Back, &c.NextPair, &c.PrevPair),
		ctx("the picker", &g.Help, &g.Report, &pk.Up, &pk.Down, &pk.PageUp, &pk.PageDown, &pk.Top, &pk.Bottom,
			&pk.Filter, &pk.Choose, &pk.Back, &pk.Mark),
		ctx("the coverage view", &g.Help, &g.Report, &cv.Up, &cv.Down, &cv.PageUp, &cv.PageDown, &cv.Top,
			&cv.Bottom, &cv.Left, &cv.Right, &cv.NextSection, &cv.View, &cv.DetailUp, &cv.DetailDown, &cv.Open, &cv.Export, &cv.Back),
		ctx("the story view", &g.Help, &g.Report, &sv.Up, &sv.Down, &sv.PageUp, &sv.PageDown, &sv.Top, &sv.Bottom,
			&sv.NextSection, &sv.PrevSection, &sv.Section, &sv.Open, &sv.Compare, &sv.CompareAll, &sv.Export, &sv.Back),
		ctx("the feeds view", &g.Help, &fk.Up, &fk.Down, &fk.Top, &fk.Bottom, &fk.Filter, &fk.Back, &fk.Refresh),
	}
}

// KeyActions lists the action names [keys] accepts, sorted.
func KeyActions() []string {
	var names []string
	for _, a := range newKeyMap().actions() {
		names = append(names, a.name)
	}
	sort.Strings(names)
	return names
}

// CheckConfig validates what the reader itself interprets in c: [keys]
// actions and key names. Unknown actions and invalid keys are dropped from c
// and reported, as are keys that the configuration binds to two actions in
// the same place. The CLI prints the problems before the reader starts.
func CheckConfig(c *config.Config, path string) []config.Problem {
	km := newKeyMap()
	known := map[string]bool{}
	for _, a := range km.actions() {
		known[a.name] = true
	}
	probs := c.CheckKeys(path, func(action string) bool { return known[action] })
	for _, action := range sortedKeys(c.Keys) {
		var good []string
		for _, k := range c.Keys[action] {
			nk, err := normalizeKey(k)
			if err == nil && nk == "ctrl+c" {
				err = fmt.Errorf("ctrl+c always quits and cannot be bound")
			}
			if err != nil {
				probs = append(probs, config.Problem{Path: path, Line: c.KeyLine(action), Msg: fmt.Sprintf("keys.%s: %v (ignored)", action, err)})
				continue
			}
			good = append(good, nk)
		}
		if len(good) == 0 {
			delete(c.Keys, action)
			continue
		}
		c.Keys[action] = good
	}
	applyKeys(km, c.Keys)
	for _, ctx := range km.contexts() {
		owners := map[string][]string{} // key -> actions bound to it here
		for b, action := range ctx.bindings {
			for _, k := range b.Keys() {
				if !slices.Contains(owners[k], action) {
					owners[k] = append(owners[k], action)
				}
			}
		}
		for _, k := range sortedKeys(owners) {
			acts := owners[k]
			if len(acts) < 2 {
				continue
			}
			sort.Strings(acts)
			for _, action := range acts {
				if _, mine := c.Keys[action]; !mine {
					continue // a clash among the defaults is reported by the tests, not to the user
				}
				probs = append(probs, config.Problem{Path: path, Line: c.KeyLine(action),
					Msg: fmt.Sprintf("key %s is bound to %s in %s; only one of them will work", keyLabel(k), strings.Join(acts, " and "), ctx.name)})
				break
			}
		}
	}
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].Line != probs[j].Line {
			return probs[i].Line < probs[j].Line
		}
		return probs[i].Msg < probs[j].Msg
	})
	return dedupeProblems(probs)
}

func dedupeProblems(ps []config.Problem) []config.Problem {
	seen := map[string]bool{}
	out := ps[:0]
	for _, p := range ps {
		if s := p.String(); !seen[s] {
			seen[s] = true
			out = append(out, p)
		}
	}
	return out
}

// applyKeys replaces the keys of each configured action. Keys must already
// be normalised (CheckConfig does it); unknown actions are ignored.
func applyKeys(km *keyMap, keys map[string][]string) {
	for _, a := range km.actions() {
		ks, ok := keys[a.name]
		if !ok || len(ks) == 0 {
			continue
		}
		labels := make([]string, len(ks))
		for i, k := range ks {
			labels[i] = keyLabel(k)
		}
		for _, b := range a.bindings {
			b.SetKeys(ks...)
			b.SetHelp(strings.Join(labels, "/"), b.Help().Desc)
		}
	}
}

// keyNames are the names Bubble Tea gives non-character keys ("enter",
// "pgdown", "ctrl+a", "f5", ...).
var keyNames = func() map[string]bool {
	names := map[string]bool{}
	for t := tea.KeyType(-1000); t < 1000; t++ {
		if s := t.String(); s != "" && t != tea.KeyRunes {
			names[s] = true
		}
	}
	return names
}()

// normalizeKey checks that k is a key Bubble Tea can report and returns it
// the way Bubble Tea spells it: "space" becomes " ", "PgDn" becomes "pgdown".
func normalizeKey(k string) (string, error) {
	if utf8.RuneCountInString(k) == 1 {
		r, _ := utf8.DecodeRuneInString(k)
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			return "", fmt.Errorf("%q is not a key", k)
		}
		return k, nil
	}
	if len(k) > 4 && strings.EqualFold(k[:4], "alt+") {
		n, err := normalizeKey(k[4:])
		if err != nil {
			return "", fmt.Errorf("%q is not a key", k)
		}
		return "alt+" + n, nil
	}
	low := strings.ToLower(strings.TrimSpace(k))
	switch low {
	case "space":
		return " ", nil
	case "pgdn", "pagedown", "page_down":
		low = "pgdown"
	case "page_up", "pageup":
		low = "pgup"
	case "return":
		low = "enter"
	case "escape":
		low = "esc"
	case "del":
		low = "delete"
	}
	if keyNames[low] {
		return low, nil
	}
	return "", fmt.Errorf("%q is not a key (a single character, or a name such as enter, esc, tab, space, up, pgdown, home, f1, ctrl+x, alt+x)", k)
}

// keyLabel is how a key appears in help.
func keyLabel(k string) string {
	switch k {
	case " ":
		return "space"
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	case "pgdown":
		return "pgdn"
	}
	return k
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// KeyReference is the table of the reader's keys, for `parallax help keys`:
// each place, each key (as configured in c.Keys), what it does and the
// action name that [keys] uses for it.
func KeyReference(keys map[string][]string) string {
	km := newKeyMap()
	applyKeys(km, keys)
	names := map[*key.Binding]string{}
	for _, a := range km.actions() {
		for _, b := range a.bindings {
			names[b] = a.name
		}
	}
	var sb strings.Builder
	section := func(title string, ptrs []*key.Binding) {
		fmt.Fprintf(&sb, "%s\n", title)
		for _, b := range ptrs {
			h := b.Help()
			action := names[b]
			if action == "" {
				action = "(fixed)"
			}
			fmt.Fprintf(&sb, "  %-14s %-40s %s\n", h.Key, h.Desc, action)
		}
		sb.WriteString("\n")
	}
	g, l, a, p := &km.Global, &km.List, &km.Article, &km.Pager
	st, c, pk, cv := &km.Stories, &km.Compare, &km.Picker, &km.Coverage
	sv := &km.StoryView
	sb.WriteString("KEY            WHAT IT DOES                             [keys] ACTION\n\n")
	section("Everywhere", []*key.Binding{&g.Help, &g.Report, &g.Focus, &g.Quit})
	section("List", []*key.Binding{&l.Up, &l.Down, &l.PageUp, &l.PageDown, &l.HalfUp, &l.HalfDown, &l.Top, &l.Bottom,
		&l.Open, &l.Sort, &l.ToggleRead, &l.MarkStoryRead, &l.UnreadOnly, &l.Bookmark, &l.BookmarksOnly,
		&l.Copy, &l.OpenURL, &l.Edit, &st.Group, &st.Fold, &st.FoldAll, &st.Compare, &st.Pick, &st.Coverage, &st.View,
		&st.Move, &st.Split, &l.Search, &l.Quit})
	section("Article", []*key.Binding{&a.Up, &a.Down, &a.PageUp, &a.PageDown, &a.HalfUp, &a.HalfDown, &a.Top, &a.Bottom,
		&a.Next, &a.Prev, &a.ToggleRead, &a.MarkStoryRead, &a.Bookmark, &a.Boilerplate, &a.Copy, &a.OpenURL, &a.Edit,
		&st.Compare, &st.Pick, &st.Coverage, &st.View, &st.Move, &st.Split, &a.Find, &a.NextHit, &a.PrevHit, &a.Back})
	sk := &km.Search
	section("Search bar (other keys are typed into the query)", []*key.Binding{&sk.Down, &sk.Up, &sk.PageDown, &sk.PageUp, &sk.Open, &sk.Close})
	section("Help and load report", []*key.Binding{&p.Up, &p.Down, &p.PageUp, &p.PageDown, &p.Top, &p.Bottom, &p.Close})
	section("Comparison", []*key.Binding{&c.Up, &c.Down, &c.PageUp, &c.PageDown, &c.HalfUp, &c.HalfDown, &c.Top, &c.Bottom,
		&c.NextShared, &c.PrevShared, &c.NextOwn, &c.PrevOwn, &c.View, &c.Focus, &c.Sync, &c.Swap,
		&c.Search, &c.NextMatch, &c.PrevMatch, &c.SearchDone, &c.SearchCancel, &c.Open, &c.Export, &c.Back, &c.NextPair, &c.PrevPair})
	section("Choosing what to compare with", []*key.Binding{&pk.Up, &pk.Down, &pk.PageUp, &pk.PageDown, &pk.Top, &pk.Bottom, &pk.Mark, &pk.Filter, &pk.Choose, &pk.Back})
	section("Coverage", []*key.Binding{&cv.Up, &cv.Down, &cv.PageUp, &cv.PageDown, &cv.Top, &cv.Bottom,
		&cv.Left, &cv.Right, &cv.NextSection, &cv.View, &cv.DetailDown, &cv.DetailUp, &cv.Open, &cv.Export, &cv.Back})
	section("Story view", []*key.Binding{&sv.Up, &sv.Down, &sv.PageUp, &sv.PageDown, &sv.Top, &sv.Bottom,
		&sv.NextSection, &sv.PrevSection, &sv.Section, &sv.Open, &sv.Compare, &sv.CompareAll, &sv.Export, &sv.Back})
	fk := &km.Feeds
	section("Live news (when the reader shows your news)", []*key.Binding{&fk.Refresh, &fk.View})
	section("Feeds view", []*key.Binding{&fk.Up, &fk.Down, &fk.Top, &fk.Bottom, &fk.Filter, &fk.Refresh, &fk.Back})
	sb.WriteString("tab (switch pane) works when the terminal is wide enough for list and preview.\n")
	return sb.String()
}

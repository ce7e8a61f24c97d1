package ui

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"github.com/parallax-reader/parallax/ui/config"
)

func parseConfig(t *testing.T, text string) (config.Config, []config.Problem) {
	t.Helper()
	c, probs := config.Parse(text)
	if len(probs) > 0 {
		t.Fatalf("config does not parse: %v", probs)
	}
	return c, CheckConfig(&c, "config.toml")
}

func TestCheckConfigKeys(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		keys       map[string][]string // what remains, normalised
		problems   []string            // substrings, in order
	}{
		{"valid", "[keys]\ndown = [\"J\", \"Down\"]\nbookmark = \"space\"\npage_down = [\"PgDn\", \"ctrl+f\"]\nfold_story = \"x\"\n",
			map[string][]string{"down": {"J", "down"}, "bookmark": {" "}, "page_down": {"pgdown", "ctrl+f"}, "fold_story": {"x"}}, nil},
		{"clash with a default key of another action", "[keys]\nbookmark = \"space\"\n",
			map[string][]string{"bookmark": {" "}},
			[]string{"config.toml:2: key space is bound to bookmark and fold_story in the list",
				"config.toml:2: key space is bound to bookmark and page_down in the article"}},
		{"unknown action", "[keys]\nfly = \"f\"\n", map[string][]string{},
			[]string{`config.toml:2: unknown action "fly" in [keys] (ignored)`}},
		{"invalid keys dropped, valid ones kept", "[keys]\nsort = [\"ctrl+shift+s\", \"S\", \"\\u0007\"]\n",
			map[string][]string{"sort": {"S"}},
			[]string{`config.toml:2: keys.sort: "\a" is not a key`, `config.toml:2: keys.sort: "ctrl+shift+s" is not a key`}},
		{"all keys invalid", "[keys]\nhelp = [\"hyper+h\"]\n", map[string][]string{},
			[]string{`keys.help: "hyper+h" is not a key`}},
		{"ctrl+c is reserved", "[keys]\nquit = [\"ctrl+c\", \"Q\"]\n", map[string][]string{"quit": {"Q"}},
			[]string{"ctrl+c always quits"}},
		{"alt keys keep their case", "[keys]\nnext_article = \"alt+N\"\nprevious_article = \"ALT+p\"\n",
			map[string][]string{"next_article": {"alt+N"}, "previous_article": {"alt+p"}}, nil},
		{"clash with a default", "[keys]\nbookmark = \"s\"\n", map[string][]string{"bookmark": {"s"}},
			[]string{"config.toml:2: key s is bound to bookmark and sort in the list"}},
		{"moving a default away is not a clash", "[keys]\nbookmark = \"s\"\nsort = \"S\"\n",
			map[string][]string{"bookmark": {"s"}, "sort": {"S"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, probs := parseConfig(t, tc.text)
			if len(c.Keys) != len(tc.keys) {
				t.Errorf("keys %v, want %v", c.Keys, tc.keys)
			}
			for a, ks := range tc.keys {
				if !slices.Equal(c.Keys[a], ks) {
					t.Errorf("keys.%s = %q, want %q", a, c.Keys[a], ks)
				}
			}
			if len(probs) != len(tc.problems) {
				t.Fatalf("problems %v, want %d: %q", probs, len(tc.problems), tc.problems)
			}
			for i, p := range probs {
				if !strings.Contains(p.String(), tc.problems[i]) {
					t.Errorf("problem %d is %q, want it to contain %q", i, p, tc.problems[i])
				}
			}
		})
	}
}

// TestDefaultKeysDoNotClash: no key does two things in one place.
func TestDefaultKeysDoNotClash(t *testing.T) {
	for _, ctx := range newKeyMap().contexts() {
		owner := map[string]string{}
		for b, action := range ctx.bindings {
			if action == "" {
				t.Fatalf("a binding in %s has no action name", ctx.name)
			}
			for _, k := range b.Keys() {
				if o, ok := owner[k]; ok && o != action {
					t.Errorf("key %q is bound to %s and %s in %s", k, o, action, ctx.name)
				}
				owner[k] = action
			}
		}
	}
	// Every action name is documented for [keys] (README and KeyActions).
	if got := len(KeyActions()); got != len(newKeyMap().actions()) {
		t.Fatalf("KeyActions has %d names for %d actions (a name used twice?)", got, len(newKeyMap().actions()))
	}
}

func TestConfiguredKeysAndSortApplied(t *testing.T) {
	c, probs := parseConfig(t, "sort = \"title\"\ngroup_by_story = true\n[keys]\nbookmark = [\"b\"]\ndown = [\"J\"]\nhelp = \"H\"\n")
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, "key b is bound to bookmark and page_up in the article") {
		t.Fatalf("problems %v", probs)
	}
	hs := configuredHarness(t, Config{Settings: c}, nil, sampleArticles(), 80, 24)
	// Sorted by title: A very long…, Envoys…, Kremlin…, Markets…, Negotiators…
	hs.requireListed("beta", "alpha", "epsilon", "delta", "gamma")
	hs.requireContains("by title")
	if !hs.m.sh.groupByStory {
		t.Error("group_by_story not carried into the shared context")
	}
	hs.press("J", "b")
	hs.requireSelected("alpha")
	if !hs.bookmarked("alpha") {
		t.Fatal("b (configured) did not bookmark")
	}
	hs.press("*") // the default is replaced, not added to
	if !hs.bookmarked("alpha") {
		t.Fatal("* still toggles the bookmark after bookmark was rebound")
	}
	hs.press("j") // j is no longer down
	hs.requireSelected("alpha")
	hs.press("H")
	hs.requireMode(modeHelp)
	hs.requireContains("b         toggle bookmark")
	hs.requireContains("J      down")
	help := strings.Join(hs.m.pagerShown().body.lines, "\n") // the rest of the help, below the screen
	for _, want := range []string{"H      toggle help", "★ marks bookmarks (b toggles"} {
		if !strings.Contains(help, want) {
			t.Fatalf("help does not contain %q:\n%s", want, help)
		}
	}
	hs.press("esc")
	hs.requireContains("H help") // the header names the help key
}

func TestConfigProblemsShownOnceInStatus(t *testing.T) {
	probs := []config.Problem{
		{Path: "/home/u/.config/parallax/config.toml", Line: 3, Msg: `theme must be one of auto, dark, light; got "blue"`},
		{Path: "/home/u/.config/parallax/config.toml", Line: 9, Msg: `unknown action "fly" in [keys] (ignored)`},
	}
	hs := configuredHarness(t, Config{ConfigProblems: probs}, nil, sampleArticles(), 100, 24)
	hs.requireStatus(`config: config.toml:3: theme must be one of auto, dark, light; got "blue" (and 1 more: ! shows all)`)
	if !hs.m.status.isErr {
		t.Error("config problems are not shown as an error")
	}
	hs.press("j")
	if hs.m.status.text != "" {
		t.Fatalf("status after a key: %q", hs.m.status.text)
	}
	// The report shows every problem whole, the second one too, once each.
	hs.press("!")
	report := strings.Join(hs.m.pagerShown().body.lines, "\n")
	for _, want := range []string{`config.toml:3: theme must be one of auto, dark, light; got "blue"`, `config.toml:9: unknown action "fly" in [keys] (ignored)`} {
		if n := strings.Count(report, want); n != 1 {
			t.Fatalf("the report shows %q %d times:\n%s", want, n, report)
		}
	}
}

// TestStatusMessageWinsAt80: at 80 columns a long message pushes the
// counters out, ends with how to read it whole, and the report has it
// whole; key hints are whole or left out.
func TestStatusMessageWinsAt80(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	long := "exported to /home/reader/.local/share/parallax/exports/compare-global-espreso-vs-fundacion-rapala.md"
	hs.send(statusMsg{text: long})
	line := lastLine(hs.view())
	if !strings.Contains(line, " exported to /home/reader/.local/share/parallax/exp") || !strings.Contains(line, "(! shows all)") {
		t.Fatalf("status line %q", line)
	}
	if strings.Contains(line, "unread") {
		t.Fatalf("the counters squeezed the message: %q", line)
	}
	hs.press("!")
	if report := strings.Join(hs.m.pagerShown().body.lines, ""); !strings.Contains(strings.ReplaceAll(report, " ", ""), strings.ReplaceAll(long, " ", "")) {
		t.Fatalf("the report does not have the message whole:\n%s", report)
	}
	hs.press("esc")
	// Hints: every one shown is whole (its description is one of the key map's).
	hs = articlesHarness(t, sampleArticles(), 80, 24)
	hs.send(statusMsg{}) // nothing: hints
	line = strings.TrimSpace(lastLine(hs.view()))
	descs := map[string]bool{}
	for _, b := range (listHelp{hs.m.sh.keys, false}).ShortHelp() {
		descs[b.Help().Key+" "+b.Help().Desc] = true
	}
	hints := strings.Split(strings.SplitN(line, "   ", 2)[0], " · ")
	for _, h := range hints {
		h = strings.TrimSuffix(strings.TrimSpace(h), " …")
		if !descs[h] {
			t.Fatalf("hint %q is cut (line %q)", h, line)
		}
	}
}

func lastLine(v string) string {
	ls := strings.Split(v, "\n")
	return ls[len(ls)-1]
}

func TestChooseLook(t *testing.T) {
	for _, tc := range []struct {
		theme, glamour string
		noColor        bool
		detected       bool
		want           look
		detects        bool
	}{
		{"", "", false, true, look{dark: true, color: true, glamour: "dark"}, true},
		{"auto", "auto", false, false, look{dark: false, color: true, glamour: "light"}, true},
		{"dark", "auto", false, false, look{dark: true, color: true, glamour: "dark"}, false},
		{"light", "", false, true, look{dark: false, color: true, glamour: "light"}, false},
		{"light", "dracula", false, true, look{dark: false, color: true, glamour: "dracula"}, false},
		{"auto", "tokyo-night", false, false, look{dark: false, color: true, glamour: "tokyo-night"}, true},
		{"dark", "dracula", true, false, look{dark: true, color: false, glamour: "notty"}, false}, // NO_COLOR wins
		{"auto", "auto", true, false, look{dark: true, color: false, glamour: "notty"}, false},
	} {
		asked := false
		got := chooseLook(tc.theme, tc.glamour, tc.noColor, func() bool { asked = true; return tc.detected })
		if got != tc.want || asked != tc.detects {
			t.Errorf("chooseLook(%q, %q, noColor=%v) = %+v (asked terminal: %v), want %+v (%v)",
				tc.theme, tc.glamour, tc.noColor, got, asked, tc.want, tc.detects)
		}
	}
}

func TestColorOverrides(t *testing.T) {
	p := newPalette(true, true, map[string]string{"accent": "#ff8800", "muted": "240", "highlight": "#123"})
	if p.accent != lipgloss.Color("#ff8800") || p.muted != lipgloss.Color("240") || p.highlight != lipgloss.Color("#123") || p.highlightDim != lipgloss.Color("#123") {
		t.Fatalf("overrides not applied: %+v", p)
	}
	def := newPalette(true, true, nil)
	if p.errC != def.errC || p.subtle != def.subtle {
		t.Fatal("colours that were not overridden changed")
	}
	st := buildStyles(p, true)
	if st.Title.GetForeground() != lipgloss.Color("#ff8800") || st.Meta.GetForeground() != lipgloss.Color("240") ||
		st.Selected.GetBackground() != lipgloss.Color("#123") {
		t.Fatal("styles do not use the overridden colours")
	}
	// Light and dark defaults differ; NO_COLOR ignores overrides.
	if newPalette(false, true, nil).accent == def.accent {
		t.Error("light and dark themes share the accent colour")
	}
	if nc := newPalette(true, false, map[string]string{"accent": "#ff8800"}); nc.accent != (lipgloss.NoColor{}) {
		t.Errorf("NO_COLOR palette has accent %v", nc.accent)
	}
}

// Every colour name the configuration accepts changes the palette (a name
// added to config.ColorNames without a place in newPalette would be a
// setting that silently does nothing).
func TestEveryColorNameOverrides(t *testing.T) {
	def := newPalette(true, true, nil)
	for _, name := range config.ColorNames {
		if p := newPalette(true, true, map[string]string{name: "#010203"}); reflect.DeepEqual(p, def) {
			t.Errorf("[colors] %s changes nothing", name)
		}
	}
	st := buildStyles(newPalette(true, true, map[string]string{"hit": "#010203", "current-hit": "#040506"}), true)
	if st.Hit.GetBackground() != lipgloss.Color("#010203") || st.HitCurrent.GetBackground() != lipgloss.Color("#040506") {
		t.Error("search hits do not use the configured colours")
	}
}

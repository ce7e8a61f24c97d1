package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseGood(t *testing.T) {
	c, probs := Parse(`
# comment
sort = "Outlet"
group_by_story = true
theme = "light"
glamour_style = "dracula"
max_file_size = "5MB"
cache = false
mouse = true

[colors]
accent = "#ff8800"
muted = "244"

[keys]
quit = ["q", "ctrl+q"]
search = "/"
`)
	if len(probs) != 0 {
		t.Fatalf("problems: %v", probs)
	}
	want := Default()
	want.Sort, want.GroupByStory, want.Theme, want.GlamourStyle = "outlet", true, "light", "dracula"
	want.MaxFileSize, want.Cache, want.Mouse = 5<<20, false, true
	want.Colors = map[string]string{"accent": "#ff8800", "muted": "244"}
	want.Keys = map[string][]string{"quit": {"q", "ctrl+q"}, "search": {"/"}}
	c.keyLines, want.keyLines = nil, nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got  %+v\nwant %+v", c, want)
	}
}

func TestParseBadValuesAreReportedWithLineAndIgnored(t *testing.T) {
	c, probs := Parse(`sort = "popularity"
theme = 3
cache = "yes"
max_file_size = -1
wat = 1

[colors]
accent = "orange"
nosuch = "#fff"

[keys]
quit = []
`)
	got := map[int]string{}
	for _, p := range probs {
		got[p.Line] = p.Msg
	}
	for line, frag := range map[int]string{1: "sort must be one of", 2: "theme must be", 3: "cache must be true or false",
		4: "max_file_size", 5: `unknown option "wat"`, 8: "colour accent", 9: `unknown colour "nosuch"`, 12: "keys.quit"} {
		if !strings.Contains(got[line], frag) {
			t.Errorf("line %d: got %q, want it to mention %q (all: %v)", line, got[line], frag, probs)
		}
	}
	d := Default()
	if c.Sort != d.Sort || c.Theme != d.Theme || c.Cache != d.Cache || c.MaxFileSize != d.MaxFileSize || len(c.Colors) != 0 || len(c.Keys) != 0 {
		t.Errorf("bad values must leave defaults: %+v", c)
	}
}

func TestParseSyntaxError(t *testing.T) {
	c, probs := Parse("sort = \"date\"\ntheme = \n")
	if len(probs) != 1 || probs[0].Line != 2 || !strings.Contains(probs[0].Msg, "not valid TOML") {
		t.Fatalf("problems: %v", probs)
	}
	if c.Sort != "date" {
		t.Error("defaults expected")
	}
}

func TestLoadMissingAndPrintRoundTrip(t *testing.T) {
	dir := t.TempDir()
	c, probs := Load(filepath.Join(dir, "none.toml"))
	if len(probs) != 0 || c.Sort != "date" {
		t.Fatalf("missing file: %v %+v", probs, c)
	}
	c.Sort, c.Theme = "title", "dark"
	c.Colors["accent"] = "#123456"
	c.Keys["quit"] = []string{"x"}
	p := filepath.Join(dir, "config.toml")
	os.WriteFile(p, []byte(c.TOML()), 0o644)
	back, probs := Load(p)
	if len(probs) != 0 {
		t.Fatalf("round trip problems: %v\n%s", probs, c.TOML())
	}
	back.keyLines, c.keyLines = nil, nil
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, c)
	}
}

func TestCheckKeys(t *testing.T) {
	c, _ := Parse("[keys]\nquit = \"x\"\nfly = \"f\"\n")
	probs := c.CheckKeys("cfg", func(a string) bool { return a == "quit" })
	if len(probs) != 1 || probs[0].Line != 3 || !strings.Contains(probs[0].Msg, `"fly"`) {
		t.Fatalf("problems: %v", probs)
	}
	if _, ok := c.Keys["fly"]; ok {
		t.Error("unknown action kept")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("sort = \"date\"\n[keys]\nquit = [\"q\"]\n")
	f.Add("[colors]\naccent = 7\n")
	f.Add("a = [1, {b = 2}]\n")
	f.Fuzz(func(t *testing.T, text string) {
		c, probs := Parse(text)
		if c.MaxFileSize <= 0 || !contains(SortChoices, c.Sort) || !contains(ThemeChoices, c.Theme) {
			t.Fatalf("invalid effective config %+v", c)
		}
		for _, p := range probs {
			if p.Msg == "" {
				t.Fatal("problem without message")
			}
		}
	})
}

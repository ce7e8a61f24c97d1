package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/ui"
)

// TestEveryCommandHasHelpWithExamples holds for commands added later too.
func TestEveryCommandHasHelpWithExamples(t *testing.T) {
	code, top, _ := run(t, "--help")
	if code != 0 {
		t.Fatalf("--help exits %d", code)
	}
	for _, want := range []string{"usage: parallax", "Commands:", "Global flags:", "Help topics", "Examples:", "Files:", "--version", "--print-config"} {
		if !strings.Contains(top, want) {
			t.Errorf("parallax --help lacks %q", want)
		}
	}
	for _, c := range commandTable() {
		name := c.name
		if c.hidden {
			continue
		}
		if !strings.Contains(top, "\n  "+name+" ") {
			t.Errorf("parallax --help does not list %s", name)
		}
		code, out, _ := run(t, "help", name)
		if code != 0 || !strings.HasPrefix(out, "usage: parallax "+name) {
			t.Errorf("help %s: %d %q", name, code, out)
			continue
		}
		_, ex, ok := strings.Cut(out, "Examples:\n")
		if !ok || !strings.Contains(ex, "parallax "+name) {
			t.Errorf("help %s has no examples of parallax %s:\n%s", name, name, out)
		}
		// `parallax NAME --help` prints the same page.
		if code, same, _ := run(t, name, "--help"); code != 0 || same != out {
			t.Errorf("%s --help differs from help %s (exit %d)", name, name, code)
		}
	}
	for topic := range helpTopics {
		if !strings.Contains(top, "\n  "+topic+" ") {
			t.Errorf("parallax --help does not list the topic %s", topic)
		}
	}
}

func TestHelpTopics(t *testing.T) {
	code, out, _ := run(t, "help", "keys")
	for _, want := range []string{"bookmark", "bookmarks_only", "unread_only", "mark_story_read", "copy", "edit", "open_url", "ctrl+c"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help keys lacks %q", want)
		}
	}
	for _, action := range ui.KeyActions() {
		if !strings.Contains(out, " "+action+"\n") {
			t.Errorf("help keys does not name the action %s", action)
		}
	}
	code, out, _ = run(t, "help", "config")
	for _, want := range []string{"sort", "group_by_story", "theme", "glamour_style", "max_file_size", "cache", "mouse", "[colors]", "[keys]", "NO_COLOR"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("help config lacks %q", want)
		}
	}
	if code, _, errOut := run(t, "help", "nothing"); code != 2 || !strings.Contains(errOut, `no command "nothing"`) {
		t.Errorf("help nothing: %d %q", code, errOut)
	}
}

func TestHelpKeysShowsConfiguredKeys(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("[keys]\nbookmark = [\"*\", \"+\"]\n"), 0o644)
	var out bytes.Buffer
	Main([]string{"help", "keys"}, Env{Stdout: &out, Stderr: &bytes.Buffer{}, ConfigPath: cfg})
	if !strings.Contains(out.String(), "*/+            toggle bookmark") {
		t.Fatalf("help keys ignores the configured keys:\n%s", out.String())
	}
}

func TestReaderGetsTheConfiguration(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("sort = \"title\"\ntheme = \"light\"\n[colors]\naccent = \"#ff0000\"\n[keys]\nbookmark = \"space\"\nfly = \"f\"\nsort = \"hyper+s\"\n"), 0o644)
	var got ui.Config
	var errb bytes.Buffer
	env := Env{Stdout: &bytes.Buffer{}, Stderr: &errb, ConfigPath: cfg, Interactive: true,
		Seeds: os.DirFS(filepath.Join("..", "..", "seeds")),
		RunUI: func(c ui.Config) error { got = c; return nil }}
	if code := Main(nil, env); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	s := got.Settings
	if s.Sort != "title" || s.Theme != "light" || s.Colors["accent"] != "#ff0000" {
		t.Errorf("settings not passed: %+v", s)
	}
	if len(s.Keys) != 1 || len(s.Keys["bookmark"]) != 1 || s.Keys["bookmark"][0] != " " {
		t.Errorf("keys not checked and normalised: %q", s.Keys)
	}
	// Printed before the reader starts, and handed to it for the status line.
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	if len(got.ConfigProblems) != 4 || len(lines) != 4 {
		t.Fatalf("problems: %v\nstderr:\n%s", got.ConfigProblems, errb.String())
	}
	for i, want := range []string{
		cfg + ":6: key space is bound to bookmark and fold_story in the list",
		cfg + ":6: key space is bound to bookmark and page_down in the article",
		cfg + `:7: unknown action "fly"`,
		cfg + `:8: keys.sort: "hyper+s" is not a key`,
	} {
		if !strings.HasPrefix(lines[i], "parallax: config: "+want) {
			t.Errorf("stderr line %d: %q, want %q", i, lines[i], want)
		}
	}
}

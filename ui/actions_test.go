package ui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
)

// refusingSystem is the system of every test unless a test says otherwise:
// nothing reaches the real clipboard, browser or editor. Its temporary
// files go to tempDir.
func refusingSystem(t *testing.T, tempDir string) system {
	return system{
		copy:   func(string) error { return errors.New("no clipboard in tests") },
		opener: func(string) (*exec.Cmd, error) { return nil, errors.New("no opener in tests") },
		start:  func(*exec.Cmd) error { t.Error("started a process in a test"); return nil },
		editor: func(string) (*exec.Cmd, error) { return nil, errors.New("no editor in tests") },
		exec: func(*exec.Cmd, tea.ExecCallback) tea.Cmd {
			t.Error("ran a process in a test")
			return nil
		},
		tempDir: tempDir,
	}
}

func withURL(u string) []*corpus.Article {
	arts := sampleArticles()
	arts[2].URL = u // gamma, the first row
	return arts
}

func TestCopyURL(t *testing.T) {
	var copied []string
	fake := func(sh *shared) {
		sh.sys.copy = func(s string) error { copied = append(copied, s); return nil }
	}
	hs := configuredHarness(t, Config{}, fake, withURL("https://example.com/news/1"), 80, 24)
	hs.press("y")
	if !slices.Equal(copied, []string{"https://example.com/news/1"}) {
		t.Fatalf("copied %q, want the url", copied)
	}
	hs.requireStatus("copied url https://example.com/news/1")

	// Without a url, the article as Markdown; from the article pane too.
	hs.press("j", "enter", "y")
	if len(copied) != 2 || !strings.HasPrefix(copied[1], "# A very long headline") || !strings.Contains(copied[1], "Security guarantees") {
		t.Fatalf("copied %q, want the article as Markdown", copied[len(copied)-1])
	}
	hs.requireStatus("copied the article as Markdown (")
}

func TestCopyErrors(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{errTooLongToCopy, "too long for the terminal clipboard"},
		{errors.New("broken pipe"), "could not copy: broken pipe"},
	} {
		fake := func(sh *shared) { sh.sys.copy = func(string) error { return tc.err } }
		hs := configuredHarness(t, Config{}, fake, sampleArticles(), 80, 24)
		hs.press("y")
		hs.requireStatus(tc.want)
		if !hs.m.status.isErr {
			t.Errorf("%v: status is not an error", tc.err)
		}
	}
}

func TestOSC52(t *testing.T) {
	text := "caf\u00e9 \x1b]0;evil\a \u202e end" // even hostile text cannot escape base64
	var buf bytes.Buffer
	if err := writeOSC52(&buf, text); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\x1b]52;c;") || !strings.HasSuffix(out, "\a") {
		t.Fatalf("not an OSC 52 sequence: %q", out)
	}
	if strings.Count(out, "\x1b") != 1 || strings.Count(out, "\a") != 1 {
		t.Fatalf("payload leaked control characters: %q", out)
	}
	dec, err := base64.StdEncoding.DecodeString(strings.TrimSuffix(strings.TrimPrefix(out, "\x1b]52;c;"), "\a"))
	if err != nil || string(dec) != text {
		t.Fatalf("payload decodes to %q (%v), want %q", dec, err, text)
	}
	buf.Reset()
	if err := writeOSC52(&buf, strings.Repeat("x", maxClipboardBytes+1)); !errors.Is(err, errTooLongToCopy) || buf.Len() != 0 {
		t.Fatalf("oversized copy: err %v, wrote %d bytes", err, buf.Len())
	}
}

func TestOpenURL(t *testing.T) {
	for _, tc := range []struct {
		url, status string
		opened      bool
	}{
		{"https://example.com/a?b=c&d=e", "opened https://example.com/a?b=c&d=e", true},
		{"HTTP://example.com/x", "opened HTTP://example.com/x", true},
		{"", "this article has no url", false},
		{"javascript:alert(1)", "only http and https urls are opened", false},
		{"file:///etc/passwd", "only http and https urls are opened", false},
		{"/relative/path", "not a web address", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			var got []string
			started := 0
			fake := func(sh *shared) {
				sh.sys.opener = func(u string) (*exec.Cmd, error) {
					got = append(got, u)
					return exec.Command("opener", u), nil
				}
				sh.sys.start = func(c *exec.Cmd) error { started++; return nil }
			}
			hs := configuredHarness(t, Config{}, fake, withURL(tc.url), 80, 24)
			hs.press("O")
			hs.requireStatus(tc.status)
			if tc.opened != (started == 1) || tc.opened && !slices.Equal(got, []string{tc.url}) {
				t.Fatalf("opener got %q, started %d times; want opened=%v", got, started, tc.opened)
			}
			if hs.m.status.isErr == tc.opened {
				t.Errorf("status error = %v for %q", hs.m.status.isErr, tc.status)
			}
		})
	}
}

func TestOpenURLWithoutOpener(t *testing.T) {
	hs := articlesHarness(t, withURL("https://example.com/"), 80, 24) // refusingSystem: no opener
	hs.press("enter", "O")
	hs.requireStatus("no opener in tests")
}

// fakeBin writes an executable shell script called name into a folder that
// becomes the whole PATH.
func fakeBin(t *testing.T, names ...string) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts")
	}
	dir := t.TempDir()
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	return dir
}

func TestSystemOpenerPassesURLAsOneArgument(t *testing.T) {
	name := map[string]string{"darwin": "open", "linux": "xdg-open", "freebsd": "xdg-open"}[runtime.GOOS]
	if name == "" {
		t.Skip("no opener test for " + runtime.GOOS)
	}
	dir := fakeBin(t, name)
	u := "https://example.com/a b;$(rm -rf ~)&c"
	c, err := systemOpener(u)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(dir, name), u}; !slices.Equal(c.Args, want) {
		t.Fatalf("opener args %q, want %q", c.Args, want)
	}
	fakeBin(t) // an empty PATH
	if _, err := systemOpener(u); err == nil || !strings.Contains(err.Error(), name+" was not found") {
		t.Fatalf("no opener: err %v", err)
	}
}

func TestEditorCommand(t *testing.T) {
	dir := fakeBin(t, "vi", "myed", "visual")
	for _, tc := range []struct {
		editor, visual string
		want           []string
	}{
		{"myed --wait -n", "visual", []string{filepath.Join(dir, "myed"), "--wait", "-n", "/tmp/a.md"}},
		{"", "visual", []string{filepath.Join(dir, "visual"), "/tmp/a.md"}},
		{"", "", []string{filepath.Join(dir, "vi"), "/tmp/a.md"}},
	} {
		t.Setenv("EDITOR", tc.editor)
		t.Setenv("VISUAL", tc.visual)
		c, err := editorCommand("/tmp/a.md")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(c.Args, tc.want) {
			t.Errorf("EDITOR=%q VISUAL=%q: args %q, want %q", tc.editor, tc.visual, c.Args, tc.want)
		}
	}
	t.Setenv("EDITOR", "nosuch")
	if _, err := editorCommand("/tmp/a.md"); err == nil || !strings.Contains(err.Error(), "nosuch was not found") {
		t.Fatalf("missing editor: %v", err)
	}
}

func TestEditOpensReadOnlyCopy(t *testing.T) {
	var seen string
	fake := func(sh *shared) {
		sh.sys.editor = func(path string) (*exec.Cmd, error) { return exec.Command("editor", path), nil }
		sh.sys.exec = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
			// What the editor sees while it runs.
			path := c.Args[len(c.Args)-1]
			st, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode().Perm() != 0o400 {
				t.Errorf("editor copy has mode %v, want 0400 (read-only, the owner's only)", st.Mode().Perm())
			}
			if dst, _ := os.Stat(filepath.Dir(path)); dst.Mode().Perm() != 0o700 || filepath.Dir(path) == sh.sys.tempDir {
				t.Errorf("editor copy is in %s (mode %v), want a private folder of its own", filepath.Dir(path), dst.Mode().Perm())
			}
			data, _ := os.ReadFile(path)
			seen = string(data)
			if filepath.Base(path) != "article.md" || strings.Contains(strings.ToLower(path), "envoys") {
				t.Errorf("copy is named %s; want a neutral name that tells nothing of the article", path)
			}
			return func() tea.Msg { return done(nil) }
		}
	}
	hs := configuredHarness(t, Config{}, fake, sampleArticles(), 80, 24)
	hs.press("j", "j", "enter", "E")
	if !strings.HasPrefix(seen, "# Envoys report progress after marathon talks in Florida") || !strings.Contains(seen, "## What was agreed") {
		t.Fatalf("editor saw %q", seen)
	}
	left, _ := filepath.Glob(filepath.Join(hs.m.sh.sys.tempDir, "*"))
	if len(left) != 0 {
		t.Fatalf("editor copies left behind: %v", left)
	}
	hs.requireMode(modeArticle)
	if hs.m.status.isErr {
		t.Fatalf("status after editing: %q", hs.m.status.text)
	}
}

func TestEditErrors(t *testing.T) {
	// No editor: the copy is removed and the reason shown.
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.press("E")
	hs.requireStatus("no editor in tests")
	if left, _ := filepath.Glob(filepath.Join(hs.m.sh.sys.tempDir, "*")); len(left) != 0 {
		t.Fatalf("copies left behind: %v", left)
	}
	// The editor fails: its error is shown.
	fake := func(sh *shared) {
		sh.sys.editor = func(path string) (*exec.Cmd, error) { return exec.Command("editor", path), nil }
		sh.sys.exec = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
			return func() tea.Msg { return done(errors.New("exit status 3")) }
		}
	}
	hs = configuredHarness(t, Config{}, fake, sampleArticles(), 80, 24)
	hs.press("E")
	hs.requireStatus("editor: exit status 3")
}

package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// The command line is strict: a mistyped command, a missing PATH, an extra
// article, a bad flag or query each say what is wrong, with the exit status
// a script can tell apart (2: usage, 1: failure), and a missing PATH does not
// stop the others from loading.
func TestArgumentsAreStrict(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("A Fine Headline Here\n\nBody text about trump."), 0o644)
	missing := filepath.Join(dir, "gone.html")
	cases := []struct {
		name      string
		args      []string
		code      int
		stdout    string // contained, "" for empty
		stderr    []string
		notStderr []string
	}{
		{"mistyped command", []string{"serch", "trump", dir}, 2, "", []string{`unknown command "serch"`, "did you mean search?"}, []string{"skipped"}},
		{"mistyped command, no suggestion", []string{"zzzzzz"}, 2, "", []string{`unknown command "zzzzzz"`}, []string{"did you mean"}},
		{"prefix of a command", []string{"cov", "1"}, 2, "", []string{"did you mean coverage?"}, nil},
		{"missing path among good ones", []string{"list", dir, missing}, 1, "A Fine Headline Here", []string{missing + ": no such file or directory"}, []string{"no longer exists", "no articles found"}},
		{"only a missing path", []string{"list", missing}, 1, "", []string{missing + ": no such file or directory"}, nil},
		{"missing path, no command", []string{dir, missing}, 1, "A Fine Headline Here", []string{"no such file or directory"}, nil},
		{"a third article to compare", []string{"compare", "1", "2", "3"}, 0, "reported by all 3 articles", nil, []string{"neither a file"}},
		{"a third article that does not exist", []string{"compare", "1", "2", "9"}, 1, "", []string{"9"}, nil},
		{"a second article to show", []string{"show", "1", "2"}, 2, "", []string{"show takes one article", "usage: parallax show"}, nil},
		{"double-dash flag", []string{"list", "--bogus"}, 2, "", []string{"unknown flag: --bogus"}, []string{" -bogus"}},
		{"double-dash global flag", []string{"--bogus", "list"}, 2, "", []string{"unknown flag: --bogus"}, []string{" -bogus"}},
		{"bad flag value", []string{"search", "--limit", "x", "y"}, 2, "", []string{`for flag --limit`}, nil},
		{"single-dash flag stays", []string{"list", "-bogus"}, 2, "", []string{"unknown flag: -bogus"}, []string{"goes after"}},
		{"query starting with a dash", []string{"search", "-moscow"}, 2, "", []string{`unknown flag: -moscow (an operand that starts with "-" goes after "--": parallax search -- -moscow)`}, nil},
		{"query after --", []string{"search", "--", "-moscow"}, 0, "1. ", nil, nil},
		{"unbalanced quote", []string{"search", `"peace plan`}, 2, "", []string{"invalid query: unbalanced quote", "\n  \"peace plan\n  ^\n"}, []string{"at 0"}},
		{"caret under the quote", []string{"search", `talks "peace`}, 2, "", []string{"\n  talks \"peace\n        ^\n"}, nil},
		{"empty query", []string{"search", " "}, 2, "", []string{"empty query"}, []string{"no article matches"}},
		{"mistyped help", []string{"help", "serch"}, 2, "", []string{"did you mean search?"}, nil},
		{"loading flags after the command", []string{"list", "--no-cache", "--verbose", dir}, 0, "A Fine Headline Here", nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := run(t, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, c.code, errOut)
			}
			if (c.stdout == "") != (out == "") || !strings.Contains(out, c.stdout) {
				t.Errorf("stdout %q, want it to hold %q", out, c.stdout)
			}
			for _, w := range c.stderr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			for _, w := range c.notStderr {
				if strings.Contains(errOut, w) {
					t.Errorf("stderr has %q:\n%s", w, errOut)
				}
			}
		})
	}
}

// A folder with many copies of one file reports them on one line; a kind
// with a few files lists them; --verbose lists every one.
func TestSkipSummaryPerKind(t *testing.T) {
	dir := t.TempDir()
	doc := []byte("A Fine Headline Here\n\nBody text, copied many times.")
	for i := range 12 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("copy%02d.txt", i)), doc, 0o644)
	}
	for i := range 5 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("empty%d.txt", i)), nil, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte{0, 1, 2, 3}, 0o644)
	code, out, errOut := run(t, "list", dir)
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	want := []string{
		"skipped " + filepath.Join(dir, "bin.txt") + ": binary file, not text",
		"skipped 11 duplicates of files already loaded (--verbose lists them)",
		"skipped 5 files: empty file (--verbose lists them)",
	}
	if got := strings.Split(strings.TrimSpace(errOut), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, strings.Join(want, "\n"))
	}
	_, _, verbose := run(t, "--verbose", "list", dir)
	if n := strings.Count(verbose, "duplicate of "); n != 11 || strings.Count(verbose, ": empty file") != 5 || strings.Contains(verbose, "--verbose") {
		t.Errorf("--verbose lists %d duplicates:\n%s", n, verbose)
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	cases := []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.4.1"}}, "v0.4.1"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "871ace7c0ffee1234567", "vcs.time", "2026-12-02T09:00:00Z", "vcs.modified", "false")},
			"revision 871ace7c0ffe of 2026-12-02T09:00:00Z, go1.26.8"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "871ace7", "vcs.modified", "true")},
			"revision 871ace7 (modified), go1.26.8"},
		{debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}},
			"(devel, built with go1.26.8 without version control information: build in a git checkout without -buildvcs=false)"},
	}
	for _, c := range cases {
		if got := versionOf(&c.bi); got != c.want {
			t.Errorf("versionOf(%v) = %q, want %q", c.bi.Settings, got, c.want)
		}
	}
	if code, out, _ := run(t, "--version"); code != 0 || out != "parallax "+Version()+"\n" || strings.Contains(out, "parallax devel\n") {
		t.Errorf("--version: %d %q", code, out)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"serch", "search", 1}, {"", "list", 4}, {"compare", "compare", 0}, {"stroies", "stories", 2}, {"ñu", "nu", 1}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

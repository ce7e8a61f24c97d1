package ui

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// The screen captures in README.md are golden views: each is a fenced block
// right under a comment naming its golden file,
//
//	<!-- golden: ui/testdata/TestGoldenStoryViews/160x45/compare.golden -->
//
// and TestReadmeCaptures fails when a block differs from its file, so a
// capture cannot go stale. `go test ./ui -run 'TestGolden|TestReadme' -update`
// rewrites the goldens and then the README blocks from them (run it twice if
// a golden changed: the README test may run before the golden test that
// rewrites the file).

// readmeGolden matches the marker comment, the fence line after it, the block
// and its closing fence (the same fence, so a block may hold shorter ones).
var readmeGolden = regexp.MustCompile("(?m)^<!-- golden: (\\S+) -->\n(```+)[^\n]*\n((?s:.*?))^(```+)[ \t]*$")

// captureText is what a capture shows of a view: plain text without trailing
// blanks (editors strip them, and they are invisible in a capture anyway).
func captureText(view string) string {
	lines := strings.Split(strings.TrimRight(ansi.Strip(view), "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n") + "\n"
}

type readmeCapture struct {
	golden     string // path of the golden file, from the repository root
	start, end int    // the block's content in the README, in bytes
}

func readmeCaptures(readme string) []readmeCapture {
	var caps []readmeCapture
	for _, m := range readmeGolden.FindAllStringSubmatchIndex(readme, -1) {
		if readme[m[4]:m[5]] != readme[m[8]:m[9]] {
			continue // a longer closing fence belongs to an outer block; not ours
		}
		caps = append(caps, readmeCapture{golden: readme[m[2]:m[3]], start: m[6], end: m[7]})
	}
	return caps
}

func TestReadmeCaptures(t *testing.T) {
	readmePath := filepath.Join("..", "README.md")
	raw, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	caps := readmeCaptures(readme)
	if len(caps) == 0 {
		t.Fatal("README.md has no `<!-- golden: FILE -->` capture; the captures must come from golden views")
	}
	if bare := strings.Count(readme, "\n```text\n") - strings.Count(readme, "-->\n```text\n"); bare > 0 {
		t.Errorf("README.md has %d ```text block(s) without a golden marker: a capture must name its golden file", bare)
	}
	update := flag.Lookup("update") != nil && flag.Lookup("update").Value.String() == "true"
	var out strings.Builder
	last := 0
	for _, c := range caps {
		g, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(c.golden)))
		if err != nil {
			t.Errorf("README capture names %s: %v", c.golden, err)
			continue
		}
		want := captureText(string(g))
		got := readme[c.start:c.end]
		out.WriteString(readme[last:c.start])
		out.WriteString(want)
		last = c.end
		if got != want && !update {
			t.Errorf("README capture of %s is out of date (run `go test ./ui -run TestReadme -update`):\n%s",
				c.golden, firstDifference(got, want))
		}
	}
	out.WriteString(readme[last:])
	if update && out.String() != readme {
		if err := os.WriteFile(readmePath, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// firstDifference names the first line where a capture and its golden part.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + "\n  README: " + gl + "\n  golden: " + wl
		}
	}
	return ""
}

func TestReadmeCapturesParsing(t *testing.T) {
	doc := "intro\n<!-- golden: a.golden -->\n```text\nX \n```\n\n```sh\nnot a capture\n```\n" +
		"<!-- golden: b.golden -->\n````\nwith ``` inside\n````\n"
	caps := readmeCaptures(doc)
	if len(caps) != 2 {
		t.Fatalf("found %d captures, want 2: %+v", len(caps), caps)
	}
	for i, want := range []struct{ golden, body string }{{"a.golden", "X \n"}, {"b.golden", "with ``` inside\n"}} {
		if caps[i].golden != want.golden || doc[caps[i].start:caps[i].end] != want.body {
			t.Errorf("capture %d = %s %q, want %s %q", i, caps[i].golden, doc[caps[i].start:caps[i].end], want.golden, want.body)
		}
	}
	if got := captureText("\x1b[1mA\x1b[0m  \nB\n"); got != "A\nB\n" {
		t.Errorf("captureText = %q", got)
	}
}

// TestGoldenReadmeViews are the README's captures of the list and the article
// on the seeds at 80x24: one article bookmarked and read, another read.
func TestGoldenReadmeViews(t *testing.T) {
	// By keys only, as a reader would: the status line is part of the view.
	prepare := func(hs *harness) {
		hs.press("j", "*", "enter", "esc", "j", "j", "enter", "esc", "k", "k")
		if !strings.HasPrefix(hs.selectedID(), seedRapala) {
			t.Fatalf("selected %s, want seed %s", hs.selectedID(), seedRapala)
		}
	}
	for _, st := range []struct {
		name string
		keys []string
	}{{"list", nil}, {"article", []string{"enter"}}} {
		t.Run("80x24/"+st.name, func(t *testing.T) {
			hs := seedsHarness(t, 80, 24)
			prepare(hs)
			hs.press(st.keys...)
			golden.RequireEqual(t, hs.view())
		})
	}
}

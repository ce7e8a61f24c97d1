package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/storyedits"
)

func TestCompareText(t *testing.T) {
	code, out, errb := run(t, "compare", "000", "001")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{
		"A  000_b8494e57d3896bdc  global.espreso.tv",
		"of A is in B",
		"B retells most of A in other words: a rewrite",
		"ruin the potential solution", // quoted by both: quoting, not copying
		"\nQuotes\n", "\nNames\n", "\nNumbers\n",
		"Marco Rubio (person)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "«ruin the potential solution»") {
		t.Errorf("wording both articles quote is not copying and must not be marked «copied»")
	}
	// The whole text, pinned: the comparison renderer is shared with the
	// reader's pane and its Markdown export.
	golden.RequireEqual(t, out)
}

// TestCompareTextCopied pins the text of a pair with wording copied word
// for word, which is marked «so».
func TestCompareTextCopied(t *testing.T) {
	code, out, errb := run(t, "compare", "000", "004")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	if !strings.Contains(out, "«") {
		t.Fatalf("no copied wording marked:\n%s", out)
	}
	golden.RequireEqual(t, out)
}

func TestCompareJSON(t *testing.T) {
	code, out, errb := run(t, "compare", "--json", "000", "001")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var c struct {
		A, B struct {
			ID, Outlet, Title string
		}
		Similarity float64
		Rows       []struct {
			A, B *struct {
				Sentences []int
				Text      string
			}
			Score    float64
			Evidence []string
			Shared   []struct {
				Kind string
				A, B struct {
					Sentence, Start, End int
					Text                 string
				}
			}
		}
		Quotes []struct {
			Text string
			A, B *struct{ Text string }
		}
		Numbers []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if c.A.ID != "000_b8494e57d3896bdc" || c.B.Outlet != "Fundacion Rapala" || c.Similarity <= 0 || c.Similarity > 1 {
		t.Errorf("header: %+v %+v %v", c.A, c.B, c.Similarity)
	}
	gaps, matched := 0, 0
	for _, r := range c.Rows {
		switch {
		case r.A == nil || r.B == nil:
			gaps++
			if r.Score != 0 {
				t.Errorf("gap with a score: %+v", r)
			}
		default:
			matched++
			// A row is aligned on evidence: words both sides share
			// outside attribution, each in the A side's text.
			if len(r.Evidence) == 0 {
				t.Errorf("aligned row without evidence: %+v", r)
			}
			for _, w := range r.Evidence {
				if !strings.Contains(r.A.Text, w) {
					t.Errorf("evidence %q not in the A side %q", w, r.A.Text)
				}
			}
			for _, s := range r.Shared {
				if s.A.Text == "" || s.B.Text == "" || s.A.End <= s.A.Start {
					t.Errorf("shared span without text: %+v", s)
				}
			}
		}
	}
	if gaps == 0 || matched < 5 {
		t.Errorf("rows: %d matched, %d gaps", matched, gaps)
	}
	var raw map[string]json.RawMessage
	json.Unmarshal([]byte(out), &raw)
	var ents map[string][]map[string]any
	if err := json.Unmarshal(raw["entities"], &ents); err != nil || ents["both"] == nil || ents["only_a"] == nil || ents["only_b"] == nil {
		t.Errorf("entities: %v %s", err, raw["entities"])
	}
}

func TestStoriesCommand(t *testing.T) {
	type event struct {
		ID          string
		Label       string
		Articles    []string
		Outlets     []string
		First, Last *time.Time
		Events      []json.RawMessage
	}
	var lines []struct {
		event
		Events []event
	}
	code, out, _ := run(t, "stories", "--json")
	if code != 0 {
		t.Fatal(code)
	}
	if err := json.Unmarshal([]byte(out), &lines); err != nil {
		t.Fatal(err)
	}
	if len(lines) != 1 || len(lines[0].Articles) != 5 || lines[0].Label == "" || !strings.HasPrefix(lines[0].ID, "l") || len(lines[0].Events) != 1 {
		t.Fatalf("the seeds are one story line of one event: %+v", lines)
	}
	ev := lines[0].Events[0]
	if !strings.HasPrefix(ev.ID, "s") || len(ev.Articles) != 5 || ev.First == nil || ev.Last.Before(*ev.First) || ev.Events != nil {
		t.Errorf("the seeds' event: %+v", ev)
	}
	var events []event
	code, out, _ = run(t, "stories", "--json", "--level", "event")
	if err := json.Unmarshal([]byte(out), &events); code != 0 || err != nil || len(events) != 1 || events[0].ID != ev.ID || events[0].Events != nil || !strings.Contains(out, `"first"`) {
		t.Errorf("--level event: exit %d %v %s", code, err, out)
	}
	code, text, _ := run(t, "stories")
	if code != 0 || !strings.Contains(text, lines[0].ID+"  5 articles") || !strings.Contains(text, "  "+ev.ID+"  5 articles") || !strings.Contains(text, "(1 Dec 2025)") {
		t.Errorf("text output:\n%s", text)
	}
	if code, _, _ := run(t, "stories", "--level", "week"); code != exitUsage {
		t.Errorf("--level week: exit %d, want %d", code, exitUsage)
	}
}

func TestCoverageCommand(t *testing.T) {
	_, out, _ := run(t, "stories", "--json")
	var st []struct{ ID string }
	json.Unmarshal([]byte(out), &st)
	for _, ref := range []string{"1", st[0].ID} {
		code, text, errb := run(t, "coverage", ref)
		if code != 0 {
			t.Fatalf("coverage %s: exit %d %s", ref, code, errb)
		}
		// The reader's marks: ✓ has it, · does not, ◆ only this one has it.
		for _, want := range []string{"Quotes", "Names", "Numbers", "Marco Rubio (person)", " ✓ ", "◆"} {
			if !strings.Contains(text, want) {
				t.Errorf("coverage %s lacks %q", ref, want)
			}
		}
		for _, old := range []string{"●", "  only"} {
			if strings.Contains(text, old) {
				t.Errorf("coverage %s still marks with %q:\n%s", ref, old, text)
			}
		}
	}
	code, js, _ := run(t, "coverage", "--json", "1")
	if code != 0 {
		t.Fatal(code)
	}
	var c struct {
		Articles []struct{ ID string }
		Entities []struct {
			Name string
			In   []int
			Only *string
		}
	}
	if err := json.Unmarshal([]byte(js), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 5 {
		t.Fatalf("articles: %+v", c.Articles)
	}
	for _, e := range c.Entities {
		if len(e.In) != 5 {
			t.Fatalf("entity %s has %d cells", e.Name, len(e.In))
		}
	}
	if code, _, errb := run(t, "coverage", "nonesuch"); code != 1 || !strings.Contains(errb, "no article matches") {
		t.Errorf("unknown ref: %d %s", code, errb)
	}
	if code, _, _ := run(t, "compare", "1"); code != 2 {
		t.Errorf("compare with one ref is a usage error, got %d", code)
	}
}

// Comparing three or more articles marks which have a row with the
// reader's marks: ✓ has it, · does not.
func TestCompareManyUsesTheReadersMarks(t *testing.T) {
	code, out, errb := run(t, "compare", "1", "2", "3")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errb)
	}
	if !strings.Contains(out, "\n✓✓✓  ") || !strings.Contains(out, "·") || strings.Contains(out, "●") {
		t.Errorf("marks are not the reader's:\n%.600s", out)
	}
}

// The reader's story edits (J, X) show in `stories`: the article split out
// is a line of its own, pinned by the user, and the text listing says so.
func TestStoriesCommandAppliesEdits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story-edits.json")
	edits, _ := storyedits.Open(path)
	const split = "002_4efbf8bebd05baf7"
	edits.Set(split, compare.StoryEdit{Alone: true})
	if err := edits.Save(); err != nil {
		t.Fatal(err)
	}
	runEdited := func(args ...string) string {
		var out, errb bytes.Buffer
		env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
			Seeds:      os.DirFS(filepath.Join("..", "..", "seeds")),
			ConfigPath: filepath.Join(t.TempDir(), "config.toml"), CacheDir: t.TempDir(), StoryEditsPath: path}
		if code := Main(args, env); code != 0 {
			t.Fatalf("%v: exit %d %s", args, code, errb.String())
		}
		return out.String()
	}
	var lines []struct {
		Articles     []string
		Edited       bool
		PinnedByUser []string `json:"pinned_by_user"`
		Events       []struct {
			Articles     []string
			Edited       bool
			PinnedByUser []string `json:"pinned_by_user"`
		}
	}
	if err := json.Unmarshal([]byte(runEdited("stories", "--json", "--all")), &lines); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, l := range lines {
		switch {
		case len(l.Articles) == 1 && l.Articles[0] == split:
			found = true
			if !l.Edited || !slices.Equal(l.PinnedByUser, []string{split}) || !l.Events[0].Edited {
				t.Errorf("the split article's line: %+v", l)
			}
		case slices.Contains(l.Articles, split):
			t.Errorf("the split article is still in a line of %d", len(l.Articles))
		case l.Edited || l.PinnedByUser != nil:
			t.Errorf("a line the reader did not touch says edited: %+v", l)
		}
	}
	if !found {
		t.Fatalf("no line of the split article alone: %+v", lines)
	}
	if text := runEdited("stories", "--all"); !strings.Contains(text, split) || !strings.Contains(text, "(placed by you)") {
		t.Errorf("text listing:\n%s", text)
	}
	// story and coverage show the story as stories lists it: the split
	// article alone, under the ID stories gave its line.
	var view struct {
		ID      string
		Outlets []struct{ Articles []struct{ ID string } }
	}
	if err := json.Unmarshal([]byte(runEdited("story", "--json", split)), &view); err != nil {
		t.Fatal(err)
	}
	if len(view.Outlets) != 1 || len(view.Outlets[0].Articles) != 1 || view.Outlets[0].Articles[0].ID != split {
		t.Errorf("story of the split article: %+v", view)
	}
	for _, l := range lines {
		if len(l.Articles) > 1 {
			if err := json.Unmarshal([]byte(runEdited("story", "--json", l.Articles[0])), &view); err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, o := range view.Outlets {
				n += len(o.Articles)
			}
			if n != len(l.Events[0].Articles) && n != len(l.Articles) {
				t.Errorf("story of %s: %d articles, stories lists %d in its line", l.Articles[0], n, len(l.Articles))
			}
		}
	}
	var cov struct{ Articles []struct{ ID string } }
	json.Unmarshal([]byte(runEdited("coverage", "--json", split)), &cov)
	if len(cov.Articles) > 1 {
		t.Errorf("coverage of the split article: %+v", cov)
	}
}

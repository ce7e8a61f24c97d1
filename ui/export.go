package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// Exports (`e` in the comparison and the coverage view) are Markdown files
// in ExportDir, never next to the articles: Parallax does not write into a
// corpus. Each file is written to a temporary name and renamed, so a reader
// never finds half a file.

// ExportDir is where exports go: $XDG_DATA_HOME/parallax/exports, by
// default ~/.local/share/parallax/exports (see userfiles.DataDir).
func ExportDir() string { return filepath.Join(userfiles.DataDir(), "exports") }

// exportedMsg reports a finished export.
type exportedMsg struct {
	path string
	err  error
}

// exportCmd builds a Markdown file (its name and text) and writes it to
// ExportDir() in the background. corpusPaths are the folders and files the
// reader opened: an export folder inside one of them is refused.
func exportCmd(build func() (name, md string), corpusPaths []string) tea.Cmd {
	return func() tea.Msg {
		name, md := build()
		dir := ExportDir()
		for _, p := range corpusPaths {
			if inside(dir, p) {
				return exportedMsg{err: fmt.Errorf("the export folder %s is inside the articles being read; set XDG_DATA_HOME elsewhere", dir)}
			}
		}
		path := filepath.Join(dir, name)
		return exportedMsg{path: path, err: userfiles.WriteFileAtomic(path, []byte(md), 0o644)}
	}
}

// inside reports whether dir is root or inside it.
func inside(dir, root string) bool {
	a, err1 := filepath.Abs(dir)
	b, err2 := filepath.Abs(root)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(b, a)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// slug makes a file-name part of s: lower-case letters and digits, dashes.
func slug(s string, max int) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
		if sb.Len() >= max {
			break
		}
	}
	if sb.Len() == 0 {
		return "untitled"
	}
	return sb.String()
}

func stamp(t time.Time) string { return t.Format("20060102-150405") }

// comparisonMarkdown names the Markdown export of a comparison and writes
// it with the shared comparison renderer.
func comparisonMarkdown(c *compare.Comparison, swapped bool, now time.Time) (name, md string) {
	name = fmt.Sprintf("compare-%s-vs-%s-%s.md", slug(outletName(c.A.Article), 24), slug(outletName(c.B.Article), 24), stamp(now))
	return name, comparison.Markdown(c, swapped)
}

// coverageMarkdown writes a story's coverage table as Markdown.
func coverageMarkdown(story *compare.Story, cov *compare.StoryCoverage, now time.Time) (name, md string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Coverage: %s\n\n", corpus.EscapeMarkdown(story.Label))
	for k, d := range cov.Docs {
		a := d.Article
		fmt.Fprintf(&sb, "- **%s**: %s — %s", columnLetter(k), corpus.EscapeMarkdown(outletName(a)), corpus.EscapeMarkdown(a.Title))
		if a.URL != "" {
			fmt.Fprintf(&sb, " <%s>", a.URL)
		}
		sb.WriteString("\n")
	}
	sb.WriteString("\n" + MarkHas + " has it · " + MarkOnly + " only this outlet · **" + markClash + "** the figures disagree: check the sources.\n")
	head := func(title string) {
		fmt.Fprintf(&sb, "\n## %s\n\n| |", title)
		sep := "\n|---|"
		for k := range cov.Docs {
			fmt.Fprintf(&sb, " %s |", columnLetter(k))
			sep += "---|"
		}
		sb.WriteString(sep + "\n")
	}
	cell := func(has bool, only bool) string {
		switch {
		case only:
			return MarkOnly
		case has:
			return MarkHas
		}
		return ""
	}
	head("Quotes")
	for _, q := range cov.Quotes {
		fmt.Fprintf(&sb, "| %s |", corpus.EscapeMarkdown(quoteLabel(q.Text, q.Speaker)))
		for k, v := range q.In {
			fmt.Fprintf(&sb, " %s |", cell(v != nil, q.Only == k))
		}
		sb.WriteString("\n")
	}
	head("Names")
	for _, e := range cov.Entities {
		fmt.Fprintf(&sb, "| %s (%s) |", corpus.EscapeMarkdown(e.Name), e.Kind)
		for k, v := range e.In {
			fmt.Fprintf(&sb, " %s |", cell(len(v) > 0, e.Only == k))
		}
		sb.WriteString("\n")
	}
	head("Numbers")
	for _, r := range cov.Numbers {
		thing := corpus.EscapeMarkdown(r.Thing)
		if r.Conflict {
			thing = "**!** " + thing
		}
		fmt.Fprintf(&sb, "| %s |", thing)
		for _, v := range r.In {
			fmt.Fprintf(&sb, " %s |", comparison.MarkdownNumbers(v))
		}
		sb.WriteString("\n")
	}
	id := story.ID
	if id == "" {
		id = slug(story.Label, 32)
	}
	name = fmt.Sprintf("coverage-%s-%s.md", id, stamp(now))
	return name, sb.String()
}

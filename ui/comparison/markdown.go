package comparison

import (
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// Markdown writes a comparison as Markdown (the reader's export): the
// figures, then the aligned passages as a table with a column per side
// (copied wording in bold, shared words in italics), then quotes, names
// and figures.
func Markdown(c *compare.Comparison, swapped bool) string {
	var sb strings.Builder
	sb.WriteString("# Comparison\n\n")
	for s := 0; s < 2; s++ {
		a := Side(c, s, swapped).Article
		fmt.Fprintf(&sb, "- **%s**: %s", Letter(c, s, swapped), corpus.EscapeMarkdown(OutletName(a)+" — "+a.Title))
		if a.URL != "" {
			fmt.Fprintf(&sb, " <%s>", a.URL)
		}
		sb.WriteString("\n")
	}
	fmt.Fprintf(&sb, "\nSimilarity %d%% · %d%% of A is in B · %d%% of B is in A · %d shared quotes · %s.\n\n",
		Percent(c.Similarity), Percent(c.CoverageA), Percent(c.CoverageB), c.SharedQuotes, c.Verdict().Text)
	sb.WriteString("**Bold**: wording copied word for word. *Italics*: words both use. " +
		GlyphCopied + " copied, " + GlyphReworded + " reworded, " + GlyphLeftOnly + "/" + GlyphRightOnly + " only one side.\n\n")
	fmt.Fprintf(&sb, "| | %s | %s |\n|---|---|---|\n", Letter(c, 0, swapped), Letter(c, 1, swapped))
	for ri := range c.Rows {
		r := &c.Rows[ri]
		cells := [2]string{}
		for s := range cells {
			if Sentences(r, s, swapped) != nil {
				cells[s] = markdownCell(CellOf(c, r, s, swapped))
			}
		}
		fmt.Fprintf(&sb, "| %s | %s | %s |\n", MarkOf(r, swapped).Glyph(), cells[0], cells[1])
	}
	sb.WriteString("\n## Quotes\n\n")
	for _, q := range c.Quotes {
		where := "both"
		switch {
		case q.A == nil:
			where = "only B"
		case q.B == nil:
			where = "only A"
		}
		fmt.Fprintf(&sb, "- %s — %s\n", corpus.EscapeMarkdown(QuoteLabel(q.Text, q.Speaker)), where)
	}
	sb.WriteString("\n## Names\n\n")
	names := func(title string, rows []compare.EntityRow) {
		var ns []string
		for _, e := range rows {
			ns = append(ns, corpus.EscapeMarkdown(e.Name))
		}
		fmt.Fprintf(&sb, "- **%s** (%d): %s\n", title, len(rows), strings.Join(ns, ", "))
	}
	names("Both", c.Entities.Both)
	names("Only A", c.Entities.OnlyA)
	names("Only B", c.Entities.OnlyB)
	sb.WriteString("\n## Numbers\n\n| Thing | A | B | |\n|---|---|---|---|\n")
	for _, n := range c.Numbers {
		flag := ""
		if n.Conflict {
			flag = "**disagree: check**"
		}
		fmt.Fprintf(&sb, "| %s | %s | %s | %s |\n", corpus.EscapeMarkdown(n.Thing), MarkdownNumbers(n.In[0]), MarkdownNumbers(n.In[1]), flag)
	}
	return sb.String()
}

// markdownCell writes a cell with copied runs in bold and common words in
// italics; the spaces around a run stay outside its emphasis.
func markdownCell(cell Cell) string {
	var sb strings.Builder
	Runs(cell.Text, cell.Class, 0, len(cell.Text), func(part string, cl Class) {
		// Only spaces are kept around a run: a tab or line break would
		// break the table row.
		core := strings.TrimSpace(part)
		lead := len(part) - len(strings.TrimLeft(part, " "))
		trail := len(part) - len(strings.TrimRight(part, " "))
		sb.WriteString(part[:lead])
		if core == "" {
			return
		}
		switch cl {
		case Verbatim:
			sb.WriteString("**" + corpus.EscapeMarkdown(core) + "**")
		case Common:
			sb.WriteString("*" + corpus.EscapeMarkdown(core) + "*")
		default:
			sb.WriteString(corpus.EscapeMarkdown(core))
		}
		sb.WriteString(part[len(part)-trail:])
	})
	return sb.String()
}

// MarkdownNumbers writes the figures one article gives for a thing, for a
// Markdown table cell.
func MarkdownNumbers(ns []compare.Number) string {
	var out []string
	for _, n := range ns {
		out = append(out, corpus.EscapeMarkdown(n.Text))
	}
	return strings.Join(out, ", ")
}

package comparison

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
)

// Text writes a comparison as plain text (the command line's `compare`):
// the two articles and the figures, a line per row (= aligned with its
// score, < or > a passage only A or B has), each sentence numbered and
// copied wording in «guillemets», then quotes, names and numbers.
func Text(w io.Writer, c *compare.Comparison) {
	fmt.Fprintf(w, "A  %s  %s  %s\n", c.A.Article.ID, OutletName(c.A.Article), c.A.Article.Title)
	fmt.Fprintf(w, "B  %s  %s  %s\n", c.B.Article.ID, OutletName(c.B.Article), c.B.Article.Title)
	fmt.Fprintf(w, "similarity %.2f · %d%% of A is in B · %d%% of B is in A · %d aligned rows · %d shared quotes\n",
		c.Similarity, Percent(c.CoverageA), Percent(c.CoverageB), c.Matched, c.SharedQuotes)
	fmt.Fprintf(w, "%s\n\n", c.Verdict().Text)
	for ri := range c.Rows {
		r := &c.Rows[ri]
		switch MarkOf(r, false) {
		case Copied, Reworded:
			fmt.Fprintf(w, "= %.2f  %s\n", r.Score, textCell("A", CellOf(c, r, 0, false)))
			fmt.Fprintf(w, "        %s\n", textCell("B", CellOf(c, r, 1, false)))
		case OnlyLeft:
			fmt.Fprintf(w, "<       %s%s\n", textCell("A", CellOf(c, r, 0, false)), elsewhere("B", r.Elsewhere))
		default:
			fmt.Fprintf(w, ">       %s%s\n", textCell("B", CellOf(c, r, 1, false)), elsewhere("A", r.Elsewhere))
		}
	}
	fmt.Fprintf(w, "\nQuotes\n")
	if len(c.Quotes) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, q := range c.Quotes {
		where := "A B"
		switch {
		case q.B == nil:
			where = "A  "
		case q.A == nil:
			where = "  B"
		}
		sp := ""
		if q.Speaker != "" {
			sp = " — " + q.Speaker
		}
		fmt.Fprintf(w, "  %s  “%s”%s\n", where, cut(q.Text, 120), sp)
	}
	fmt.Fprintf(w, "\nNames\n")
	names := func(label string, rows []compare.EntityRow) {
		if len(rows) == 0 {
			return
		}
		var parts []string
		for _, r := range rows {
			parts = append(parts, fmt.Sprintf("%s (%s)", r.Name, r.Kind))
		}
		fmt.Fprintf(w, "  %-7s %s\n", label, strings.Join(parts, ", "))
	}
	names("both", c.Entities.Both)
	names("only A", c.Entities.OnlyA)
	names("only B", c.Entities.OnlyB)
	fmt.Fprintf(w, "\nNumbers\n")
	if len(c.Numbers) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, n := range c.Numbers {
		mark := " "
		if n.Conflict {
			mark = "!"
		}
		fmt.Fprintf(w, "  %s %-28s A: %-30s B: %s\n", mark, cut(n.Thing, 28), cut(TextNumbers(n.In[0]), 30), TextNumbers(n.In[1]))
	}
}

// textCell writes a cell's sentences, each after its number on its side
// ("A3 …"), with copied wording in «guillemets».
func textCell(side string, cell Cell) string {
	var sb strings.Builder
	for k, si := range cell.Sentences {
		from, to := cell.Starts[k], len(cell.Text)
		if k+1 < len(cell.Starts) {
			to = cell.Starts[k+1] - 1 // the space that joins sentences
		}
		if k > 0 {
			sb.WriteByte(' ')
		}
		fmt.Fprintf(&sb, "%s%d ", side, si)
		Runs(cell.Text, cell.Class, from, to, func(part string, cl Class) {
			if cl == Verbatim {
				sb.WriteString("«" + part + "»")
			} else {
				sb.WriteString(part)
			}
		})
	}
	return sb.String()
}

// elsewhere notes where the other side tells a one-sided passage, if it
// does.
func elsewhere(side string, at int) string {
	if at < 0 {
		return ""
	}
	return fmt.Sprintf("   (~ %s%d)", side, at)
}

// TextNumbers lists the figures one article gives for a thing, in plain text.
func TextNumbers(ns []compare.Number) string {
	if len(ns) == 0 {
		return "—"
	}
	var parts []string
	for _, n := range ns {
		parts = append(parts, n.Text)
	}
	return strings.Join(parts, "; ")
}

// cut shortens s to n runes, the last an ellipsis.
func cut(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

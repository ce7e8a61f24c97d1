package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// runCompareMany compares three or more articles, aligned on the same
// facts.
func runCompareMany(r *runner, opts compareOptions, in *input, refs []string) int {
	docs := make([]*compare.Doc, 0, len(refs))
	for _, ref := range refs {
		a, code := r.resolveWhole(in, ref)
		if a == nil {
			return code
		}
		docs = append(docs, compare.Prepare(a))
	}
	mc := compare.CompareMany(context.Background(), docs)
	if opts.json {
		return r.printJSON(multiComparisonJSON(mc))
	}
	printMultiComparison(r.Stdout, mc)
	return exitOK
}

type multiRowJSON struct {
	Cells []*sideJSON `json:"cells"` // one per article, in order; null for a gap
}

type multiComparisonOut struct {
	Articles []refJSON      `json:"articles"`
	Rows     []multiRowJSON `json:"rows"`
}

func multiComparisonJSON(mc *compare.MultiComparison) multiComparisonOut {
	out := multiComparisonOut{Articles: []refJSON{}, Rows: []multiRowJSON{}}
	for _, d := range mc.Docs {
		out.Articles = append(out.Articles, refOf(d.Article))
	}
	for _, r := range mc.Rows {
		row := multiRowJSON{Cells: make([]*sideJSON, len(r.Cells))}
		for k, cell := range r.Cells {
			row.Cells[k] = sideOf(mc.Docs[k], cell)
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// printMultiComparison prints each fact as one line per article that has
// it, a mark column per article (the reader's marks: ui.MarkHas has it,
// ui.MarkNone does not).
func printMultiComparison(w io.Writer, mc *compare.MultiComparison) {
	label := func(k int) string { return string(rune('A' + k%26)) }
	for k, d := range mc.Docs {
		fmt.Fprintf(w, "%s  %s  %s  %s\n", label(k), d.Article.ID, outletOf(d.Article.Outlet), d.Article.Title)
	}
	shared := 0
	for _, r := range mc.Rows {
		if present(r) == len(mc.Docs) {
			shared++
		}
	}
	fmt.Fprintf(w, "%d rows · %d reported by all %d articles\n\n", len(mc.Rows), shared, len(mc.Docs))
	for _, r := range mc.Rows {
		var marks []string
		for _, c := range r.Cells {
			if c != nil {
				marks = append(marks, ui.MarkHas)
			} else {
				marks = append(marks, ui.MarkNone)
			}
		}
		lead := strings.Join(marks, "")
		for k, c := range r.Cells {
			if c == nil {
				continue
			}
			fmt.Fprintf(w, "%s  %s\n", lead, comparison.SentencesText(mc.Docs[k], label(k), c))
			lead = strings.Repeat(" ", len(mc.Docs))
		}
	}
}

func present(r compare.MultiRow) int {
	n := 0
	for _, c := range r.Cells {
		if c != nil {
			n++
		}
	}
	return n
}

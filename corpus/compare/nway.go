package compare

import (
	"context"
	"sort"
)

// MultiComparison aligns several articles on the same facts: one row per
// fact, one cell per article.
type MultiComparison struct {
	Docs []*Doc
	// Rows follow reading order. Every sentence of every article appears
	// in exactly one row.
	Rows []MultiRow
}

// MultiRow is one fact across the articles: Cells[k] holds the sentences
// of article k that report it, ascending, or nil where k has nothing.
type MultiRow struct {
	Cells [][]int
}

// CompareMany aligns every pair of the articles with the pairwise
// alignment and chains the aligned rows into N-way rows (the facts of
// the story view, here for every article and not only most outlets').
// ctx stops it early (the result is then nil).
func CompareMany(ctx context.Context, docs []*Doc) *MultiComparison {
	own := make([]int, len(docs)) // every article its own outlet: align all pairs
	for i := range own {
		own[i] = i
	}
	pairs := alignPairs(ctx, docs, own)
	if ctx.Err() != nil {
		return nil
	}
	comp := factComponents(docs, pairs)
	mc := &MultiComparison{Docs: docs}
	type keyed struct {
		row MultiRow
		pos float64 // relative position in the first article that has it
		doc int
	}
	var rows []keyed
	at := map[int]int{} // component -> index in rows
	for d, cs := range comp {
		for s, c := range cs {
			k, ok := at[c]
			if c < 0 || !ok {
				k = len(rows)
				rows = append(rows, keyed{row: MultiRow{Cells: make([][]int, len(docs))},
					pos: float64(s) / float64(len(cs)), doc: d})
				if c >= 0 {
					at[c] = k
				}
			}
			rows[k].row.Cells[d] = append(rows[k].row.Cells[d], s)
		}
	}
	sort.SliceStable(rows, func(a, b int) bool {
		if rows[a].pos != rows[b].pos {
			return rows[a].pos < rows[b].pos
		}
		return rows[a].doc < rows[b].doc
	})
	for _, r := range rows {
		mc.Rows = append(mc.Rows, r.row)
	}
	return mc
}

package compare

import (
	"context"
	"strings"
	"testing"
)

func TestCompareManyAlignsFacts(t *testing.T) {
	var docs []*Doc
	byID := map[string]*Doc{}
	for _, a := range load(t, "testdata/storyview") {
		byID[a.ID] = Prepare(a)
	}
	for _, id := range []string{"wire", "frontier", "metro"} {
		docs = append(docs, byID[id])
	}
	mc := CompareMany(context.Background(), docs)
	seen := make([]map[int]bool, len(docs))
	for k := range seen {
		seen[k] = map[int]bool{}
	}
	var grant, capacity *MultiRow
	for i := range mc.Rows {
		r := &mc.Rows[i]
		if len(r.Cells) != len(docs) {
			t.Fatalf("row %d has %d cells", i, len(r.Cells))
		}
		for k, c := range r.Cells {
			for _, s := range c {
				if seen[k][s] {
					t.Errorf("doc %d sentence %d in two rows", k, s)
				}
				seen[k][s] = true
				if strings.Contains(docs[k].Sentences[s].Text, "$4.2 million conversion") && k == 0 {
					grant = r
				}
				if strings.Contains(docs[k].Sentences[s].Text, "will house 250 people") && k == 0 {
					capacity = r
				}
			}
		}
	}
	for k, d := range docs {
		if len(seen[k]) != len(d.Sentences) {
			t.Errorf("doc %d: %d of %d sentences in rows", k, len(seen[k]), len(d.Sentences))
		}
	}
	if grant == nil || capacity == nil {
		t.Fatal("grant or capacity row missing")
	}
	// Frontier does not report the grant: a gap there, cells elsewhere.
	if grant.Cells[1] != nil || grant.Cells[2] == nil || !strings.Contains(docs[2].Sentences[grant.Cells[2][0]].Text, "$4.2 million") {
		t.Errorf("grant row %+v", grant.Cells)
	}
	for k, c := range capacity.Cells {
		if len(c) != 1 || !strings.Contains(docs[k].Sentences[c[0]].Text, "will house") {
			t.Errorf("capacity row, doc %d: %v", k, c)
		}
	}
}

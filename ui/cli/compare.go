package cli

import (
	"flag"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// compareOptions are one run's compare flags.
type compareOptions struct{ json bool }

// compareFlags declares compare's flags on f for one run; see command.flags.
func compareFlags(f *flag.FlagSet) runFunc {
	var opts compareOptions
	f.BoolVar(&opts.json, "json", false, "print the comparison as JSON")
	return func(r *runner, in *input) int {
		if len(in.operands) > 2 {
			return runCompareMany(r, opts, in, in.operands)
		}
		return runCompare(r, opts, in, in.operands[0], in.operands[1])
	}
}

var compareCommand = command{
	name: "compare", args: "[--json] A B [C...] [PATH...]",
	summary: `Compare two articles: their sentences aligned side by side, shared quotes,
names and numbers. A and B are article references as for 'show'. With more
than two articles, their sentences are aligned on the same facts: one row
per fact, one cell per article ("·" where an article has nothing).

In the text output "=" marks aligned sentences (with their similarity), "<"
a sentence only A has and ">" one only B has ("~ B12": B says much the same
out of order, in sentence 12); «guillemets» mark wording copied word for word.

Examples:
  parallax compare 1 2
  parallax compare 1 2 3 --json | jq '.rows[] | select(all(.cells[]; . != null))'
  parallax compare 000 004 --json | jq '.rows[] | select(.a != null and .b != null) | .score'`,
	operands: 2, refs: true, moreRefs: true, flags: compareFlags,
	listOnly: true, // only the compared articles' text is read
}

func runCompare(r *runner, opts compareOptions, in *input, refA, refB string) int {
	a, code := r.resolveWhole(in, refA)
	if a == nil {
		return code
	}
	b, code := r.resolveWhole(in, refB)
	if b == nil {
		return code
	}
	cmp := compare.Compare(compare.Prepare(a), compare.Prepare(b))
	if opts.json {
		return r.printJSON(comparisonJSON(cmp))
	}
	comparison.Text(r.Stdout, cmp)
	return exitOK
}

// ---- JSON

type refJSON struct {
	ID     string `json:"id"`
	Outlet string `json:"outlet"`
	Title  string `json:"title"`
}

func refOf(a *corpus.Article) refJSON { return refJSON{a.ID, a.Outlet, a.Title} }

type sideJSON struct {
	Sentences []int  `json:"sentences"`
	Block     int    `json:"block"`
	Text      string `json:"text"`
}

type spanJSON struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"` // byte offsets in the sentence text
	End      int    `json:"end"`
	Text     string `json:"text"`
}

type sharedJSON struct {
	Kind compare.SharedKind `json:"kind"`
	A    spanJSON           `json:"a"`
	B    spanJSON           `json:"b"`
}

type rowJSON struct {
	A         *sideJSON    `json:"a"`
	B         *sideJSON    `json:"b"`
	Score     float64      `json:"score"`
	Evidence  []string     `json:"evidence"`
	Shared    []sharedJSON `json:"shared"`
	Elsewhere *int         `json:"elsewhere,omitempty"`
}

type quoteJSON struct {
	Text        string              `json:"text"`
	Speaker     string              `json:"speaker,omitempty"`
	SpeakerKind compare.SpeakerKind `json:"speaker_kind,omitempty"`
	Sentence    int                 `json:"sentence"`
	Block       int                 `json:"block"`
}

type quoteMatchJSON struct {
	Text    string     `json:"text"`
	Speaker string     `json:"speaker,omitempty"`
	A       *quoteJSON `json:"a"`
	B       *quoteJSON `json:"b"`
}

type entityJSON struct {
	Name     string             `json:"name"`
	Kind     compare.EntityKind `json:"kind"`
	MentionA int                `json:"mentions_a"`
	MentionB int                `json:"mentions_b"`
}

type entitiesJSON struct {
	Both  []entityJSON `json:"both"`
	OnlyA []entityJSON `json:"only_a"`
	OnlyB []entityJSON `json:"only_b"`
}

type numberJSON struct {
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Low      float64 `json:"low"`
	High     float64 `json:"high"`
	Hedge    string  `json:"hedge,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	Thing    string  `json:"thing"`
	Sentence int     `json:"sentence"`
}

type numberRowJSON struct {
	Thing    string       `json:"thing"`
	A        []numberJSON `json:"a"`
	B        []numberJSON `json:"b"`
	Conflict bool         `json:"conflict"`
}

type comparisonOut struct {
	A            refJSON          `json:"a"`
	B            refJSON          `json:"b"`
	Similarity   float64          `json:"similarity"`
	Verdict      compare.Verdict  `json:"verdict"`
	CoverageA    float64          `json:"coverage_a"`
	CoverageB    float64          `json:"coverage_b"`
	SharedQuotes int              `json:"shared_quotes"`
	Rows         []rowJSON        `json:"rows"`
	Quotes       []quoteMatchJSON `json:"quotes"`
	Entities     entitiesJSON     `json:"entities"`
	Numbers      []numberRowJSON  `json:"numbers"`
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func sideOf(d *compare.Doc, ix []int) *sideJSON {
	if ix == nil {
		return nil
	}
	s := &sideJSON{Sentences: ix, Block: d.Sentences[ix[0]].Block}
	var parts []string
	for _, i := range ix {
		parts = append(parts, d.Sentences[i].Text)
	}
	s.Text = strings.Join(parts, " ")
	return s
}

func spanOf(d *compare.Doc, p compare.Passage) spanJSON {
	return spanJSON{p.Sentence, p.Start, p.End, d.Sentences[p.Sentence].Text[p.Start:p.End]}
}

func quoteOf(q *compare.Quote) *quoteJSON {
	if q == nil {
		return nil
	}
	return &quoteJSON{q.Text, q.Speaker, q.SpeakerKind, q.At.Sentence, q.Block}
}

func numbersOf(ns []compare.Number) []numberJSON {
	out := make([]numberJSON, 0, len(ns))
	for _, n := range ns {
		out = append(out, numberJSON{n.Text, n.Value, n.Low, n.High, n.Hedge, n.Unit, n.Thing, n.At.Sentence})
	}
	return out
}

func comparisonJSON(c *compare.Comparison) comparisonOut {
	out := comparisonOut{
		A: refOf(c.A.Article), B: refOf(c.B.Article), Similarity: round3(c.Similarity), Verdict: c.Verdict(),
		CoverageA: round3(c.CoverageA), CoverageB: round3(c.CoverageB), SharedQuotes: c.SharedQuotes,
		Rows: []rowJSON{}, Quotes: []quoteMatchJSON{}, Numbers: []numberRowJSON{},
		Entities: entitiesJSON{[]entityJSON{}, []entityJSON{}, []entityJSON{}},
	}
	for _, r := range c.Rows {
		row := rowJSON{A: sideOf(c.A, r.A), B: sideOf(c.B, r.B), Score: round3(r.Score), Evidence: r.Evidence, Shared: []sharedJSON{}}
		if row.Evidence == nil {
			row.Evidence = []string{}
		}
		if r.Elsewhere >= 0 {
			e := r.Elsewhere
			row.Elsewhere = &e
		}
		for _, s := range r.Shared {
			row.Shared = append(row.Shared, sharedJSON{s.Kind, spanOf(c.A, s.A), spanOf(c.B, s.B)})
		}
		out.Rows = append(out.Rows, row)
	}
	for _, q := range c.Quotes {
		out.Quotes = append(out.Quotes, quoteMatchJSON{q.Text, q.Speaker, quoteOf(q.A), quoteOf(q.B)})
	}
	ent := func(rows []compare.EntityRow) []entityJSON {
		out := []entityJSON{}
		for _, r := range rows {
			out = append(out, entityJSON{r.Name, r.Kind, len(r.In[0]), len(r.In[1])})
		}
		return out
	}
	out.Entities = entitiesJSON{ent(c.Entities.Both), ent(c.Entities.OnlyA), ent(c.Entities.OnlyB)}
	for _, n := range c.Numbers {
		out.Numbers = append(out.Numbers, numberRowJSON{n.Thing, numbersOf(n.In[0]), numbersOf(n.In[1]), n.Conflict})
	}
	return out
}

package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// coverageOptions are one run's coverage flags.
type coverageOptions struct{ json bool }

// coverageFlags declares coverage's flags on f for one run; see command.flags.
func coverageFlags(f *flag.FlagSet) runFunc {
	var opts coverageOptions
	f.BoolVar(&opts.json, "json", false, "print the coverage table as JSON")
	return func(r *runner, in *input) int { return runCoverage(r, opts, in, in.operands[0]) }
}

var coverageCommand = command{
	name: "coverage", args: "[--json] REF|STORY [PATH...]",
	summary: `Show how the outlets of a story covered it: one column per article, one row
per quote, name and number: "` + ui.MarkHas + `" where the article has it, "` + ui.MarkNone + `" where it does
not, "` + ui.MarkOnly + `" where only that article has it (the reader's marks); "!" marks
figures that disagree. REF is an
article reference (its event is shown), an event id or a story line id
from 'stories' (the whole line).

Examples:
  parallax coverage 1
  parallax coverage s626e618d7641 --json | jq '.numbers[] | select(.conflict)'`,
	operands: 1, refs: true, flags: coverageFlags,
}

func runCoverage(r *runner, opts coverageOptions, in *input, ref string) int {
	story, code := r.resolveStory(in, ref)
	if story == nil {
		return code
	}
	docs := compare.PrepareAll(story.Articles)
	cov := compare.Coverage(docs)
	if opts.json {
		return r.printJSON(coverageOut(story, cov))
	}
	printCoverage(r.Stdout, story, cov)
	return exitOK
}

type coverageQuoteJSON struct {
	Text    string       `json:"text"`
	Speaker string       `json:"speaker,omitempty"`
	In      []*quoteJSON `json:"in"`
	Only    *string      `json:"only"`
}

type coverageEntityJSON struct {
	Name string             `json:"name"`
	Kind compare.EntityKind `json:"kind"`
	In   []int              `json:"in"` // mentions per article
	Only *string            `json:"only"`
}

type coverageNumberJSON struct {
	Thing    string         `json:"thing"`
	In       [][]numberJSON `json:"in"`
	Conflict bool           `json:"conflict"`
	Only     *string        `json:"only"`
}

type coverageJSONOut struct {
	Story    storyJSON            `json:"story"`
	Articles []refJSON            `json:"articles"`
	Quotes   []coverageQuoteJSON  `json:"quotes"`
	Entities []coverageEntityJSON `json:"entities"`
	Numbers  []coverageNumberJSON `json:"numbers"`
}

func coverageOut(s *compare.Story, c *compare.StoryCoverage) coverageJSONOut {
	out := coverageJSONOut{Story: eventJSON(nil, s),
		Quotes: []coverageQuoteJSON{}, Entities: []coverageEntityJSON{}, Numbers: []coverageNumberJSON{}}
	only := func(k int) *string {
		if k < 0 {
			return nil
		}
		id := c.Docs[k].Article.ID
		return &id
	}
	for _, d := range c.Docs {
		out.Articles = append(out.Articles, refOf(d.Article))
	}
	for _, q := range c.Quotes {
		row := coverageQuoteJSON{Text: q.Text, Speaker: q.Speaker, Only: only(q.Only)}
		for _, x := range q.In {
			row.In = append(row.In, quoteOf(x))
		}
		out.Quotes = append(out.Quotes, row)
	}
	for _, e := range c.Entities {
		row := coverageEntityJSON{Name: e.Name, Kind: e.Kind, Only: only(e.Only)}
		for _, m := range e.In {
			row.In = append(row.In, len(m))
		}
		out.Entities = append(out.Entities, row)
	}
	for _, n := range c.Numbers {
		row := coverageNumberJSON{Thing: n.Thing, Conflict: n.Conflict, Only: only(n.Only)}
		for _, x := range n.In {
			row.In = append(row.In, numbersOf(x))
		}
		out.Numbers = append(out.Numbers, row)
	}
	return out
}

func printCoverage(w io.Writer, s *compare.Story, c *compare.StoryCoverage) {
	fmt.Fprintf(w, "%s  %s\n\n", s.ID, s.Label)
	for k, d := range c.Docs {
		fmt.Fprintf(w, "  %d  %s  %s  %s\n", k+1, d.Article.ID, truncate(outletOf(d.Article.Outlet), 28), d.Article.Title)
	}
	const labelWidth = 60
	header := func(title string) {
		var cols []string
		for k := range c.Docs {
			cols = append(cols, fmt.Sprint((k+1)%10))
		}
		fmt.Fprintf(w, "\n%-*s  %s\n", labelWidth, title, strings.Join(cols, " "))
	}
	// The reader's marks: has it, does not, only this article has it.
	marks := func(has func(k int) bool, only int) string {
		var m []string
		for k := range c.Docs {
			switch {
			case k == only:
				m = append(m, ui.MarkOnly)
			case has(k):
				m = append(m, ui.MarkHas)
			default:
				m = append(m, ui.MarkNone)
			}
		}
		return strings.Join(m, " ")
	}
	header("Quotes")
	for _, q := range c.Quotes {
		label := "“" + q.Text + "”"
		if q.Speaker != "" {
			label += " — " + q.Speaker
		}
		fmt.Fprintf(w, "%s  %s\n", pad(truncate(label, labelWidth), labelWidth), marks(func(k int) bool { return q.In[k] != nil }, q.Only))
	}
	header("Names")
	for _, e := range c.Entities {
		label := fmt.Sprintf("%s (%s)", e.Name, e.Kind)
		fmt.Fprintf(w, "%s  %s\n", pad(truncate(label, labelWidth), labelWidth), marks(func(k int) bool { return len(e.In[k]) > 0 }, e.Only))
	}
	header("Numbers")
	for _, n := range c.Numbers {
		var vals []string
		for k, x := range n.In {
			if len(x) > 0 {
				vals = append(vals, fmt.Sprintf("%d: %s", k+1, comparison.TextNumbers(x)))
			}
		}
		// Values always show; "!" marks a disagreement.
		label := n.Thing + " — " + strings.Join(vals, "; ")
		if n.Conflict {
			label = "! " + label
		}
		fmt.Fprintf(w, "%s  %s\n", pad(truncate(label, labelWidth), labelWidth), marks(func(k int) bool { return len(n.In[k]) > 0 }, n.Only))
	}
}

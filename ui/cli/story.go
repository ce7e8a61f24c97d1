package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/comparison"
)

// storyOptions are one run's story flags.
type storyOptions struct{ json bool }

// storyFlags declares story's flags on f for one run; see command.flags.
func storyFlags(f *flag.FlagSet) runFunc {
	var opts storyOptions
	f.BoolVar(&opts.json, "json", false, "print the story view as JSON")
	return func(r *runner, in *input) int { return runStory(r, opts, in, in.operands[0]) }
}

var storyCommand = command{
	name: "story", args: "[--json] REF|STORY [PATH...]",
	summary: `Show a story at a glance, outlet by outlet in the order they reported it:
headline, lead and length; the words each outlet uses for the facts most of
them report; each outlet's most distinctive words against the others'
coverage (weighted log-odds, with counts); who each quotes ("only" when no
other outlet does); what each leaves out that others report, heaviest
first; and the figures the outlets disagree on. REF is an article reference
(its event is shown), an event id or a story line id from
'stories' (the whole line).

Examples:
  parallax story 1
  parallax story s626e618d7641 --json | jq '.outlets[] | {outlet, distinctive}'`,
	operands: 1, refs: true, flags: storyFlags,
}

// resolveStory finds the story ref names: a story id, a story line id
// (the whole line, widened from its events), else the story of the
// article ref names.
func (r *runner) resolveStory(in *input, ref string) (*compare.Story, int) {
	st := r.stories(in.store)
	if st == nil {
		return nil, exitFail
	}
	if s := st.ByID(ref); s != nil {
		return s, exitOK
	}
	if l := st.LineByID(ref); l != nil {
		return l.Story(), exitOK
	}
	a, code := r.resolve(in.corpus, ref)
	if a == nil {
		return nil, code
	}
	return st.Of(a), exitOK
}

func runStory(r *runner, opts storyOptions, in *input, ref string) int {
	s, code := r.resolveStory(in, ref)
	if s == nil {
		return code
	}
	v := compare.NewStoryView(context.Background(), s.Articles)
	if opts.json {
		return r.printJSON(storyViewJSON(s, v))
	}
	printStoryView(r.Stdout, s, v)
	return exitOK
}

// ---- JSON

type storyArticleJSON struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Published *string `json:"published"` // RFC 3339; null when unknown
	Lead      string  `json:"lead"`
	Words     int     `json:"words"`
}

type termJSON struct {
	Term  string  `json:"term"`
	Score float64 `json:"score"`
	Count int     `json:"count"`
}

type speakerJSON struct {
	Speaker string `json:"speaker"`
	Count   int    `json:"count"`
}

type omitJSON struct {
	Article string  `json:"article"`
	Text    string  `json:"text"`
	Weight  float64 `json:"weight"`
}

type storyOutletJSON struct {
	Outlet      string             `json:"outlet"`
	Articles    []storyArticleJSON `json:"articles"`
	Distinctive []termJSON         `json:"distinctive"`
	Quoted      []speakerJSON      `json:"quoted"`
	Omits       []omitJSON         `json:"omits"`
}

type factRowJSON struct {
	Article  string   `json:"article"`
	Text     string   `json:"text"`
	OwnWords []string `json:"own_words"`
}

type factJSON struct {
	Rows []factRowJSON `json:"rows"`
}

type figureJSON struct {
	Article string  `json:"article"`
	Outlet  string  `json:"outlet"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
}

type disagreementJSON struct {
	Thing  string       `json:"thing"`
	Values []figureJSON `json:"values"`
}

type storyViewOut struct {
	ID            string             `json:"id"`
	Label         string             `json:"label"`
	Outlets       []storyOutletJSON  `json:"outlets"`
	Facts         []factJSON         `json:"facts"`
	Disagreements []disagreementJSON `json:"disagreements"`
}

func storyViewJSON(s *compare.Story, v *compare.StoryView) storyViewOut {
	out := storyViewOut{ID: s.ID, Label: s.Label, Outlets: []storyOutletJSON{}, Facts: []factJSON{},
		Disagreements: []disagreementJSON{}}
	id := func(d int) string { return v.Docs[d].Article.ID }
	for _, o := range v.Outlets {
		oj := storyOutletJSON{Outlet: o.Outlet, Articles: []storyArticleJSON{}, Distinctive: []termJSON{},
			Quoted: []speakerJSON{}, Omits: []omitJSON{}}
		for _, d := range o.Docs {
			a := v.Docs[d].Article
			aj := storyArticleJSON{ID: a.ID, Title: a.Title, Lead: compare.LeadOf(a), Words: a.Words}
			if !a.Published.IsZero() {
				p := a.Published.UTC().Format(time.RFC3339)
				aj.Published = &p
			}
			oj.Articles = append(oj.Articles, aj)
		}
		for _, t := range o.Distinctive {
			oj.Distinctive = append(oj.Distinctive, termJSON{t.Term, t.Score, t.Count})
		}
		for _, q := range o.Quoted {
			oj.Quoted = append(oj.Quoted, speakerJSON{q.Label(), q.Quotes})
		}
		for _, m := range o.Omits {
			oj.Omits = append(oj.Omits, omitJSON{id(m.Doc), m.Text, round3(m.Weight)})
		}
		out.Outlets = append(out.Outlets, oj)
	}
	for _, f := range v.Facts {
		fj := factJSON{Rows: []factRowJSON{}}
		for _, r := range f.Rows {
			own := r.OwnWords
			if own == nil {
				own = []string{}
			}
			fj.Rows = append(fj.Rows, factRowJSON{id(r.Doc), r.Text, own})
		}
		out.Facts = append(out.Facts, fj)
	}
	for _, d := range v.Disagreements {
		dj := disagreementJSON{Thing: d.Thing, Values: []figureJSON{}}
		for _, k := range storyDocOrder(v) {
			for _, n := range d.In[k] {
				dj.Values = append(dj.Values, figureJSON{id(k), outletOf(v.Docs[k].Article.Outlet), n.Text, n.Value})
			}
		}
		out.Disagreements = append(out.Disagreements, dj)
	}
	return out
}

// storyDocOrder lists the docs outlet by outlet, as the view shows them.
func storyDocOrder(v *compare.StoryView) []int {
	var out []int
	for _, o := range v.Outlets {
		out = append(out, o.Docs...)
	}
	return out
}

// ---- text

func printStoryView(w io.Writer, s *compare.Story, v *compare.StoryView) {
	fmt.Fprintf(w, "%s  %s\n", s.ID, s.Label)
	if v.Left > 0 {
		fmt.Fprintf(w, "(%d more articles left out: the view sets at most %d side by side, every outlet's first)\n", v.Left, len(v.Docs))
	}
	fmt.Fprintf(w, "\nHeadlines and leads\n")
	for _, o := range v.Outlets {
		for _, d := range o.Docs {
			a := v.Docs[d].Article
			fmt.Fprintf(w, "  %s  %s  %s  (%d words)\n", pad(truncate(o.Outlet, 24), 24), storyWhen(a, o), a.Title, a.Words)
			if lead := compare.LeadOf(a); lead != "" {
				fmt.Fprintf(w, "      %s\n", truncate(lead, 200))
			}
		}
	}
	fmt.Fprintf(w, "\nFraming: the facts most outlets report, with each one's own words\n")
	if len(v.Facts) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for i, f := range v.Facts {
		fmt.Fprintf(w, "  fact %d\n", i+1)
		for _, r := range f.Rows {
			own := ""
			if len(r.OwnWords) > 0 {
				own = "  [" + strings.Join(r.OwnWords, ", ") + "]"
			}
			fmt.Fprintf(w, "    %s  %s%s\n", pad(truncate(outletOf(v.Docs[r.Doc].Article.Outlet), 20), 20), r.Text, own)
		}
	}
	for _, o := range v.Outlets {
		fmt.Fprintf(w, "\n%s\n", o.Outlet)
		var terms []string
		for _, t := range o.Distinctive {
			terms = append(terms, fmt.Sprintf("%s (%d, %.2f)", t.Term, t.Count, t.Score))
		}
		fmt.Fprintf(w, "  distinctive words: %s\n", orNone(strings.Join(terms, ", ")))
		var quoted []string
		for _, q := range o.Quoted {
			s := fmt.Sprintf("%s ×%d", q.Label(), q.Quotes)
			if q.Only {
				s += " (only)"
			}
			quoted = append(quoted, s)
		}
		fmt.Fprintf(w, "  quotes: %s\n", orNone(strings.Join(quoted, ", ")))
		fmt.Fprintf(w, "  leaves out:\n")
		if len(o.Omits) == 0 {
			fmt.Fprintln(w, "    nothing the others report")
		}
		for _, m := range o.Omits {
			fmt.Fprintf(w, "    %4.1f  %s: %s\n", m.Weight, outletOf(v.Docs[m.Doc].Article.Outlet), m.Text)
		}
	}
	fmt.Fprintf(w, "\nDisagreements\n")
	if len(v.Disagreements) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, d := range v.Disagreements {
		var vals []string
		for _, k := range storyDocOrder(v) {
			if len(d.In[k]) > 0 {
				vals = append(vals, fmt.Sprintf("%s: %s", outletOf(v.Docs[k].Article.Outlet), comparison.TextNumbers(d.In[k])))
			}
		}
		fmt.Fprintf(w, "  ! %s — %s\n", d.Thing, strings.Join(vals, "; "))
	}
}

// storyWhen is when the article came out, and for a later outlet how long
// after the first report.
func storyWhen(a *corpus.Article, o compare.OutletView) string {
	if a.Published.IsZero() {
		return pad("date unknown", 30)
	}
	when := a.Published.UTC().Format("2006-01-02 15:04")
	switch {
	case !o.Dated:
	case o.Lag == 0:
		when += "  first"
	default:
		when += "  +" + lagText(o.Lag)
	}
	return pad(when, 30)
}

// lagText writes a delay in hours and minutes ("8h20m", "55m").
func lagText(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Hour {
		return fmt.Sprintf("%dm", int(d.Minutes()))
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

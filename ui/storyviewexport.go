package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// storyViewMarkdown writes the whole story view as Markdown, section by
// section, outlets in the order the view shows them.
func storyViewMarkdown(story *compare.Story, v *compare.StoryView, now time.Time) (name, md string) {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Story: %s\n", corpus.EscapeMarkdown(story.Label))
	fmt.Fprintf(&sb, "\n## %s\n\n", svSectionNames[svHeadlines])
	for _, o := range v.Outlets {
		for _, d := range o.Docs {
			a := v.Docs[d].Article
			when := "date unknown"
			if !a.Published.IsZero() {
				when = a.Published.UTC().Format("2006-01-02 15:04 UTC")
				if o.Dated && d == o.Docs[0] {
					if o.Lag == 0 {
						when += ", first"
					} else {
						when += ", +" + lagText(o.Lag)
					}
				}
			}
			fmt.Fprintf(&sb, "- **%s** (%s, %d words): %s", corpus.EscapeMarkdown(o.Outlet), when, a.Words, corpus.EscapeMarkdown(a.Title))
			if a.URL != "" {
				fmt.Fprintf(&sb, " <%s>", a.URL)
			}
			if lead := compare.LeadOf(a); lead != "" {
				fmt.Fprintf(&sb, "\n  > %s", corpus.EscapeMarkdown(lead))
			}
			sb.WriteString("\n")
		}
	}
	fmt.Fprintf(&sb, "\n## %s\n\nThe facts most outlets report; *own words* are those no other outlet uses for the fact.\n", svSectionNames[svFraming])
	outletOf := svOutletOf(v)
	for i, f := range v.Facts {
		fmt.Fprintf(&sb, "\n### Fact %d\n\n", i+1)
		for _, r := range f.Rows {
			own := ""
			if len(r.OwnWords) > 0 {
				own = " — *" + corpus.EscapeMarkdown(strings.Join(r.OwnWords, ", ")) + "*"
			}
			fmt.Fprintf(&sb, "- **%s**: %s%s\n", corpus.EscapeMarkdown(v.Outlets[outletOf[r.Doc]].Outlet), corpus.EscapeMarkdown(r.Text), own)
		}
	}
	fmt.Fprintf(&sb, "\n## %s\n\n| outlet | term | count | score |\n|---|---|---|---|\n", svSectionNames[svWords])
	for _, o := range v.Outlets {
		for _, t := range o.Distinctive {
			fmt.Fprintf(&sb, "| %s | %s | %d | %.2f |\n", corpus.EscapeMarkdown(o.Outlet), corpus.EscapeMarkdown(t.Term), t.Count, t.Score)
		}
	}
	fmt.Fprintf(&sb, "\n## %s\n\n", svSectionNames[svQuoted])
	for _, o := range v.Outlets {
		var qs []string
		for _, q := range o.Quoted {
			s := fmt.Sprintf("%s ×%d", corpus.EscapeMarkdown(q.Label()), q.Quotes)
			if q.Only {
				s += " (**only**)"
			}
			qs = append(qs, s)
		}
		if len(qs) == 0 {
			qs = []string{"no one"}
		}
		fmt.Fprintf(&sb, "- **%s**: %s\n", corpus.EscapeMarkdown(o.Outlet), strings.Join(qs, ", "))
	}
	fmt.Fprintf(&sb, "\n## %s\n", svSectionNames[svOmits])
	for _, o := range v.Outlets {
		fmt.Fprintf(&sb, "\n### %s leaves out\n\n", corpus.EscapeMarkdown(o.Outlet))
		if len(o.Omits) == 0 {
			sb.WriteString("Nothing the others report.\n")
		}
		for _, m := range o.Omits {
			fmt.Fprintf(&sb, "- %.1f, %s: %s\n", m.Weight, corpus.EscapeMarkdown(outletName(v.Docs[m.Doc].Article)), corpus.EscapeMarkdown(m.Text))
		}
	}
	fmt.Fprintf(&sb, "\n## %s\n\n", svSectionNames[svDisagree])
	if len(v.Disagreements) == 0 {
		sb.WriteString("The outlets agree on every figure they share.\n")
	}
	for _, d := range v.Disagreements {
		var vals []string
		for _, o := range v.Outlets {
			for _, k := range o.Docs {
				if len(d.In[k]) > 0 {
					vals = append(vals, corpus.EscapeMarkdown(outletName(v.Docs[k].Article))+": "+numberTexts(d.In[k]))
				}
			}
		}
		fmt.Fprintf(&sb, "- **!** %s — %s\n", corpus.EscapeMarkdown(d.Thing), strings.Join(vals, "; "))
	}
	id := story.ID
	if id == "" {
		id = slug(story.Label, 32)
	}
	return fmt.Sprintf("story-%s-%s.md", id, stamp(now)), sb.String()
}

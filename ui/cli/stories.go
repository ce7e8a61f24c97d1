package cli

import (
	"flag"
	"fmt"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// storiesOptions are one run's stories flags.
type storiesOptions struct{ json, all bool }

// storiesFlags declares stories's flags on f for one run; see command.flags.
func storiesFlags(f *flag.FlagSet) runFunc {
	var opts storiesOptions
	f.BoolVar(&opts.json, "json", false, "print a JSON array of stories")
	f.BoolVar(&opts.all, "all", false, "include articles that no other article joins")
	return func(r *runner, in *input) int { return runStories(r, opts, in.corpus) }
}

var storiesCommand = command{
	name: "stories", args: "[--json] [--all] [PATH...]",
	summary: `Group the articles into stories: articles about the same event, found by
the words they share (not by titles alone). Each story has an id (usable with
'coverage'), a label taken from its most central article, its articles and
their outlets. Largest stories first.

Examples:
  parallax stories ~/news
  parallax stories --json ~/news | jq '.[] | select(.outlets | length > 2) | .label'`,
	flags: storiesFlags,
}

type storyJSON struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Articles []string `json:"articles"`
	Outlets  []string `json:"outlets"`
}

func runStories(r *runner, opts storiesOptions, c *corpus.Corpus) int {
	st := compare.GroupStories(c.Articles, compare.StoryOptions{})
	var shown []*compare.Story
	for _, s := range st.List {
		if len(s.Articles) > 1 || opts.all {
			shown = append(shown, s)
		}
	}
	if opts.json {
		out := make([]storyJSON, 0, len(shown))
		for _, s := range shown {
			out = append(out, storyJSON{s.ID, s.Label, s.IDs(), s.Outlets})
		}
		return r.printJSON(out)
	}
	if len(shown) == 0 {
		fmt.Fprintf(r.Stdout, "no story has more than one article (%d articles; --all lists them)\n", len(c.Articles))
		return exitOK
	}
	for i, s := range shown {
		if i > 0 {
			fmt.Fprintln(r.Stdout)
		}
		fmt.Fprintf(r.Stdout, "%s  %d articles  %s\n", s.ID, len(s.Articles), s.Label)
		for _, a := range s.Articles {
			fmt.Fprintf(r.Stdout, "  %s  %s  %s\n", a.ID, truncate(outletOf(a), 28), a.Title)
		}
	}
	return exitOK
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/storyedits"
)

// stories is the store's grouping with the reader's story edits applied,
// as the reader shows it, so that the IDs 'stories' prints are those
// 'story' and 'coverage' find; nil when it could not be had (reported).
func (r *runner) stories(from store.Store) *compare.Stories {
	st, err := from.Stories(context.Background(), store.StoryOptions{})
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return nil
	}
	path := r.StoryEditsPath
	if path == "" {
		path = storyedits.Path()
	}
	edits, warn := storyedits.Open(path)
	if warn != nil {
		fmt.Fprintln(r.Stderr, "parallax: story edits:", warn)
	}
	return st.WithEdits(edits.All())
}

// storiesOptions are one run's stories flags.
type storiesOptions struct {
	json, all bool
	level     string
}

// storiesFlags declares stories's flags on f for one run; see command.flags.
func storiesFlags(f *flag.FlagSet) runFunc {
	var opts storiesOptions
	f.BoolVar(&opts.json, "json", false, "print a JSON array of story lines (or events with --level event)")
	f.BoolVar(&opts.all, "all", false, "include articles that no other article joins")
	f.StringVar(&opts.level, "level", "line", "what to list: `LEVEL` line (story lines with their events) or event")
	return func(r *runner, in *input) int { return runStories(r, opts, in.store) }
}

var storiesCommand = command{
	name: "stories", args: "[--json] [--all] [--level line|event] [PATH...]",
	summary: `Group the articles into stories, on two levels. An event is one happening
reported within days: articles about it found by the words and names they
share (not by titles alone). A story line is an ongoing story: events joined
across weeks or months by strong similarity and shared names, never by time
alone. Each has an id (usable with 'coverage'), a label taken from its most
central article, its articles and their outlets; events have their date span.
Largest first.

Examples:
  parallax stories ~/news
  parallax stories --level event --json ~/news | jq '.[] | select(.outlets | length > 2) | .label'`,
	flags: storiesFlags,
}

// storyJSON is a story line, or an event (Events nil, First and Last set).
// Edited says the reader placed some of its articles (A, X in the reader),
// PinnedByUser which: those placements win over grouping.
type storyJSON struct {
	ID           string      `json:"id"`
	Label        string      `json:"label"`
	Articles     []string    `json:"articles"`
	Outlets      []string    `json:"outlets"`
	Events       []storyJSON `json:"events,omitempty"`
	First        *time.Time  `json:"first,omitempty"`
	Last         *time.Time  `json:"last,omitempty"`
	Edited       bool        `json:"edited,omitempty"`
	PinnedByUser []string    `json:"pinned_by_user,omitempty"`
}

func eventJSON(st *compare.Stories, s *compare.Story) storyJSON {
	out := storyJSON{ID: s.ID, Label: s.Label, Articles: s.IDs(), Outlets: s.Outlets, PinnedByUser: st.PinnedIDs(s.Articles)}
	out.Edited = out.PinnedByUser != nil
	if !s.First.IsZero() {
		first, last := s.First, s.Last
		out.First, out.Last = &first, &last
	}
	return out
}

func lineJSON(st *compare.Stories, l *compare.StoryLine) storyJSON {
	out := storyJSON{ID: l.ID, Label: l.Label, Articles: articleIDs(l.Articles), Outlets: l.Outlets, PinnedByUser: st.PinnedIDs(l.Articles)}
	out.Edited = out.PinnedByUser != nil
	for _, e := range l.Events {
		out.Events = append(out.Events, eventJSON(st, e))
	}
	return out
}

func articleIDs(as []*corpus.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func runStories(r *runner, opts storiesOptions, from store.Store) int {
	if opts.level != "line" && opts.level != "event" {
		return r.usageError(fmt.Errorf("stories: --level is line or event, not %q", opts.level), "stories")
	}
	st := r.stories(from)
	if st == nil {
		return exitFail
	}
	c := from.List()
	out := []storyJSON{}
	if opts.level == "event" {
		for _, s := range st.List {
			if len(s.Articles) > 1 || opts.all {
				out = append(out, eventJSON(st, s))
			}
		}
	} else {
		for _, l := range st.Lines {
			if len(l.Articles) > 1 || opts.all {
				out = append(out, lineJSON(st, l))
			}
		}
	}
	if opts.json {
		return r.printJSON(out)
	}
	if len(out) == 0 {
		fmt.Fprintf(r.Stdout, "no story has more than one article (%d articles; --all lists them)\n", len(c.Articles))
		return exitOK
	}
	byID := make(map[string]*corpus.Article, len(c.Articles))
	for _, a := range c.Articles {
		byID[a.ID] = a
	}
	for i, s := range out {
		if i > 0 {
			fmt.Fprintln(r.Stdout)
		}
		fmt.Fprintf(r.Stdout, "%s  %d articles  %s%s\n", s.ID, len(s.Articles), s.Label, span(s))
		if s.Events == nil {
			printStoryArticles(r, byID, s, "  ")
			continue
		}
		for _, e := range s.Events {
			fmt.Fprintf(r.Stdout, "  %s  %d articles  %s%s\n", e.ID, len(e.Articles), e.Label, span(e))
			printStoryArticles(r, byID, e, "    ")
		}
	}
	return exitOK
}

func printStoryArticles(r *runner, byID map[string]*corpus.Article, s storyJSON, indent string) {
	for _, id := range s.Articles {
		a := byID[id]
		yours := ""
		if slices.Contains(s.PinnedByUser, id) {
			yours = "  (placed by you)"
		}
		fmt.Fprintf(r.Stdout, "%s%s  %s  %s%s\n", indent, a.ID, truncate(outletOf(a.Outlet), 28), a.Title, yours)
	}
}

// span is an event's date span for the text listing: "  (4–7 Jul 2017)".
func span(s storyJSON) string {
	if s.First == nil {
		return ""
	}
	first, last := s.First.Format("2 Jan 2006"), s.Last.Format("2 Jan 2006")
	if first == last {
		return "  (" + first + ")"
	}
	return "  (" + first + " – " + last + ")"
}

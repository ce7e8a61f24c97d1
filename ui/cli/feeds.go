package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
)

// feedsOptions are one run's feeds flags.
type feedsOptions struct {
	json     bool
	tags     tagList
	fullText string
}

// tagList is a repeatable --tag.
type tagList []string

func (t *tagList) String() string { return strings.Join(*t, ",") }
func (t *tagList) Set(s string) error {
	s = corpus.CleanLine(s)
	if s == "" || strings.ContainsAny(s, `"#`) {
		return fmt.Errorf("a tag is a word or words without \" or #")
	}
	*t = append(*t, s)
	return nil
}

func feedsFlags(f *flag.FlagSet) runFunc {
	var opts feedsOptions
	f.BoolVar(&opts.json, "json", false, "print a JSON array of the subscriptions")
	f.Var(&opts.tags, "tag", "with add: tag the feeds `TAG` (repeatable)")
	f.StringVar(&opts.fullText, "fulltext", "", "with add: fetch each item's page for its text: `MODE` always, auto (when the feed gives a summary) or never")
	return func(r *runner, in *input) int { return runFeeds(r, opts, in.operands) }
}

var feedsCommand = command{
	name: "feeds", args: "[--json] | add URL... [--tag TAG] | remove URL... | import FILE | export",
	summary: `List, add and remove the feeds you follow.
With no action it lists each subscription with its last fetch, status,
article count and last error. "add" takes feed URLs (RSS, Atom, JSON Feed)
or a site's page, whose feed is found from its <link rel="alternate">.
"import" reads an OPML file (as newsboat, nom and web readers export it);
"export" writes OPML to standard output. Subscriptions live in a plain
file, one URL a line with its tags after it, which you may edit by hand.

Examples:
  parallax feeds add https://www.example.com/ --tag world
  parallax feeds import subscriptions.opml
  parallax feeds --json | jq '.[] | select(.status == "error")'`,
	noInput: true,
	flags:   feedsFlags,
}

func runFeeds(r *runner, opts feedsOptions, args []string) int {
	if opts.fullText != "" && feeds.FullText(opts.fullText) != feeds.FullTextAlways &&
		feeds.FullText(opts.fullText) != feeds.FullTextAuto && feeds.FullText(opts.fullText) != feeds.FullTextNever {
		return r.usageError(fmt.Errorf("--fulltext must be always, auto or never"), "feeds")
	}
	if len(args) == 0 {
		return listFeeds(r, opts)
	}
	action, rest := args[0], args[1:]
	need := map[string]int{"add": 1, "remove": 1, "import": 1, "export": 0}
	n, ok := need[action]
	switch {
	case !ok:
		return r.usageError(fmt.Errorf("unknown feeds action %q (add, remove, import, export)", action), "feeds")
	case len(rest) < n:
		return r.usageError(fmt.Errorf("feeds %s needs an argument", action), "feeds")
	case action == "import" && len(rest) > 1, action == "export" && len(rest) > 0:
		return r.usageError(fmt.Errorf("feeds %s takes %d argument(s)", action, n), "feeds")
	}
	switch action {
	case "add":
		return addFeeds(r, opts, rest)
	case "remove":
		return removeFeeds(r, rest)
	case "import":
		return importFeeds(r, opts, rest[0])
	}
	return exportFeeds(r)
}

func addFeeds(r *runner, opts feedsOptions, urls []string) int {
	f, err := feeds.NewFetcher(r.fetchOptions(), feeds.Store{Dir: feeds.NewsDir()}, "")
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	defer f.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var subs []feeds.Subscription
	var titles []string
	code := exitOK
	for _, u := range urls {
		feedURL, title, err := f.FindFeed(ctx, u)
		if err != nil {
			fmt.Fprintf(r.Stderr, "parallax: %s: %v\n", corpus.CleanLine(u), err)
			code = exitFail
			continue
		}
		if feedURL != u {
			fmt.Fprintf(r.Stderr, "parallax: %s: found the feed %s\n", corpus.CleanLine(u), feedURL)
		}
		subs = append(subs, feeds.Subscription{URL: feedURL, Tags: opts.tags, FullText: feeds.FullText(opts.fullText)})
		titles = append(titles, title)
	}
	if len(subs) == 0 {
		return code
	}
	var added []string
	err = r.editFeeds(func(l *feeds.List) bool {
		for i, s := range subs {
			verb := "added"
			if !l.Add(s) {
				verb = "already subscribed to"
			} else {
				added = append(added, s.URL)
			}
			if titles[i] != "" {
				fmt.Fprintf(r.Stdout, "%s %s (%s)\n", verb, s.URL, titles[i])
			} else {
				fmt.Fprintf(r.Stdout, "%s %s\n", verb, s.URL)
			}
		}
		return true
	})
	if err != nil {
		return exitFail
	}
	// A feed added again starts afresh, even one that was gone (410).
	r.forgetFeeds(added)
	return code
}

// forgetFeeds drops the fetch state of feeds added or removed.
func (r *runner) forgetFeeds(urls []string) {
	if len(urls) == 0 {
		return
	}
	if err := feeds.ForgetFeeds(feeds.StatePath(), urls...); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
	}
}

func removeFeeds(r *runner, urls []string) int {
	code := exitOK
	var removed []string
	err := r.editFeeds(func(l *feeds.List) bool {
		changed := false
		for _, u := range urls {
			if l.Remove(u) {
				changed = true
				removed = append(removed, u)
				fmt.Fprintf(r.Stdout, "removed %s\n", corpus.CleanLine(u))
			} else {
				fmt.Fprintf(r.Stderr, "parallax: not subscribed to %s\n", corpus.CleanLine(u))
				code = exitFail
			}
		}
		return changed
	})
	if err != nil {
		return exitFail
	}
	r.forgetFeeds(removed)
	return code
}

func importFeeds(r *runner, opts feedsOptions, file string) int {
	in, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	defer in.Close()
	subs, probs, err := feeds.ReadOPML(in)
	if err != nil {
		fmt.Fprintf(r.Stderr, "parallax: %s: %v\n", file, err)
		return exitFail
	}
	for _, p := range probs {
		fmt.Fprintf(r.Stderr, "parallax: %s: feed %d: %s (skipped)\n", file, p.Line, corpus.CleanLine(p.Msg))
	}
	added := 0
	err = r.editFeeds(func(l *feeds.List) bool {
		for _, s := range subs {
			s.Tags = append(s.Tags, opts.tags...)
			if l.Add(s) {
				added++
			}
		}
		return true
	})
	if err != nil {
		return exitFail
	}
	fmt.Fprintf(r.Stdout, "imported %d feeds (%d already there)\n", added, len(subs)-added)
	return exitOK
}

func exportFeeds(r *runner) int {
	l, err := r.readFeeds()
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	st, _ := feeds.ReadState(feeds.StatePath())
	titles := map[string]string{}
	for u, fs := range st.Feeds {
		titles[u] = fs.Title
	}
	if err := feeds.WriteOPML(r.Stdout, l.Subscriptions(), titles); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	return exitOK
}

// editFeeds changes the subscriptions file under its lock, reporting
// errors.
func (r *runner) editFeeds(change func(*feeds.List) bool) error {
	_, err := feeds.UpdateList(r.feedsPath(), func(l *feeds.List) (bool, error) { return change(l), nil })
	if err != nil {
		fmt.Fprintf(r.Stderr, "parallax: %s: %v\n", r.feedsPath(), err)
	}
	return err
}

// feedJSON is the --json shape of a subscription.
type feedJSON struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Tags        []string `json:"tags"`
	LastFetched *string  `json:"last_fetched"`
	Status      string   `json:"status"` // ok, not_modified, error, or never
	Articles    int      `json:"articles"`
	Error       string   `json:"error"`
}

// feedRows joins the subscriptions with their fetch state, cleaned for
// output (the state file is outside text too).
func feedRows(subs []feeds.Subscription, st *feeds.State) []feedJSON {
	out := make([]feedJSON, 0, len(subs))
	for _, s := range subs {
		j := feedJSON{URL: corpus.CleanLine(s.URL), Title: corpus.CleanLine(s.Title), Tags: s.Tags, Status: "never"}
		if j.Tags == nil {
			j.Tags = []string{}
		}
		if fs := st.Feeds[s.URL]; fs != nil {
			j.Title = firstNonEmpty(j.Title, corpus.CleanLine(fs.Title))
			if !fs.LastFetched.IsZero() {
				t := fs.LastFetched.Format(time.RFC3339)
				j.LastFetched = &t
			}
			if fs.Status != "" {
				j.Status = corpus.CleanLine(fs.Status)
			}
			j.Articles = fs.Articles()
			j.Error = corpus.CleanLine(fs.Error)
		}
		out = append(out, j)
	}
	return out
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func listFeeds(r *runner, opts feedsOptions) int {
	l, err := r.readFeeds()
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	st, err := feeds.ReadState(feeds.StatePath())
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
	}
	rows := feedRows(l.Subscriptions(), st)
	if opts.json {
		return r.printJSON(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintf(r.Stderr, "parallax: no subscriptions yet (parallax feeds add URL); they live in %s\n", r.feedsPath())
		return exitOK
	}
	for _, j := range rows {
		when := "never fetched"
		if j.LastFetched != nil {
			t, _ := time.Parse(time.RFC3339, *j.LastFetched)
			when = t.Local().Format("2006-01-02 15:04")
		}
		title := firstNonEmpty(j.Title, "(untitled)")
		fmt.Fprintf(r.Stdout, "%-12s %5d  %-16s  %s  %s", j.Status, j.Articles, when, title, j.URL)
		if len(j.Tags) > 0 {
			fmt.Fprintf(r.Stdout, "  [%s]", strings.Join(j.Tags, ", "))
		}
		fmt.Fprintln(r.Stdout)
		if j.Error != "" {
			fmt.Fprintf(r.Stdout, "             error: %s\n", j.Error)
		}
	}
	return exitOK
}

var errNoSubscriptions = errors.New("no subscriptions yet: add one with 'parallax feeds add URL'")

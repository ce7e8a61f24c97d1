package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// fetchFlagValues are one run's fetch flags.
type fetchFlagValues struct{ json bool }

func fetchFlags(f *flag.FlagSet) runFunc {
	var opts fetchFlagValues
	f.BoolVar(&opts.json, "json", false, "print a JSON array: [{url, status, new, error}]")
	return func(r *runner, in *input) int {
		if len(in.operands) > 0 {
			return r.usageError(fmt.Errorf("fetch takes no arguments"), "fetch")
		}
		return runFetch(r, opts)
	}
}

var fetchCommand = command{
	name: "fetch", args: "[--json]",
	summary: `Fetch every subscribed feed into your news.
An unchanged feed costs one conditional request; new items are stored with
their full text when the feed gives only a summary. A feed that fails is
reported and the others go on; nothing fetched before is lost. Status is
ok, not_modified or error. Articles older than the retention period
([feeds] retention_days) are deleted afterwards, except bookmarked ones.

Examples:
  parallax fetch
  parallax fetch --json | jq '.[] | select(.status == "error")'`,
	noInput: true,
	flags:   fetchFlags,
}

func runFetch(r *runner, opts fetchFlagValues) int {
	l, err := r.readFeeds()
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	subs := l.Subscriptions()
	if len(subs) == 0 {
		fmt.Fprintln(r.Stderr, "parallax:", errNoSubscriptions)
		return exitFail
	}
	f, err := feeds.NewFetcher(r.fetchOptions(), feeds.Store{Dir: feeds.NewsDir()}, feeds.StatePath())
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err) // damaged state: reported, fetched afresh
	}
	defer f.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	results := f.FetchAll(ctx, subs, func(done int, res feeds.Result) {
		if !opts.json {
			printFetchResult(r, res)
		}
	})
	followMoves(r, results)
	pruneNews(r)
	if opts.json {
		if results == nil {
			results = []feeds.Result{}
		}
		for i := range results {
			results[i].URL, results[i].Error = corpus.CleanLine(results[i].URL), corpus.CleanLine(results[i].Error)
		}
		if code := r.printJSON(results); code != exitOK {
			return code
		}
	}
	failed := 0
	for _, res := range results {
		if res.Status == feeds.StatusError {
			failed++
		}
	}
	if failed == len(results) {
		return exitFail
	}
	return exitOK
}

func printFetchResult(r *runner, res feeds.Result) {
	switch res.Status {
	case feeds.StatusOK:
		fmt.Fprintf(r.Stdout, "ok            %4d new  %s\n", res.New, corpus.CleanLine(res.URL))
	case feeds.StatusNotModified:
		fmt.Fprintf(r.Stdout, "not_modified            %s\n", corpus.CleanLine(res.URL))
	default:
		fmt.Fprintf(r.Stdout, "error                   %s: %s\n", corpus.CleanLine(res.URL), corpus.CleanLine(res.Error))
	}
	if res.MovedTo != "" {
		fmt.Fprintf(r.Stdout, "              moved permanently to %s\n", corpus.CleanLine(res.MovedTo))
	}
}

// followMoves points subscriptions at the new URLs of feeds that moved
// permanently.
func followMoves(r *runner, results []feeds.Result) {
	moved := false
	for _, res := range results {
		moved = moved || res.MovedTo != ""
	}
	if !moved {
		return
	}
	r.editFeeds(func(l *feeds.List) bool {
		changed := false
		for _, res := range results {
			if res.MovedTo != "" && l.Move(res.URL, res.MovedTo) {
				changed = true
			}
		}
		return changed
	})
}

// pruneNews deletes the articles older than the retention period, keeping
// bookmarked ones.
func pruneNews(r *runner) {
	marks, _ := userstate.OpenBookmarks()
	keep := func(url string) bool { return url != "" && marks.Has(userstate.ArticleKey(&corpus.Article{URL: url})) }
	days := time.Duration(r.config.Feeds.RetentionDays) * 24 * time.Hour
	if _, err := (feeds.Store{Dir: feeds.NewsDir()}).Prune(days, time.Now(), keep); err != nil {
		fmt.Fprintln(r.Stderr, "parallax: pruning old news:", err)
	}
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/signal"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/search"
	"github.com/parallax-reader/parallax/corpus/store"
)

// searchOptions are one run's search flags.
type searchOptions struct {
	json  bool
	limit int
	fresh bool
}

// searchFlags declares search's flags on f for one run; see command.flags.
func searchFlags(f *flag.FlagSet) runFunc {
	var opts searchOptions
	f.BoolVar(&opts.json, "json", false, "print a JSON array of result objects")
	f.IntVar(&opts.limit, "limit", search.DefaultLimit, "show at most `N` results (0: all)")
	f.BoolVar(&opts.fresh, "fresh", false, "check every file for changes, not only the folders and the results' files")
	return func(r *runner, in *input) int { return runSearch(r, opts, in.operands[0], in) }
}

var searchCommand = command{
	name: "search", args: "[--json] [--limit N] [--fresh] QUERY [PATH...]",
	summary: `Search the articles and print the best matches, best first, each with
a snippet where matched words are marked [like this].
Query language: words must all appear (in any form: "talks" finds "talk");
"exact phrase"; -word excludes; outlet:NAME keeps outlets starting with
NAME; title:word looks in titles only. Case and accents do not matter, and
a word missing from the corpus falls back to close spellings (reported on
stderr). Exit status 1 when nothing matches.
When no folder changed since the last load, the search answers from its
saved index without checking every file (the files of the results shown
are checked); --fresh checks every file, as the other commands do.

Examples:
  parallax search Umerov
  parallax search '"peace plan" -Moscow outlet:kyiv' ~/news
  parallax search --json --limit 5 witkoff | jq '.[].title'`,
	operands: 1, check: checkQuery, flags: searchFlags, loadsItself: true,
}

// searchResultJSON is the --json shape of one search result.
type searchResultJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Outlet     string   `json:"outlet"`
	Score      float64  `json:"score"`
	Snippet    string   `json:"snippet"`
	Highlights [][2]int `json:"highlights"` // byte spans in snippet
	Hits       int      `json:"hits"`
}

func runSearch(r *runner, opts searchOptions, query string, in *input) int {
	limit := opts.limit
	if limit <= 0 {
		limit = -1
	}
	sopt := search.Options{Limit: limit}
	// A lazy store answers from the index snapshot alone when no folder
	// changed; else (or with --fresh) it loads, checking every file, and
	// the load is reported as other commands report theirs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := r.storeOptions()
	opt.ListOnly, opt.Lazy = true, !opts.fresh
	loaded, progress := false, opt.Progress
	opt.Progress = func(b corpus.Batch) { loaded = true; progress(b) }
	st, err := store.Open(ctx, r.source(in.paths), opt)
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	defer st.Close() // the index, saved once the results are out
	res, err := st.Search(ctx, query, sopt)
	if loaded && !in.loaded(st) {
		return exitFail
	}
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		var qe *search.QueryError
		if errors.As(err, &qe) {
			return exitUsage
		}
		return exitFail
	}
	for _, sp := range res.Spellings {
		what := "also searched for"
		if sp.Kind == "fuzzy" {
			what = "not found; searched for"
		}
		fmt.Fprintf(r.Stderr, "parallax: %q %s %s\n", sp.Word, what, strings.Join(sp.Used, ", "))
	}
	if opts.json {
		out := make([]searchResultJSON, 0, len(res.Hits))
		for _, h := range res.Hits {
			j := searchResultJSON{ID: h.Article.ID, Title: h.Article.Title, Outlet: h.Article.Outlet,
				Score: math.Round(h.Score*1000) / 1000, Snippet: h.Snippet, Hits: h.Hits, Highlights: [][2]int{}}
			for _, s := range h.Highlights {
				j.Highlights = append(j.Highlights, [2]int{s.Start, s.End})
			}
			out = append(out, j)
		}
		if code := r.printJSON(out); code != exitOK {
			return code
		}
	} else {
		for i, h := range res.Hits {
			fmt.Fprintf(r.Stdout, "%d. %s  %s  (%s, score %.2f, %d %s)\n", i+1, h.Article.ID, h.Article.Title,
				outletOf(h.Article.Outlet), h.Score, h.Hits, plural(h.Hits, "hit", "hits"))
			fmt.Fprintf(r.Stdout, "   %s\n", markSpans(h.Snippet, h.Highlights))
		}
		if res.Total > len(res.Hits) {
			fmt.Fprintf(r.Stdout, "%d of %d matching articles shown (--limit)\n", len(res.Hits), res.Total)
		}
	}
	if res.Total == 0 {
		fmt.Fprintf(r.Stderr, "parallax: no article matches %s\n", query)
		return exitFail
	}
	return exitOK
}

// markSpans brackets the highlighted spans of s.
func markSpans(s string, spans []search.Span) string {
	var sb strings.Builder
	prev := 0
	for _, sp := range spans {
		if sp.Start < prev || sp.End > len(s) {
			continue
		}
		sb.WriteString(s[prev:sp.Start])
		sb.WriteString("[" + s[sp.Start:sp.End] + "]")
		prev = sp.End
	}
	sb.WriteString(s[prev:])
	return sb.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// checkQuery vets a query before anything is loaded. An invalid one is
// shown with a caret under the place it goes wrong.
func checkQuery(operands []string) error {
	query := operands[0]
	if strings.TrimSpace(query) == "" {
		return errors.New("empty query: give at least one word to search for")
	}
	_, err := search.ParseQuery(query, false)
	var qe *search.QueryError
	if errors.As(err, &qe) {
		col := len([]rune(query[:min(max(qe.Pos, 0), len(query))]))
		return fmt.Errorf("invalid query: %s\n  %s\n  %s^", qe.Msg, query, strings.Repeat(" ", col))
	}
	return err
}

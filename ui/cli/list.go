package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

type listFlags struct{ json bool }

var listOpts listFlags

func init() {
	commandFlags["list"] = func(f *flag.FlagSet) {
		f.BoolVar(&listOpts.json, "json", false, "print a JSON array of article objects")
	}
	register(&command{
		name: "list", args: "[--json] [PATH...]",
		summary: `Print one line per article: position, date, outlet and title.
Articles are ordered newest first; undated ones last. A title marked "~"
was derived from the article's lead because the file had none.

Examples:
  parallax list
  parallax list --json ~/news | jq '.[].title'`,
		run: runList,
	})
}

func runList(r *runner, args []string) int {
	listOpts = listFlags{}
	paths, code, ok := r.parseCommand("list", args, 0)
	if !ok {
		return code
	}
	c, code := r.loadCorpus(paths)
	if c == nil {
		return code
	}
	if listOpts.json {
		out := make([]articleJSON, len(c.Articles))
		for i, a := range c.Articles {
			out[i] = toJSON(a)
		}
		return r.printJSON(out)
	}
	outletWidth := 0
	for _, a := range c.Articles {
		outletWidth = max(outletWidth, min(runeLen(outletOf(a)), 28))
	}
	posWidth := len(fmt.Sprint(len(c.Articles)))
	for i, a := range c.Articles {
		date := "—         "
		if a.HasDate() {
			date = a.Published.Format("2006-01-02")
		}
		title := a.Title
		if a.TitleDerived {
			title = "~ " + title
		}
		fmt.Fprintf(r.Stdout, "%*d  %s  %s  %s\n", posWidth, i+1, date, pad(truncate(outletOf(a), 28), outletWidth), title)
	}
	return exitOK
}

func outletOf(a *corpus.Article) string {
	if a.Outlet == "" {
		return "unknown source"
	}
	return a.Outlet
}

func runeLen(s string) int { return len([]rune(s)) }

func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

func pad(s string, n int) string {
	if k := runeLen(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/parallax-reader/parallax/corpus"
)

// showOptions are one run's show flags.
type showOptions struct{ json bool }

// showFlags declares show's flags on f for one run; see command.flags.
func showFlags(f *flag.FlagSet) runFunc {
	var opts showOptions
	f.BoolVar(&opts.json, "json", false, "print the article as JSON, with blocks and removed boilerplate")
	return func(r *runner, in *input) int { return runShow(r, opts, in, in.operands[0]) }
}

var showCommand = command{
	name: "show", args: "[--json] REF [PATH...]",
	summary: `Print one clean article as Markdown: title, a metadata line, the body.
REF is an article id, a unique id prefix, or a 1-based position in 'list' order;
with no PATH, a REF that names a file shows that file.

Examples:
  parallax show 2
  parallax show 003 --json | jq '.blocks[] | select(.kind == "heading") | .text'`,
	operands: 1, refs: true, fileRef: true, flags: showFlags,
	listOnly: true, // a REF needs IDs and the order; only its article's text is read
}

func runShow(r *runner, opts showOptions, in *input, ref string) int {
	a, code := r.resolveWhole(in, ref)
	if a == nil {
		return code
	}
	if opts.json {
		return r.printJSON(toFullJSON(a))
	}
	fmt.Fprint(r.Stdout, corpus.Markdown(a))
	return exitOK
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// resolve finds the article REF names or reports why not (exit 1).
func (r *runner) resolve(c *corpus.Corpus, ref string) (*corpus.Article, int) {
	a, err := c.Resolve(ref)
	if err != nil {
		var re *corpus.RefError
		if errors.As(err, &re) && len(re.Candidates) == 0 {
			fmt.Fprintf(r.Stderr, "parallax: %v (use an id, a unique id prefix, or a position 1-%d; 'parallax list' shows them)\n", err, len(c.Articles))
		} else {
			fmt.Fprintf(r.Stderr, "parallax: %v\n", err)
		}
		return nil, exitFail
	}
	return a, exitOK
}

// resolveWhole finds the article REF names in a list without text (a
// listOnly command's) and reads it whole from the store.
func (r *runner) resolveWhole(in *input, ref string) (*corpus.Article, int) {
	listed, code := r.resolve(in.corpus, ref)
	if listed == nil {
		return nil, code
	}
	a, err := in.store.Read(listed.ID)
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return nil, exitFail
	}
	return a, exitOK
}

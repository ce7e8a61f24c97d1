package cli

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
)

// commandTable lists the subcommands. Adding a command is one entry here
// plus its own file declaring it; usage, help and dispatch read only this.
func commandTable() []*command {
	return []*command{
		&listCommand,
		&showCommand,
		&searchCommand,
		&compareCommand,
		&storiesCommand,
		&coverageCommand,
		&storyCommand,
		&feedsCommand,
		&fetchCommand,
	}
}

// command is one subcommand: its usage text, its arguments, and its flags
// and run. Commands that read articles get them loaded by runCommand, once,
// the same way for all (see input).
type command struct {
	name    string
	args    string // synopsis of the arguments, for usage
	summary string
	hidden  bool
	// operands are the arguments before the PATHs (QUERY, REF, A B): a run
	// gets exactly this many, and the rest are PATHs.
	operands int
	// refs says the operands are article references, so that an extra one
	// ("show 1 2") is a usage error rather than a missing file.
	refs bool
	// moreRefs: operands beyond the first ones are welcome ("compare 1 2
	// 3"); the leading arguments that name no file or folder are taken as
	// further operands, the rest are PATHs.
	moreRefs bool
	// fileRef lets a lone REF that names a file, with no PATH, stand for
	// that file's first article ("show story.txt").
	fileRef bool
	// noInput: the command reads no articles (feeds, fetch); every
	// positional argument is an operand and nothing is loaded.
	noInput bool
	// loadsItself: the command is run before anything is loaded and calls
	// input.load when it needs the articles (search answers from its index
	// snapshot when that is current).
	loadsItself bool
	// listOnly: the command shows what a list shows, so its articles come
	// without their text (input.store.Read gives an article whole).
	listOnly bool
	// check vets the operands before anything is loaded; an error is a
	// usage error.
	check func(operands []string) error
	// flags declares the command's flags on fset, bound to options made for
	// this call alone, and returns the command run with those options once
	// fset is parsed. Each run and each usage page calls it anew, so no two
	// of them share flag values.
	flags func(fset *flag.FlagSet) runFunc
}

// runFunc runs a command on its loaded input.
type runFunc func(r *runner, in *input) int

// input is what a command runs on: its operands, the PATHs the articles
// came from and the articles loaded from them.
type input struct {
	operands []string
	paths    []string
	corpus   *corpus.Corpus
	store    store.Store
	// load loads store and corpus for a command that loadsItself; false:
	// nothing loaded (reported), the run fails.
	load func() bool
	// loaded takes a store the command opened itself and loaded (the
	// search's lazy store, when it had to load): what load does once the
	// store is open.
	loaded func(store.Store) bool
	// storedListing, set before load, lets the stored listing answer it
	// (corpus.Options.StoredListing): the corpus then has no articles,
	// only the rows of a list.
	storedListing bool
}

// lookup finds the command called name.
func (r *runner) lookup(name string) *command {
	for _, c := range r.commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// runCommand parses a command's arguments (flags may follow positionals),
// loads the articles from its PATHs and runs it, or reports a usage error.
// A PATH that does not exist is reported and makes the exit status 1, but
// the others are still read (as ls and grep do).
func (r *runner) runCommand(c *command, args []string) int {
	fset := r.newFlagSet(c.name, "")
	run := c.flags(fset)
	r.load.add(fset)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		err = flagError(err, args)
		if arg, ok := strings.CutPrefix(err.Error(), "unknown flag: "); ok && c.operands > 0 && !strings.HasPrefix(arg, "--") {
			// "search -moscow": an excluded word, most likely.
			err = fmt.Errorf("%v (an operand that starts with \"-\" goes after \"--\": parallax %s -- %s)", err, c.name, arg)
		}
		return r.usageError(err, c.name)
	}
	if len(pos) < c.operands {
		return r.usageError(fmt.Errorf("%s needs %s", c.name, c.args), c.name)
	}
	if c.noInput {
		return run(r, &input{operands: pos})
	}
	n := c.operands
	for c.moreRefs && n < len(pos) && looksLikeWord(pos[n]) && !exists(pos[n]) {
		n++
	}
	in := &input{operands: pos[:n], paths: pos[n:]}
	if c.check != nil {
		if err := c.check(in.operands); err != nil {
			fmt.Fprintf(r.Stderr, "parallax: %v\n", err)
			return exitUsage
		}
	}
	if c.refs {
		for _, p := range in.paths {
			if looksLikeWord(p) && !exists(p) {
				return r.usageError(fmt.Errorf("%q is neither a file nor a folder, and %s", p, tooManyRefs(c)), c.name)
			}
		}
	}
	if c.fileRef && len(in.paths) == 0 && isFile(in.operands[0]) {
		in.operands, in.paths = []string{"1"}, in.operands[:1]
	}
	if c.listOnly {
		defer relaxGC()()
	}
	var missing int
	in.loaded = func(st store.Store) bool {
		in.store, missing = r.reportLoaded(st, in.paths)
		if in.store == nil {
			return false
		}
		in.corpus = in.store.List()
		return true
	}
	var opened store.Store
	in.load = func() bool {
		opened = r.openStore(in.paths, c.listOnly, in.storedListing)
		return opened != nil && in.loaded(opened)
	}
	if c.listOnly {
		// A listing command's store is saved while it prints (see
		// openStore): the process waits for the save before it exits.
		defer func() {
			if opened != nil {
				if err := opened.Close(); err != nil {
					fmt.Fprintf(r.Stderr, "parallax: %v\n", err)
				}
			}
		}()
	}
	if !c.loadsItself && !in.load() {
		return exitFail
	}
	code := run(r, in)
	if code == exitOK && missing > 0 {
		return exitFail
	}
	return code
}

// tooManyRefs says why an extra article reference is refused.
func tooManyRefs(c *command) string {
	if c.operands == 1 {
		return fmt.Sprintf("%s takes one article", c.name)
	}
	return fmt.Sprintf("%s takes %d articles", c.name, c.operands)
}

// looksLikeWord says arg has no path separator and no file extension: given
// where a PATH goes but naming nothing on disk, it is more likely a command
// or an article reference than a file.
func looksLikeWord(arg string) bool {
	return arg != "-" && !strings.ContainsAny(arg, `./\`)
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// unknownCommand reports a first argument that is neither a command nor a
// file, with the closest command name when there is one.
func (r *runner) unknownCommand(arg string) int {
	msg := fmt.Sprintf("unknown command %q (and no file or folder of that name)", arg)
	if s := r.suggest(arg); s != "" {
		msg += "; did you mean " + s + "?"
	}
	fmt.Fprintf(r.Stderr, "parallax: %s\nRun 'parallax help' for the commands.\n", msg)
	return exitUsage
}

// suggest returns the command (or help topic) closest to a mistyped name:
// at most two edits away, or one the name is a prefix of.
func (r *runner) suggest(name string) string {
	best, bestD := "", 3
	candidates := []string{"help"}
	for _, c := range r.commands {
		if !c.hidden {
			candidates = append(candidates, c.name)
		}
	}
	for _, n := range candidates {
		d := editDistance(strings.ToLower(name), n)
		if len(name) >= 2 && strings.HasPrefix(n, strings.ToLower(name)) {
			d = 1
		}
		if d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

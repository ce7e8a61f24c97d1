package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/store"
	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/ui/config"
)

// globalFlags are accepted before the command name. Their defaults come
// from the configuration file.
type globalFlags struct {
	mouse       bool
	printConfig bool
	version     bool
	watch       bool
}

func (g *globalFlags) add(fset *flag.FlagSet) {
	fset.BoolVar(&g.mouse, "mouse", g.mouse, "scroll with the mouse wheel in the reader (disables text selection)")
	fset.BoolVar(&g.printConfig, "print-config", false, "print the effective configuration and exit")
	fset.BoolVar(&g.version, "version", false, "print the version and exit")
	fset.BoolVar(&g.watch, "watch", false, "in the reader, show files added, changed or removed while it runs")
}

// loadFlags tune how articles are loaded. They are accepted before the
// command name and after it; values given before are the defaults after.
type loadFlags struct {
	maxFileSize byteSize
	noCache     bool
	verbose     bool
	seeds       bool
}

func (l *loadFlags) add(fset *flag.FlagSet) {
	fset.Var(&l.maxFileSize, "max-file-size", "skip files larger than `SIZE` (e.g. 20MB, 512K; default 20MB)")
	fset.BoolVar(&l.noCache, "no-cache", l.noCache, "read and parse every file, without the store of parsed files")
	fset.BoolVar(&l.verbose, "verbose", l.verbose, "list every skipped file (otherwise one line per kind of skip)")
	fset.BoolVar(&l.seeds, "seeds", l.seeds, "with no PATH, open the embedded seed articles even when you have subscriptions")
}

// byteSize is a flag value such as "20MB", "512K" or "1048576".
type byteSize int64

func (b *byteSize) String() string {
	if b == nil || *b == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*b), 10)
}

func (b *byteSize) Set(s string) error {
	n, err := config.ParseSize(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

func (r *runner) loadOptions() corpus.Options {
	opt := corpus.Options{MaxFileSize: int64(r.load.maxFileSize)}
	if r.config.Cache && !r.load.noCache {
		opt.CacheDir = r.cacheDir()
	}
	return opt
}

// cacheDir is where parsed corpora are cached: Env.CacheDir, else
// userfiles.CacheDir ($XDG_CACHE_HOME/parallax, ~/.cache/parallax).
func (r *runner) cacheDir() string {
	if r.CacheDir != "" {
		return r.CacheDir
	}
	return userfiles.CacheDir()
}

// source maps PATH arguments to a corpus source. With none it is the
// user's news when they have subscriptions (see newsSource), else the
// embedded seeds. A URL is fetched and read once (see resolveURLs).
func (r *runner) source(paths []string) corpus.Source {
	if len(paths) == 0 {
		if dir, ok := r.newsSource(); ok {
			return corpus.Source{Paths: []string{dir}}
		}
		return corpus.Source{FS: r.Seeds, FSName: "seeds"}
	}
	return corpus.Source{Paths: r.resolveURLs(paths), Stdin: r.Stdin}
}

// openStore opens and loads the corpus named by paths; nil when the load
// was interrupted (reported). With listOnly, articles come without their
// text, those parsed afresh too (store.Store.Read has it): a listing
// command keeps no text in memory; and the store of parsed files is saved
// while the command goes on (Close waits for it). With storedListing the
// stored listing may answer instead (input.storedListing).
func (r *runner) openStore(paths []string, listOnly, storedListing bool) store.Store {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := r.storeOptions()
	opt.ListOnly, opt.ListOnlyFresh, opt.SaveAfter = listOnly, listOnly, listOnly
	opt.StoredListing = storedListing
	st, err := store.Open(ctx, r.source(paths), opt)
	if err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return nil
	}
	return st
}

// storeOptions are the options a command opens its store with: the load
// options of the flags, and the store's notices (a discarded cache, a
// damaged index snapshot) on stderr.
func (r *runner) storeOptions() store.Options {
	say := func(n string) { fmt.Fprintln(r.Stderr, "parallax:", n) }
	return store.Options{
		Options: r.loadOptions(),
		Progress: func(b corpus.Batch) {
			for _, n := range b.Notices {
				say(n)
			}
		},
		Notice: say,
	}
}

// reportLoaded reports on stderr what a loaded store did not load: each
// PATH that does not exist, and the skipped files (see reportSkipped). It
// returns nil when no article loaded, and the number of PATHs that do not
// exist, which make the exit status 1.
func (r *runner) reportLoaded(st store.Store, paths []string) (store.Store, int) {
	c := st.List()
	missing := r.reportSkipped(c.Skipped, paths)
	if len(c.Articles) == 0 && (c.Listing == nil || len(c.Listing.Rows) == 0) {
		if missing == len(paths) && missing > 0 {
			return nil, missing // each was reported
		}
		where := strings.Join(paths, ", ")
		if len(paths) == 0 {
			if dir, ok := r.newsSource(); ok {
				fmt.Fprintf(r.Stderr, "parallax: no news in %s yet: run 'parallax fetch' (or use --seeds)\n", dir)
				return nil, missing
			}
		}
		fmt.Fprintf(r.Stderr, "parallax: no articles found in %s\n", where)
		return nil, missing
	}
	return st, missing
}

// skipsListed is how many files of one kind of skip are listed one by one
// before they are counted on one line instead (--verbose lists them all).
const skipsListed = 3

// reportSkipped prints the PATH arguments that do not exist as errors, then
// the other skipped files: a kind of skip with a few files lists them, one
// with more is one summary line, unless --verbose. It returns how many
// PATH arguments do not exist.
func (r *runner) reportSkipped(skipped []corpus.Skipped, paths []string) int {
	args := map[string]bool{}
	for _, p := range paths {
		args[p] = true
	}
	missing := 0
	var kinds []string
	byKind := map[string][]corpus.Skipped{}
	sort.SliceStable(skipped, func(i, j int) bool { return skipped[i].Path < skipped[j].Path })
	for _, s := range skipped {
		if args[s.Path] && s.Reason == corpus.NoSuchFile {
			fmt.Fprintf(r.Stderr, "parallax: %s: %s\n", s.Path, s.Reason)
			missing++
			continue
		}
		k := s.Kind()
		if byKind[k] == nil {
			kinds = append(kinds, k)
		}
		byKind[k] = append(byKind[k], s)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		group := byKind[k]
		if r.load.verbose || len(group) <= skipsListed {
			for _, s := range group {
				fmt.Fprintln(r.Stderr, s.String())
			}
			continue
		}
		fmt.Fprintf(r.Stderr, "skipped %s (--verbose lists them)\n", corpus.SkipSummary(k, len(group)))
	}
	return missing
}

// printJSON writes v as indented JSON followed by a newline.
func (r *runner) printJSON(v any) int {
	enc := json.NewEncoder(r.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	return exitOK
}

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
	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/ui/config"
)

// globalFlags are accepted before the command name. Their defaults come
// from the configuration file.
type globalFlags struct {
	mouse       bool
	maxFileSize byteSize
	printConfig bool
	version     bool
	noCache     bool
	watch       bool
}

func (g *globalFlags) add(fset *flag.FlagSet) {
	fset.BoolVar(&g.mouse, "mouse", g.mouse, "scroll with the mouse wheel in the reader (disables text selection)")
	fset.Var(&g.maxFileSize, "max-file-size", "skip files larger than `SIZE` (e.g. 20MB, 512K; default 20MB)")
	fset.BoolVar(&g.printConfig, "print-config", false, "print the effective configuration and exit")
	fset.BoolVar(&g.version, "version", false, "print the version and exit")
	fset.BoolVar(&g.noCache, "no-cache", false, "read and parse every file, without the parsed-corpus cache")
	fset.BoolVar(&g.watch, "watch", false, "in the reader, show files added, changed or removed while it runs")
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
	opt := corpus.Options{MaxFileSize: int64(r.global.maxFileSize)}
	if r.config.Cache && !r.global.noCache {
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

// source maps PATH arguments to a corpus source: the embedded seeds when
// there are none.
func (r *runner) source(paths []string) (corpus.Source, int) {
	if len(paths) == 0 {
		return corpus.Source{FS: r.Seeds, FSName: "seeds"}, exitOK
	}
	return corpus.Source{Paths: paths, Stdin: r.Stdin}, exitOK
}

// loadCorpus loads the corpus named by paths, reports skipped files on
// stderr ("skipped PATH: reason"), and fails when no article loaded.
func (r *runner) loadCorpus(paths []string) (*corpus.Corpus, int) {
	src, code := r.source(paths)
	if code != exitOK {
		return nil, code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	c := &corpus.Corpus{}
	corpus.Stream(ctx, src, r.loadOptions(), func(b corpus.Batch) {
		c.Articles = append(c.Articles, b.Articles...)
		c.Skipped = append(c.Skipped, b.Skipped...)
		for _, n := range b.Notices {
			fmt.Fprintln(r.Stderr, "parallax:", n)
		}
	})
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return nil, exitFail
	}
	c.Sort()
	sort.SliceStable(c.Skipped, func(i, j int) bool { return c.Skipped[i].Path < c.Skipped[j].Path })
	for _, s := range c.Skipped {
		fmt.Fprintln(r.Stderr, s.String())
	}
	if len(c.Articles) == 0 {
		where := strings.Join(paths, ", ")
		fmt.Fprintf(r.Stderr, "parallax: no articles found in %s\n", where)
		return nil, exitFail
	}
	return c, exitOK
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

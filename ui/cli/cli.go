// Package cli implements the parallax command line: global flags, the
// subcommands (one file each, listed in commandTable) and the switch to the
// interactive reader when standard output is a terminal.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"golang.org/x/term"

	"github.com/parallax-reader/parallax/corpus/cache"
	"github.com/parallax-reader/parallax/corpus/feeds"
	"github.com/parallax-reader/parallax/corpus/userfiles"
	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui"
	"github.com/parallax-reader/parallax/ui/config"
)

// Env is the outside world a run sees; tests substitute their own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Seeds is the embedded default corpus, used when no path is given.
	Seeds fs.FS
	// Interactive says standard input and output are a terminal, so that a
	// bare `parallax` opens the reader instead of printing the list.
	Interactive bool
	// RunUI starts the interactive reader; nil means ui.Run.
	RunUI func(ui.Config) error
	// ConfigPath is the configuration file; "" means config.Path().
	ConfigPath string
	// CacheDir holds the store of parsed files; "" means the XDG cache dir.
	CacheDir string
	// StoryEditsPath is the reader's story edits, which `stories`, `story`
	// and `coverage` apply; "" means storyedits.Path().
	StoryEditsPath string
}

// StdEnv is the environment of a real process.
func StdEnv(seeds fs.FS) Env {
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Seeds: seeds,
		Interactive: term.IsTerminal(int(os.Stdout.Fd())) && term.IsTerminal(int(os.Stdin.Fd())),
		RunUI:       ui.Run,
	}
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // nothing to show, unknown reference, I/O error
	exitUsage = 2 // bad flags or arguments
)

// runner carries the environment and global options through a command.
type runner struct {
	Env
	commands       []*command
	global         globalFlags
	load           loadFlags
	config         config.Config
	configProblems []config.Problem

	feedProblemsShown bool              // the subscriptions' bad lines were printed
	urlDirs           map[string]string // URL argument -> folder it was read into
	tempDirs          []string          // removed when the run ends
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	r := &runner{Env: env, commands: commandTable()}
	r.Stdout, r.Stderr = cleanWriter{env.Stdout}, cleanWriter{env.Stderr}
	defer r.cleanup()
	if r.RunUI == nil {
		r.RunUI = ui.Run
	}
	if r.ConfigPath == "" {
		r.ConfigPath = config.Path()
	}
	cfg, probs := config.Load(r.ConfigPath)
	// Key bindings are checked against the reader's actions here, so that
	// every problem is printed once, before anything else happens.
	probs = append(probs, ui.CheckConfig(&cfg, r.ConfigPath)...)
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	for _, p := range probs {
		fmt.Fprintln(r.Stderr, "parallax: config:", p)
	}
	r.config, r.configProblems = cfg, probs
	r.global.mouse = cfg.Mouse
	r.load.maxFileSize = byteSize(cfg.MaxFileSize)
	fset := r.newFlagSet("parallax", "[flags] [PATH...] | COMMAND [ARGS]")
	r.global.add(fset)
	r.load.add(fset)
	// Global flags come before the command name; the loading flags may
	// also follow it (see runCommand).
	if err := fset.Parse(args); err != nil {
		return r.usageError(flagError(err, args), "")
	}
	if r.global.version {
		fmt.Fprintln(r.Stdout, "parallax", Version())
		return exitOK
	}
	if r.global.printConfig {
		eff := r.config
		eff.Mouse, eff.MaxFileSize = r.global.mouse, int64(r.load.maxFileSize)
		fmt.Fprint(r.Stdout, eff.TOML())
		dir := r.cacheDir()
		files, size := cache.Usage(dir)
		fmt.Fprintf(r.Stdout, "\n# store of parsed files, search snapshots and story groupings: %s\n# (%s in %d files; --no-cache or cache = false bypasses it)\n", dir, userfiles.HumanBytes(size), files)
		return exitOK
	}
	rest := fset.Args()
	if len(rest) > 0 {
		if c := r.lookup(rest[0]); c != nil {
			return r.runCommand(c, rest[1:])
		}
		if rest[0] == "help" {
			return r.help(rest[1:])
		}
		if looksLikeWord(rest[0]) && !exists(rest[0]) {
			return r.unknownCommand(rest[0])
		}
	}
	// No command: the reader on a terminal, the list otherwise.
	if !r.Interactive {
		return r.runCommand(r.lookup("list"), rest)
	}
	src := r.source(rest)
	uc := ui.Config{Source: src, Load: r.loadOptions(), Mouse: r.global.mouse, Watch: r.global.watch,
		Settings: r.config, ConfigProblems: r.configProblems}
	uc.News = r.readerNews(rest)
	if err := r.RunUI(uc); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	return exitOK
}

// Version says which build this is, from the build information: the
// module version when built with go install, else the VCS revision and
// commit time (and "modified" for uncommitted changes), else that neither
// was recorded.
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(no build information)"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	vcs := map[string]string{}
	for _, s := range bi.Settings {
		vcs[s.Key] = s.Value
	}
	rev := vcs["vcs.revision"]
	if rev == "" {
		return fmt.Sprintf("(devel, built with %s without version control information: build in a git checkout without -buildvcs=false)", bi.GoVersion)
	}
	v := "revision " + rev[:min(len(rev), 12)]
	if t := vcs["vcs.time"]; t != "" {
		v += " of " + t
	}
	if vcs["vcs.modified"] == "true" {
		v += " (modified)"
	}
	return v + ", " + bi.GoVersion
}

// newFlagSet makes a flag set that reports errors instead of exiting.
func (r *runner) newFlagSet(name, synopsis string) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.Usage = func() {}
	return fset
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments ("show 2 --json"); "--" ends the flags.
func parseInterspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, err
		}
		rest := fset.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// flag stops at the first positional argument or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// flagError restates an error of the flag package with each flag spelled
// as it was typed: flag reports "--bogus" as "-bogus".
func flagError(err error, args []string) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := strings.Replace(err.Error(), "flag provided but not defined: ", "unknown flag: ", 1)
	for _, a := range args {
		if a == "--" {
			break
		}
		name, _, _ := strings.Cut(a, "=")
		if !strings.HasPrefix(name, "--") || len(name) < 3 {
			continue
		}
		single := name[1:]
		for _, sep := range []string{": ", "flag ", "for "} {
			if i := strings.Index(msg, sep+single); i >= 0 && (i+len(sep)+len(single) == len(msg) || strings.ContainsRune(": ", rune(msg[i+len(sep)+len(single)]))) {
				msg = msg[:i+len(sep)] + name + msg[i+len(sep)+len(single):]
				return errors.New(msg)
			}
		}
	}
	return errors.New(msg)
}

// usageError reports a bad invocation and returns the usage exit code.
func (r *runner) usageError(err error, cmd string) int {
	if errors.Is(err, flag.ErrHelp) {
		r.printUsage(r.Stdout, cmd)
		return exitOK
	}
	fmt.Fprintf(r.Stderr, "parallax: %v\n", err)
	r.printUsage(r.Stderr, cmd)
	return exitUsage
}

func (r *runner) help(args []string) int {
	if len(args) > 0 {
		if t, ok := helpTopics[args[0]]; ok {
			t.print(r, r.Stdout)
			return exitOK
		}
		if r.lookup(args[0]) == nil {
			msg := fmt.Sprintf("no command %q (nor help topic)", args[0])
			if s := r.suggest(args[0]); s != "" && s != "help" {
				msg += "; did you mean " + s + "?"
			}
			fmt.Fprintf(r.Stderr, "parallax: %s\n", msg)
			r.printUsage(r.Stderr, "")
			return exitUsage
		}
		r.printUsage(r.Stdout, args[0])
		return exitOK
	}
	r.printUsage(r.Stdout, "")
	return exitOK
}

func (r *runner) printUsage(w io.Writer, cmd string) {
	if c := r.lookup(cmd); c != nil {
		fmt.Fprintf(w, "usage: parallax %s %s\n\n%s\n", c.name, c.args, c.summary)
		fset := r.newFlagSet(c.name, "")
		c.flags(fset)
		if hasFlags(fset) {
			fmt.Fprintln(w, "\nFlags:")
			printFlags(w, fset)
		}
		if c.noInput {
			return
		}
		fmt.Fprintln(w, "\nLoading flags (also accepted before the command):")
		lset := r.newFlagSet(c.name, "")
		var l loadFlags
		l.add(lset)
		printFlags(w, lset)
		return
	}
	fmt.Fprint(w, `usage: parallax [flags] [PATH...]
       parallax COMMAND [ARGS]

Parallax reads news articles and compares how outlets covered the same story.
With no PATH it opens your fetched news when you follow feeds (parallax feeds),
else the five embedded seed articles (--seeds: always). PATH may be files or
folders (read recursively, hidden entries skipped), "-" for standard input,
or a feed's or page's URL, read once. On a terminal it opens the interactive
reader; otherwise it prints the list.

Commands:
`)
	for _, c := range r.commands {
		if !c.hidden {
			fmt.Fprintf(w, "  %-10s %s\n", c.name, synopsis(c.summary, 66))
		}
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	fset := r.newFlagSet("parallax", "")
	var g globalFlags
	var l loadFlags
	g.add(fset)
	l.add(fset)
	printFlags(w, fset)
	fmt.Fprintf(w, `
Help topics (parallax help TOPIC):
%s

Examples:
  parallax                          open your news (or the embedded seed articles) in the reader
  parallax feeds add https://example.com/ && parallax fetch
  parallax ~/news saved.html        read your own files and folders
  parallax list ~/news | head       print the list (what a pipe always gets)
  curl -s https://example.com/feed.xml | parallax -
  parallax --print-config > %s

Files:
  %s
      configuration (optional; parallax help config)
  %s
      read marks and bookmarks
  %s
      the feeds you follow (parallax help feeds); fetched news in %s

Run 'parallax help COMMAND' for a command's flags and examples.
`, topicNames(), r.ConfigPath, r.ConfigPath, userstate.Dir(), r.feedsPath(), feeds.NewsDir())
}

func printFlags(w io.Writer, fset *flag.FlagSet) {
	fset.VisitAll(func(f *flag.Flag) {
		valueName, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if _, isBool := f.Value.(interface{ IsBoolFlag() bool }); !isBool {
			if valueName == "" {
				valueName = "value"
			}
			name += " " + strings.ToUpper(valueName)
		}
		fmt.Fprintf(w, "  %-24s %s\n", name, usage)
	})
}

func hasFlags(fset *flag.FlagSet) bool {
	n := 0
	fset.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// synopsis is the first sentence of a command's summary without its full
// stop (up to its colon, if it has one), cut at a word to at most width columns.
func synopsis(summary string, width int) string {
	para, _, _ := strings.Cut(summary, "\n\n")
	s := strings.Join(strings.Fields(para), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".") // a list of synopses reads alike: no full stops
	if i := strings.Index(s, ": "); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > width {
		cut := string(r[:width-1])
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, ",;") + "…"
	}
	return s
}

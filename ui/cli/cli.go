// Package cli implements the parallax command line: global flags, the
// subcommands (one file each, registered in init) and the switch to the
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
	// CacheDir holds the parsed-corpus cache; "" means the XDG cache dir.
	CacheDir string
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

// command is one subcommand.
type command struct {
	name    string
	args    string // synopsis of the arguments, for usage
	summary string
	hidden  bool
	minArgs int // positional arguments the command needs
	// flags declares the command's flags on fset, bound to options made for
	// this call alone, and returns the command run with those options once
	// fset is parsed. Each run and each usage page calls it anew, so no two
	// of them share flag values.
	flags func(fset *flag.FlagSet) runFunc
}

// runFunc runs a command on its positional arguments, after its flags are
// parsed; there are always at least the command's minArgs of them.
type runFunc func(r *runner, args []string) int

// commands is filled by each command's init and only read afterwards.
var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// runner carries the environment and global options through a command.
type runner struct {
	Env
	global         globalFlags
	config         config.Config
	configProblems []config.Problem
}

// Main runs the command line and returns the process exit code.
func Main(args []string, env Env) int {
	r := &runner{Env: env}
	r.Stdout, r.Stderr = cleanWriter{env.Stdout}, cleanWriter{env.Stderr}
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
	r.global.maxFileSize = byteSize(cfg.MaxFileSize)
	fset := r.newFlagSet("parallax", "[flags] [PATH...] | COMMAND [ARGS]")
	r.global.add(fset)
	// Global flags come before the command name.
	if err := fset.Parse(args); err != nil {
		return r.usageError(err, "")
	}
	if r.global.version {
		fmt.Fprintln(r.Stdout, "parallax", Version())
		return exitOK
	}
	if r.global.printConfig {
		eff := r.config
		eff.Mouse, eff.MaxFileSize = r.global.mouse, int64(r.global.maxFileSize)
		fmt.Fprint(r.Stdout, eff.TOML())
		return exitOK
	}
	rest := fset.Args()
	if len(rest) > 0 {
		if c, ok := commands[rest[0]]; ok {
			return r.runCommand(c, rest[1:])
		}
		if rest[0] == "help" {
			return r.help(rest[1:])
		}
	}
	// No command: the reader on a terminal, the list otherwise.
	if !r.Interactive {
		return r.runCommand(commands["list"], rest)
	}
	src, code := r.source(rest)
	if code != exitOK {
		return code
	}
	uc := ui.Config{Source: src, Load: r.loadOptions(), Mouse: r.global.mouse, Watch: r.global.watch,
		Settings: r.config, ConfigProblems: r.configProblems}
	if err := r.RunUI(uc); err != nil {
		fmt.Fprintln(r.Stderr, "parallax:", err)
		return exitFail
	}
	return exitOK
}

// Version is the module version when built with go install, else the VCS
// revision when known, else "devel".
func Version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel " + s.Value[:12]
		}
	}
	return "devel"
}

// runCommand parses a command's arguments (flags may follow positionals)
// and runs it, or reports a usage error.
func (r *runner) runCommand(c *command, args []string) int {
	fset := r.newFlagSet(c.name, "")
	run := c.flags(fset)
	pos, err := parseInterspersed(fset, args)
	if err != nil {
		return r.usageError(err, c.name)
	}
	if len(pos) < c.minArgs {
		return r.usageError(fmt.Errorf("%s needs %s", c.name, c.args), c.name)
	}
	return run(r, pos)
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
		if _, ok := commands[args[0]]; !ok {
			fmt.Fprintf(r.Stderr, "parallax: no command %q\n", args[0])
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
	if c, ok := commands[cmd]; ok {
		fmt.Fprintf(w, "usage: parallax %s %s\n\n%s\n", c.name, c.args, c.summary)
		fset := r.newFlagSet(c.name, "")
		c.flags(fset)
		if hasFlags(fset) {
			fmt.Fprintln(w, "\nFlags:")
			printFlags(w, fset)
		}
		return
	}
	fmt.Fprint(w, `usage: parallax [flags] [PATH...]
       parallax COMMAND [ARGS]

Parallax reads news articles and compares how outlets covered the same story.
With no PATH it opens the five embedded seed articles. PATH may be files or
folders (read recursively, hidden entries skipped) or "-" for standard input.
On a terminal it opens the interactive reader; otherwise it prints the list.

Commands:
`)
	names := make([]string, 0, len(commands))
	for n, c := range commands {
		if !c.hidden {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  %-10s %s\n", n, synopsis(c.summary, 66))
	}
	fmt.Fprintln(w, "\nGlobal flags:")
	fset := r.newFlagSet("parallax", "")
	var g globalFlags
	g.add(fset)
	printFlags(w, fset)
	fmt.Fprintf(w, `
Help topics (parallax help TOPIC):
%s

Examples:
  parallax                          open the embedded seed articles in the reader
  parallax ~/news saved.html        read your own files and folders
  parallax list ~/news | head       print the list (what a pipe always gets)
  curl -s https://example.com/feed.xml | parallax -
  parallax --print-config > %s

Files:
  %s
      configuration (optional; parallax help config)
  %s
      read marks and bookmarks

Run 'parallax help COMMAND' for a command's flags and examples.
`, topicNames(), r.ConfigPath, r.ConfigPath, userstate.Dir())
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

// synopsis is the first sentence of a command's summary (up to its colon,
// if it has one), cut at a word to at most width columns.
func synopsis(summary string, width int) string {
	para, _, _ := strings.Cut(summary, "\n\n")
	s := strings.Join(strings.Fields(para), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
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

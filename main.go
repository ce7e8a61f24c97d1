// Command parallax is a terminal news reader for comparing how outlets cover
// the same story. See README.md.
package main

import (
	"embed"
	"io/fs"
	"os"
	"runtime/pprof"
	"runtime/trace"

	"github.com/parallax-reader/parallax/ui/cli"
)

// The default corpus: five real scraped articles about one story.
//
//go:embed seeds
var seedFiles embed.FS

func main() {
	seeds, err := fs.Sub(seedFiles, "seeds")
	if err != nil {
		panic(err) // cannot happen: the folder is embedded at build time
	}
	os.Exit(run(seeds))
}

// run is main's body, so that the profile below is written before exit.
// PARALLAX_CPUPROFILE=FILE profiles the whole run, the interactive reader
// included (see BENCHMARKS.md); with PARALLAX_MEMPROFILE=FILE, SIGUSR1
// writes what is on the heap then (after a collection): what a running
// reader keeps. PARALLAX_TRACE=FILE writes an execution trace (go tool
// trace; -pprof=sync shows where goroutines waited).
func run(seeds fs.FS) int {
	if p := os.Getenv("PARALLAX_MEMPROFILE"); p != "" {
		memProfileOnSignal(p)
	}
	if p := os.Getenv("PARALLAX_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			defer f.Close() // after the profile is stopped (defers run last first)
			if pprof.StartCPUProfile(f) == nil {
				defer pprof.StopCPUProfile()
			}
		}
	}
	if p := os.Getenv("PARALLAX_TRACE"); p != "" {
		if f, err := os.Create(p); err == nil {
			defer f.Close()
			if trace.Start(f) == nil {
				defer trace.Stop()
			}
		}
	}
	return cli.Main(os.Args[1:], cli.StdEnv(seeds))
}

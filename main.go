// Command parallax is a terminal news reader for comparing how outlets cover
// the same story. See README.md.
package main

import (
	"embed"
	"io/fs"
	"os"

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
	os.Exit(cli.Main(os.Args[1:], cli.StdEnv(seeds)))
}

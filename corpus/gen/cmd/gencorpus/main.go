// Command gencorpus writes a generated corpus of plain-text articles, for
// trying Parallax and ripgrep on large corpora by hand:
//
//	go run ./corpus/gen/cmd/gencorpus -n 10000 -out /tmp/corpus10k
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/parallax-reader/parallax/corpus/gen"
)

func main() {
	n := flag.Int("n", 10000, "number of articles")
	out := flag.String("out", "", "output folder (required)")
	seed := flag.Int64("seed", 1, "random seed; the same seed gives the same corpus")
	flag.Parse()
	if *out == "" || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := gen.Write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %d articles to %s in %v\n", *n, *out, time.Since(start).Round(time.Millisecond))
}

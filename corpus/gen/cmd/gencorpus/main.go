// Command gencorpus writes a generated corpus of plain-text articles, for
// trying Parallax and ripgrep on large corpora by hand:
//
//	go run ./corpus/gen/cmd/gencorpus -n 10000 -out /tmp/corpus10k
//
// With -lines it writes story lines with noisy dates instead, as one JSON
// Lines file and the true events and lines beside it (see gen.WriteLines).
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
	lines := flag.Bool("lines", false, "story lines over weeks with noisy dates, as lines.jsonl and lines.labels.tsv")
	flag.Parse()
	if *out == "" || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	write := gen.Write
	if *lines {
		write = gen.WriteLines
	}
	if err := write(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %d articles to %s in %v\n", *n, *out, time.Since(start).Round(time.Millisecond))
}

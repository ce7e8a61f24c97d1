package cli

import (
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/ui"
)

// listOptions are one run's list flags.
type listOptions struct{ json bool }

// listFlags declares list's flags on f for one run; see command.flags.
func listFlags(f *flag.FlagSet) runFunc {
	var opts listOptions
	f.BoolVar(&opts.json, "json", false, "print a JSON array of article objects")
	return func(r *runner, in *input) int { return runList(r, opts, in) }
}

var listCommand = command{
	name: "list", args: "[--json] [PATH...]",
	summary: `Print one line per article: position, date, outlet and title.
Articles are ordered newest first; undated ones last. A title marked "` + ui.MarkDerived + `"
was derived from the article's lead because the file had none.

Examples:
  parallax list
  parallax list --json ~/news | jq '.[].title'`,
	flags:    listFlags,
	listOnly: true,
	// The plain list asks for the stored listing (input.storedListing);
	// --json, which prints each text, loads.
	loadsItself: true,
}

func runList(r *runner, opts listOptions, in *input) int {
	in.storedListing = !opts.json
	if !in.load() {
		return exitFail
	}
	c := in.corpus
	if opts.json {
		out := make([]articleJSON, len(c.Articles))
		for i, a := range c.Articles {
			whole, err := in.store.Read(a.ID) // the headings are in the text
			if err != nil {
				fmt.Fprintln(r.Stderr, "parallax:", err)
				return exitFail
			}
			out[i] = toJSON(whole)
		}
		return r.printJSON(out)
	}
	var rows []corpus.ListRow
	if c.Listing != nil { // the stored listing answered
		rows = c.Listing.Rows
	} else {
		rows = corpus.ListRowsOf(c.Articles)
	}
	// What this list shows is stored while it prints, for the next list
	// of the same files (corpus.Options.StoredListing).
	saved := make(chan error, 1)
	if c.Stamp != nil {
		go func() { saved <- c.Stamp.Save(rows, c.Skipped) }()
	} else {
		saved <- nil
	}
	defer func() {
		if err := <-saved; err != nil {
			fmt.Fprintln(r.Stderr, "parallax: the stored listing could not be saved:", err)
		}
	}()
	outletWidth := maxInBlocks(len(rows), func(lo, hi int) int {
		w := 0
		for _, row := range rows[lo:hi] {
			w = max(w, min(runeLen(outletOf(row.Outlet)), 28))
		}
		return w
	})
	posWidth := len(strconv.Itoa(len(rows)))
	// Whole lines, written a block at a time: a write per line was a
	// system call per article, and the terminal's cleaning (cleanWriter)
	// must see whole characters. Each line is appended piece by piece:
	// at 100,000 articles fmt and the padded copies were a tenth of the
	// command's time. The blocks are made on every core while the first
	// are written (reading 100,000 scattered articles is most of it).
	failed := false
	writeListBlocks(len(rows), func(lo, hi int, buf []byte) []byte {
		for i := lo; i < hi; i++ {
			buf = appendListLine(buf, i+1, posWidth, &rows[i], outletWidth)
		}
		return buf
	}, func(buf []byte) bool {
		_, err := r.Stdout.Write(buf)
		failed = err != nil
		return !failed
	})
	if failed {
		return exitFail
	}
	return exitOK
}

// listBlock is how many articles' lines are made and written together.
const listBlock = 2048

// maxInBlocks is the largest f(lo, hi) over the blocks of n (0 for
// none), f run on every core at once.
func maxInBlocks(n int, f func(lo, hi int) int) int {
	parts := make([]int, (n+listBlock-1)/listBlock)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for b := range parts {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			parts[b] = f(b*listBlock, min((b+1)*listBlock, n))
		})
	}
	wg.Wait()
	out := 0
	for _, p := range parts {
		out = max(out, p)
	}
	return out
}

// writeListBlocks makes the blocks of n lines with lines(lo, hi, buf),
// on every core, and hands them to write in order, until write returns
// false. At most one block per core waits to be written. A written
// block's buffer is given to a block still to be made: each block grown
// from nothing had been a sixth of the lines' making, in copies.
func writeListBlocks(n int, lines func(lo, hi int, buf []byte) []byte, write func([]byte) bool) {
	blocks := (n + listBlock - 1) / listBlock
	made := make([]chan []byte, blocks)
	for b := range made {
		made[b] = make(chan []byte, 1)
	}
	cores := runtime.GOMAXPROCS(0)
	ahead := make(chan struct{}, cores)
	free := make(chan []byte, cores+1)
	stop := make(chan struct{})
	go func() {
		for b := range blocks {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			var buf []byte
			select {
			case buf = <-free:
			default:
			}
			go func() { made[b] <- lines(b*listBlock, min((b+1)*listBlock, n), buf) }()
		}
	}()
	defer close(stop)
	for b := range blocks {
		buf := <-made[b]
		ok := write(buf)
		select {
		case free <- buf[:0]:
		default:
		}
		<-ahead
		if !ok {
			return
		}
	}
}

// appendListLine appends list's line for the article at position pos:
// "%*d  date  outlet (padded)  title".
func appendListLine(buf []byte, pos, posWidth int, a *corpus.ListRow, outletWidth int) []byte {
	for n := len(strconv.Itoa(pos)); n < posWidth; n++ {
		buf = append(buf, ' ')
	}
	buf = strconv.AppendInt(buf, int64(pos), 10)
	buf = append(buf, "  "...)
	if !a.Published.IsZero() {
		buf = a.Published.AppendFormat(buf, "2006-01-02")
	} else {
		buf = append(buf, "—         "...)
	}
	buf = append(buf, "  "...)
	outlet := truncate(outletOf(a.Outlet), 28)
	buf = append(buf, outlet...)
	for n := runeLen(outlet); n < outletWidth; n++ {
		buf = append(buf, ' ')
	}
	buf = append(buf, "  "...)
	if a.TitleDerived {
		buf = append(buf, ui.MarkDerived+" "...)
	}
	buf = append(buf, a.Title...)
	return append(buf, '\n')
}

func outletOf(outlet string) string {
	if outlet == "" {
		return "unknown source"
	}
	return outlet
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

func truncate(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func pad(s string, n int) string {
	if k := runeLen(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

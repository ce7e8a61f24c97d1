package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
)

// The load report counts the skips by kind above the full list, so a
// scrape with thousands of duplicates opens on one line saying so, and
// still names every file below it.
func TestLoadReportCountsSkipsByKind(t *testing.T) {
	sh := newShared(newStyles(true, false), "ascii", termenv.Ascii, func() time.Time { return fixedNow }, nil)
	var skipped []corpus.Skipped
	for i := range 12 {
		skipped = append(skipped, corpus.Skipped{Path: fmt.Sprintf("news/copy%02d.html", i), Reason: "duplicate of news/original.html (identical bytes, loaded once)"})
	}
	skipped = append(skipped, corpus.Skipped{Path: "news/blob.bin", Reason: "binary file, not text"},
		corpus.Skipped{Path: "news/gone.html", Reason: corpus.NoSuchFile})
	lines := reportLines(sh, loadState{read: 20, total: 20, skipped: skipped}, 6, 80)
	text := strings.Join(lines, "\n")
	want := "  · 12 duplicates of files already loaded\n  · 1 file: binary file, not text\n  · 1 file: no such file or directory\n"
	if !strings.Contains(text, want) {
		t.Errorf("no count by kind in the report:\n%s", text)
	}
	if strings.Count(text, "identical bytes") != 12 || !strings.Contains(text, "news/copy11.html") {
		t.Errorf("the report no longer lists every file:\n%s", text)
	}
	one := reportLines(sh, loadState{read: 2, total: 2, skipped: skipped[12:13]}, 1, 80)
	if strings.Contains(strings.Join(one, "\n"), "· ") {
		t.Errorf("a single skip is counted by kind:\n%s", strings.Join(one, "\n"))
	}
}

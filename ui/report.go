package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// reportLines is the load report: what was read and every file skipped with
// its reason, wrapped to width w.
func reportLines(sh *shared, ls loadState, articles int, w int) []string {
	st := sh.styles
	inner := max(w-4, 10)
	var lines []string
	summary := fmt.Sprintf("%s read: %s, %s skipped.",
		plural(ls.read, "file"), plural(articles, "article"), formatCount(len(ls.skipped)))
	if ls.loading {
		summary = fmt.Sprintf("Loading: %s of %s read so far, %s skipped.",
			formatCount(ls.read), totalText(ls.total), formatCount(len(ls.skipped)))
	}
	for _, l := range wrap(summary, inner) {
		lines = append(lines, "  "+l)
	}
	lines = append(lines, "")
	if len(ls.skipped) == 0 {
		lines = append(lines, "  "+st.Meta.Render("Nothing was skipped."))
		return lines
	}
	for _, l := range skipKindLines(ls.skipped, inner) {
		lines = append(lines, "  "+l)
	}
	for _, s := range sortedSkipped(ls.skipped) {
		for _, l := range wrap(corpus.CleanLine(s.Path), inner) {
			lines = append(lines, "  "+l)
		}
		for _, l := range wrap(corpus.CleanLine(s.Reason), inner-2) {
			lines = append(lines, "    "+st.Meta.Render(l))
		}
	}
	return lines
}

// skipKindLines count the skipped files by kind of skip, most first, above
// the list of every file: thousands of duplicates in a scrape are one line
// there. Nothing when every file was skipped for a different reason.
func skipKindLines(skipped []corpus.Skipped, w int) []string {
	count := map[string]int{}
	var kinds []string
	for _, s := range skipped {
		k := s.Kind()
		if count[k] == 0 {
			kinds = append(kinds, k)
		}
		count[k]++
	}
	if len(kinds) == len(skipped) {
		return nil
	}
	slices.SortStableFunc(kinds, func(a, b string) int {
		if count[a] != count[b] {
			return count[b] - count[a]
		}
		return strings.Compare(a, b)
	})
	var lines []string
	for _, k := range kinds {
		for i, l := range wrap(corpus.SkipSummary(k, count[k]), w-2) {
			if i == 0 {
				lines = append(lines, "· "+l)
			} else {
				lines = append(lines, "  "+l)
			}
		}
	}
	return append(lines, "")
}

func totalText(total int) string {
	if total < 0 {
		return "?"
	}
	return formatCount(total)
}

func sortedSkipped(s []corpus.Skipped) []corpus.Skipped {
	out := append([]corpus.Skipped(nil), s...)
	sortSkipped(out)
	return out
}

func sortSkipped(s []corpus.Skipped) {
	slices.SortStableFunc(s, func(a, b corpus.Skipped) int { return strings.Compare(a.Path, b.Path) })
}

package ui

import "sort"

// nextHit is the one rule for moving between the hits of a find, in the
// article and in the comparison alike. at holds the hits' positions in
// reading order (hit numbers in the article, rows in the comparison), from
// is where the reader is; dir is +1 (next), -1 (previous) or 0 (the first
// hit at or after from, as enter does). It always wraps around, and note
// says so when it did ("" otherwise). ok is false without hits.
func nextHit(at []int, from, dir int) (i int, note string, ok bool) {
	n := len(at)
	if n == 0 {
		return 0, "", false
	}
	switch {
	case dir > 0:
		i = sort.SearchInts(at, from+1)
	case dir < 0:
		i = sort.SearchInts(at, from) - 1
	default:
		i = sort.SearchInts(at, from)
	}
	switch {
	case i >= n:
		return 0, wrapNote(n, true), true
	case i < 0:
		return n - 1, wrapNote(n, false), true
	}
	return i, "", true
}

// wrapNote says that a step went round the end of the hits.
func wrapNote(n int, toFirst bool) string {
	switch {
	case n == 1:
		return "the only hit"
	case toFirst:
		return "back at the first hit"
	}
	return "back at the last hit"
}

package ui

import (
	"fmt"
)

// tooSmallLines is the whole screen when the terminal is below the minimum.
func tooSmallLines(sh *shared, w, h int) []string {
	lines := []string{
		sh.styles.Empty.Render("Terminal too small"),
		fmt.Sprintf("%d×%d, need %d×%d", w, h, minWidth, minHeight),
		sh.styles.Meta.Render("enlarge it, or q to quit"),
	}
	return center(lines, w, h)
}

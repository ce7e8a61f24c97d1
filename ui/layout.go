package ui

// Terminal sizes below these show the "terminal too small" screen.
const (
	minWidth  = 40
	minHeight = 8
	// wideWidth is where the list gets a preview pane beside it.
	wideWidth = 120
	// previewWidth is what the preview keeps once the list has half;
	// maxListWidth is as wide as the list grows.
	previewWidth = 64
	maxListWidth = 120
)

// mode is what the main area shows. A full-area pane gets its own mode,
// registered in paneRegistry (pane.go); layout gives it the main area.
type mode int

const (
	modeList      mode = iota // the list (with a preview when wide)
	modeArticle               // reading an article
	modeHelp                  // full help for the mode underneath
	modeReport                // the load report
	modeCompare               // two articles side by side
	modePicker                // choosing what to compare with
	modeCoverage              // a story's quotes, names and numbers by outlet
	modeSearch                // the search bar and its results, in the list's place
	modeFeeds                 // the subscriptions with their last fetch (feedspane.go)
	modeStoryView             // one story, every outlet at a glance
	modeMoveStory             // choosing a story to move an article into (the picker, moving)
)

// reading reports whether md shows the reading screen: the list (or the
// search in its place) and the article, side by side when wide.
func (md mode) reading() bool { return md == modeList || md == modeArticle || md == modeSearch }

// box is the size of one pane. A zero box is not shown.
type box struct{ w, h int }

// frame is where everything goes for one terminal size and mode.
type frame struct {
	tooSmall bool
	wide     bool
	header   box // the top bar
	status   box // the bottom status line
	list     box // the list pane (the search pane in modeSearch)
	article  box // the article pane (the preview, when wide and in modeList)
	main     box // full-width panes: help, report, compare, picker, coverage
	gap      int // columns between list and article (the separator)
}

// layout is the one place terminal size is divided between panes. Every
// subtraction is clamped, and every box fits inside width x height.
func layout(width, height int, m mode) frame {
	f := frame{}
	if width < minWidth || height < minHeight {
		f.tooSmall = true
		return f
	}
	f.header = box{width, 1}
	f.status = box{width, 1}
	bodyH := clamp(height-f.header.h-f.status.h, 0, height)
	f.wide = width >= wideWidth

	switch {
	case m.reading():
		if f.wide {
			f.gap = 1
			// Half, or more on wide terminals: the preview keeps a
			// comfortable reading measure and the list's titles get the rest.
			lw := max(clamp(width/2, 56, 90), min(width-previewWidth-1, maxListWidth))
			f.list = box{lw, bodyH}
			f.article = box{clamp(width-lw-f.gap, 0, width), bodyH}
		} else if m == modeList || m == modeSearch {
			f.list = box{width, bodyH}
		} else {
			f.article = box{width, bodyH}
		}
	default: // help, the report and every registered pane fill the main area
		f.main = box{width, bodyH}
	}
	return f
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

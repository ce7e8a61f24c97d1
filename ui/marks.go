package ui

import (
	"fmt"

	"github.com/parallax-reader/parallax/ui/comparison"
)

// The marks the panes draw. Each means one thing wherever it appears, and
// each pane's help (`?`) explains the marks that pane draws. The exported
// ones are also the command line's (ui/cli), so both say a thing alike.
const (
	markUnread   = "●" // list, search: not opened yet
	markBookmark = "★" // list: bookmarked
	MarkDerived  = "†" // before a title the file did not have: made from the lead
	markChosen   = "■" // picker: marked for comparing several articles at once
	markUnfolded = "▾" // grouped list: a story (line) shown with its articles
	markFolded   = "▸" // grouped list: a story (line) folded to its header

	markCopied    = comparison.GlyphCopied    // comparison row: the same wording on both sides
	markReworded  = comparison.GlyphReworded  // comparison row: the same passage in other words
	markLeftOnly  = comparison.GlyphLeftOnly  // comparison row: only the left side has it
	markRightOnly = comparison.GlyphRightOnly // comparison row: only the right side has it

	MarkHas   = "✓" // coverage cell: the outlet has it
	MarkNone  = "·" // coverage cell: it does not
	MarkOnly  = "◆" // coverage: only this outlet has it
	markClash = "!" // coverage: the outlets' figures disagree
)

// markLegend is what a help key map says about its pane's marks.
type markLegend interface {
	marks(sh *shared) []string
}

func (listHelp) marks(sh *shared) []string {
	sk := sh.keys.Stories
	return append(articleMarks(sh), "Grouped by story ("+keyHint(sk.Group)+"): "+markUnfolded+" a story line or story with its articles, "+
		markFolded+" one folded to its header ("+keyHint(sk.Fold)+" folds or unfolds it, "+keyHint(sk.FoldAll)+" every one); "+
		"• an event of one article in its line.")
}
func (articleHelp) marks(sh *shared) []string { return articleMarks(sh) }
func (searchHelp) marks(sh *shared) []string  { return articleMarks(sh) }
func (findHelp) marks(sh *shared) []string    { return articleMarks(sh) }

// articleMarks explain the list's, the search's and the article's marks.
func articleMarks(sh *shared) []string {
	lk := sh.keys.List
	return []string{
		MarkDerived + " before a title: the file had no headline; it was made from the opening sentence.",
		markUnread + " marks articles you have not opened yet. Read marks are kept between runs.",
		markBookmark + " marks bookmarks (" + keyHint(lk.Bookmark) + " toggles, " + keyHint(lk.BookmarksOnly) + " shows only them). " +
			keyHint(lk.UnreadOnly) + " shows unread articles only. Keys can be changed in the configuration file.",
	}
}

func (h compareHelp) marks(sh *shared) []string {
	var many []string
	if h.many {
		k := sh.keys.Compare
		many = []string{
			fmt.Sprintf("More than two articles: one column each where each can have %d columns, a row per fact; narrower, "+
				"the first article with each other one, a pair at a time (%s/%s next / previous pair).",
				minColumnW, keyHint(k.NextPair), keyHint(k.PrevPair)),
			"Columns: 2/3 how many of the articles report the fact (3/3: every one); " + MarkOnly +
				" only this article does; " + MarkNone + " this article does not.",
		}
	}
	return append(many, []string{
		"Rows: " + markCopied + " both sides have the passage word for word; " + markReworded +
			" both have it in other words; " + markLeftOnly + " only the left side has it; " + markRightOnly + " only the right side has it.",
		"In the text, words copied word for word are reversed, words both sides use are underlined; find matches stand out in bold.",
		MarkDerived + " before a title: the file had no headline; it was made from the opening sentence.",
	}...)
}

func (pickerHelp) marks(*shared) []string {
	return []string{
		"Each row: how much of its wording the article shares with this one, as a figure and a bar.",
		markChosen + " marks the articles chosen (space) to compare with this one all at once (enter).",
		MarkDerived + " before a title: the file had no headline; it was made from the opening sentence.",
	}
}

func (coverageHelp) marks(*shared) []string {
	return []string{
		"Columns are the story's articles, A first (the one you came from); the key under the legend names their outlets.",
		MarkHas + " the outlet has it; " + MarkNone + " it does not; " + MarkOnly + " only this outlet has it.",
		markClash + " the outlets give figures for the same thing that disagree: check the sources. " +
			"Figures: ~ about, < at most, > more than.",
	}
}

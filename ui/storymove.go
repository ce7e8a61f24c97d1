package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/corpus/storyedits"
	"github.com/parallax-reader/parallax/ui/library"
)

// The reader's say on stories: A moves the article into another story
// (chosen in the picker, moving), X splits it into a story of its own, X
// again gives it back to grouping. The edit is kept by article ID under the
// state directory (corpus/storyedits) and applied over every grouping
// (compare.Stories.WithEdits), off the update loop.

type (
	// storyEditMsg is the intent to record an edit of a's story; edit nil
	// forgets a's edit. note is what the status line says once done.
	storyEditMsg struct {
		a    *corpus.Article
		edit *compare.StoryEdit
		note string
	}
	// splitStoryMsg is X on an article: a story of its own, or back to
	// grouping (splitEdit).
	splitStoryMsg struct{ it *item }
	// storyEditedMsg brings the grouping with the edits applied, and how
	// saving them went.
	storyEditedMsg struct {
		auto, shown *compare.Stories
		note        string
		err         error
	}
)

// otherStories keeps, of an article's candidates, the closest article of
// each story other than its own: a row per story to move it into.
func otherStories(st *compare.Stories, cands []compare.Candidate) []compare.Candidate {
	if st == nil {
		return nil
	}
	seen := map[*compare.Story]bool{}
	out := cands[:0]
	for _, c := range cands {
		s := st.Of(c.Article)
		if c.SameStory || s == nil || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, c)
	}
	return out
}

// storyTitle is a moving picker row's text: the candidate's story (its
// label and size), then the candidate itself.
func (p *pickerPane) storyTitle(a *corpus.Article, title string) string {
	st := p.sh.lib.Stories()
	if st == nil || st.Of(a) == nil {
		return title
	}
	s := st.Of(a)
	if len(s.Articles) == 1 {
		return title + " · alone"
	}
	return s.Label + " · " + plural(len(s.Articles), "article") + " · closest: " + title
}

// chooseStory raises the edit for the selected story and closes the picker.
func (p *pickerPane) chooseStory() {
	if p.sel >= len(p.cands) {
		return
	}
	with := p.cands[p.sel].Article
	label := with.Title
	if st := p.sh.lib.Stories(); st != nil && st.Of(with) != nil {
		label = st.Of(with).Label
	}
	p.emit(storyEditMsg{a: p.a, edit: &compare.StoryEdit{With: with.ID}, note: "moved into “" + label + "” (kept between runs; X gives it back to grouping)"})
	p.emit(closeStoryMsg{})
}

// splitEdit is X on article a: a story of its own, or, when the reader
// had already placed it, back to grouping.
func splitEdit(edits *storyedits.Edits, a *corpus.Article) storyEditMsg {
	if _, ok := edits.Get(a.ID); ok {
		return storyEditMsg{a: a, note: "back to the story grouping found"}
	}
	return storyEditMsg{a: a, edit: &compare.StoryEdit{Alone: true}, note: "split into a story of its own (kept between runs; X again undoes)"}
}

// editStory records an edit and regroups with it in the background.
func (m Model) editStory(msg storyEditMsg) (Model, tea.Cmd) {
	edits := m.sh.lib.Edits
	if msg.edit != nil {
		edits.Set(msg.a.ID, *msg.edit)
	} else {
		edits.Clear(msg.a.ID)
	}
	return m, applyEditsCmd(m.sh.lib.AutoStories(), edits, msg.note, true)
}

// applyEditsCmd applies the edits to auto in the background (saving them
// first when save is set).
func applyEditsCmd(auto *compare.Stories, edits *storyedits.Edits, note string, save bool) tea.Cmd {
	return func() tea.Msg {
		var err error
		if save {
			err = edits.Save()
		}
		shown := library.ApplyEdits(auto, edits)
		return storyEditedMsg{auto: auto, shown: shown, note: joinNotes(note, storedDamageNote(auto)), err: err}
	}
}

// storyEdited shows the grouping with the edit. When a newer grouping came
// meanwhile, the edits are applied to it instead: it may have read them
// before this one was made.
func (m Model) storyEdited(msg storyEditedMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		m.status = statusLine{text: "story edit not saved: " + msg.err.Error(), isErr: true}
	} else {
		m.status = statusLine{text: msg.note}
	}
	if cur := m.sh.lib.AutoStories(); msg.auto != cur {
		if cur == nil {
			return m, nil
		}
		return m, applyEditsCmd(cur, m.sh.lib.Edits, msg.note, false)
	}
	if msg.auto == nil {
		return m, nil
	}
	m.sh.lib.SetGrouping(msg.auto, msg.shown)
	before := m.list.selected()
	m.list.setStories(msg.shown)
	if m.list.selected() != before {
		return m, m.selectionChanged()
	}
	return m, nil
}

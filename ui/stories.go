package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
)

// storiesMsg carries the story grouping of a finished load.
type storiesMsg struct {
	gen     uint64
	stories *compare.Stories
}

// groupStoriesCmd groups the loaded articles into stories off the update
// loop, once loading is done.
func groupStoriesCmd(gen uint64, items []*item) tea.Cmd {
	arts := make([]*corpus.Article, len(items))
	for i, it := range items {
		arts[i] = it.a
	}
	return func() tea.Msg {
		return storiesMsg{gen: gen, stories: compare.GroupStories(arts, compare.StoryOptions{})}
	}
}

// setStories makes `M` mark whole stories. Until the grouping arrives, M
// marks just the article.
func (m *Model) setStories(msg storiesMsg) {
	if msg.gen != m.load.gen || msg.stories == nil {
		return
	}
	st := msg.stories
	m.sh.storyOf = func(a *corpus.Article) []string {
		if s := st.Of(a); s != nil {
			return s.IDs()
		}
		return nil
	}
}

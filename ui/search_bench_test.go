package ui

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus/gen"
	"github.com/parallax-reader/parallax/corpus/userstate"
)

// BenchmarkSearchKeystroke is one keystroke in the search bar over 10,000
// generated articles, as the reader feels it: the update (the bar redrawn
// at once), the search command (top results with snippets), and the update
// that shows its results, at 160x45.
//
//	go test -run XXX -bench SearchKeystroke ./ui
func BenchmarkSearchKeystroke(b *testing.B) {
	arts := gen.Articles(10_000, 1)
	sh := testSharedB(b)
	p := newSearchPane(sh)
	items := itemsOf(arts)
	sh.lib.Index.Search().Add(p.register(items, -1))
	p.setSize(80, 43)
	p.open(listPlace{})
	queries := []string{"talks", "ukraine envoy", "ma", "minister said", `"peace plan"`}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := queries[i%len(queries)]
		p.input.SetValue(q[:len(q)-1])
		var cmd tea.Cmd
		p, cmd = p.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{rune(q[len(q)-1])}})
		msg := collectB(cmd)
		p.setResults(msg)
		if p.res == nil {
			b.Fatalf("no results for %q", q)
		}
	}
}

func collectB(cmd tea.Cmd) searchResultsMsg {
	for _, m := range collect(cmd) {
		if r, ok := m.(searchResultsMsg); ok {
			return r
		}
	}
	return searchResultsMsg{}
}

func testSharedB(b *testing.B) *shared {
	b.Setenv("XDG_STATE_HOME", b.TempDir())
	marks, warn := userstate.OpenReads()
	if warn != nil {
		b.Fatal(warn)
	}
	return newShared(newStyles(true, false), "ascii", termenv.Ascii, func() time.Time { return fixedNow }, marks)
}

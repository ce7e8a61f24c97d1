package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/ui/config"
)

// stubPane is a pane the root has no case for: it records what it is
// given and raises an intent for the keys and messages it knows.
type stubPane struct {
	w, h  int
	keys  []string
	wheel int
	intents
}

// stubPingMsg is a message only the stub knows; it answers with a status.
type stubPingMsg struct{}

func (p *stubPane) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.KeyMsg:
		p.keys = append(p.keys, msg.String())
		if msg.String() == "esc" {
			p.emit(closeStoryMsg{})
		}
	case wheelMsg:
		p.wheel += msg.delta
	case stubPingMsg:
		p.emit(statusMsg{text: "stub pinged"})
	}
	return nil
}

func (p *stubPane) View() []string {
	out := make([]string, p.h)
	for i := range out {
		out[i] = padRight("stub line", p.w)
	}
	return out
}
func (p *stubPane) SetSize(w, h int) tea.Cmd { p.w, p.h = w, h; return nil }
func (p *stubPane) KeyMap(k *keyMap) help.KeyMap {
	return stubHelp{key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "stub key"))}
}
func (p *stubPane) Title() string                { return "Keys: stub" }
func (p *stubPane) Position() string             { return "stub 1/1" }
func (p *stubPane) Typing() bool                 { return false }
func (p *stubPane) Take() []tea.Msg              { return p.take() }
func (p *stubPane) Busy() bool                   { return false }
func (p *stubPane) SetSpin(string)               {}
func (p *stubPane) Open(*corpus.Article) tea.Cmd { return nil }

type stubHelp struct{ b key.Binding }

func (h stubHelp) ShortHelp() []key.Binding  { return []key.Binding{h.b} }
func (h stubHelp) FullHelp() [][]key.Binding { return [][]key.Binding{{h.b}} }

// TestAPaneNeedsNoCaseInTheRoot: a pane under a mode the root has never
// heard of gets the main area, its keys, the wheel and messages it owns;
// its view is the frame's body, its position and hints the status line's,
// its title the `?` screen's; the intents it raises are carried out.
func TestAPaneNeedsNoCaseInTheRoot(t *testing.T) {
	const modeStub mode = 100
	hs := seedsHarness(t, 80, 24)
	stub := &stubPane{}
	hs.m.panes[modeStub] = stub
	hs.m.mode = modeStub
	hs.run(hs.m.relayout())
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})

	if stub.w != 80 || stub.h != 22 {
		t.Fatalf("stub sized %dx%d, want the main area 80x22", stub.w, stub.h)
	}
	hs.press("s", "j")
	if got := strings.Join(stub.keys, " "); got != "s j" {
		t.Errorf("stub got keys %q, want \"s j\"", got)
	}
	hs.send(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if stub.wheel != 1 {
		t.Errorf("stub got wheel %d, want 1", stub.wheel)
	}
	v := hs.view()
	if strings.Count(v, "stub line") != 22 || !strings.Contains(v, "stub 1/1") || !strings.Contains(v, "stub key") {
		t.Errorf("the frame is not the stub's view with its position and hints:\n%s", v)
	}
	// A message only it knows reaches it, and its intent is carried out
	// in the same update (intents are taken after the update).
	hs.m, _ = hs.m.update(stubPingMsg{})
	if hs.m.status.text != "stub pinged" {
		t.Errorf("status %q after the stub's ping, want \"stub pinged\"", hs.m.status.text)
	}
	hs.press("?")
	hs.requireMode(modeHelp)
	hs.requireContains("Keys: stub")
	hs.press("esc")
	hs.requireMode(modeStub)
	hs.press("esc")
	hs.requireMode(modeList)
}

// TestReboundKeysOpenTheSamePanes: the list and the article ask for story
// panes by intent, so rebound keys open them and the default runes no
// longer do; rebound scrolling keys scroll every pane's table alike.
func TestReboundKeysOpenTheSamePanes(t *testing.T) {
	keys := map[string][]string{"compare": {"1"}, "compare_with": {"2"}, "coverage": {"3"}, "story_view": {"4"}, "down": {"J"}}
	for _, from := range []string{"list", "article"} {
		cases := []struct {
			old, rebound string
			want         mode
		}{
			{"c", "1", modeCompare}, {"C", "2", modePicker}, {"o", "3", modeCoverage}, {"v", "4", modeStoryView},
		}
		for _, tc := range cases {
			hs := configuredHarness(t, Config{Settings: config.Config{Keys: keys}}, nil, sampleArticles(), 80, 24)
			back := modeList
			if from == "article" {
				hs.press("enter")
				back = modeArticle
			}
			hs.requireMode(back)
			hs.press(tc.old)
			hs.requireMode(back)
			hs.press(tc.rebound)
			hs.requireMode(tc.want)
		}
	}
	hs := configuredHarness(t, Config{Settings: config.Config{Keys: keys}}, nil, sampleArticles(), 80, 24)
	hs.press("J")
	if hs.m.list.sel != 1 {
		t.Errorf("rebound down: list selection %d, want 1", hs.m.list.sel)
	}
	hs.press("j")
	if hs.m.list.sel != 1 {
		t.Errorf("the old down key still moves the list: selection %d", hs.m.list.sel)
	}
}

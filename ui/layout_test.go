package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Every view, at every size from below the minimum to 300x100, has exactly
// the terminal's height and no line wider than its width.
func TestViewFitsEverySize(t *testing.T) {
	widths := []int{1, 10, 39, 40, 41, 59, 60, 79, 80, 100, 119, 120, 121, 140, 160, 200, 300}
	heights := []int{1, 3, 7, 8, 9, 12, 24, 40, 45, 100}
	screens := map[string][]string{
		"list":        nil,
		"article":     {"j", "j", "enter"},
		"scrolled":    {"j", "j", "enter", "G"},
		"boilerplate": {"j", "j", "enter", "B"},
		"help":        {"?"},
		"articlehelp": {"enter", "?"},
		"report":      {"!"},
		"message":     {"s"},
		// The story panes (storyui_test.go has their behaviour).
		"grouped":        {"z", "j"},
		"compare":        {"c", "]"},
		"compare_apart":  {"c", "tab", "s", "j"},
		"compare_search": {"c", "/", "t", "h", "e"},
		"compare_help":   {"c", "?"},
		"picker":         {"C"},
		"coverage":       {"o", "tab", "l"},
		"passage_opened": {"o", "enter"},
		// The search (search_test.go has its behaviour).
		"search":      {"/", "t", "a", "l", "k"},
		"searchhints": {"/"},
		"searchnone":  {"/", "q", "x", "q", "\""},
		"searchopen":  {"/", "t", "a", "l", "k", "enter", "n"},
		"find":        {"j", "j", "enter", "/", "t", "a", "l", "k"},
		"findkept":    {"j", "j", "enter", "/", "t", "a", "l", "k", "enter", "G"},
	}
	for name, keys := range screens {
		t.Run(name, func(t *testing.T) {
			// One model is resized through the whole matrix, as a user
			// dragging the window would, then a fresh one per size.
			dragged := articlesHarness(t, sampleArticles(), 80, 24)
			dragged.press(keys...)
			// The fresh models share one state folder and one temporary
			// folder (making two folders per model was a third of the
			// test's CPU); each starts from no read marks, as the first did.
			state, tmp := t.TempDir(), t.TempDir()
			reads := filepath.Join(state, "parallax")
			for _, w := range widths {
				for _, h := range heights {
					dragged.send(tea.WindowSizeMsg{Width: w, Height: h})
					requireFits(t, dragged.view(), w, h, name+" resized")

					if err := os.RemoveAll(reads); err != nil {
						t.Fatal(err)
					}
					fresh := harnessOn(t, testSharedIn(t, state, tmp), Config{}, nil, sampleArticles(), w, h)
					fresh.press(keys...)
					requireFits(t, fresh.view(), w, h, name)
				}
			}
		})
	}
}

func TestEmptyAndLoadingViewsFit(t *testing.T) {
	for _, w := range []int{40, 80, 120, 300} {
		for _, h := range []int{8, 24, 100} {
			hs := articlesHarness(t, nil, w, h)
			requireFits(t, hs.view(), w, h, "empty")
			loading := newHarness(t, emptySource(), w, h)
			loading.m.load.loading = true
			loading.m.load.showProgress = true
			loading.m.load.total = 5000
			loading.m.load.read = 1234
			loading.send(tea.WindowSizeMsg{Width: w, Height: h})
			requireFits(t, loading.view(), w, h, "loading")
		}
	}
}

func requireFits(t *testing.T, view string, w, h int, what string) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%s at %dx%d: %d lines, want %d:\n%s", what, w, h, len(lines), h, view)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("%s at %dx%d: line %d is %d wide:\n%q", what, w, h, i, lw, l)
		}
	}
}

// sizeGrid is every step-th size from 0 to last, plus each boundary and
// its neighbours (a step alone skips the minimum size it claims to cover).
func sizeGrid(step, last int, bounds ...int) []int {
	var out []int
	for v := 0; v <= last; v += step {
		out = append(out, v)
	}
	for _, b := range bounds {
		out = append(out, b-1, b, b+1)
	}
	return append(out, last)
}

func TestLayoutBoxesFit(t *testing.T) {
	for _, w := range sizeGrid(7, 300, minWidth, wideWidth) {
		for _, h := range sizeGrid(3, 100, minHeight) {
			for _, m := range []mode{modeList, modeArticle, modeHelp, modeReport, modeCompare, modePicker, modeCoverage, modeSearch} {
				f := layout(w, h, m)
				if f.tooSmall != (w < minWidth || h < minHeight) {
					t.Fatalf("%dx%d: tooSmall = %v", w, h, f.tooSmall)
				}
				if f.tooSmall {
					continue
				}
				if got := f.list.w + f.gap + f.article.w + f.main.w; got != w {
					t.Fatalf("%dx%d mode %d: widths add to %d", w, h, m, got)
				}
				for _, b := range []box{f.list, f.article, f.main} {
					if b.w < 0 || b.h < 0 || (b.w > 0 && b.h+f.header.h+f.status.h != h) {
						t.Fatalf("%dx%d mode %d: box %+v does not fill the body", w, h, m, b)
					}
				}
				if (f.list.w > 0 && f.article.w > 0) != (w >= wideWidth && (m == modeList || m == modeArticle || m == modeSearch)) {
					t.Fatalf("%dx%d mode %d: side by side only when wide", w, h, m)
				}
			}
		}
	}
}

// TestWideListUsesTheWidth: on a wide terminal the list grows past half
// (titles are not cut at ~36 columns) while the preview keeps a reading
// measure; story headers keep off the divider and carry their fold mark.
func TestWideListUsesTheWidth(t *testing.T) {
	for _, tc := range []struct{ w, minTitle int }{{160, 44}, {200, 60}} {
		f := layout(tc.w, 45, modeList)
		if c := listColumns(f.list.w); c.title < tc.minTitle {
			t.Errorf("%d columns: list %d wide, titles %d, want ≥ %d", tc.w, f.list.w, c.title, tc.minTitle)
		}
		if f.article.w < previewWidth {
			t.Errorf("%d columns: preview %d, want ≥ %d", tc.w, f.article.w, previewWidth)
		}
	}
	hs := seedsHarness(t, 160, 45)
	hs.press("z")
	for _, l := range strings.Split(hs.view(), "\n") {
		if !strings.Contains(l, " · 5 articles · ") {
			continue
		}
		left := []rune(ansiStrip(strings.SplitN(l, "│", 2)[0]))
		if left[len(left)-1] != ' ' {
			t.Errorf("the story header touches the divider: %q", string(left))
		}
		if !strings.Contains(l, markUnfolded) {
			t.Errorf("an open story header has no fold mark: %q", l)
		}
		return
	}
	t.Fatal("no story header")
}

package ui

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/compare"
	"github.com/parallax-reader/parallax/ui/config"
)

// Seed 000 (global.espreso.tv) and seed 001 (Fundacion Rapala) are one
// story told twice: 001 rewrites 000.
const (
	seedEspreso = "000_"
	seedRapala  = "001_"
)

// selectID selects the list item whose ID starts with prefix.
func (hs *harness) selectID(prefix string) *item {
	hs.t.Helper()
	for i, it := range hs.m.list.items {
		if strings.HasPrefix(it.a.ID, prefix) {
			hs.m.list.selectIndex(i)
			return it
		}
	}
	hs.t.Fatalf("no article %s*", prefix)
	return nil
}

// compareSeeds opens the comparison of two seeds through the picker, as a
// reader would: C, move to the article, enter.
func (hs *harness) compareSeeds(a, b string) {
	hs.t.Helper()
	hs.selectID(a)
	hs.press("C")
	hs.requireMode(modePicker)
	for i, c := range hs.pickPane().cands {
		if strings.HasPrefix(c.Article.ID, b) {
			for range i {
				hs.press("j")
			}
			hs.press("enter")
			hs.requireMode(modeCompare)
			if hs.cmpPane().lay == nil {
				hs.t.Fatal("the comparison was not laid out")
			}
			return
		}
	}
	hs.t.Fatalf("%s* is not a candidate for %s*", b, a)
}

func (hs *harness) cmpPane() *comparePane  { return hs.m.comparison() }
func (hs *harness) pickPane() *pickerPane  { return hs.m.panes[modePicker].(*pickerPane) }
func (hs *harness) covPane() *coveragePane { return hs.m.coverage() }

func TestStoriesAreGroupedWhenLoadingEnds(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	stories := hs.m.sh.lib.Stories()
	if stories == nil || hs.m.story.state.busy {
		t.Fatal("stories were not grouped after loading")
	}
	if s := stories.Of(hs.m.list.items[0].a); s == nil || len(s.Articles) != 5 {
		t.Fatalf("the five seeds are one story: %+v", s)
	}
}

func TestStaleGroupingIsDropped(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	stale := &compare.Stories{}
	hs.send(storiesMsg{seq: hs.m.story.state.seq - 1, stories: stale})
	if hs.m.sh.lib.Stories() == stale {
		t.Fatal("a grouping with an old sequence number replaced the current one")
	}
}

func TestGroupByStoryKey(t *testing.T) {
	hs := seedsHarness(t, 100, 30)
	before := hs.selectedID()
	hs.press("z")
	if !hs.m.list.grouped() {
		t.Fatal("z did not group the list")
	}
	hs.requireContains("· 5 articles · ")
	hs.requireContains("└ ")
	if hs.selectedID() != before {
		t.Fatal("grouping moved the selection to another article")
	}
	// The header is not selectable: moving goes from article to article.
	hs.press("g", "j")
	if hs.m.list.sel != 1 {
		t.Fatalf("sel = %d after g j", hs.m.list.sel)
	}
	hs.press("z")
	if hs.m.list.grouped() || strings.Contains(hs.view(), "· 5 articles · ") {
		t.Fatal("second z did not ungroup")
	}
}

func TestGroupByStoryBeforeStoriesAreReady(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.m.sh.lib.SetStories(nil)
	hs.m.list.setStories(nil)
	hs.press("z")
	if hs.m.sh.lib.Stories() == nil {
		t.Fatal("z with no stories did not start grouping")
	}
	// The harness runs the grouping at once: the status already says it is done.
	hs.requireStatus("grouped by story")
}

func TestSingleArticleStoryHasNoHeader(t *testing.T) {
	arts := sampleArticles()
	hs := articlesHarness(t, arts, 120, 30)
	st := hs.m.sh.lib.Stories()
	hs.press("z")
	alone := func(s *compare.Story) bool { return len(st.LineOf(s).Articles) == 1 }
	for _, r := range hs.m.list.group.rows {
		if r.line == nil && r.item < 0 && alone(r.story) {
			t.Fatalf("a story of one article has a header: %q", r.story.Label)
		}
	}
	for i, it := range hs.m.list.items {
		if s := st.Of(it.a); s != nil && alone(s) && hs.m.list.treePrefix(i) != "" {
			t.Fatalf("%s is alone in its story but drawn under a header", it.a.ID)
		}
	}
}

func TestCompareKeyPicksClosestInStory(t *testing.T) {
	for _, from := range []string{"list", "article"} {
		t.Run(from, func(t *testing.T) {
			hs := seedsHarness(t, 160, 45)
			a := hs.selectID(seedEspreso)
			if from == "article" {
				hs.press("enter")
			}
			hs.press("c")
			hs.requireMode(modeCompare)
			p := hs.cmpPane()
			want := hs.m.sh.lib.Stories().Candidates(a.a, 1)[0].Article
			if p.a != a.a || p.b != want {
				t.Fatalf("compared %v with %v, want the closest %v", p.a.ID, p.b.ID, want.ID)
			}
			hs.requireContains("similar")
			hs.press("esc")
			if from == "article" {
				hs.requireMode(modeArticle)
			} else {
				hs.requireMode(modeList)
			}
		})
	}
}

func TestCompareWaitsForStories(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	hs.m.sh.lib.SetStories(nil)
	hs.m.story.state.busy = true // a grouping is under way
	seq := hs.m.story.state.seq
	hs.press("c")
	hs.requireMode(modeList)
	hs.requireStatus("finding the stories first")
	// The grouping arrives: the comparison opens by itself.
	st := compare.GroupStories(hs.loadedArticles(), compare.StoryOptions{})
	hs.send(storiesMsg{seq: seq, stories: st})
	hs.requireMode(modeCompare)
}

func (hs *harness) loadedArticles() []*corpus.Article { return hs.m.loadedArticles() }

// loadedArticles is every article loaded (filtered out or not), a copy.
func (m Model) loadedArticles() []*corpus.Article { return slices.Clone(m.sh.lib.Articles()) }

func TestStaleComparisonIsDropped(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := hs.cmpPane()
	good := p.cmp
	other := compare.Compare(compare.Prepare(hs.m.list.items[2].a), compare.Prepare(hs.m.list.items[3].a))
	hs.send(comparedMsg{seq: p.seq - 1, a: other.A.Article, b: other.B.Article, cmp: other, lay: layoutComparison(hs.m.sh, other, p.opts)})
	hs.send(compareLaidMsg{seq: p.laySeq - 1, lay: layoutComparison(hs.m.sh, other, p.opts)})
	if hs.cmpPane().cmp != good || hs.cmpPane().lay.rows[0].row != 0 || hs.cmpPane().a != good.A.Article {
		t.Fatal("a stale result replaced the current comparison")
	}
}

func TestCompareScrollKeys(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	body := p().bodyH()
	for _, tc := range []struct {
		keys []string
		want int
	}{
		{[]string{"j"}, 1},
		{[]string{"down", "down"}, 2},
		{[]string{"j", "j", "k"}, 1},
		{[]string{"j", "up"}, 0},
		{[]string{"pgdown"}, body - 1},
		{[]string{" "}, body - 1},
		{[]string{"pgdown", "pgup"}, 0},
		{[]string{"pgdown", "b"}, 0},
		{[]string{"ctrl+d"}, body / 2},
		{[]string{"ctrl+d", "ctrl+u"}, 0},
		{[]string{"G"}, p().maxOff(0)},
		{[]string{"G", "g"}, 0},
		{[]string{"end", "home"}, 0},
	} {
		hs.press("g")
		hs.press(tc.keys...)
		if p().off[0] != tc.want || p().off[1] != tc.want {
			t.Fatalf("%v: offsets %v, want both %d", tc.keys, p().off, tc.want)
		}
	}
}

func TestCompareFocusAndSync(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	hs.press("tab")
	if p().focus != 1 {
		t.Fatal("tab did not focus the right side")
	}
	hs.press("s")
	if p().synced {
		t.Fatal("s did not unsync")
	}
	hs.requireStatus("scroll apart")
	hs.press("j", "j")
	if p().off != [2]int{0, 2} {
		t.Fatalf("unsynced j moved %v, want only the right side", p().off)
	}
	hs.press("s")
	if !p().synced || p().off != [2]int{2, 2} {
		t.Fatalf("s again: synced %v offsets %v", p().synced, p().off)
	}
	hs.press("shift+tab")
	if p().focus != 0 {
		t.Fatal("shift+tab did not switch focus back")
	}
}

func TestCompareNarrowShowsOneSide(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.requireContains("one side at a time below 100 columns")
	hs.requireContains("tab shows B (Fundacion Rapala)")
	hs.requireContains("global.espreso.tv")
	hs.press("j", "j", "j", "j", "j", "j")
	p := hs.cmpPane()
	top := p.topRow()
	hs.press("tab")
	hs.requireContains("tab shows A (global.espreso.tv)")
	hs.requireStatus("showing B")
	if got := p.topRow(); got != top {
		t.Fatalf("tab moved from row %d to row %d; synced sides keep the row", top, got)
	}
}

func TestCompareJumpKeys(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	kind := func() rowKind { return p().lay.rows[p().cur].kind }
	hs.press("]")
	if p().cur <= 0 || kind() != rowShared {
		t.Fatalf("] went to row %d", p().cur)
	}
	first := p().cur
	hs.requireStatus("shared passage 2 of")
	if p().off[0] != p().lay.rows[first].start[0] {
		t.Fatal("] did not scroll the passage to the top")
	}
	hs.press("]")
	if p().cur <= first || kind() != rowShared {
		t.Fatalf("second ] went to row %d", p().cur)
	}
	hs.press("[")
	if p().cur != first {
		t.Fatalf("[ went to %d, want %d", p().cur, first)
	}
	hs.press("}")
	own := p().cur
	if kind() == rowShared || own <= first {
		t.Fatalf("} went to row %d (%v)", own, kind())
	}
	hs.requireStatus("only in")
	hs.press("}")
	next := p().cur
	// A run of passages only one side has is one jump.
	for i := own + 1; i < next; i++ {
		if p().lay.rows[i].kind == rowShared {
			break
		}
		if i == next-1 && p().lay.rows[i].kind == p().lay.rows[next].kind {
			t.Fatal("} stopped inside a run")
		}
	}
	hs.press("{")
	if p().cur != own {
		t.Fatalf("{ went to %d, want %d", p().cur, own)
	}
	hs.press("g")
	for range len(p().lay.rows) {
		hs.press("[")
		if strings.Contains(hs.m.status.text, "no shared passage above") {
			break
		}
	}
	hs.requireStatus("no shared passage above")
	hs.requireContains("passage ")
}

func TestCompareViewFilterKey(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	all := len(p().lay.rows)
	hs.press("u")
	hs.requireStatus("differences only")
	for _, r := range p().lay.rows {
		if r.kind == rowShared {
			t.Fatal("differences only shows a shared passage")
		}
	}
	diff := len(p().lay.rows)
	hs.press("u")
	hs.requireStatus("shared only")
	for _, r := range p().lay.rows {
		if r.kind != rowShared {
			t.Fatal("shared only shows a passage one side has")
		}
	}
	if diff+len(p().lay.rows) != all {
		t.Fatalf("%d differences + %d shared != %d rows", diff, len(p().lay.rows), all)
	}
	hs.press("u")
	if len(p().lay.rows) != all {
		t.Fatal("u did not come back to all passages")
	}
}

func TestCompareSwapKey(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := hs.cmpPane()
	left := strings.Split(hs.view(), "\n")[3]
	if !strings.HasPrefix(strings.TrimSpace(left), "A  global.espreso.tv") {
		t.Fatalf("left head %q", left)
	}
	hs.press("x")
	if !p.opts.swapped || sideDoc(p.cmp, 0, true) != p.cmp.B {
		t.Fatal("x did not swap")
	}
	hs.requireContains("sides swapped: Fundacion Rapala left, global.espreso.tv right")
	left = strings.Split(hs.view(), "\n")[3]
	if !strings.HasPrefix(strings.TrimSpace(left), "B  Fundacion Rapala") {
		t.Fatalf("after x the left head is %q", left)
	}
	for _, r := range p.lay.rows {
		cr := p.cmp.Rows[r.row]
		if r.kind == rowOwnLeft && cr.B == nil {
			t.Fatal("after x a passage only A has is still on the left")
		}
	}
}

func TestCompareSearchKeys(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	hs.press("/")
	if !p().searching {
		t.Fatal("/ did not open the search")
	}
	hs.press("d", "o", "n", "b", "a", "x")
	hs.press("backspace", "s")
	if p().query != "donbas" {
		t.Fatalf("query %q", p().query)
	}
	hs.press("?") // typed, not help
	hs.requireMode(modeCompare)
	hs.press("backspace", "enter")
	if p().searching || p().lay.matches < 2 {
		t.Fatalf("searching %v, %d matches", p().searching, p().lay.matches)
	}
	hs.requireContains("/donbas")
	r := p().lay.rows[p().cur]
	if r.matches[0]+r.matches[1] == 0 {
		t.Fatal("enter did not go to a row with a match")
	}
	cur := p().cur
	hs.press("n")
	if p().cur <= cur {
		t.Fatal("n did not go forward")
	}
	hs.press("N")
	if p().cur != cur {
		t.Fatal("N did not come back")
	}
	hs.press("/", "esc")
	if p().query != "" || p().lay.opts.query != "" {
		t.Fatal("esc did not clear the search")
	}
	hs.press("n")
	hs.requireStatus("no search")
}

func TestCompareSearchFoldsCaseAndAccents(t *testing.T) {
	for _, tc := range []struct {
		text, q string
		want    [][2]int
	}{
		{"Zelenskyy met Rubio", "rubio", [][2]int{{14, 19}}},
		{"Café in KYIV, café", "cafe", [][2]int{{0, 5}, {15, 20}}},
		{"Ukraine’s plan", "ukraine's", [][2]int{{0, 11}}},
		{"Straße", "strasse", [][2]int{{0, 7}}},
		{"Ёлка и ёж", "елка", [][2]int{{0, 8}}},
		{"nothing", "x", nil},
	} {
		got := findFolded(tc.text, foldQuery(tc.q))
		if len(got) != len(tc.want) {
			t.Fatalf("%q in %q: %v, want %v", tc.q, tc.text, got, tc.want)
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Fatalf("%q in %q: %v, want %v", tc.q, tc.text, got, tc.want)
			}
		}
	}
}

func TestCompareOpenPassageAndReturn(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.press("]", "tab", "enter")
	hs.requireMode(modeArticle)
	a := hs.m.article
	if a.it == nil || !strings.HasPrefix(a.it.a.ID, seedRapala) {
		t.Fatal("enter on the right side did not open B")
	}
	if !a.mark.on || !a.mark.scrolled {
		t.Fatal("the passage was not found in the rendered article")
	}
	hs.requireStatusLine("esc/q/h/← back to the comparison")
	hs.press("esc")
	hs.requireMode(modeCompare)
	hs.press("esc")
	hs.requireMode(modeList)
	hs.press("enter") // from the list, esc goes back to it
	hs.requireMode(modeArticle)
	hs.requireStatusLine("esc/q/h/← back to list")
}

func TestCompareExportKey(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.press("e")
	hs.requireStatus("exported to " + filepath.Join(dir, "parallax", "exports"))
	path := strings.TrimPrefix(hs.m.status.text, "exported to ")
	if !strings.HasSuffix(path, "compare-global-espreso-tv-vs-fundacion-rapala-20251203-093000.md") {
		t.Fatalf("export named %q", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{"# Comparison", "| ≈ |", "| ▸ |", "## Quotes", "## Names", "## Numbers", "*traditional Ukrainian dishes*"} {
		if !strings.Contains(md, want) {
			t.Fatalf("export lacks %q:\n%s", want, md)
		}
	}
	// Both articles quote “ruin the potential solution”: quoting, not
	// copying, so it is not marked as copied.
	if strings.Contains(md, "**ruin the potential solution**") {
		t.Fatalf("quoted wording exported as copied:\n%s", md)
	}
	// The whole export, pinned: the comparison renderer is shared with
	// the pane and the command line.
	golden.RequireEqual(t, md)
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("export left %d files (temporary file not renamed?)", len(entries))
	}
}

func TestExportRefusesTheCorpus(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "news", ".data"))
	msg := exportCmd(func() (string, string) { return "x.md", "x" }, []string{filepath.Join(dir, "news")})()
	if e := msg.(exportedMsg); e.err == nil || !strings.Contains(e.err.Error(), "inside the articles") {
		t.Fatalf("export into the corpus: %v", e.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "news")); err == nil {
		t.Fatal("the export wrote into the corpus")
	}
}

func TestCompareBackAndHelpKeys(t *testing.T) {
	for _, k := range []string{"esc", "q", "backspace"} {
		hs := seedsHarness(t, 80, 24)
		hs.compareSeeds(seedEspreso, seedRapala)
		hs.press(k)
		hs.requireMode(modeList)
	}
	hs := seedsHarness(t, 80, 24)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.press("?")
	hs.requireMode(modeHelp)
	hs.requireContains("Keys: comparison")
	hs.press("esc")
	hs.requireMode(modeCompare)
}

func TestPickerKeys(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	a := hs.selectID(seedEspreso)
	hs.press("C")
	p := hs.pickPane()
	if !p.ready || len(p.cands) != 4 {
		t.Fatalf("%d candidates", len(p.cands))
	}
	for _, c := range p.cands {
		if !c.SameStory {
			t.Fatal("the other seeds are the same story")
		}
	}
	hs.requireContains("Same story")
	hs.requireContains("%")
	hs.press("j", "j", "k")
	if p.sel != 1 {
		t.Fatalf("sel %d", p.sel)
	}
	hs.press("G")
	if p.sel != 3 {
		t.Fatalf("G: sel %d", p.sel)
	}
	hs.press("g")
	if p.sel != 0 {
		t.Fatalf("g: sel %d", p.sel)
	}
	hs.press("down", "enter")
	hs.requireMode(modeCompare)
	if hs.cmpPane().a != a.a || hs.cmpPane().b != p.cands[1].Article {
		t.Fatal("enter did not compare with the chosen article")
	}
	hs.press("esc", "C", "esc")
	hs.requireMode(modeList)
}

func TestCoverageKeys(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	hs := seedsHarness(t, 160, 45)
	hs.selectID(seedEspreso)
	hs.press("o")
	hs.requireMode(modeCoverage)
	p := hs.covPane
	if p().cov == nil || len(p().cov.Docs) != 5 || !strings.HasPrefix(p().cov.Docs[0].Article.ID, seedEspreso) {
		t.Fatal("coverage of the story, the current article first")
	}
	hs.requireContains("Quotes")
	hs.requireContains("A global.esp")
	hs.press("j", "j", "k")
	if p().sel != 1 {
		t.Fatalf("sel %d", p().sel)
	}
	hs.press("tab")
	if it := p().lay.items[p().sel]; it.section != secNames {
		t.Fatalf("tab went to section %d", it.section)
	}
	hs.press("tab")
	if it := p().lay.items[p().sel]; it.section != secNumbers {
		t.Fatalf("second tab went to section %d", it.section)
	}
	hs.press("l", "l", "h")
	if p().col != 1 {
		t.Fatalf("col %d", p().col)
	}
	hs.requireStatus("outlet B")
	hs.press("G")
	if p().sel != len(p().lay.items)-1 {
		t.Fatal("G")
	}
	hs.press("g")
	hs.press("u")
	for _, it := range p().lay.items {
		if it.only < 0 {
			t.Fatal("one-outlet filter shows a shared item")
		}
	}
	hs.press("u")
	for _, it := range p().lay.items {
		if !it.conflict {
			t.Fatal("disagreement filter shows an item without conflict")
		}
	}
	hs.press("u")
	hs.press("e")
	hs.requireStatus("exported to ")
	hs.requireStatus("coverage-")
	hs.press("esc")
	hs.requireMode(modeList)
}

func TestCoverageOpensPassage(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.selectID(seedEspreso)
	hs.press("o")
	p := hs.covPane()
	// The first quote row that B has: open it in B.
	row := -1
	for i, it := range p.lay.items {
		if it.section == secQuotes && p.cov.Quotes[it.index].In[1] != nil {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("seeds 000 and 001 share a quote")
	}
	for range row {
		hs.press("j")
	}
	hs.press("l", "enter")
	hs.requireMode(modeArticle)
	if !strings.HasPrefix(hs.m.article.it.a.ID, seedRapala) || !hs.m.article.mark.scrolled {
		t.Fatal("enter did not open the quote in B")
	}
	hs.requireStatusLine("back to the coverage")
	hs.press("esc")
	hs.requireMode(modeCoverage)
}

func TestCompactNumbers(t *testing.T) {
	for _, tc := range []struct {
		n    compare.Number
		want string
	}{
		{compare.Number{Value: 28, Low: 28, High: 28}, "28"},
		{compare.Number{Value: 5, Low: 4.25, High: 5}, "<5"},
		{compare.Number{Value: 5, Low: 5, High: 7.5}, ">5"},
		{compare.Number{Value: 5, Low: 4.25, High: 5.75}, "~5"},
		{compare.Number{Value: 0.2, Low: 0.2, High: 0.2, Unit: "%"}, "20%"},
		{compare.Number{Value: 1.5e9, Low: 1.5e9, High: 1.5e9, Unit: "$"}, "$1.5bn"},
		{compare.Number{Value: 20304, Low: 20304, High: 20304}, "20.3k"},
	} {
		if got := compactNumber(tc.n); got != tc.want {
			t.Fatalf("%+v: %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestVerdict(t *testing.T) {
	doc := func(n int) *compare.Doc {
		return compare.Prepare(&corpus.Article{Blocks: []corpus.Block{para(strings.Repeat("word ", n))}})
	}
	a, b := doc(10), doc(10)
	for _, tc := range []struct {
		covA, covB float64
		want       string
	}{
		{0.8, 0.4, "retells most of A"},
		{0.3, 0.9, "retells most of B"},
		{0.3, 0.2, "independent reports of the same event"},
		{0.1, 0.05, "different stories"},
	} {
		c := &compare.Comparison{A: a, B: b, CoverageA: tc.covA, CoverageB: tc.covB}
		if got := verdict(c); !strings.Contains(got, tc.want) {
			t.Fatalf("%v/%v: %q, want %q", tc.covA, tc.covB, got, tc.want)
		}
	}
}

// Under a colour profile, copied wording and shared words are styled
// differently, and a copied phrase's spaces are styled with it.
func TestHighlightStylesCopiedAndCommon(t *testing.T) {
	lipgloss.SetColorProfile(termenv.ANSI256)
	defer lipgloss.SetColorProfile(termenv.Ascii)
	sh := testShared(t)
	sh.styles = newStyles(true, true)
	text := "they may ruin the potential solution now"
	t0 := sideText{text: text, class: make([]hlClass, len(text))}
	for i := 8; i < 36; i++ { // "ruin the potential solution"
		t0.class[i] = hlCopied
	}
	for i := 0; i < 4; i++ { // "they"
		t0.class[i] = hlCommon
	}
	copied := sh.styles.Story.Copied.Render("ruin the potential solution")
	common := sh.styles.Story.Common.Render("they")
	if copied == common || !strings.Contains(copied, "\x1b[") {
		t.Fatalf("copied %q and shared %q must be styled, differently", copied, common)
	}
	lines := wrapHighlighted(sh, t0, 80)
	if len(lines) != 1 {
		t.Fatalf("%d lines", len(lines))
	}
	if !strings.Contains(lines[0], common) {
		t.Fatalf("shared word not styled: %q", lines[0])
	}
	if ansiStrip(lines[0]) != text {
		t.Fatalf("text changed: %q", ansiStrip(lines[0]))
	}
	// The phrase is styled as one block, spaces included.
	for _, w := range []string{"ruin", "the", "potential", "solution"} {
		if !strings.Contains(lines[0], sh.styles.Story.Copied.Render(w)) {
			t.Fatalf("copied word %q not styled: %q", w, lines[0])
		}
	}
	if !strings.Contains(lines[0], sh.styles.Story.Copied.Render(" ")) {
		t.Fatal("spaces inside a copied phrase are not highlighted")
	}
}

func TestComparisonLayoutInvariants(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	c := hs.cmpPane().cmp
	for _, o := range []compareOpts{
		{width: 160}, {width: 100}, {width: 80, narrow: true}, {width: 40, narrow: true},
		{width: 160, swapped: true, filter: showDiff}, {width: 80, narrow: true, filter: showShared, query: "ukraine"},
	} {
		L := layoutComparison(hs.m.sh, c, o)
		if !o.narrow && (len(L.lines[0]) != len(L.lines[1]) || len(L.gutter) != len(L.lines[0])) {
			t.Fatalf("%+v: columns of %d, %d and gutter %d lines", o, len(L.lines[0]), len(L.lines[1]), len(L.gutter))
		}
		for s := 0; s < 2; s++ {
			prev := -1
			for _, r := range L.rows {
				if r.start[s] < prev {
					t.Fatalf("%+v: rows out of order", o)
				}
				prev = r.start[s]
			}
			for i, l := range L.lines[s] {
				w := cellWidth(ansiStrip(l))
				limit := o.width
				if !o.narrow {
					limit = o.width - gutterW - (o.width-gutterW)/2
					if s == 0 {
						limit = (o.width - gutterW) / 2
					}
				}
				if w != limit {
					t.Fatalf("%+v side %d line %d is %d wide, want %d: %q", o, s, i, w, limit, l)
				}
			}
		}
		// Every sentence of both texts is on screen exactly once when all
		// rows are shown.
		if o.filter == showAll {
			seen := [2]map[int]bool{{}, {}}
			for _, r := range L.rows {
				row := c.Rows[r.row]
				for _, i := range row.A {
					seen[0][i] = true
				}
				for _, i := range row.B {
					seen[1][i] = true
				}
			}
			if len(seen[0]) != len(c.A.Sentences) || len(seen[1]) != len(c.B.Sentences) {
				t.Fatalf("%+v: %d/%d and %d/%d sentences shown", o, len(seen[0]), len(c.A.Sentences), len(seen[1]), len(c.B.Sentences))
			}
		}
	}
}

func TestCompareResizeRelaysOut(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.press("]", "]")
	row := hs.cmpPane().topRow()
	hs.send(tea.WindowSizeMsg{Width: 90, Height: 30})
	p := hs.cmpPane()
	if !p.lay.opts.narrow || p.lay.opts.width != 90 {
		t.Fatalf("not laid out again for 90 columns: %+v", p.lay.opts)
	}
	if p.topRow() != row {
		t.Fatalf("resize lost the place: row %d, was %d", p.topRow(), row)
	}
	requireFits(t, hs.view(), 90, 30, "compare after resize")
}

func TestCoverageLayoutMarksOnlyAndConflicts(t *testing.T) {
	sh := testShared(t)
	doc := func(id, outlet string) *compare.Doc {
		return compare.Prepare(&corpus.Article{ID: id, Outlet: outlet, Blocks: []corpus.Block{para("Talks lasted hours.")}})
	}
	cov := &compare.StoryCoverage{
		Docs: []*compare.Doc{doc("a", "Daily Courier"), doc("b", "Finance Now"), doc("c", "Eastern Wire")},
		Entities: []compare.EntityRow{
			{Name: "Marco Rubio", Kind: compare.Person, In: [][]compare.Passage{{{}}, {{}}, nil}, Only: -1},
			{Name: "Hallandale", Kind: compare.Place, In: [][]compare.Passage{nil, {{}}, nil}, Only: 1},
		},
		Numbers: []compare.NumberRow{{Thing: "hours", Conflict: true, Only: -1, In: [][]compare.Number{
			{{Value: 5, Low: 4.25, High: 5}}, {{Value: 4, Low: 4, High: 4}}, nil}}},
	}
	L := layoutCoverage(sh, cov, covOpts{width: 80})
	text := strings.Join(L.lines, "\n")
	for _, want := range []string{"Names", "Numbers", "Marco Rubio (person)", "◆ Hallandale (place)", "! hours"} {
		if !strings.Contains(text, want) {
			t.Fatalf("table lacks %q:\n%s", want, text)
		}
	}
	hours := L.lines[L.itemLine[2]]
	if !strings.Contains(hours, "<5") || !strings.Contains(hours, "4") || !strings.Contains(hours, "·") {
		t.Fatalf("the disagreeing figures are not side by side: %q", hours)
	}
	if L.only != 1 || L.conflicts != 1 {
		t.Fatalf("only %d conflicts %d", L.only, L.conflicts)
	}
	for f, n := range map[covFilter]int{covAll: 3, covOnly: 1, covConflict: 1} {
		if got := len(layoutCoverage(sh, cov, covOpts{width: 80, filter: f}).items); got != n {
			t.Fatalf("filter %v: %d rows, want %d", f, got, n)
		}
	}
	for _, l := range L.lines {
		if w := cellWidth(ansiStrip(l)); w != 80 {
			t.Fatalf("line %d wide: %q", w, l)
		}
	}
}

// The layout matrix (layout_test.go) drives the story panes on the sample
// articles: make sure they really open there.
func TestStoryPanesOpenOnSamples(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 120, 40)
	hs.press("c")
	hs.requireMode(modeCompare)
	if hs.cmpPane().lay == nil || len(hs.cmpPane().lay.rows) == 0 {
		t.Fatalf("no comparison of the samples: %q", hs.cmpPane().err)
	}
	hs.press("esc", "C")
	if len(hs.pickPane().cands) == 0 {
		t.Fatal("no candidates among the samples")
	}
	hs.press("esc", "o")
	if hs.covPane().lay == nil || len(hs.covPane().lay.items) == 0 {
		t.Fatal("no coverage of the samples")
	}
	hs.press("enter")
	hs.requireMode(modeArticle)
}

// group_by_story in the configuration starts the list grouped, as soon as
// the grouping arrives; z still toggles it.
func TestGroupByStorySetting(t *testing.T) {
	arts := sampleArticles()
	hs := configuredHarness(t, Config{Settings: config.Config{GroupByStory: true}}, nil, arts, 120, 30)
	if !hs.m.list.group.on {
		t.Fatal("group_by_story did not start grouped")
	}
	if hs.m.sh.lib.Stories() == nil {
		t.Fatal("no grouping after loading")
	}
	hs.press("z")
	if hs.m.list.group.on {
		t.Fatal("z did not ungroup")
	}
}

// Filters and watched changes regroup what is shown.
func TestGroupingFollowsFilter(t *testing.T) {
	hs := seedsHarness(t, 120, 30)
	hs.press("z")
	hs.selectID(seedEspreso)
	hs.press("*", "'") // bookmark one, show bookmarked only
	if len(hs.m.list.items) != 1 {
		t.Fatalf("%d items under the filter", len(hs.m.list.items))
	}
	if hs.m.list.grouped() && len(hs.m.list.group.rows) != 1 {
		t.Fatalf("one article shown, %d rows", len(hs.m.list.group.rows))
	}
	if strings.Contains(hs.view(), "· 5 articles ·") {
		t.Fatal("a story header for articles the filter hides")
	}
	hs.press("'")
	hs.requireContains("· 5 articles · ")
}

// One side at a time, a swap changes nothing visible but the labels: the
// status line says what happened.
func TestCompareSwapNarrowSaysSo(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.compareSeeds(seedEspreso, seedRapala)
	hs.press("x")
	hs.requireContains("sides swapped: Fundacion Rapala left")
}

// TestCompareFindNavigation: the comparison's find steps like the
// article's: enter, n and N wrap in both directions and say so, and esc
// clears a kept find instead of leaving the pane.
func TestCompareFindNavigation(t *testing.T) {
	hs := seedsHarness(t, 160, 45)
	hs.compareSeeds(seedEspreso, seedRapala)
	p := func() *comparePane { return hs.cmpPane() }
	hs.press("/", "d", "o", "n", "b", "a", "s", "enter")
	var at []int
	for i, r := range p().lay.rows {
		if r.matches[0]+r.matches[1] > 0 {
			at = append(at, i)
		}
	}
	if len(at) < 2 {
		t.Fatalf("need 2 rows with matches, have %v", at)
	}
	first, last := at[0], at[len(at)-1]
	if p().cur != first {
		t.Fatalf("enter went to row %d, want the first match %d", p().cur, first)
	}
	hs.press("N")
	if p().cur != last {
		t.Fatalf("N at the first match went to %d, want the last %d", p().cur, last)
	}
	hs.requireStatus("back at the last hit")
	hs.press("n")
	if p().cur != first {
		t.Fatalf("n at the last match went to %d, want the first %d", p().cur, first)
	}
	hs.requireStatus("back at the first hit")

	// enter from below every match wraps to the first one.
	hs.press("G", "/", "enter")
	if p().cur != first {
		t.Fatalf("enter below the matches went to %d, want %d", p().cur, first)
	}
	hs.requireStatus("back at the first hit")

	hs.press("esc")
	hs.requireMode(modeCompare)
	if p().query != "" || p().lay.opts.query != "" {
		t.Fatal("esc did not clear the kept find")
	}
	hs.press("esc")
	if hs.m.mode == modeCompare {
		t.Fatal("esc without a find did not leave the comparison")
	}
}

// TestGroupKeyWhileStoriesAreFound: z pressed while the grouping runs is
// applied when the stories arrive, and the status says so then.
func TestGroupKeyWhileStoriesAreFound(t *testing.T) {
	hs := articlesHarness(t, sampleArticles(), 80, 24)
	st := &hs.m.story.state
	stories := hs.m.sh.lib.Stories()
	if stories == nil {
		t.Fatal("no stories after loading")
	}
	// Stories are being found: none yet, a grouping running.
	hs.m.sh.lib.SetStories(nil)
	st.busy, st.seq = true, hs.m.sh.nextSeq()
	hs.m.list.setStories(nil)
	hs.press("z")
	hs.requireStatus("as soon as stories are found")
	if hs.m.list.grouped() {
		t.Fatal("grouped before the stories arrived")
	}
	hs.send(storiesMsg{seq: st.seq, stories: stories})
	if !hs.m.list.grouped() {
		t.Fatal("z was not applied when the stories arrived")
	}
	hs.requireStatus("grouped by story")
	if strings.Contains(hs.view(), "as soon as") {
		t.Fatal("the status still says grouping is to come")
	}
}

// TestCoverageHeadsAndKey: with many outlets the heads are letters and a
// key names every outlet whole; two articles of one outlet read apart;
// on a wide terminal the cells stay near their labels.
func TestCoverageHeadsAndKey(t *testing.T) {
	sh := testShared(t)
	long := strings.Repeat("a long quote that goes on ", 10)
	var docs []*compare.Doc
	names := []string{"The New York Times", "Associated Press", "Reuters", "Le Monde", "El País",
		"Der Spiegel", "The Guardian", "Al Jazeera English", "Kyiv Independent", "Reuters"}
	for i, n := range names {
		a := &corpus.Article{ID: itoa(i), Title: "t" + itoa(i), Outlet: n, Blocks: []corpus.Block{para("Text.")}}
		docs = append(docs, compare.Prepare(a))
	}
	cov := &compare.StoryCoverage{Docs: docs}
	L := layoutCoverage(sh, cov, covOpts{width: 80})
	key := strings.Join(L.key, "\n")
	for k, n := range names {
		if !strings.Contains(key, columnLetter(k)+" "+n) {
			t.Fatalf("the key does not name %s %q whole:\n%s", columnLetter(k), n, key)
		}
	}
	if !strings.Contains(key, "C Reuters #1") || !strings.Contains(key, "J Reuters #2") {
		t.Fatalf("two articles of one outlet read the same:\n%s", key)
	}
	if strings.Contains(L.heads, "…") {
		t.Fatalf("heads cut names: %q", L.heads)
	}

	// 160 columns, 2 outlets, a long quote: the first cell is near the label.
	cov = &compare.StoryCoverage{Docs: docs[:2], Quotes: []compare.QuoteRow{{Text: long, Only: -1, In: make([]*compare.Quote, 2)}}}
	L = layoutCoverage(sh, cov, covOpts{width: 160})
	row := L.lines[L.itemLine[0]]
	if at := strings.Index(row, MarkNone); cellWidth(row[:at]) > maxCovLabelW+markPrefix+1 {
		t.Fatalf("the first cell is at column %d:\n%s", cellWidth(row[:at]), row)
	}
	if len(L.key) != 0 {
		t.Fatalf("two outlets that fit need no key: %q", L.key)
	}
}

// TestCoverageDetailScrolls: a row whose versions do not fit the
// panel scrolls with ctrl+d/ctrl+u, so the last version can be read.
func TestCoverageDetailScrolls(t *testing.T) {
	hs := seedsHarness(t, 80, 16) // the smallest panel: 3 lines
	hs.selectID(seedEspreso)
	hs.press("o")
	p := hs.covPane
	room := p().detailH() - 1
	found := false
	for i := range p().lay.items {
		if i > 0 {
			hs.press("j")
		}
		if len(p().detailAll) > room {
			found = true
			break
		}
	}
	if !found {
		t.Fatal("no row of the seeds' coverage is longer than the panel")
	}
	all := p().detailAll
	last := strings.TrimSpace(ansiStrip(all[len(all)-1]))
	if strings.Contains(hs.view(), last) {
		t.Fatalf("the last line %q is visible before scrolling", last)
	}
	for range len(all) {
		hs.press("ctrl+d")
	}
	hs.requireContains(last)
	hs.press("ctrl+u")
	if p().detailOff >= len(all)-room {
		t.Fatal("ctrl+u did not scroll back")
	}
	hs.press("j")
	if p().detailOff != 0 {
		t.Fatal("another row does not start at its top")
	}
}

// TestPickerFilter: / in the picker narrows the candidates to titles or
// outlets that contain the typed text (case and accents ignored); keys are
// text meanwhile; esc clears the filter before it leaves.
func TestPickerFilter(t *testing.T) {
	hs := seedsHarness(t, 80, 24)
	hs.selectID(seedEspreso)
	hs.press("C")
	p := hs.pickPane()
	all := len(p.cands)
	hs.press("/", "D", "A", "W", "?", "backspace") // ? is text, not help
	hs.requireMode(modePicker)
	if p.filter != "DAW" || len(p.cands) != 1 || outletName(p.cands[0].Article) != "Dawat Media Center" {
		t.Fatalf("filter %q kept %d candidates", p.filter, len(p.cands))
	}
	hs.requireContains("/DAW")
	hs.requireContains("1 of " + itoa(all))
	hs.press("enter") // keeps the filter; keys move again
	if p.filtering || len(p.cands) != 1 {
		t.Fatal("enter did not keep the filter")
	}
	hs.press("/", "x", "y", "z")
	hs.requireContains("No title or outlet contains")
	hs.press("esc")
	if len(p.cands) != all || p.filter != "" {
		t.Fatalf("esc while typing: %d of %d, filter %q", len(p.cands), all, p.filter)
	}
	hs.press("/", "d", "a", "w", "enter", "esc")
	hs.requireMode(modePicker)
	if p.filter != "" || len(p.cands) != all {
		t.Fatal("esc did not clear a kept filter first")
	}
	hs.press("esc")
	hs.requireMode(modeList)
}

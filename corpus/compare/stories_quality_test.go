package compare

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// pairScore is pairwise clustering quality: of the pairs of articles put
// in one group, how many truly belong together (precision), and of the
// pairs that belong together, how many were put in one group (recall).
type pairScore struct{ tp, fp, fn int }

func (s pairScore) precision() float64 { return fractionOr1(s.tp, s.tp+s.fp) }
func (s pairScore) recall() float64    { return fractionOr1(s.tp, s.tp+s.fn) }
func (s pairScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func fractionOr1(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// scorePairs compares a grouping (article ID → group) with the truth.
func scorePairs(got, truth map[string]string) pairScore {
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	var s pairScore
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			a, b := ids[i], ids[j]
			same, want := got[a] == got[b] && got[a] != "", truth[a] == truth[b]
			switch {
			case same && want:
				s.tp++
			case same:
				s.fp++
			case want:
				s.fn++
			}
		}
	}
	return s
}

// linesFixture loads testdata/lines and its labels (by title: event, line).
func linesFixture(t *testing.T) (as []*corpus.Article, events, lines map[string]string) {
	t.Helper()
	as = load(t, "testdata/lines")
	f, err := os.Open("testdata/lines.labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	byTitle := map[string][2]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("labels: bad line %q", line)
		}
		byTitle[parts[0]] = [2]string{parts[1], parts[2]}
	}
	events, lines = map[string]string{}, map[string]string{}
	for _, a := range as {
		l, ok := byTitle[a.Title]
		if !ok {
			t.Fatalf("no label for %s %q", a.ID, a.Title)
		}
		events[a.ID], lines[a.ID] = l[0], l[1]
		delete(byTitle, a.Title)
	}
	if len(byTitle) > 0 {
		t.Fatalf("labelled articles not loaded: %v", byTitle)
	}
	return as, events, lines
}

// groupOf maps each article ID to its story's ID.
func groupOf(s *Stories) map[string]string {
	out := map[string]string{}
	for _, st := range s.List {
		for _, a := range st.Articles {
			out[a.ID] = st.ID
		}
	}
	return out
}

// floors are the least pairwise scores a grouping must reach.
type floors struct{ precision, recall float64 }

func checkScore(t *testing.T, name string, s pairScore, f floors) {
	t.Helper()
	t.Logf("%-22s precision %.3f recall %.3f F1 %.3f (pairs: %d true, %d false, %d missed)",
		name, s.precision(), s.recall(), s.f1(), s.tp, s.fp, s.fn)
	if s.precision() < f.precision || s.recall() < f.recall {
		t.Errorf("%s: precision %.3f recall %.3f, want at least %.2f and %.2f",
			name, s.precision(), s.recall(), f.precision, f.recall)
	}
}

// Labelled stories told in several house styles (news-please JSON, a
// scraper's JSON Lines with date-only dates, wire copy as text): a missile
// programme over two months (two launches, a sanctions vote, a threat days
// later with the same people, a nuclear test), an attack with a profile of
// the suspect and a piece on police cuts beside the news, the suspect's
// court hearing four days later, and unrelated news. The faults real
// collections have: one outlet's articles all dated with its crawl time,
// an article whose URL says 2017/09/03 and whose date field 2018, a video
// page whose body is site furniture and whose description is the summary.
func TestStoriesLabelledQuality(t *testing.T) {
	as, events, lines := linesFixture(t)
	s := GroupStories(as, StoryOptions{})
	checkScore(t, "fixture events", scorePairs(groupOf(s), events), floors{0.9, 0.84})
	checkScore(t, "fixture lines", scorePairs(lineOfArticle(s), lines), floors{1, 0.75})
	// A story over two months with four events and more: its line holds
	// them, each its own event.
	most := 0
	for _, l := range s.Lines {
		var evs []string
		for _, e := range l.Events {
			evs = append(evs, fmt.Sprintf("%s×%d", events[e.Articles[0].ID], len(e.Articles)))
		}
		t.Logf("line %s (%s): %v", l.ID, lines[l.Articles[0].ID], evs)
		if lines[l.Articles[0].ID] == "nk" {
			most = max(most, len(l.Events))
		}
	}
	if most < 4 {
		t.Errorf("the missile programme's largest line has %d events, want at least 4", most)
	}
}

// Generated story lines with noisy dates (gen.Lines).
func TestStoriesGeneratedLinesQuality(t *testing.T) {
	as, labels := gen.Lines(600, 5)
	events, lines := map[string]string{}, map[string]string{}
	for _, l := range labels {
		events[l.ID] = fmt.Sprint(l.Event)
		lines[l.ID] = fmt.Sprint(l.Line)
	}
	s := GroupStories(as, StoryOptions{})
	checkScore(t, "generated events", scorePairs(groupOf(s), events), floors{0.95, 0.97})
	checkScore(t, "generated lines", scorePairs(lineOfArticle(s), lines), floors{0.95, 0.95})
}

// lineOfArticle maps each article ID to its story line's ID.
func lineOfArticle(s *Stories) map[string]string {
	out := map[string]string{}
	for _, l := range s.Lines {
		for _, a := range l.Articles {
			out[a.ID] = l.ID
		}
	}
	return out
}

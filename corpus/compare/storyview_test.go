package compare

import (
	"context"
	"fmt"
	"github.com/parallax-reader/parallax/corpus"
	"strings"
	"testing"
)

// storyViewFixture is one event (a city council vote on a shelter) told
// by four outlets in four house styles: wire copy, a partisan site, a
// newspaper with honorifics, a local civic blog.
func storyViewFixture(t testing.TB) *StoryView {
	t.Helper()
	v := NewStoryView(context.Background(), load(t, "testdata/storyview"))
	if v == nil {
		t.Fatal("no view")
	}
	return v
}

// dumpStoryView writes the view as plain lines, for the assertions.
func dumpStoryView(v *StoryView) string {
	var b strings.Builder
	for _, o := range v.Outlets {
		fmt.Fprintf(&b, "outlet %s lag=%s\n", o.Outlet, o.Lag)
		for _, t := range o.Distinctive {
			fmt.Fprintf(&b, "  word %s %d %.2f\n", t.Term, t.Count, t.Score)
		}
		for _, q := range o.Quoted {
			fmt.Fprintf(&b, "  quoted %s [%s] %d only=%v\n", q.Speaker, q.Affiliation, q.Quotes, q.Only)
		}
		for _, m := range o.Omits {
			fmt.Fprintf(&b, "  omits %s %.1f %s\n", outletName(v.Docs[m.Doc].Article), m.Weight, m.Text)
		}
	}
	for _, f := range v.Facts {
		fmt.Fprintf(&b, "fact\n")
		for _, r := range f.Rows {
			fmt.Fprintf(&b, "  %s %v | %s\n", outletName(v.Docs[r.Doc].Article), r.OwnWords, r.Text)
		}
	}
	for _, d := range v.Disagreements {
		fmt.Fprintf(&b, "disagree %s", d.Thing)
		for k, in := range d.In {
			for _, n := range in {
				fmt.Fprintf(&b, " %s=%s", outletName(v.Docs[k].Article), n.Text)
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestStoryViewSections(t *testing.T) {
	v := storyViewFixture(t)
	t.Log("\n" + dumpStoryView(v))
	outlet := func(d int) string { return outletName(v.Docs[d].Article) }

	t.Run("outlets by first report", func(t *testing.T) {
		var got []string
		for _, o := range v.Outlets {
			got = append(got, fmt.Sprintf("%s+%s", o.Outlet, o.Lag))
		}
		want := "gpwire.com+0s frontierdaily.com+55m0s metrotimes.com+8h20m0s civicledger.org+11h5m0s"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("outlets\n got %s\nwant %s", g, want)
		}
	})

	t.Run("distinctive words", func(t *testing.T) {
		// Each outlet's word for the people the shelter is for ranks first;
		// words every outlet uses rank nowhere.
		want := []string{"migrants", "illegal immigrants", "undocumented immigrants", "asylum seekers"}
		common := map[string]bool{"shelter": true, "council": true, "warehouse": true, "immigrants": true, "vote": true, "Riverton": true}
		for k, o := range v.Outlets {
			if len(o.Distinctive) == 0 || o.Distinctive[0].Term != want[k] {
				t.Errorf("%s: top distinctive %+v, want %q first", o.Outlet, o.Distinctive, want[k])
			}
			for _, d := range o.Distinctive {
				if common[d.Term] {
					t.Errorf("%s: common word %q listed as distinctive", o.Outlet, d.Term)
				}
				if d.Count < minDistinctCount {
					t.Errorf("%s: %q count %d", o.Outlet, d.Term, d.Count)
				}
			}
		}
		if d := v.Outlets[1].Distinctive[0]; d.Count != 4 {
			t.Errorf("illegal immigrants counted %d times, want 4 (title and body)", d.Count)
		}
	})

	t.Run("who is quoted", func(t *testing.T) {
		want := []string{
			"Elena Ruiz (Democrat) 1; Councilman Dale Hoffman (Republican) 1",
			"Tom Brandt 2 only; Councilman Dale Hoffman (Republican) 2",
			"Elena Ruiz (Democrat) 2; Maria Santos (Riverton Immigrant Coalition) 2",
			"Maria Santos (Riverton Immigrant Coalition) 2; Alan Pierce 2 only; Elena Ruiz (Democrat) 1",
		}
		for k, o := range v.Outlets {
			var got []string
			for _, q := range o.Quoted {
				s := fmt.Sprintf("%s %d", q.Label(), q.Quotes)
				if q.Only {
					s += " only"
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "; "); g != want[k] {
				t.Errorf("%s quotes\n got %s\nwant %s", o.Outlet, g, want[k])
			}
		}
	})

	t.Run("omissions", func(t *testing.T) {
		// The heaviest omission of each outlet, and one known one.
		want := []struct{ top, known string }{
			{"Ruiz said.", "The $4.2 million"},
			{"Ruiz said.", "The $4.2 million renovation will be paid for by a state emergency grant."},
			{`"Taxpayers in this town were never asked whether they wanted this," Hoffman said.`, "Brandt said."},
			{"Ruiz said.", `"Taxpayers in this town were never asked whether they wanted this," Hoffman said.`},
		}
		for k, o := range v.Outlets {
			if len(o.Omits) == 0 || !strings.HasSuffix(o.Omits[0].Text, want[k].top) {
				t.Errorf("%s: top omission %+v, want one ending %q", o.Outlet, o.Omits, want[k].top)
				continue
			}
			found := false
			for _, m := range o.Omits {
				if outletOf := outlet(m.Doc); outletOf == o.Outlet {
					t.Errorf("%s omits its own sentence %q", o.Outlet, m.Text)
				}
				found = found || strings.Contains(m.Text, want[k].known)
			}
			if k != 0 && !found {
				t.Errorf("%s: omissions lack %q", o.Outlet, want[k].known)
			}
			for i := 1; i < len(o.Omits); i++ {
				if o.Omits[i].Weight > o.Omits[i-1].Weight {
					t.Errorf("%s: omissions not by weight", o.Outlet)
				}
			}
		}
		// The wire reports the grant: it is not among its omissions.
		for _, m := range v.Outlets[0].Omits {
			if strings.Contains(m.Text, "$4.2 million") {
				t.Errorf("wire omits the grant it reports: %q", m.Text)
			}
		}
	})

	t.Run("facts", func(t *testing.T) {
		var grant *Fact
		for i := range v.Facts {
			if strings.Contains(v.Facts[i].Rows[0].Text, "$4.2 million") {
				grant = &v.Facts[i]
			}
		}
		if grant == nil {
			t.Fatal("no fact for the grant")
		}
		var got []string
		for _, r := range grant.Rows {
			got = append(got, outlet(r.Doc)+":"+strings.Join(r.OwnWords, ","))
		}
		want := "gpwire.com:funded metrotimes.com:taxes civicledger.org:renovation"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("grant fact own words\n got %s\nwant %s", g, want)
		}
		for _, f := range v.Facts {
			if len(f.Rows) < 3 {
				t.Errorf("fact carried by %d of 4 outlets: %+v", len(f.Rows), f.Rows)
			}
		}
		first := v.Facts[0]
		if got := strings.Join(first.Rows[1].OwnWords, " "); !strings.Contains(got, "illegal") || strings.Contains(got, "shelter") {
			t.Errorf("frontier's own words for the vote: %q", got)
		}
	})

	t.Run("disagreements", func(t *testing.T) {
		if len(v.Disagreements) != 1 {
			t.Fatalf("disagreements: %d, want 1", len(v.Disagreements))
		}
		d := v.Disagreements[0]
		var got []string
		for k, in := range d.In {
			for _, n := range in {
				if n.Value == 400 || n.Value == 250 {
					got = append(got, fmt.Sprintf("%s=%g", outlet(k), n.Value))
				}
			}
		}
		want := "civicledger.org=250 metrotimes.com=250 frontierdaily.com=400 gpwire.com=250"
		if g := strings.Join(got, " "); g != want || d.Thing != "people" {
			t.Errorf("disagreement %q\n got %s\nwant %s", d.Thing, g, want)
		}
	})
}

func TestStoryViewCancelled(t *testing.T) {
	as := load(t, "testdata/storyview")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if v := NewStoryView(ctx, as); v != nil {
		t.Errorf("cancelled view computed: %d outlets", len(v.Outlets))
	}
}

// storyOf20 makes a 20-article story from the four fixture articles: five
// versions of each under different outlets, each dropping a different
// paragraph and moving its last one first, so no two are identical.
func storyOf20(b testing.TB) []*corpus.Article {
	var out []*corpus.Article
	for c := 0; c < 5; c++ {
		for _, a := range load(b, "testdata/storyview") {
			x := *a
			x.ID = fmt.Sprintf("%s-%d", a.ID, c)
			x.Outlet = fmt.Sprintf("outlet%d.example", len(out))
			x.Blocks = nil
			n := len(a.Blocks)
			x.Blocks = append(x.Blocks, a.Blocks[n-1])
			for i, bl := range a.Blocks[:n-1] {
				if i != 1+c%(n-2) {
					x.Blocks = append(x.Blocks, bl)
				}
			}
			out = append(out, &x)
		}
	}
	return out
}

// BenchmarkStoryView20 computes the story view of a 20-article story cold
// (every article prepared anew; budget: 250 ms).
func BenchmarkStoryView20(b *testing.B) {
	as := storyOf20(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		NewStoryView(context.Background(), as)
	}
	reportCPU(b, cpu0)
}

// A story larger than the cap keeps every outlet's first article and
// says how many it left out.
func TestStoryViewCapsLargeStories(t *testing.T) {
	base := load(t, "testdata/storyview")
	var as []*corpus.Article
	for c := 0; c < 12; c++ {
		for _, a := range base {
			x := *a
			x.ID = fmt.Sprintf("%s-%d", a.ID, c)
			as = append(as, &x)
		}
	}
	v := NewStoryView(context.Background(), as)
	if len(v.Docs) != maxStoryViewArticles || v.Left != len(as)-maxStoryViewArticles {
		t.Fatalf("kept %d, left %d of %d", len(v.Docs), v.Left, len(as))
	}
	if len(v.Outlets) != 4 {
		t.Errorf("outlets %d, want 4", len(v.Outlets))
	}
}

package compare

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// newsItem is a small in-memory article: an outlet's report, dated, one
// paragraph per string (Words counted as the loader counts them).
func newsItem(id, outlet, published, title string, paras ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Title: title, Outlet: outlet}
	if published != "" {
		t, err := time.Parse(time.RFC3339, published)
		if err != nil {
			panic(err)
		}
		a.Published = t
	}
	for _, p := range paras {
		a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: p})
		a.Words += len(strings.Fields(p))
	}
	return a
}

// ferryWire is one event told three times: the wire copy and two
// rewrites by other outlets, hours apart.
func ferryWire() []*corpus.Article {
	return []*corpus.Article{
		newsItem("ferry_wire", "Reuters", "2026-03-14T06:10:00Z",
			"Ferry carrying 312 passengers sinks off Lesbos; coastguard rescues 290",
			"A ferry carrying 312 passengers and crew sank off the Greek island of Lesbos early on Saturday, and the Hellenic Coastguard said it had pulled 290 people from the water.",
			"The vessel, the Aegean Star, was sailing from Piraeus to Mytilene when it struck rocks near the port of Plomari in strong winds, coastguard spokesman Nikos Alexiou told reporters.",
			"Alexiou said 22 people were still missing and that three navy frigates and two Super Puma helicopters were searching the area. Survivors were taken to the hospital in Mytilene.",
			"Greek Prime Minister Kyriakos Mitsotakis cut short a visit to Brussels and was expected in Lesbos later on Saturday, his office said."),
		newsItem("ferry_bbc", "BBC News", "2026-03-14T09:40:00Z",
			"Lesbos ferry sinking: 22 missing after Aegean Star hits rocks",
			"Twenty-two people are missing after the ferry Aegean Star struck rocks and sank off Lesbos, the Hellenic Coastguard says.",
			"The ship had 312 passengers and crew on board on its overnight crossing from Piraeus to Mytilene. Coastguard spokesman Nikos Alexiou said 290 had been rescued near Plomari.",
			"Navy frigates and Super Puma helicopters are searching the sea in strong winds. Prime Minister Kyriakos Mitsotakis is flying to Lesbos from Brussels."),
		newsItem("ferry_guardian", "The Guardian", "2026-03-14T11:05:00Z",
			"Search for 22 missing after Greek ferry sinks near Lesbos",
			"Rescuers were searching for 22 people on Saturday after the Aegean Star, a ferry sailing from Piraeus to Mytilene, sank near Plomari on Lesbos.",
			"The Hellenic Coastguard said 290 of the 312 people on board had been rescued. Its spokesman, Nikos Alexiou, said the ship hit rocks in strong winds.",
			"Kyriakos Mitsotakis, the Greek prime minister, left a summit in Brussels to travel to Lesbos. Survivors were treated at the hospital in Mytilene."),
	}
}

// unrelated shares no content word with the ferry reports.
func unrelated() *corpus.Article {
	return newsItem("football", "Sky Sports", "2026-03-14T20:00:00Z",
		"Arsenal beat Chelsea 2-0 to go top of the Premier League",
		"Bukayo Saka scored twice as Arsenal beat Chelsea at the Emirates Stadium to go top of the Premier League table on goal difference.",
		"Mikel Arteta praised his defenders after a fourth clean sheet in five league matches.")
}

// summit names the Greek prime minister and Brussels, as the ferry
// reports do, the same day: another event.
func summit() []*corpus.Article {
	return []*corpus.Article{
		newsItem("summit_politico", "Politico", "2026-03-14T08:00:00Z",
			"EU leaders split over joint defence borrowing at Brussels summit",
			"European Union leaders meeting in Brussels failed on Saturday to agree on joint borrowing for defence, with Germany and the Netherlands opposed to new common debt.",
			"Greek Prime Minister Kyriakos Mitsotakis, who backs the plan with France and Poland, said Europe could not defend itself on national budgets alone.",
			"European Commission President Ursula von der Leyen said a proposal for 150 billion euros in loans would be ready by June."),
		newsItem("summit_ft", "Financial Times", "2026-03-14T12:30:00Z",
			"Germany blocks joint EU defence debt as Brussels summit ends without deal",
			"Germany and the Netherlands blocked a push for joint European Union borrowing to pay for defence at a summit in Brussels on Saturday.",
			"France, Poland and Greece, whose prime minister Kyriakos Mitsotakis left early, want common debt. Ursula von der Leyen promised a loans proposal worth 150 billion euros by June."),
	}
}

// inquiry follows the ferry story ten days later: the same ship, island
// and people, a new event (the captain charged).
func inquiry() []*corpus.Article {
	return []*corpus.Article{
		newsItem("inquiry_ap", "AP", "2026-03-24T10:00:00Z",
			"Captain of sunken Aegean Star ferry charged over Lesbos disaster",
			"Greek prosecutors charged the captain of the Aegean Star with manslaughter on Tuesday, ten days after the ferry struck rocks and sank off Plomari on Lesbos.",
			"Nineteen people died in the sinking and three are still missing. The captain told investigators in Mytilene that the ship's radar had failed, a judicial official said.",
			"The Hellenic Coastguard spokesman Nikos Alexiou said divers had reached the wreck off Lesbos."),
		newsItem("inquiry_kathimerini", "Kathimerini", "2026-03-24T14:00:00Z",
			"Aegean Star captain faces manslaughter charge as Lesbos divers reach wreck",
			"The captain of the Aegean Star ferry was charged with manslaughter in Mytilene on Tuesday over the sinking off Lesbos that killed nineteen people.",
			"Coastguard spokesman Nikos Alexiou said divers had reached the wreck near Plomari. The captain blamed a radar failure, according to a judicial official."),
	}
}

// groupingOf writes a grouping as its stories' article IDs, largest story
// first ("a b | c").
func groupingOf(s *Stories) string {
	var parts []string
	for _, st := range s.List {
		parts = append(parts, strings.Join(st.IDs(), " "))
	}
	return strings.Join(parts, " | ")
}

func linesOf(s *Stories) string {
	var parts []string
	for _, l := range s.Lines {
		var ev []string
		for _, e := range l.Events {
			ev = append(ev, strings.Join(e.IDs(), " "))
		}
		parts = append(parts, "["+strings.Join(ev, " / ")+"]")
	}
	return strings.Join(parts, " ")
}

// week is the corpus most tests below group: the ferry sinking (three
// outlets), the Brussels summit the same day (two; the same prime
// minister), the captain charged ten days after the sinking (two), and a
// football report.
func week() []*corpus.Article {
	return append(append(append(ferryWire(), unrelated()), summit()...), inquiry()...)
}

func byIDs(as []*corpus.Article, id string) *corpus.Article {
	for _, a := range as {
		if a.ID == id {
			return a
		}
	}
	panic(id)
}

// The same event from the wire and two rewrites is one story; an event
// the same day naming the same prime minister and city is another; the
// follow-up ten days later is its own event in the ferry's story line;
// the football report stands alone. Stories come largest first, then the
// latest; each is labelled by its most central report and lists its
// outlets once each, sorted.
func TestStoriesBehaviourWireRewritesAndFollowUp(t *testing.T) {
	for workers := 1; workers <= 3; workers++ {
		as := week()
		s := GroupStories(as, StoryOptions{Workers: workers})
		want := "ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"
		if got := groupingOf(s); got != want {
			t.Fatalf("%d workers: grouping\n%s\nwant\n%s", workers, got, want)
		}
		if got, want := linesOf(s), "[ferry_guardian ferry_bbc ferry_wire / inquiry_kathimerini inquiry_ap] [summit_ft summit_politico] [football]"; got != want {
			t.Errorf("lines\n%s\nwant\n%s", got, want)
		}
		type shown struct {
			label   string
			outlets string
		}
		var got []shown
		for _, st := range s.List {
			got = append(got, shown{st.Label, strings.Join(st.Outlets, ", ")})
		}
		wantShown := []shown{
			{"Lesbos ferry sinking: 22 missing after Aegean Star hits rocks", "BBC News, Reuters, The Guardian"},
			{"Aegean Star captain faces manslaughter charge as Lesbos divers reach wreck", "AP, Kathimerini"},
			{"EU leaders split over joint defence borrowing at Brussels summit", "Financial Times, Politico"},
			{"Arsenal beat Chelsea 2-0 to go top of the Premier League", "Sky Sports"},
		}
		if fmt.Sprint(got) != fmt.Sprint(wantShown) {
			t.Errorf("labels and outlets\n%v\nwant\n%v", got, wantShown)
		}
		for _, st := range s.List {
			if st.ID != storyID(slicesMin(st.IDs())) {
				t.Errorf("story %s is not named by its smallest article ID", st.ID)
			}
			if s.ByID(st.ID) != st {
				t.Errorf("ByID(%s) does not find its story", st.ID)
			}
			for _, a := range st.Articles {
				if s.Of(a) != st {
					t.Errorf("Of(%s) is not its story", a.ID)
				}
			}
			if len(st.Articles) == 1 && st.Cohesion != 1 || st.Cohesion <= 0.85 || st.Cohesion > 1 {
				t.Errorf("story %v cohesion %.4f: one article is 1, close reports near it", st.IDs(), st.Cohesion)
			}
		}
		if s.ByID("s000000000000") != nil || s.Of(unrelated()) != nil {
			t.Error("an unknown story ID or article found something")
		}
	}
}

func slicesMin(xs []string) string {
	m := xs[0]
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}

// Candidates to compare the wire copy with: its story's reports first,
// then the others that share anything with it, each by similarity; the
// football report, which shares no word, is none; n caps the list.
func TestStoriesBehaviourCandidates(t *testing.T) {
	as := week()
	s := GroupStories(as, StoryOptions{Workers: 1})
	wire := byIDs(as, "ferry_wire")
	ids := func(cs []Candidate) string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprintf("%s %v", c.Article.ID, c.SameStory))
		}
		return strings.Join(out, ", ")
	}
	all := s.Candidates(wire, 0)
	want := "ferry_bbc true, ferry_guardian true, inquiry_ap false, inquiry_kathimerini false, summit_ft false, summit_politico false"
	if got := ids(all); got != want {
		t.Errorf("candidates\n%s\nwant\n%s", got, want)
	}
	for k, c := range all {
		if want := Similarity(wire, c.Article); c.Similarity != want {
			t.Errorf("%s: similarity %.4f, the pair's is %.4f", c.Article.ID, c.Similarity, want)
		}
		if k > 0 && c.SameStory == all[k-1].SameStory && c.Similarity > all[k-1].Similarity {
			t.Errorf("%s ranked below a less similar candidate", c.Article.ID)
		}
	}
	if got := ids(s.Candidates(wire, 3)); got != "ferry_bbc true, ferry_guardian true, inquiry_ap false" {
		t.Errorf("three candidates: %s", got)
	}
	if s.Candidates(unrelated(), 3) != nil {
		t.Error("an article outside the grouping has candidates")
	}
}

// A corpus larger than the rescored pool: n <= 0 lists every article
// sharing a term, n > 0 cuts after rescoring.
func TestStoriesBehaviourCandidatesBeyondThePool(t *testing.T) {
	as, _ := generateCorpus(120, 5)
	s := GroupStories(as, StoryOptions{Workers: 1})
	a := as[0]
	related := 0
	for _, b := range as[1:] {
		if s.linkage(a, b) > 0 || s.Of(b) == s.Of(a) {
			related++
		}
	}
	if related <= candidatePool+1 {
		t.Fatalf("fixture: %d related articles, want more than the pool", related)
	}
	if got := len(s.Candidates(a, 0)); got != related {
		t.Errorf("Candidates(a, 0) lists %d, want all %d", got, related)
	}
	if got := len(s.Candidates(a, candidatePool+1)); got != candidatePool+1 {
		t.Errorf("Candidates(a, %d) lists %d", candidatePool+1, got)
	}
}

// apFerry is a fourth report of the sinking, from an outlet not yet seen.
func apFerry() *corpus.Article {
	return newsItem("ferry_ap", "AP", "2026-03-14T13:20:00Z",
		"Greek coastguard searches for 22 missing after ferry sinks off Lesbos",
		"The Hellenic Coastguard was searching on Saturday for 22 people missing after the ferry Aegean Star hit rocks off Plomari and sank near Lesbos.",
		"Coastguard spokesman Nikos Alexiou said 290 of the 312 passengers and crew had been rescued and taken to Mytilene. Prime Minister Kyriakos Mitsotakis was flying to the island from Brussels.")
}

// A grouping stored and read back is the same grouping, with the same
// candidates (its fingerprints read from the file); one new report of the
// sinking joins the stored ferry story; then, with one report removed and
// another rewritten by its outlet, the join still gives each event whole.
func TestStoriesBehaviourStoredThenJoined(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "stories-week.cache")
	opt := StoryOptions{Workers: 1}
	as := week()
	fresh, from, err := LoadOrGroupStories(ctx, path, as, opt)
	if err != nil || from != StoriesGrouped {
		t.Fatalf("first grouping: from %v, err %v", from, err)
	}
	want := "ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"
	if got := groupingOf(fresh); got != want {
		t.Fatalf("grouping %s", got)
	}

	again := week()
	back, from, err := LoadOrGroupStories(ctx, path, again, opt)
	if err != nil || from != StoriesStored {
		t.Fatalf("read back: from %v, err %v", from, err)
	}
	if got := groupingOf(back); got != want {
		t.Errorf("read back %s", got)
	}
	for k, st := range back.List {
		if st.Label != fresh.List[k].Label || st.ID != fresh.List[k].ID || st.Cohesion != fresh.List[k].Cohesion {
			t.Errorf("story %d read back as %s %q %.4f", k, st.ID, st.Label, st.Cohesion)
		}
	}
	if got, want := candidateList(back.Candidates(byIDs(again, "ferry_wire"), 0)), candidateList(fresh.Candidates(byIDs(as, "ferry_wire"), 0)); got != want {
		t.Errorf("candidates read back\n%s\nwant\n%s", got, want)
	}
	if got, want := back.linkage(byIDs(again, "ferry_wire"), byIDs(again, "inquiry_ap")), fresh.linkage(byIDs(as, "ferry_wire"), byIDs(as, "inquiry_ap")); got != want {
		t.Errorf("linkage read back %.6f, want %.6f", got, want)
	}

	joined, from, err := LoadOrGroupStories(ctx, path, append(week(), apFerry()), opt)
	if err != nil || from != StoriesJoined {
		t.Fatalf("one new report: from %v, err %v", from, err)
	}
	if got, want := groupingOf(joined), "ferry_ap ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"; got != want {
		t.Errorf("joined\n%s\nwant\n%s", got, want)
	}
	ferry := joined.Of(byIDs(joined.articles, "ferry_ap"))
	if got := strings.Join(ferry.Outlets, ", "); got != "AP, BBC News, Reuters, The Guardian" {
		t.Errorf("joined story's outlets: %s", got)
	}
	// The untouched stories keep their stored labels.
	for _, st := range joined.List[1:] {
		if old := fresh.ByID(st.ID); old == nil || old.Label != st.Label || old.Cohesion != st.Cohesion {
			t.Errorf("story %s changed by a join that did not touch it", st.ID)
		}
	}

	var changed []*corpus.Article
	for _, a := range append(week(), apFerry()) {
		switch a.ID {
		case "ferry_bbc":
			continue // removed
		case "summit_ft":
			a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph,
				Text: "Dutch Prime Minister Dick Schoof said common debt for defence was a line his government would not cross."})
			a.Words += 17
		}
		changed = append(changed, a)
	}
	rejoined, from, err := LoadOrGroupStories(ctx, path, changed, opt)
	if err != nil || from != StoriesJoined {
		t.Fatalf("one removed, one changed: from %v, err %v", from, err)
	}
	if got, want := groupingOf(rejoined), "ferry_ap ferry_guardian ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"; got != want {
		t.Errorf("rejoined\n%s\nwant\n%s", got, want)
	}
}

func candidateList(cs []Candidate) string {
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%s %v %.6f", c.Article.ID, c.SameStory, c.Similarity))
	}
	return strings.Join(out, "\n")
}

// Stories of one article each: the label is the title, trimmed, cut at
// the last word boundary before 90 characters (runes, not bytes) when
// longer, or at 90 when that boundary comes before the middle; the ID
// when there is no title. Outlets are trimmed, empty ones left out.
// Equal stories (one article) come latest first, then by story ID.
func TestStoriesBehaviourLabelsOutletsOrder(t *testing.T) {
	long := "Ukraine and Russia agree to a ceasefire around the Zaporizhzhia nuclear plant after talks in Istanbul on Friday"
	exact := strings.Repeat("é", 85) + " abcd" // 90 runes, 175 bytes
	unbroken := "Ειδήσεις-" + strings.Repeat("αβγδεζηθικ", 12)
	midSpace := strings.Repeat("x", 45) + " " + strings.Repeat("y", 60)   // the boundary at the middle: cut there
	earlySpace := strings.Repeat("x", 44) + " " + strings.Repeat("y", 60) // before it: cut at 90
	body := []string{"Nothing in this paragraph is shared.", "Qwerty uiop asdf zxcv words bnm.", "Lorem ipsum dolor sit amet consectetur.",
		"Jumbled foxtrot glyphs vex quick nymphs.", "Sphinx of black quartz judge my vow.", "Pack my box with five dozen liquor jugs."}
	as := []*corpus.Article{
		newsItem("a_long", " Reuters ", "2026-03-10T08:00:00Z", long, body[0]),
		newsItem("b_exact", "", "2026-03-12T08:00:00Z", exact, body[1]),
		newsItem("c_unbroken", "Kathimerini", "2026-03-11T08:00:00Z", unbroken, body[2]),
		newsItem("d_untitled", "AP", "2026-03-11T08:00:00Z", "   ", body[3]),
		newsItem("e_mid", "AP", "2026-03-11T08:00:00Z", midSpace, body[4]),
		newsItem("g_early", "AP", "2026-03-09T08:00:00Z", earlySpace, "Two driven jocks help fax my big quiz."),
		newsItem("f_undated", "AP", "", "  A title with spaces around it  ", body[5]),
	}
	s := GroupStories(as, StoryOptions{Workers: 1})
	want := map[string]string{
		"a_long":     "Ukraine and Russia agree to a ceasefire around the Zaporizhzhia nuclear plant after talks…",
		"b_exact":    exact,
		"c_unbroken": string([]rune(unbroken)[:90]) + "…",
		"d_untitled": "d_untitled",
		"e_mid":      strings.Repeat("x", 45) + "…",
		"g_early":    earlySpace[:90] + "…",
		"f_undated":  "A title with spaces around it",
	}
	for id, w := range want {
		if got := s.Of(byIDs(as, id)).Label; got != w {
			t.Errorf("%s labelled %q, want %q", id, got, w)
		}
	}
	if got := s.Of(as[0]).Outlets; fmt.Sprint(got) != "[Reuters]" {
		t.Errorf("outlets %q", got)
	}
	if got := s.Of(as[1]).Outlets; got == nil || len(got) != 0 {
		t.Errorf("an article without outlet: outlets %#v, want empty", got)
	}
	// b (12 March), then c, d, e (11 March: by story ID), then a, g, then
	// the undated f.
	mid := []string{"c_unbroken", "d_untitled", "e_mid"}
	slicesSortBy(mid, func(id string) string { return storyID(id) })
	wantOrder := append(append([]string{"b_exact"}, mid...), "a_long", "g_early", "f_undated")
	if got := groupingOf(s); got != strings.Join(wantOrder, " | ") {
		t.Errorf("order %s, want %s", got, strings.Join(wantOrder, " | "))
	}
}

func slicesSortBy(xs []string, key func(string) string) {
	for i := range xs {
		for j := i + 1; j < len(xs); j++ {
			if key(xs[j]) < key(xs[i]) {
				xs[i], xs[j] = xs[j], xs[i]
			}
		}
	}
}

// Dates decide what one event is: the Guardian's report of the sinking
// dated two days after the others is still the sinking; dated seven days
// after (the window's end) it is its own event in the ferry's line; eight
// days after, it sits two days before the captain's charging and joins
// that event; undated, it is grouped by its text alone. A window of 60
// days makes the charging, ten days on, one event with the sinking.
func TestStoriesBehaviourDaysApart(t *testing.T) {
	for _, c := range []struct {
		name    string
		shift   time.Duration // of the Guardian's report from the wire's; 0: as it is, -1: undated
		maxDays int
		want    string
		lines   string
	}{
		{"two days later", 48 * time.Hour, 0,
			"ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap",
			"[ferry_guardian ferry_bbc ferry_wire / inquiry_kathimerini inquiry_ap]"},
		{"seven days later", 7 * 24 * time.Hour, 0,
			"inquiry_kathimerini inquiry_ap | ferry_bbc ferry_wire | ferry_guardian",
			"[ferry_bbc ferry_wire / ferry_guardian / inquiry_kathimerini inquiry_ap]"},
		{"eight days later", 200 * time.Hour, 0,
			"inquiry_kathimerini inquiry_ap ferry_guardian | ferry_bbc ferry_wire",
			"[ferry_bbc ferry_wire / inquiry_kathimerini inquiry_ap ferry_guardian]"},
		{"undated", -1, 0,
			"ferry_bbc ferry_wire ferry_guardian | inquiry_kathimerini inquiry_ap",
			"[ferry_bbc ferry_wire ferry_guardian / inquiry_kathimerini inquiry_ap]"},
		{"a 60-day window", 0, 60,
			"inquiry_kathimerini inquiry_ap ferry_guardian ferry_bbc ferry_wire",
			"[inquiry_kathimerini inquiry_ap ferry_guardian ferry_bbc ferry_wire]"},
	} {
		as := append(ferryWire(), inquiry()...)
		g := as[2]
		switch {
		case c.shift < 0:
			g.Published = time.Time{}
		case c.shift > 0:
			g.Published = as[0].Published.Add(c.shift)
		}
		s := GroupStories(as, StoryOptions{Workers: 1, MaxDays: c.maxDays})
		if got := groupingOf(s); got != c.want {
			t.Errorf("%s: grouping\n%s\nwant\n%s", c.name, got, c.want)
		}
		if got := linesOf(s); got != c.lines {
			t.Errorf("%s: lines\n%s\nwant\n%s", c.name, got, c.lines)
		}
	}
}

// A report on one side of the event (hotels counting cancellations after
// the sinking) is less like the three reports of the sinking than they are
// like each other (similarity 0.27 to 0.36), but on average like enough
// (groupLinkage of the threshold) to join their story.
func TestStoriesBehaviourSideReportJoins(t *testing.T) {
	side := newsItem("ferry_hotels", "Euronews", "2026-03-14T15:00:00Z", "Lesbos hotels count cancellations as ferry link to Piraeus is cut",
		"Hotels on Lesbos reported cancellations on Saturday after the only overnight ferry link to Piraeus was suspended when the Aegean Star sank.",
		"The island's tourism association said bookings for the Easter holidays had been strong until now, and asked the government for emergency flights from Athens.")
	s := GroupStories(append(week(), side), StoryOptions{Workers: 1})
	want := "ferry_hotels ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"
	if got := groupingOf(s); got != want {
		t.Errorf("grouping\n%s\nwant\n%s", got, want)
	}
}

// Two outlets run the wire copy word for word, the headline punctuated
// their own way: the copies are equally central, and the story takes the
// headline of the one with the smaller ID, whichever order the articles
// come in.
func TestStoriesBehaviourVerbatimCopiesLabel(t *testing.T) {
	wire := ferryWire()[0]
	copyOf := func(id, outlet, title string) *corpus.Article {
		c := *wire
		c.ID, c.Outlet, c.Title = id, outlet, title
		return &c
	}
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}} {
		pool := []*corpus.Article{
			copyOf("ekathimerini_ferry", "eKathimerini", "Ferry carrying 312 passengers sinks off Lesbos - coastguard rescues 290"),
			copyOf("keeptalkinggreece_ferry", "Keep Talking Greece", "Ferry carrying 312 passengers sinks off Lesbos: coastguard rescues 290"),
			ferryWire()[1],
			unrelated(),
		}
		var as []*corpus.Article
		for _, k := range order {
			as = append(as, pool[k])
		}
		s := GroupStories(as, StoryOptions{Workers: 1})
		st := s.Of(pool[0])
		if got := groupingOf(s); got != "ferry_bbc ekathimerini_ferry keeptalkinggreece_ferry | football" {
			t.Fatalf("order %v: grouping %s", order, got)
		}
		if st.Label != "Ferry carrying 312 passengers sinks off Lesbos - coastguard rescues 290" {
			t.Errorf("order %v: labelled %q, want the headline of the copy with the smaller ID", order, st.Label)
		}
	}
}

// Two reports of a comet name one actor between them (Nasa): events need
// two shared names, but one does for reports as strongly alike as these.
func TestStoriesBehaviourOneSharedNameWhenStrong(t *testing.T) {
	as := append(week(),
		newsItem("comet_a", "Reuters", "2026-03-15T09:00:00Z", "Bright comet visible to the naked eye this week, astronomers say",
			"A comet discovered only two months ago will be bright enough to see with the naked eye in the evening sky this week, astronomers said on Sunday.",
			"The comet will pass closest to the sun in two days. Observers should look low in the west just after sunset, away from city lights, according to Nasa.",
			"Binoculars will show its tail, which stretches several degrees across the sky."),
		newsItem("comet_b", "The Independent", "2026-03-15T13:00:00Z", "How to see the bright comet in the evening sky this week",
			"A comet found two months ago is now bright enough to spot with the naked eye, astronomers say, and it will be at its best this week.",
			"Look low in the west just after sunset, away from city lights. The comet passes closest to the sun in two days, Nasa said, and binoculars will show its long tail."),
	)
	s := GroupStories(as, StoryOptions{Workers: 1})
	want := "ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | comet_b comet_a | summit_ft summit_politico | football"
	if got := groupingOf(s); got != want {
		t.Errorf("grouping\n%s\nwant\n%s", got, want)
	}
}

// A live blog of the sinking, seventy short updates that repeat the
// event's words (ferry, Lesbos, coastguard) far more often than any report
// does, is still the sinking: a term's weight grows with the log of its
// count, however large (64 and 70 times here).
func TestStoriesBehaviourLiveBlogJoins(t *testing.T) {
	var updates []string
	for k := range 70 {
		u := fmt.Sprintf("%02d:%02d The Hellenic Coastguard says the search for the missing from the Aegean Star ferry off Lesbos goes on; update %d from Mytilene.", 6+k/6, k%6*10, k+1)
		if k < 64 { // a name counted exactly 64 times
			u += " Spokesman Nikos Alexiou will speak again within the hour."
		}
		updates = append(updates, u)
	}
	blog := newsItem("ferry_liveblog", "ERT", "2026-03-14T18:00:00Z", "Live: Aegean Star ferry sinks off Lesbos", updates...)
	s := GroupStories(append(week(), blog), StoryOptions{Workers: 1})
	want := "ferry_liveblog ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"
	if got := groupingOf(s); got != want {
		t.Errorf("grouping\n%s\nwant\n%s", got, want)
	}
}

// A video page whose body is site furniture is grouped by its outlet's
// summary: with it, the rescue footage joins the sinking; without it, the
// page says nothing and stands alone.
func TestStoriesBehaviourVideoPageBySummary(t *testing.T) {
	video := newsItem("ferry_video", "Euronews", "2026-03-14T12:00:00Z", "Watch: dramatic rescue at sea",
		"Video. Share this. Sign up for our newsletter.")
	video.Summary = "Footage shows the Hellenic Coastguard pulling survivors of the Aegean Star ferry from the sea off Plomari, Lesbos, after it struck rocks and sank; 22 people are missing."
	s := GroupStories(append(week(), video), StoryOptions{Workers: 1})
	if got, want := groupingOf(s), "ferry_video ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football"; got != want {
		t.Errorf("with its summary:\n%s\nwant\n%s", got, want)
	}
	video.Summary = ""
	s = GroupStories(append(week(), video), StoryOptions{Workers: 1})
	if got, want := groupingOf(s), "ferry_guardian ferry_bbc ferry_wire | inquiry_kathimerini inquiry_ap | summit_ft summit_politico | football | ferry_video"; got != want {
		t.Errorf("without:\n%s\nwant\n%s", got, want)
	}
}

// Two pages whose text came out empty (a failed scrape), which the reader
// put in one story: a story of two articles with no terms has no centre,
// and its cohesion is 1, as a single article's, not a division by zero.
func TestStoriesBehaviourEmptyPagesPlacedTogether(t *testing.T) {
	as := append(week(), newsItem("blank_1", "ERT", "2026-03-14T16:00:00Z", ""), newsItem("blank_2", "ERT", "2026-03-14T16:05:00Z", ""))
	s := GroupStories(as, StoryOptions{Workers: 1}).WithEdits(map[string]StoryEdit{"blank_2": {With: "blank_1"}})
	st := s.Of(byIDs(as, "blank_1"))
	if got := strings.Join(st.IDs(), " "); got != "blank_2 blank_1" || st.Cohesion != 1 || st.Label != "blank_1" {
		t.Errorf("story %s, cohesion %v, label %q; want blank_2 blank_1, 1, blank_1", got, st.Cohesion, st.Label)
	}
}

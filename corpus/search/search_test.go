package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/lang"
)

func loadSeeds(t testing.TB) *Index {
	t.Helper()
	c, err := corpus.Load(context.Background(), corpus.Source{Paths: []string{"../../seeds"}}, corpus.Options{})
	if err != nil || len(c.Articles) != 5 {
		t.Fatalf("loading seeds: %v (%d articles)", err, len(c.Articles))
	}
	ix := New()
	ix.Add(c.Articles)
	return ix
}

func art(id, outlet, title string, blocks ...string) *corpus.Article {
	a := &corpus.Article{ID: id, Outlet: outlet, Title: title}
	for _, b := range blocks {
		a.Blocks = append(a.Blocks, corpus.Block{Kind: corpus.Paragraph, Text: b})
	}
	return a
}

func fixture() *Index {
	ix := New()
	ix.Add([]*corpus.Article{
		art("zel1", "kyivindependent.com", "Zelensky meets allies", "President Zelensky met allies in Kyiv on Monday."),
		art("zel2", "news.example.org", "Talks continue", "Volodymyr Zelenskyy said the talks in Kyiv were useful."),
		art("zel3", "Example Wire", "A quiet week", "Zelenskiy spoke briefly. Officials in Kiev declined to comment."),
		art("cafe", "example.org", "Café culture", "The café on the corner serves coffee."),
		art("ru", "ria.ru", "Переговоры в Москве", "Путин провёл переговоры с делегацией. Ёлка стояла."),
		art("cn", "xinhua.cn", "北京会谈", "双方在北京举行会谈。"),
		art("title", "a.com", "Harbour strike ends", "Workers returned on Tuesday after a long dispute."),
		art("body", "b.com", "Workers return", "The harbour was quiet after the dispute ended on Tuesday."),
	})
	// A second batch: searches see everything added so far.
	ix.Add([]*corpus.Article{
		art("wit", "c.com", "Envoy travels", "Steve Witkoff flew to Moscow; Witkoff's trip was brief.", "The envoy's talk lasted hours."),
	})
	return ix
}

func ids(r *Results) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.Article.ID)
	}
	return out
}

func sorted(xs []string) []string { xs = slices.Clone(xs); slices.Sort(xs); return xs }

func TestSeedsUmerov(t *testing.T) {
	ix := loadSeeds(t)
	for _, q := range []string{"Umerov", "umerov", "UMEROV", "Umerov’s", "Umerov's"} {
		r, err := ix.Search(context.Background(), q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := sorted(ids(r))
		want := []string{"002_4efbf8bebd05baf7", "003_b765f57e1c3a59da", "004_e11042489c80f2bf"}
		if !slices.Equal(got, want) || r.Total != 3 {
			t.Errorf("%q: got %v (total %d), want %v", q, got, r.Total, want)
		}
		for _, h := range r.Hits {
			if h.Hits == 0 || len(h.Highlights) == 0 {
				t.Errorf("%q %s: no hits or highlights", q, h.Article.ID)
			}
			for _, s := range h.Highlights {
				if w := lang.Fold(h.Snippet[s.Start:s.End]); w != "umerov" {
					t.Errorf("%q %s: highlight %q in snippet %q", q, h.Article.ID, w, h.Snippet)
				}
			}
			for _, p := range h.Positions {
				if w := lang.Words(h.Article.Blocks[p.Block].Text[p.Start:p.End]); !slices.Equal(w, []string{"umerov"}) {
					t.Errorf("%q %s: position covers %q", q, h.Article.ID, w)
				}
			}
		}
	}
}

func TestSeedsQueries(t *testing.T) {
	ix := loadSeeds(t)
	tests := []struct {
		query  string
		typing bool
		want   []string // ID prefixes, sorted; nil means "any non-empty"
		total  int
	}{
		{query: "Umerov -Yermak", want: []string{"003", "004"}},
		{query: `"tough but constructive"`, want: []string{"001"}},
		{query: `"tough but very constructive"`, want: []string{"000"}},
		{query: "Witkoff Kushner Rubio", total: -1},
		{query: "Umer", typing: true, want: []string{"002", "003", "004"}},
		{query: "title:kremlin", want: []string{"000", "001"}},
		{query: "Holubtsi borsch", want: []string{"000", "001"}},
		{query: "zzzzqqq"},
		{query: "-Umerov", want: []string{"000", "001"}},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), tt.query, Options{Typing: tt.typing})
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		var got []string
		for _, id := range sorted(ids(r)) {
			got = append(got, id[:3])
		}
		if tt.total == -1 {
			if len(got) == 0 {
				t.Errorf("%q: no results", tt.query)
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestInflectionsAndFolding(t *testing.T) {
	ix := fixture()
	tests := []struct {
		query string
		want  []string
	}{
		{"talk", []string{"wit", "zel2"}},
		{"talks", []string{"wit", "zel2"}},
		{"cafe", []string{"cafe"}},
		{"CAFÉ", []string{"cafe"}},
		{"witkoff", []string{"wit"}},
		{"путина", []string{"ru"}}, // fuzzy: one letter off
		{"путин", []string{"ru"}},
		{"елка", []string{"ru"}},
		{"北京", []string{"cn"}},
		{"outlet:KYIV zelensky", []string{"zel1"}},
		{"outlet:example", []string{"cafe", "zel3"}},
		{"title:talks", []string{"zel2"}},
		{`"harbour strike"`, []string{"title"}},
		{`-"after a long" harbour`, []string{"body"}},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), tt.query, Options{})
		if err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		if got := sorted(ids(r)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSpellingVariants(t *testing.T) {
	ix := fixture()
	for _, q := range []string{"Zelensky", "Zelenskyy", "zelenskiy"} {
		r, _ := ix.Search(context.Background(), q, Options{})
		if got := sorted(ids(r)); !slices.Equal(got, []string{"zel1", "zel2", "zel3"}) {
			t.Errorf("%q: got %v", q, got)
		}
		if len(r.Spellings) != 1 || r.Spellings[0].Kind != "variant" || len(r.Spellings[0].Used) != 2 {
			t.Errorf("%q: spellings %+v", q, r.Spellings)
		}
	}
	for q, want := range map[string][]string{"Kyiv": {"zel1", "zel2", "zel3"}, "Witkof": {"wit"}, "Zelenskii": {"zel1", "zel2", "zel3"}, "Kiyv": {"zel1", "zel2", "zel3"}} {
		r, _ := ix.Search(context.Background(), q, Options{})
		if got := sorted(ids(r)); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v (spellings %+v)", q, got, want, r.Spellings)
		}
	}
	r, _ := ix.Search(context.Background(), "Witkof", Options{})
	if len(r.Spellings) != 1 || r.Spellings[0].Kind != "fuzzy" || !slices.Equal(r.Spellings[0].Used, []string{"witkoff"}) {
		t.Errorf("Witkof spellings: %+v", r.Spellings)
	}
}

func TestRankingTitleFirst(t *testing.T) {
	r, _ := fixture().Search(context.Background(), "harbour", Options{})
	if got := ids(r); !slices.Equal(got, []string{"title", "body"}) {
		t.Fatalf("got %v, want title match first", got)
	}
	if r.Hits[0].Score <= r.Hits[1].Score || len(r.Hits[0].TitleSpans) != 1 {
		t.Fatalf("scores %v %v, title spans %v", r.Hits[0].Score, r.Hits[1].Score, r.Hits[0].TitleSpans)
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("Filler words go here and there. ", 20) + "The summit in Geneva ended. " + strings.Repeat("More filler after it. ", 20)
	ix := New()
	ix.Add([]*corpus.Article{art("s", "x", "T", "First paragraph without it.", long)})
	r, _ := ix.Search(context.Background(), "geneva summit", Options{SnippetBytes: 80})
	if len(r.Hits) != 1 {
		t.Fatal("no hit")
	}
	h := r.Hits[0]
	if !strings.HasPrefix(h.Snippet, "…") || !strings.HasSuffix(h.Snippet, "…") || len(h.Snippet) > 80+2*len("…")+20 {
		t.Errorf("snippet %q", h.Snippet)
	}
	var words []string
	for _, s := range h.Highlights {
		words = append(words, h.Snippet[s.Start:s.End])
	}
	if !slices.Equal(words, []string{"summit", "Geneva"}) {
		t.Errorf("highlights %q in %q", words, h.Snippet)
	}
	if len(h.Positions) != 2 || h.Positions[0].Block != 1 {
		t.Errorf("positions %+v", h.Positions)
	}
}

func TestQueryErrors(t *testing.T) {
	ix := fixture()
	for _, q := range []string{`"unbalanced`, `a "b" "c`, `title:"x`} {
		_, err := ix.Search(context.Background(), q, Options{})
		var qe *QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), "quote") {
			t.Errorf("%q: err %v", q, err)
		}
	}
	r, err := ix.Search(context.Background(), "   ", Options{})
	if err != nil || r.Total != 0 {
		t.Errorf("blank query: %v %v", r, err)
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in     string
		typing bool
		want   string
	}{
		{"Kyiv talks", false, "kyiv talks"},
		{"Kyiv talks", true, "kyiv talks*"},
		{"Kyiv talks ", true, "kyiv talks"},
		{`"Tough but" constructive`, true, `"tough but" constructive*`},
		{`constructive "tough but"`, true, `constructive "tough but"`},
		{"-Yermak Umerov", false, "umerov -yermak"},
		{"outlet:Kyiv title:Talks", true, "title:talks* outlet:kyiv"},
		{`outlet:"Kyiv Independent" peace`, false, `peace outlet:"kyiv independent"`},
		{"28-point Umerov’s", false, `"28 point" umerov`},
		{"北京", false, `"北 京"`},
		{"-- ... !!", false, ""},
		{"“curly quotes”", false, `"curly quotes"`},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.in, tt.typing)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if got := q.String(); got != tt.want {
			t.Errorf("ParseQuery(%q, %v) = %q, want %q", tt.in, tt.typing, got, tt.want)
		}
	}
}

func TestFind(t *testing.T) {
	a := art("f", "x", "Talks about talks", "He talked. Then more talking: talk, talks.", "Nothing here.", "Zelenskyy and Zelensky.")
	f, err := Find(a, "talk", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.TitleSpans) != 2 || len(f.Positions) != 4 {
		t.Fatalf("talk: title %v positions %v", f.TitleSpans, f.Positions)
	}
	f, _ = Find(a, "zelensk", true)
	if len(f.Positions) != 2 || f.Positions[0].Block != 2 {
		t.Fatalf("prefix: %v", f.Positions)
	}
	if _, err := Find(a, `"oops`, false); err == nil {
		t.Fatal("no error for unbalanced quote")
	}
}

func TestConcurrentAddAndSearch(t *testing.T) {
	ix := New()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; i < 50; i++ {
			ix.Add([]*corpus.Article{art("a", "o", "Peace talks", "Talks in Geneva went on.")})
		}
	}()
	prev := 0
	for i := 0; i < 200; i++ {
		r, err := ix.Search(context.Background(), "talks geneva", Options{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if r.Total < prev || r.Total != r.Searched {
			t.Fatalf("total %d after %d, searched %d", r.Total, prev, r.Searched)
		}
		prev = r.Total
	}
	wg.Wait()
	if ix.Len() != 50 {
		t.Fatalf("len %d", ix.Len())
	}
}

// A search whose context is cancelled stops with the context's error; the
// matching checks it every fourth word, so an eight-word query always
// reaches a check. The same query with a live context answers.
func TestCancelled(t *testing.T) {
	ix := fixture()
	const q = "volodymyr zelenskyy said the talks in kyiv were"
	r, err := ix.Search(context.Background(), q, Options{})
	if err != nil || ids(r) == nil || ids(r)[0] != "zel2" {
		t.Fatalf("live context: %v, %v", ids(r), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r, err = ix.Search(ctx, q, Options{})
	if !errors.Is(err, context.Canceled) || r != nil {
		t.Errorf("cancelled context: results %v, error %v; want no results and context.Canceled", r, err)
	}
}

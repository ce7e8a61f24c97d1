package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// wantArticle is what a fixture must yield; empty fields are not checked
// unless noted. Kinds lists the block kinds in order ("h p p l l q p").
type wantArticle struct {
	title, outlet, byline, url, published string // published: RFC 3339, "-" for none
	kinds                                 string
	first                                 string // the first block starts with this
	notInBody                             []string
}

func TestFormatFixtures(t *testing.T) {
	tests := []struct {
		file   string
		format string
		want   []wantArticle
	}{
		{"article.html", formatHTML, []wantArticle{{
			title: "Port strike ends after nine days", outlet: "The Harbour Gazette", byline: "Maria Keller",
			url: "https://harbourgazette.example/news/port-strike-ends", published: "2025-11-28T09:15:00+01:00",
			kinds: "p p h l l q p p", first: "Dock workers at the northern terminal",
			notInBody: []string{"Home", "Most read", "All rights reserved", "tracking", "color: red", "Ships waiting", "Advertisement", "By Maria Keller"},
		}}},
		{"latin1.rss", formatFeed, []wantArticle{
			{title: "Grève au port : accord trouvé", outlet: "Le Journal du Café", byline: "André Dupont",
				url: "https://journal.example/greve", published: "2025-11-28T10:00:00+01:00", kinds: "p h p",
				first: "Les dockers ont repris", notInBody: []string{"Résumé court"}},
			{title: "Marchés : la semaine en bref", outlet: "Le Journal du Café", published: "2025-11-27T18:30:00+01:00",
				kinds: "p", first: "Les marchés ont fini en hausse."},
		}},
		{"atom-in.rss", formatFeed, []wantArticle{{
			title: "Rail line reopens after floods", outlet: "Northern Ledger", byline: "Sam Okafor",
			url: "https://ledger.example/rail-reopens", published: "2025-11-30T08:00:00Z", kinds: "p q",
			first: "The coastal rail line", notInBody: []string{"Short summary only"},
		}}},
		{"feed.json", formatJSON, []wantArticle{
			{title: "Bridge vote delayed", outlet: "Valley Wire", byline: "Lee Park", url: "https://valleywire.example/bridge",
				published: "2025-11-29T16:00:00-05:00", kinds: "p l l", first: "The council postponed"},
			{title: "Library hours extended", outlet: "Valley Wire", published: "2025-11-28T10:00:00-05:00", kinds: "p p"},
		}},
		{"note.md", formatMarkdown, []wantArticle{{
			title: "Wind farm approved despite objections", outlet: "Coastal Times", byline: "Ana Ruiz, Tom Berg",
			url: "https://coastaltimes.example/wind-farm", published: "2025-11-27T00:00:00Z", kinds: "p h l l q p",
			first: "The regional planning board", notInBody: []string{"**", "](", "---", "title:"},
		}}},
		{"heading-title.md", formatMarkdown, []wantArticle{{
			title: "Council approves budget", published: "-", kinds: "p p", first: "The city council approved",
		}}},
		{"records.jsonl", formatJSON, []wantArticle{
			{title: "Heatwave breaks records in the south", outlet: "southpost.example", byline: "Nina Rossi",
				url: "https://www.southpost.example/heatwave", published: "2025-07-15T14:20:00Z", kinds: "p p"},
			{title: "Ferry services resume", outlet: "Island Echo", byline: "Jo Hale", published: "2025-07-16T00:00:00Z"},
			{title: "Market opens higher", outlet: "Money Daily", published: "2025-07-17T09:00:00Z", first: "Shares rose"},
		}},
		{"newsplease.json", formatJSON, []wantArticle{{
			title: "City plans 10,000 new trees", outlet: "citydesk.example", byline: "Kim Lee",
			url: "https://citydesk.example/trees", published: "2025-11-29T08:00:00Z", first: "City officials unveiled",
		}}},
		{"newsapi.json", formatJSON, []wantArticle{
			{title: "Rates held steady", outlet: "Finance Today", byline: "Ola Nordmann", url: "https://financetoday.example/rates",
				published: "2025-12-01T07:30:00Z"},
			{title: "Snow closes mountain pass", outlet: "Alpine Post"},
		}},
		{"saved-page.txt", formatHTML, []wantArticle{{
			title: "Museum reopens after renovation", outlet: "City Herald", published: "2025-10-05T00:00:00Z",
			kinds: "p p", first: "The city museum reopened",
		}}},
		{"gb2312.xml", formatFeed, []wantArticle{{title: "港口罢工结束", outlet: "新闻", first: "码头工人周五复工。"}}},
		{"windows1252.html", formatHTML, []wantArticle{{title: "Café “crisis” ends", first: "The café’s owners"}}},
		// Saved again as UTF-8 with the old declaration left in: the bytes win.
		{"utf8-declared-gb2312.html", formatHTML, []wantArticle{{title: "台风“海葵”登陆福建 数万人紧急转移", outlet: "南方新闻网", first: "第11号台风“海葵”于周二凌晨"}}},
		{"utf8-declared-shift_jis.rss", formatFeed, []wantArticle{{title: "台風10号、九州に上陸へ", outlet: "東京ニュース", first: "大型の台風10号は"}}},
		// The same page in the legacy bytes it declares still reads right.
		{"gbk-declared-gb2312.html", formatHTML, []wantArticle{{title: "台风“海葵”登陆福建 数万人紧急转移", outlet: "南方新闻网", first: "第11号台风“海葵”于周二凌晨"}}},
		{"koi8r-declared.html", formatHTML, []wantArticle{{title: "Порт возобновил работу после забастовки", first: "Докеры северного терминала"}}},
		{"truncated.rss", formatFeed, []wantArticle{
			{title: "First complete item", outlet: "Broken Feed", first: "This item closed properly."},
			{title: "Second complete item"},
		}},
		{"broken-array.json", formatJSON, []wantArticle{{title: "Recovered record", first: "Read before the damage."}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "formats", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := detectFormat(tt.file, data); got != tt.format {
				t.Errorf("detectFormat = %s, want %s", got, tt.format)
			}
			arts, err := ParseDocument(tt.file, data)
			if err != nil {
				t.Fatalf("ParseDocument: %v", err)
			}
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d articles, want %d: %v", len(arts), len(tt.want), titles(arts))
			}
			for i, w := range tt.want {
				checkArticle(t, arts[i], w)
			}
		})
	}
}

func titles(arts []*article.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Title)
	}
	return out
}

func checkArticle(t *testing.T, a *article.Article, w wantArticle) {
	t.Helper()
	articletest.AssertSafe(t, a)
	eq := func(field, got, want string) {
		if want != "" && got != want {
			t.Errorf("%s: %s = %q, want %q", w.title, field, got, want)
		}
	}
	eq("title", a.Title, w.title)
	eq("outlet", a.Outlet, w.outlet)
	eq("byline", a.Byline, w.byline)
	eq("url", a.URL, w.url)
	switch {
	case w.published == "-" && a.HasDate():
		t.Errorf("%s: published = %v, want none", w.title, a.Published)
	case w.published != "" && w.published != "-":
		if got := a.Published.Format(time.RFC3339); got != w.published {
			t.Errorf("%s: published = %s, want %s", w.title, got, w.published)
		}
	}
	if w.kinds != "" {
		var ks []string
		for _, b := range a.Blocks {
			ks = append(ks, map[article.BlockKind]string{article.Heading: "h", article.Paragraph: "p", article.ListItem: "l", article.Quote: "q"}[b.Kind])
		}
		if got := strings.Join(ks, " "); got != w.kinds {
			t.Errorf("%s: block kinds = %q, want %q\n%s", w.title, got, w.kinds, a.Body())
		}
	}
	if w.first != "" && (len(a.Blocks) == 0 || !strings.HasPrefix(a.Blocks[0].Text, w.first)) {
		t.Errorf("%s: first block = %q, want it to start %q", w.title, a.Blocks[0].Text, w.first)
	}
	body := a.Body()
	for _, s := range w.notInBody {
		if strings.Contains(body, s) {
			t.Errorf("%s: body contains %q:\n%s", w.title, s, body)
		}
	}
}

// A 7-bit encoding is plain ASCII bytes: the declaration decides, since
// "valid UTF-8" says nothing about it.
func TestDecodeMarkupSevenBitDeclared(t *testing.T) {
	// "台風" in ISO-2022-JP: ESC $ B, the JIS X 0208 codes, ESC ( B.
	page := "<html><head><meta charset=\"iso-2022-jp\"><title>\x1b$BBfIw\x1b(B</title></head></html>"
	if got := decodeMarkup([]byte(page)); !strings.Contains(got, "<title>台風</title>") {
		t.Errorf("decodeMarkup = %q", got)
	}
}

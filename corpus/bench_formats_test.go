package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// Load throughput per format: a folder of generated files in one format,
// loaded whole by Load (walk, read, detect, parse, sanitise, dedupe), bytes
// per second of input. Bodies are the seed articles' paragraphs, so the
// text is real news prose; the markup around them is what each format
// typically carries (page furniture for HTML, 20 items per feed file).
//
//	go test -run '^$' -bench BenchmarkLoadFormat -benchtime 20x ./corpus/

// seedParagraphs returns the paragraphs of the seed articles.
func seedParagraphs(tb testing.TB) [][]string {
	paths, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	var out [][]string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		a, err := formats.ParseText(formats.DecodeText(data))
		if err != nil {
			tb.Fatal(err)
		}
		var ps []string
		for _, b := range a.Blocks {
			ps = append(ps, b.Text)
		}
		out = append(out, ps)
	}
	return out
}

// genDoc makes file number i of a format. Variation by i keeps files from
// being byte-identical (which the loader would skip).
func genDoc(format string, i int, seeds [][]string) (name string, data []byte) {
	paras := seeds[i%len(seeds)]
	title := fmt.Sprintf("Story %d: talks resume after weekend of meetings", i)
	date := fmt.Sprintf("2025-11-%02dT%02d:00:00Z", 1+i%28, i%24)
	url := fmt.Sprintf("https://outlet%d.example/news/story-%d", i%7, i)
	switch format {
	case "html":
		var sb strings.Builder
		fmt.Fprintf(&sb, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s | Outlet %d</title>
<meta property="og:site_name" content="Outlet %d"><meta property="article:published_time" content="%s">
<link rel="canonical" href="%s"><script>var x = %d;</script><style>body{margin:0}</style></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">And another</a></li></ul></div>
<main><article><h1>%s</h1><p class="byline">By Reporter %d</p>`, title, i%7, i%7, date, url, i, title, i)
		for j, p := range paras {
			if j > 0 && j%5 == 0 {
				fmt.Fprintf(&sb, "<h2>Section %d</h2>\n", j/5)
			}
			fmt.Fprintf(&sb, "<p>%s</p>\n", html.EscapeString(p))
		}
		fmt.Fprintf(&sb, `</article></main><footer><p>© 2025 Outlet %d</p></footer></body></html>`, i%7)
		return fmt.Sprintf("page%05d.html", i), []byte(sb.String())
	case "rss":
		var sb strings.Builder
		fmt.Fprintf(&sb, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed %d</title><link>https://feed%d.example/</link>`, i, i)
		for k := 0; k < 20; k++ {
			ps := seeds[(i+k)%len(seeds)]
			fmt.Fprintf(&sb, `<item><title>%s (%d)</title><link>%s/%d</link><guid>%s/%d</guid><pubDate>Mon, 01 Dec 2025 13:%02d:00 +0200</pubDate><description>%s</description><content:encoded><![CDATA[`,
				html.EscapeString(title), k, url, k, url, k, k, html.EscapeString(ps[0]))
			for _, p := range ps {
				fmt.Fprintf(&sb, "<p>%s</p>", html.EscapeString(p))
			}
			sb.WriteString("]]></content:encoded></item>\n")
		}
		sb.WriteString("</channel></rss>")
		return fmt.Sprintf("feed%05d.xml", i), []byte(sb.String())
	case "markdown":
		var sb strings.Builder
		fmt.Fprintf(&sb, "---\ntitle: \"%s\"\nsource: Outlet %d\ndate: %s\nauthor: Reporter %d\nurl: %s\n---\n\n", title, i%7, date, i, url)
		for j, p := range paras {
			if j > 0 && j%5 == 0 {
				fmt.Fprintf(&sb, "## Section %d\n\n", j/5)
			}
			if j%7 == 3 {
				fmt.Fprintf(&sb, "> %s\n\n", p)
				continue
			}
			fmt.Fprintf(&sb, "%s\n\n", p)
		}
		return fmt.Sprintf("note%05d.md", i), []byte(sb.String())
	case "json":
		var recs []map[string]any
		for k := 0; k < 20; k++ {
			recs = append(recs, map[string]any{
				"title": fmt.Sprintf("%s (%d)", title, k), "maintext": strings.Join(seeds[(i+k)%len(seeds)], "\n\n"),
				"source_domain": fmt.Sprintf("outlet%d.example", i%7), "date_publish": date, "url": fmt.Sprintf("%s/%d", url, k),
				"authors": []string{fmt.Sprintf("Reporter %d", k)},
			})
		}
		data, _ := json.Marshal(recs)
		return fmt.Sprintf("records%05d.json", i), data
	}
	return fmt.Sprintf("story%05d.txt", i), []byte(title + "\n" + date + "\n\n" + strings.Join(paras, "\n\n") + "\n")
}

func BenchmarkLoadFormat(b *testing.B) {
	seeds := seedParagraphs(b)
	for _, format := range []string{"text", "html", "rss", "markdown", "json"} {
		b.Run(format, func(b *testing.B) {
			dir := b.TempDir()
			total := 0
			for i := 0; i < 100; i++ {
				name, data := genDoc(format, i, seeds)
				if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
					b.Fatal(err)
				}
				total += len(data)
			}
			b.SetBytes(int64(total))
			b.ResetTimer()
			for n := 0; n < b.N; n++ {
				c, err := Load(context.Background(), Source{Paths: []string{dir}}, Options{})
				if err != nil || len(c.Skipped) != 0 || len(c.Articles) == 0 {
					b.Fatalf("load: %v, %d articles, skipped %v", err, len(c.Articles), c.Skipped)
				}
			}
		})
	}
}

// BenchmarkWalkLargeFolder lists a folder of 100,000 entries (the walk
// alone: names, lstat, ids), the cost a huge folder adds before parsing.
func BenchmarkWalkLargeFolder(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 100000; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("f%06d.txt", i)))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		jobs, skipped := walkPaths(context.Background(), []string{dir}, nil)
		if len(jobs) != 100000 || len(skipped) != 0 {
			b.Fatalf("%d jobs, %d skipped", len(jobs), len(skipped))
		}
	}
}

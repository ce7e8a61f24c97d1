package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/article/articletest"
)

// Fuzz targets for the structured-format parsers. Each asserts what every
// parser promises: no panic, every article has blocks, no empty block, no
// control character, escape sequence or bidi control in any field.

func addFixtureSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, _ := filepath.Glob(filepath.Join("testdata", "formats", p))
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
	for _, e := range evil {
		f.Add([]byte(e))
	}
}

func checkFuzzArticles(t *testing.T, arts []*article.Article, err error) {
	if err != nil {
		if len(arts) != 0 {
			t.Fatalf("articles returned with error %v", err)
		}
		if strings.ContainsAny(err.Error(), "\x1b\x07") {
			t.Fatalf("error message carries control bytes: %q", err)
		}
		return
	}
	if len(arts) == 0 {
		t.Fatal("no articles and no error")
	}
	for _, a := range arts {
		articletest.AssertSafe(t, a)
	}
}

func FuzzParseHTML(f *testing.F) {
	addFixtureSeeds(f, "*.html", "saved-page.txt")
	f.Add([]byte("<p>\x1b]52;c;ZXZpbA==\x07</p><h1>&#27;[31m</h1><li>&#x202e;x</li>"))
	f.Add([]byte(strings.Repeat("<div>", 2000) + "deep" + strings.Repeat("</div>", 10)))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseHTML(data)
		if err != nil {
			checkFuzzArticles(t, nil, err)
			return
		}
		checkFuzzArticles(t, []*article.Article{a}, nil)
	})
}

func FuzzParseFeed(f *testing.F) {
	addFixtureSeeds(f, "*.rss", "*.xml", "feed.json")
	f.Add([]byte(`<feed><entry><title>&lt;b&gt;x</title><content type="html">&lt;p&gt;y</content></entry>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseFeed(data)
		checkFuzzArticles(t, arts, err)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	addFixtureSeeds(f, "*.md")
	f.Add([]byte("---\ntitle: [a, \"b\"]\nauthors:\n  - x\n---\n> > - # deep\n\n```\ncode\x1b[2J\n```\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := parseMarkdown(string(data))
		if err != nil {
			checkFuzzArticles(t, nil, err)
			return
		}
		checkFuzzArticles(t, []*article.Article{a}, nil)
	})
}

func FuzzParseJSON(f *testing.F) {
	addFixtureSeeds(f, "*.json", "*.jsonl")
	f.Add([]byte(`{"articles": [{"title": "\u001b]8;;x\u0007t", "text": "\u009b2Jbody", "date": 1700000000}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseJSON(data)
		checkFuzzArticles(t, arts, err)
	})
}

// FuzzParseDocument runs detection plus whichever parser it picks, as the
// loader does.
func FuzzParseDocument(f *testing.F) {
	addFixtureSeeds(f, "*")
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := ParseDocument("x", data)
		checkFuzzArticles(t, arts, err)
	})
}

package feeds

import (
	"fmt"
	"html"
	"strings"
	"sync"
	"testing"
	"time"
)

// testItem is one item of a generated RSS feed.
type testItem struct {
	guid, link, title string
	summary, content  string // content "" makes a summary-only item
	date              time.Time
}

func rssFeed(title string, items []testItem) string {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>`)
	fmt.Fprintf(&sb, "<title>%s</title><link>https://outlet.example/</link>\n", html.EscapeString(title))
	for _, it := range items {
		sb.WriteString("<item>")
		fmt.Fprintf(&sb, "<title>%s</title><link>%s</link>", html.EscapeString(it.title), html.EscapeString(it.link))
		if it.guid != "" {
			fmt.Fprintf(&sb, `<guid isPermaLink="false">%s</guid>`, html.EscapeString(it.guid))
		}
		if !it.date.IsZero() {
			fmt.Fprintf(&sb, "<pubDate>%s</pubDate>", it.date.Format(time.RFC1123Z))
		}
		fmt.Fprintf(&sb, "<description>%s</description>", html.EscapeString(it.summary))
		if it.content != "" {
			fmt.Fprintf(&sb, "<content:encoded><![CDATA[%s]]></content:encoded>", it.content)
		}
		sb.WriteString("</item>\n")
	}
	sb.WriteString("</channel></rss>")
	return sb.String()
}

// newsItems makes n realistic items whose links live under base.
func newsItems(base string, n int, full bool) []testItem {
	var out []testItem
	day := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	for i := range n {
		it := testItem{
			guid:    fmt.Sprintf("urn:outlet:story:%d", i),
			link:    fmt.Sprintf("%s/news/2026/11/30/story-%d", base, i),
			title:   fmt.Sprintf("Council approves budget plan number %d after long debate", i),
			summary: fmt.Sprintf("The city council voted 7-2 on plan %d late on Monday.", i),
			date:    day.Add(time.Duration(i) * time.Hour),
		}
		if full {
			it.content = fmt.Sprintf("<p>The city council voted 7-2 on plan %d late on Monday, ending a debate that ran for weeks.</p><p>Opponents said the plan cuts library hours; the mayor said it keeps the budget balanced without new taxes.</p><p>The plan takes effect in January.</p>", i)
		}
		out = append(out, it)
	}
	return out
}

// fakeClock is a settable clock for backoff tests.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// newTestFetcher makes a fetcher on a fresh store with short timeouts.
func newTestFetcher(t *testing.T, opt Options) *Fetcher {
	t.Helper()
	if opt.Timeout == 0 {
		opt.Timeout = 5 * time.Second
	}
	dir := t.TempDir()
	f, err := NewFetcher(opt, Store{Dir: dir + "/news"}, dir+"/state/feeds.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(f.Close)
	return f
}

// fixedTime is a fixed instant plus n hours.
func fixedTime(n int) time.Time {
	return time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour)
}

package formats

import (
	"strings"
	"testing"
)

// Header lines that are a bare domain or URL: the host without "www.",
// the link when the line has a path or a scheme, and the lines that only
// look like domains (abbreviations, one-letter labels).
func TestDomainLineExact(t *testing.T) {
	for _, c := range []struct {
		line, host, link string
		ok               bool
	}{
		{"www.reuters.com", "reuters.com", "", true},
		{"Reuters.com", "reuters.com", "", true},
		{"bt.com", "bt.com", "", true},
		{"https://www.bbc.co.uk/news/world-123", "bbc.co.uk", "https://www.bbc.co.uk/news/world-123", true},
		{"apnews.com/article/port-strike", "apnews.com", "https://apnews.com/article/port-strike", true},
		{"news.example.com:8080/a", "news.example.com", "https://news.example.com:8080/a", true},
		{"example.com/%zz", "example.com", "", true},
		{"x.co", "", "", false},
		{"a.b.com", "", "", false},
		{"U.S.", "", "", false},
		{"e.g.", "", "", false},
		{"reuters com", "", "", false},
		{"Reuters", "", "", false},
	} {
		host, link, ok := domainLine(c.line)
		if host != c.host || link != c.link || ok != c.ok {
			t.Errorf("domainLine(%q) = %q, %q, %v; want %q, %q, %v", c.line, host, link, ok, c.host, c.link, c.ok)
		}
	}
}

// A date line is at most 60 bytes once its prefix is gone: a date with a
// long zone name is still one at 60, not at 61.
func TestParseDateLineLength(t *testing.T) {
	base := "Wednesday, September 3, 2025 3:04 PM "
	zone := func(n int) string { return base + strings.Repeat("Z", n-len(base)) }
	for _, c := range []struct {
		line string
		want string
	}{
		{zone(60), "2025-09-03 15:04"},
		{zone(61), ""},
		{"Published: " + zone(60), "2025-09-03 15:04"},
		{"May 2025", "2025-05-01 00:00"},
		{"2025.", ""},
		{"", ""},
	} {
		got := ""
		if tm, ok := parseDateLine(c.line); ok {
			got = tm.Format("2006-01-02 15:04")
		}
		if got != c.want {
			t.Errorf("parseDateLine(%q) (%d bytes) = %q, want %q", c.line, len(c.line), got, c.want)
		}
	}
}

func TestHasDigit(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false}, {"Reuters", false}, {"G7", true}, {"9", true}, {"Ukraine's", false},
		{"\u0663 days", true}, // ARABIC-INDIC DIGIT THREE
	} {
		if got := hasDigit(c.s); got != c.want {
			t.Errorf("hasDigit(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

package formats_test

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// domainCases: domain lines in the forms headers carry them, and near
// misses at each part of the pattern.
var domainCases = []string{
	"westernreport.news", "www.example.com", "WWW.Example.COM", "www.com", "www.co", "www.", "www",
	"https://www.example.com/path/to?x=1", "http://example.com:8080/a", "HTTPS://EXAMPLE.ORG", "httpſ://example.org",
	"Httpſ://www.exampleſ.ſe", "example.\u212Az", "\u212Aexample.com", "example.c", "example.abcdefghijklmnopqrstuvwxy",
	"example.abcdefghijklmnopqrstuvwx", "example.com.", ".example.com", "exa..mple.com", "-example.com", "example-.com",
	"ex-ample.com", "e.com", "a.b.c.de", "example.c0m", "example.123", "123.example.com", "example.com:", "example.com:80",
	"example.com:80/", "example.com:x", "example.com/", "example.com/a b", "example.com/a\tb", "example.com/\xff\xfe",
	"example.com/\u00a0", "example.com?x", "example.com#x", "example_site.com", "exämple.com", "U.S.", "e.g.",
	"http://", "https://x", "http:/example.com", "ftp://example.com", "http//example.com", "wwwexample.com",
	"www.example", "www.-x.com", "www..com", "http://www.www.com", "www.www.com", "example.com\n", "\nexample.com",
	"example.com:80:90", "example.com/path:80", "h.tt", "x.y", "ab.cd", "example.ſ", "example.\u212A\u212A",
	"exampleſ.com", "example.co\u212A", "example.com\u212A", "ſ.ſſ", "example.c\u212Aom/", "exam\xffple.com",
	"http", "Https", "example.com:9", "example.com:19/x", "example.c9", "example.co9", "example.9c",
}

// domainHost matches what domainRe matches, with the same host: on the
// cases above, each with a scheme, "www." and a path around it.
func TestDomainHostAsRegexp(t *testing.T) {
	for _, c := range domainCases {
		for _, s := range []string{c, "https://" + c, "www." + c, c + "/x", "http://www." + c + ":1/"} {
			checkDomainHost(t, s)
		}
	}
}

func FuzzDomainHost(f *testing.F) {
	for _, c := range domainCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDomainHost(t, s)
		// The fuzzer seldom builds a host by chance: also as a path and
		// as a label.
		checkDomainHost(t, "example.com/"+s)
		checkDomainHost(t, strings.ToLower(s)+".com")
	})
}

func checkDomainHost(t *testing.T, s string) {
	t.Helper()
	host, ok := formats.DomainHost(s)
	m := formats.DomainRe.FindStringSubmatch(s)
	if ok != (m != nil) || ok && host != m[1] {
		t.Fatalf("domainHost(%q) = %q, %v; the regexp gives %q", s, host, ok, m)
	}
}

package feeds

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/parallax-reader/parallax/corpus"
)

// checkSub holds what every parsed subscription must be: an http(s) URL
// with a host, and a title and tags with no control characters.
func checkSub(t *testing.T, s Subscription) {
	t.Helper()
	if u, err := CheckURL(s.URL); err != nil || u != s.URL {
		t.Fatalf("subscription URL %q: %v (cleaned %q)", s.URL, err, u)
	}
	for _, text := range append([]string{s.Title}, s.Tags...) {
		if strings.IndexFunc(text, unicode.IsControl) >= 0 {
			t.Fatalf("control character in %q of %+v", text, s)
		}
	}
}

func FuzzParseList(f *testing.F) {
	for _, s := range []string{
		"# feeds\nhttps://example.com/feed.xml news world\n\n",
		`https://blog.example.org/atom "~The Blog" fulltext=always "long tag"` + "\r\nftp://x/\n",
		"https://a.example/rss\nhttps://A.EXAMPLE/rss dup\n" + `https://b.example/ "unterminated`,
		"not a url\thttps://c.example/?q=1#frag ~\"\" \x1b[31m",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l := ParseList(data)
		subs := l.Subscriptions()

		// Bounded: at most one entry or problem a line, and every line
		// that is neither blank nor a comment is one or the other, so a
		// bad line is reported, never silently lost or fatal.
		text := strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		var content int
		lines := 0
		if text != "" {
			for _, ln := range strings.Split(text, "\n") {
				lines++
				if tr := strings.TrimSpace(ln); tr != "" && !strings.HasPrefix(tr, "#") {
					content++
				}
			}
		}
		if len(subs)+len(l.Problems) != content {
			t.Fatalf("%d entries + %d problems for %d feed lines", len(subs), len(l.Problems), content)
		}
		last := 0
		for _, p := range l.Problems {
			if p.Line <= last || p.Line > lines || p.Msg == "" {
				t.Fatalf("problem %v out of order or range (%d lines)", p, lines)
			}
			last = p.Line
		}
		for _, s := range subs {
			checkSub(t, s)
		}

		// The file written back as read parses to the same entries.
		if again := ParseList(l.Bytes()).Subscriptions(); !reflect.DeepEqual(again, subs) {
			t.Fatalf("rewritten file parses differently:\n got %+v\nwant %+v", again, subs)
		}
		// A list built from the entries, written and re-parsed, gives
		// them back with no problems.
		var built List
		for _, s := range subs {
			if !built.Add(s) {
				t.Fatalf("%q added twice", s.URL)
			}
		}
		re := ParseList(built.Bytes())
		if len(re.Problems) > 0 || !reflect.DeepEqual(re.Subscriptions(), subs) {
			t.Fatalf("written list re-parsed:\n got %+v %v\nwant %+v\nfile:\n%s", re.Subscriptions(), re.Problems, subs, built.Bytes())
		}
	})
}

// opmlTags is how a tag comes back from OPML's category attribute, whose
// format (comma-separated, slash-delimited paths) cannot carry a comma or
// slash inside a tag.
func opmlTags(tags []string) []string {
	var out []string
	for _, tag := range tags {
		for _, c := range strings.Split(tag, ",") {
			for _, p := range strings.Split(c, "/") {
				out = appendTag(out, corpus.CleanLine(p))
			}
		}
	}
	return out
}

func FuzzOPML(f *testing.F) {
	f.Add([]byte(readerOPML))
	for _, s := range []string{
		`<opml><body><outline text="a"><outline text="b"><outline xmlUrl="http://x.example/f" category="c/d,e"/></outline></outline></body></opml>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><opml><body><outline text="caf` + "\xe9" + `" xmlUrl="https://y.example/?a=1&amp;b=2"/></body></opml>`,
		`<opml><body><outline xmlUrl="https://z.example/" title="&#27;[31m red"/><outline xmlUrl="file:///etc"/>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, probs, err := ReadOPML(bytes.NewReader(data))
		if err != nil {
			if len(subs)+len(probs) > 0 {
				t.Fatalf("error %v with %d entries", err, len(subs))
			}
			return
		}
		// Bounded: an outline takes more than a byte.
		if len(subs)+len(probs) > len(data) {
			t.Fatalf("%d entries and %d problems from %d bytes", len(subs), len(probs), len(data))
		}
		for i, p := range probs {
			if p.Line < 1 || p.Line > len(subs)+len(probs) || p.Msg == "" || i > 0 && p.Line <= probs[i-1].Line {
				t.Fatalf("problem %v out of order or range", p)
			}
		}
		for _, s := range subs {
			checkSub(t, s)
		}

		// Written back and re-read: the same feeds in the same order,
		// each titled (by its URL when untitled), tags as OPML carries them.
		var buf bytes.Buffer
		if err := WriteOPML(&buf, subs, nil); err != nil {
			t.Fatal(err)
		}
		again, probs2, err := ReadOPML(&buf)
		if err != nil || len(probs2) > 0 || len(again) != len(subs) {
			t.Fatalf("re-read: %v %v, %d of %d feeds\n%s", err, probs2, len(again), len(subs), buf.Bytes())
		}
		for i, s := range subs {
			want := Subscription{URL: s.URL, Title: firstNonEmpty(s.Title, s.URL), Tags: opmlTags(s.Tags)}
			if !reflect.DeepEqual(again[i], want) {
				t.Fatalf("feed %d re-read:\n got %+v\nwant %+v\n%s", i, again[i], want, buf.Bytes())
			}
		}
	})
}

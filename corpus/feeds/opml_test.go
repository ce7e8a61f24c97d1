package feeds

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// An export as newsboat, nom and web readers write them: folders, a
// category attribute, a bad URL.
const readerOPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Feeds from my reader</title></head>
  <body>
    <outline text="World">
      <outline type="rss" text="Wire &amp; Co" title="Wire &amp; Co" xmlUrl="https://wire.example/rss" htmlUrl="https://wire.example/"/>
      <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
    </outline>
    <outline type="rss" text="Tech Daily" xmlUrl="https://tech.example/atom.xml" category="/tech/daily,science"/>
    <outline text="No URL, no folder content"/>
  </body>
</opml>`

func TestReadOPML(t *testing.T) {
	subs, probs, err := ReadOPML(strings.NewReader(readerOPML))
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{
		{URL: "https://wire.example/rss", Title: "Wire & Co", Tags: []string{"World"}},
		{URL: "https://tech.example/atom.xml", Title: "Tech Daily", Tags: []string{"tech", "daily", "science"}},
	}
	if !reflect.DeepEqual(subs, want) {
		t.Errorf("got %+v\nwant %+v", subs, want)
	}
	if len(probs) != 1 || probs[0].Line != 2 {
		t.Errorf("problems = %v, want the second feed", probs)
	}
	if _, _, err := ReadOPML(strings.NewReader("<html>not opml")); err == nil {
		t.Error("a non-OPML document read without error")
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	subs := []Subscription{
		{URL: "https://a.example/rss", Title: `Quotes "and" <angles> & more`, Tags: []string{"x", "y z"}},
		{URL: "https://b.example/atom?x=1&y=2"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, subs, map[string]string{"https://b.example/atom?x=1&y=2": "B's own title"}); err != nil {
		t.Fatal(err)
	}
	got, probs, err := ReadOPML(&buf)
	if err != nil || len(probs) > 0 {
		t.Fatalf("read back: %v %v\n%s", err, probs, buf.String())
	}
	want := []Subscription{subs[0], {URL: subs[1].URL, Title: "B's own title"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

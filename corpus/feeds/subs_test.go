package feeds

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
)

func TestParseList(t *testing.T) {
	file := strings.Join([]string{
		"# my feeds",
		"https://example.com/feed.xml news world",
		"",
		`https://blog.example.org/atom "~The Blog" fulltext=always "long tag"`,
		"ftp://example.com/feed",
		"not a url at all",
		"https://example.com/feed.xml dup",
		`https://x.example/rss "unterminated`,
		"https://y.example/rss fulltext=sometimes",
		"  http://z.example/feed.json   tech  ",
	}, "\n")
	l := ParseList([]byte(file))
	got := l.Subscriptions()
	want := []Subscription{
		{URL: "https://example.com/feed.xml", Tags: []string{"news", "world"}},
		{URL: "https://blog.example.org/atom", Title: "The Blog", FullText: FullTextAlways, Tags: []string{"long tag"}},
		{URL: "http://z.example/feed.json", Tags: []string{"tech"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("subscriptions:\n got %+v\nwant %+v", got, want)
	}
	var lines []int
	for _, p := range l.Problems {
		lines = append(lines, p.Line)
	}
	if !reflect.DeepEqual(lines, []int{5, 6, 7, 8, 9}) {
		t.Errorf("problem lines = %v (%v), want 5 6 7 8 9", lines, l.Problems)
	}
	// Writing back keeps comments and bad lines as the user wrote them.
	if string(l.Bytes()) != file+"\n" {
		t.Errorf("round trip changed the file:\n%s", l.Bytes())
	}
}

func TestListEdit(t *testing.T) {
	l := ParseList([]byte("# keep me\nhttps://a.example/feed x\n"))
	if !l.Add(Subscription{URL: "https://b.example/rss", Tags: []string{"two words"}}) {
		t.Fatal("Add of a new feed reported false")
	}
	if l.Add(Subscription{URL: "HTTPS://A.example/feed", Tags: []string{"y"}, FullText: FullTextNever}) {
		t.Error("Add of a known feed (other case) reported true")
	}
	if !l.Move("https://a.example/feed", "https://a.example/new") {
		t.Error("Move failed")
	}
	if !l.Remove("https://b.example/rss") || l.Remove("https://b.example/rss") {
		t.Error("Remove: want true then false")
	}
	want := "# keep me\nhttps://a.example/new fulltext=never x y\n"
	if got := string(l.Bytes()); got != want {
		t.Errorf("file = %q, want %q", got, want)
	}
	re := ParseList([]byte(formatLine(Subscription{URL: "https://c.example/", Title: "C & D", Tags: []string{"a b", "c"}, FullText: FullTextNever})))
	if s := re.Subscriptions(); len(s) != 1 || s[0].Title != "C & D" || !reflect.DeepEqual(s[0].Tags, []string{"a b", "c"}) || s[0].FullText != FullTextNever {
		t.Errorf("formatLine does not read back: %+v %v", s, re.Problems)
	}
}

// Concurrent editors (each with its own lock file handle, as two processes
// have) lose no change.
func TestUpdateListConcurrent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parallax", "feeds")
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := UpdateList(path, func(l *List) (bool, error) {
				return l.Add(Subscription{URL: fmt.Sprintf("https://s%d.example/feed", i)}), nil
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	l, err := ReadList(path)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(l.Subscriptions()); n != 20 {
		t.Errorf("%d subscriptions after 20 concurrent adds", n)
	}
}

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"https://example.com/feed", true},
		{"http://example.com", true},
		{"file:///etc/passwd", false},
		{"javascript:alert(1)", false},
		{"/relative/feed", false},
		{"https://", false},
		{"https://evil.example/\x1b]52;c;x\x07feed", true}, // cleaned, not refused
	} {
		u, err := CheckURL(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("CheckURL(%q) = %q, %v; want ok=%v", tc.in, u, err, tc.ok)
		}
		if strings.ContainsRune(u, 0x1b) {
			t.Errorf("CheckURL(%q) kept an escape: %q", tc.in, u)
		}
	}
}

func TestForgetFeeds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "feeds.json")
	st := &State{Feeds: map[string]*FeedState{"https://a.example/": {Dead: true}, "https://b.example/": {ETag: `"x"`}}}
	if err := st.Save(path); err != nil {
		t.Fatal(err)
	}
	if err := ForgetFeeds(path, "https://a.example/", "https://none.example/"); err != nil {
		t.Fatal(err)
	}
	back, err := ReadState(path)
	if err != nil || back.Feeds["https://a.example/"] != nil || back.Feeds["https://b.example/"] == nil {
		t.Errorf("after forgetting a: %v %+v", err, back.Feeds)
	}
}

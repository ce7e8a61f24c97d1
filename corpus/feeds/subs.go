package feeds

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
)

// FullText says when the linked page of an item is fetched for its text.
type FullText string

// The full-text settings of a feed.
const (
	// FullTextAuto fetches the page when the item carries only a summary.
	FullTextAuto FullText = "auto"
	// FullTextAlways fetches the page for every new item.
	FullTextAlways FullText = "always"
	// FullTextNever keeps what the feed gives.
	FullTextNever FullText = "never"
)

// Subscription is one feed the user follows.
type Subscription struct {
	URL      string
	Title    string // the user's name for it ("~Title" in the file); "" means the feed's own
	Tags     []string
	FullText FullText // "" means auto
}

// Mode is the subscription's full-text setting, auto when unset.
func (s Subscription) Mode() FullText {
	if s.FullText == "" {
		return FullTextAuto
	}
	return s.FullText
}

// Problem is a line of the subscriptions file that was skipped.
type Problem struct {
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Msg) }

// line is one line of the file as written, with the subscription it holds
// (nil for blanks, comments and bad lines), so that rewriting the file keeps
// the user's comments and layout.
type line struct {
	raw string
	sub *Subscription
}

// List is the subscriptions file in memory.
type List struct {
	lines    []line
	Problems []Problem
}

// Subscriptions returns the feeds in file order.
func (l *List) Subscriptions() []Subscription {
	var out []Subscription
	for _, ln := range l.lines {
		if ln.sub != nil {
			out = append(out, *ln.sub)
		}
	}
	return out
}

// Find returns the subscription to rawURL, if any.
func (l *List) Find(rawURL string) (Subscription, bool) {
	if i := l.index(rawURL); i >= 0 {
		return *l.lines[i].sub, true
	}
	return Subscription{}, false
}

func (l *List) index(rawURL string) int {
	key := urlKey(rawURL)
	for i, ln := range l.lines {
		if ln.sub != nil && urlKey(ln.sub.URL) == key {
			return i
		}
	}
	return -1
}

// Add appends s; it reports false when the feed is already there (then
// its new tags are added, and its title and full-text setting replaced
// when s sets them).
func (l *List) Add(s Subscription) bool {
	if i := l.index(s.URL); i >= 0 {
		old := l.lines[i].sub
		before := formatLine(*old)
		for _, t := range s.Tags {
			if !contains(old.Tags, t) {
				old.Tags = append(old.Tags, t)
			}
		}
		if s.Title != "" {
			old.Title = s.Title
		}
		if s.FullText != "" {
			old.FullText = s.FullText
		}
		if after := formatLine(*old); after != before {
			l.lines[i].raw = after
		}
		return false
	}
	c := s
	l.lines = append(l.lines, line{raw: formatLine(c), sub: &c})
	return true
}

// Remove drops the subscription to rawURL; it reports whether there was one.
func (l *List) Remove(rawURL string) bool {
	i := l.index(rawURL)
	if i < 0 {
		return false
	}
	l.lines = append(l.lines[:i], l.lines[i+1:]...)
	return true
}

// Move points the subscription at from to the URL to (after a permanent
// redirect), keeping its tags and settings. It reports whether it changed.
func (l *List) Move(from, to string) bool {
	i := l.index(from)
	if i < 0 || l.index(to) >= 0 {
		return false
	}
	s := l.lines[i].sub
	s.URL = to
	l.lines[i].raw = formatLine(*s)
	return true
}

// ParseList reads a subscriptions file: one feed URL a line, optionally
// followed by tags; "~Title" (quoted when it has spaces) names the feed and
// fulltext=always|auto|never sets the full-text mode. Blank lines and lines
// starting with # are kept as they are. A bad line is reported with its
// number and skipped; it is kept in the file when the list is written back.
func ParseList(data []byte) *List {
	l := &List{}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return l
	}
	seen := map[string]int{}
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		ln := line{raw: raw}
		trimmed := strings.TrimSpace(raw)
		if trimmed != "" && !strings.HasPrefix(trimmed, "#") {
			s, err := parseLine(trimmed)
			switch {
			case err != nil:
				l.Problems = append(l.Problems, Problem{n, err.Error()})
			case seen[urlKey(s.URL)] > 0:
				l.Problems = append(l.Problems, Problem{n, fmt.Sprintf("%s is already on line %d", s.URL, seen[urlKey(s.URL)])})
			default:
				seen[urlKey(s.URL)] = n
				ln.sub = &s
			}
		}
		l.lines = append(l.lines, ln)
	}
	return l
}

// Bytes is the file's text: the lines as read, with changed ones rewritten.
func (l *List) Bytes() []byte {
	var sb strings.Builder
	for _, ln := range l.lines {
		sb.WriteString(ln.raw)
		sb.WriteByte('\n')
	}
	return []byte(sb.String())
}

func parseLine(s string) (Subscription, error) {
	fields, err := splitFields(s)
	if err != nil {
		return Subscription{}, err
	}
	u, err := CheckURL(fields[0])
	if err != nil {
		return Subscription{}, err
	}
	sub := Subscription{URL: u}
	for _, f := range fields[1:] {
		// Cleaned first, so that a quoted " ~x" is a title as it would be
		// when written back, not a tag "~x" that re-reads as a title.
		f = corpus.CleanLine(f)
		switch {
		case strings.HasPrefix(f, "~"):
			sub.Title = corpus.CleanLine(f[1:])
		case strings.HasPrefix(f, "fulltext="):
			m := FullText(strings.TrimPrefix(f, "fulltext="))
			if m != FullTextAuto && m != FullTextAlways && m != FullTextNever {
				return Subscription{}, fmt.Errorf("fulltext must be always, auto or never, not %q", m)
			}
			sub.FullText = m
		default:
			if f != "" && !contains(sub.Tags, f) {
				sub.Tags = append(sub.Tags, f)
			}
		}
	}
	return sub, nil
}

// splitFields splits a line at spaces; double quotes group words.
func splitFields(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote, have = !inQuote, true
		case !inQuote && (r == ' ' || r == '\t'):
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if inQuote {
		return nil, errors.New("unterminated quote")
	}
	if have {
		out = append(out, cur.String())
	}
	return out, nil
}

func formatLine(s Subscription) string {
	parts := []string{s.URL}
	if s.Title != "" {
		parts = append(parts, quoteField("~"+s.Title))
	}
	if s.FullText != "" && s.FullText != FullTextAuto {
		parts = append(parts, "fulltext="+string(s.FullText))
	}
	for _, t := range s.Tags {
		parts = append(parts, quoteField(t))
	}
	return strings.Join(parts, " ")
}

func quoteField(s string) string {
	s = strings.ReplaceAll(s, `"`, "")
	if strings.ContainsAny(s, " \t#") {
		return `"` + s + `"`
	}
	return s
}

// CheckURL accepts an absolute http or https URL and returns it cleaned.
func CheckURL(raw string) (string, error) {
	raw = corpus.CleanLine(raw)
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("not a URL: %q", raw)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("not an http or https URL: %q", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("URL without a host: %q", raw)
	}
	u.Fragment = ""
	return u.String(), nil
}

// urlKey compares feed URLs: scheme and host case do not matter.
func urlKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	return u.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ReadList reads the subscriptions file at path; a missing file is an empty
// list.
func ReadList(path string) (*List, error) {
	data, err := readUserFile(path, maxListBytes)
	if errors.Is(err, os.ErrNotExist) {
		return &List{}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseList(data), nil
}

// UpdateList changes the subscriptions file at path under an exclusive lock
// (so that two processes editing it take turns), reading it afresh, calling
// change, and writing it back atomically when change reports a change.
func UpdateList(path string, change func(*List) (bool, error)) (*List, error) {
	unlock, err := lockFile(path)
	if err != nil {
		return nil, err
	}
	defer unlock()
	l, err := ReadList(path)
	if err != nil {
		return nil, err
	}
	changed, err := change(l)
	if err != nil || !changed {
		return l, err
	}
	return l, writeFileAtomic(path, l.Bytes(), 0o644)
}

package formats

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-reader/parallax/corpus/article"
	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// Keys that scrapers (news-please, newspaper3k, trafilatura, NewsAPI,
// Scrapy exports, ...) use for each field, normalised: lowercase, without
// "_" and "-". The first key present wins.
var (
	jsonTitleKeys  = []string{"title", "headline"}
	jsonTextKeys   = []string{"maintext", "text", "content", "body", "articletext", "article", "fulltext", "rawtext", "articlebody", "contenthtml", "contenttext", "html", "description", "summary"}
	jsonOutletKeys = []string{"outlet", "sitename", "source", "publisher", "sourcedomain", "sourcename", "site", "hostname", "domain", "feed"}
	jsonDateKeys   = []string{"datepublish", "datepublished", "published", "publishedat", "publishdate", "pubdate", "date", "publicationdate", "datecreated", "createdat", "datemodify", "updated"}
	jsonAuthorKeys = []string{"authors", "author", "byline", "by", "creator"}
	jsonURLKeys    = []string{"url", "link", "canonicalurl", "sourceurl", "permalink", "href"}
	jsonIDKeys     = []string{"id", "guid", "uuid", "url", "link"}
	// Containers that wrap a list of records: {"articles": [...]}.
	jsonListKeys = []string{"articles", "items", "results", "data", "records", "entries", "posts", "docs", "stories"}
)

// ParseJSON reads scraped-article records: one JSON object, an array of
// them, an object wrapping a list ({"articles": [...]}) or JSON Lines (one
// object per line). A JSON Feed document is handed to ParseFeed. Each record
// with a title or text becomes an article. HTML bodies are read like web
// pages; plain-text bodies go through ParseText, so paragraphs, headings,
// lists and boilerplate are found as in plain files, while the record's own
// title, outlet, date, byline and url win over what the text suggests.
// Damaged input keeps what can be read: the array elements before the
// damage, every valid line of JSON Lines.
func ParseJSON(data []byte) ([]*article.Article, error) {
	text := []byte(DecodeText(data))
	trimmed := bytes.TrimSpace(text)
	if isJSONFeed(trimmed) {
		return ParseFeed(trimmed)
	}
	values, err := jsonValues(trimmed)
	if len(values) == 0 {
		if err == nil {
			err = errors.New("no records")
		}
		return nil, err
	}
	var recs []map[string]any
	for _, v := range values {
		collectRecords(v, &recs, 0)
	}
	var out []*article.Article
	for _, r := range recs {
		if a := recordArticle(r); a != nil {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		if err != nil {
			return nil, err
		}
		return nil, errors.New("JSON holds no article records (no title or text fields)")
	}
	return out, nil
}

var rxJSONFeedVersion = lazyre.New(`"version"\s*:\s*"https?://jsonfeed\.org/version/`)

func isJSONFeed(b []byte) bool {
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	return len(b) > 0 && b[0] == '{' && rxJSONFeedVersion.Match(head)
}

// jsonValues decodes one JSON document, or JSON Lines. For a damaged array
// it returns the elements read before the damage, with the error.
func jsonValues(b []byte) ([]any, error) {
	var v any
	err := json.Unmarshal(b, &v)
	if err == nil {
		return []any{v}, nil
	}
	if vs, ok := jsonLines(b); ok {
		return vs, nil
	}
	syntaxErr := describeJSONError(b, err)
	if len(b) > 0 && b[0] == '[' {
		return jsonArrayPrefix(b), syntaxErr
	}
	return nil, syntaxErr
}

// jsonLines reads one JSON value per line. It succeeds when at least two
// lines, or more than half of the non-blank lines, are valid; invalid lines
// are skipped.
func jsonLines(b []byte) ([]any, bool) {
	var vs []any
	bad := 0
	for _, line := range bytes.Split(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var v any
		if json.Unmarshal(line, &v) != nil {
			bad++
			continue
		}
		vs = append(vs, v)
	}
	return vs, len(vs) >= 2 && len(vs) > bad
}

func jsonArrayPrefix(b []byte) []any {
	d := json.NewDecoder(bytes.NewReader(b))
	if _, err := d.Token(); err != nil {
		return nil
	}
	var out []any
	for d.More() {
		var v any
		if d.Decode(&v) != nil {
			break
		}
		out = append(out, v)
	}
	return out
}

func describeJSONError(b []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) && se.Offset > 0 && se.Offset <= int64(len(b)) {
		line := 1 + bytes.Count(b[:se.Offset], []byte("\n"))
		return fmt.Errorf("malformed JSON at line %d: %v", line, se)
	}
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return fmt.Errorf("malformed JSON: %v", err)
	}
	return fmt.Errorf("malformed JSON: %v", err)
}

// collectRecords finds article records in v: an object with a title or text
// field is a record; arrays and wrapper objects are searched.
func collectRecords(v any, out *[]map[string]any, depth int) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectRecords(e, out, depth+1)
		}
	case map[string]any:
		r := normaliseKeys(x)
		if isRecord(r) {
			*out = append(*out, r)
			return
		}
		for _, k := range jsonListKeys {
			if l, ok := r[k]; ok {
				collectRecords(l, out, depth+1)
				return
			}
		}
	}
}

func hasList(r map[string]any) bool {
	for _, k := range jsonListKeys {
		if _, ok := r[k].([]any); ok {
			return true
		}
	}
	return false
}

var keyPunct = strings.NewReplacer("_", "", "-", "", " ", "")

func normaliseKeys(m map[string]any) map[string]any {
	r := make(map[string]any, len(m))
	for k, v := range m {
		nk := strings.ToLower(keyPunct.Replace(k))
		if _, dup := r[nk]; !dup {
			r[nk] = v
		}
	}
	return r
}

// jsonString returns the first of keys holding a usable string. Objects
// ({"name": "BBC"}) and lists of strings or objects (authors) are read too.
func jsonString(r map[string]any, keys []string) string {
	for _, k := range keys {
		if s := jsonText(r[k], 0); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func jsonText(v any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case float64:
		if x > 1e9 && x < 1e11 { // a Unix time in seconds
			return fmt.Sprintf("@%d", int64(x))
		}
	case []any:
		var parts []string
		for _, e := range x {
			if s := strings.TrimSpace(jsonText(e, depth+1)); s != "" {
				parts = append(parts, s)
			}
			if len(parts) >= 20 {
				break
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		n := normaliseKeys(x)
		return firstSet(jsonText(n["name"], depth+1), jsonText(n["title"], depth+1), jsonText(n["domain"], depth+1), jsonText(n["url"], depth+1))
	}
	return ""
}

var rxBareDomain = lazyre.New(`^(?i)[a-z0-9-]+(\.[a-z0-9-]+)+$`)

var rxHTMLTag = lazyre.New(`(?i)</?(p|div|br|h[1-6]|ul|ol|li|blockquote|article|section|span|a|em|strong|b|i)\b[^>]*>`)

func recordArticle(r map[string]any) *article.Article {
	title := htmlLine(jsonString(r, jsonTitleKeys))
	body := jsonString(r, jsonTextKeys)
	a := &article.Article{Format: "json"}
	if rxHTMLTag.MatchString(body) {
		a.Blocks, a.Removed = splitBoilerplate(htmlFragmentBlocks(body))
	} else if strings.TrimSpace(body) != "" {
		doc := body
		if title != "" {
			doc = title + "\n\n" + body
		}
		if t, err := ParseText(doc); err == nil && t != nil {
			a.Blocks, a.Removed = t.Blocks, t.Removed
			a.Via, a.Dateline = t.Via, t.Dateline
			if title == "" {
				title, a.TitleDerived = t.Title, t.TitleDerived
			}
			a.Outlet = t.Outlet
			a.Published = t.Published
		}
	}
	a.Title = title
	a.URL = safeURL(jsonString(r, jsonURLKeys))
	if o := jsonString(r, jsonOutletKeys); o != "" {
		if u := safeURL(o); u != "" {
			o = urlOutlet(u)
		} else if rxBareDomain.MatchString(o) {
			o = strings.TrimPrefix(strings.ToLower(o), "www.")
		}
		a.Outlet = o
	}
	a.Outlet = firstSet(a.Outlet, urlOutlet(a.URL))
	if d := jsonString(r, jsonDateKeys); d != "" {
		if t := jsonDate(d); !t.IsZero() {
			a.Published = t
		}
	}
	a.Byline = tidyByline(jsonString(r, jsonAuthorKeys))
	if jsonString(r, jsonTextKeys[:len(jsonTextKeys)-2]) != "" {
		a.Summary = htmlLine(jsonString(r, []string{"description", "summary"}))
	}
	a.Blocks = dropLeadingTitle(a.Blocks, a.Title)
	a.ItemKey = jsonString(r, jsonIDKeys)
	derived := a.TitleDerived
	if !finishArticle(a) {
		return nil
	}
	a.TitleDerived = a.TitleDerived || derived
	return a
}

// isRecord: an object is an article record when it has a main text field,
// or a title together with a summary, url or date (a headline-only export).
func isRecord(r map[string]any) bool {
	if jsonString(r, jsonTextKeys[:len(jsonTextKeys)-2]) != "" {
		return true
	}
	if jsonString(r, jsonTitleKeys) == "" || hasList(r) {
		return false
	}
	return jsonString(r, []string{"description", "summary"}) != "" || jsonString(r, jsonURLKeys) != "" || jsonString(r, jsonDateKeys) != ""
}

// jsonDate reads a record's date: a date string, or a Unix time in seconds
// (rendered "@N" by jsonText).
func jsonDate(s string) time.Time {
	if strings.HasPrefix(s, "@") {
		if n, err := strconv.ParseInt(s[1:], 10, 64); err == nil {
			return plausibleYear(time.Unix(n, 0).UTC())
		}
	}
	return machineDate(s)
}

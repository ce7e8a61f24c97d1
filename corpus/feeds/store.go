package feeds

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// Store is the folder of fetched articles: one JSON record per article, in
// a folder per site, named after the article's canonical URL, so the same
// article reached by two feeds or two tracking links is stored once. The
// corpus loader reads these records like any scraped-article JSON.
type Store struct {
	Dir string

	made *sync.Map // site folders known to exist, so each is made once a run
}

// Record is a stored article: the JSON the corpus loader reads.
type Record struct {
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	Author    string `json:"author,omitempty"`
	Published string `json:"published,omitempty"` // RFC 3339
	URL       string `json:"url,omitempty"`
	// Text is the body as simple HTML (h2, p, li, blockquote), so that the
	// loader gets back the same blocks, headings and lists included.
	Text    string `json:"text"`
	GUID    string `json:"guid,omitempty"`
	FeedURL string `json:"feed_url"`
	Fetched string `json:"fetched_at"`
}

// trackingParams are query parameters that only say where a click came
// from; prefixes end in "_".
var trackingParams = []string{"utm_", "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "ocid", "cmpid", "smid", "smtyp", "at_medium", "at_campaign", "at_link_id", "at_ptr_name", "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "wt_mc", "icid", "spm"}

func isTracking(param string) bool {
	p := strings.ToLower(param)
	for _, t := range trackingParams {
		if p == t || strings.HasSuffix(t, "_") && strings.HasPrefix(p, t) {
			return true
		}
	}
	return false
}

// CanonicalURL is the URL an article is known by: lowercase scheme and
// host, no default port, no fragment, no tracking parameters, the others
// sorted. "" when raw is not an http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); (p == "80" && u.Scheme == "http") || (p == "443" && u.Scheme == "https") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	q := u.Query()
	for k := range q {
		if isTracking(k) {
			delete(q, k)
		}
	}
	u.RawQuery = q.Encode()
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// pathFor is the file of an article: by canonical URL when it has one,
// else by the feed and the item's GUID.
func (s Store) pathFor(canonURL, feedURL, guid string) string {
	key, host := canonURL, canonURL
	if canonURL == "" {
		key, host = "guid\x00"+feedURL+"\x00"+guid, feedURL
	}
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(s.Dir, siteFolder(host), hex.EncodeToString(sum[:10])+".json")
}

// siteFolder names a site's folder after its host: "www.bbc.co.uk" →
// "bbc.co.uk"; only letters, digits, dots and dashes survive.
func siteFolder(rawURL string) string {
	u, err := url.Parse(rawURL)
	h := ""
	if err == nil {
		h = strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	}
	h = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-':
			return r
		}
		return '_'
	}, h)
	h = strings.Trim(h, ".")
	if h == "" {
		return "_"
	}
	return h
}

// rel is path relative to the store, '/'-separated.
func (s Store) rel(path string) string {
	r, err := filepath.Rel(s.Dir, path)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(r)
}

func (s Store) has(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// newRecord makes the record of an article from a feed.
func newRecord(a *corpus.Article, guid, feedURL string, fetched time.Time) Record {
	r := Record{
		Title: a.Title, Outlet: a.Outlet, Author: a.Byline, URL: a.URL,
		Text: blocksHTML(a.Blocks), GUID: corpus.CleanLine(guid), FeedURL: feedURL,
		Fetched: fetched.UTC().Format(time.RFC3339),
	}
	if a.HasDate() {
		r.Published = a.Published.Format(time.RFC3339)
	}
	return r
}

func blocksHTML(blocks []corpus.Block) string {
	var sb strings.Builder
	inList := false
	for _, b := range blocks {
		if b.Kind == corpus.ListItem && !inList {
			sb.WriteString("<ul>")
			inList = true
		} else if b.Kind != corpus.ListItem && inList {
			sb.WriteString("</ul>\n")
			inList = false
		}
		t := html.EscapeString(b.Text)
		switch b.Kind {
		case corpus.Heading:
			sb.WriteString("<h2>" + t + "</h2>\n")
		case corpus.ListItem:
			sb.WriteString("<li>" + t + "</li>")
		case corpus.Quote:
			sb.WriteString("<blockquote>" + t + "</blockquote>\n")
		default:
			sb.WriteString("<p>" + t + "</p>\n")
		}
	}
	if inList {
		sb.WriteString("</ul>\n")
	}
	return sb.String()
}

// write stores a record at path, readable by the user only (as os.CreateTemp
// makes it). The file appears whole or not at all
// (temporary file, then rename), so a fetch killed midway never leaves a
// torn article. Articles are not synced one by one: 25,000 fsyncs cost
// about 6 s on the benchmark machine, and they guard only against a power
// cut, after which the last articles written may be missing (a kill loses
// nothing).
func (s Store) write(path string, rec Record) error {
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := s.mkdir(dir); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, userfiles.TempPattern(path))
	if err != nil {
		return err
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// mkdir makes dir once per run of a Store made by NewFetcher (one stat per
// site, not per article); a Store without the map makes it every time.
func (s Store) mkdir(dir string) error {
	if s.made != nil {
		if _, ok := s.made.Load(dir); ok {
			return nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if s.made != nil {
		s.made.Store(dir, true)
	}
	return nil
}

// staleTempAge: a temporary file this old belongs to a killed fetch.
const staleTempAge = time.Minute

// Prune deletes the articles fetched longer than retention ago, except
// those keep says to keep (bookmarked ones), and the temporary files a
// killed fetch left. It returns the number of articles deleted.
func (s Store) Prune(retention time.Duration, now time.Time, keep func(url string) bool) (int, error) {
	cut := now.Add(-retention)
	n := 0
	err := filepath.WalkDir(s.Dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			if strings.Contains(name, ".tmp-") && now.Sub(info.ModTime()) > staleTempAge {
				os.Remove(path)
			}
			return nil
		}
		if !strings.HasSuffix(name, ".json") || !info.ModTime().Before(cut) {
			return nil
		}
		if keep != nil {
			var rec Record
			if data, err := os.ReadFile(path); err == nil && json.Unmarshal(data, &rec) == nil && keep(rec.URL) {
				return nil
			}
		}
		if os.Remove(path) == nil {
			n++
		}
		return nil
	})
	if os.IsNotExist(err) {
		err = nil
	}
	return n, err
}

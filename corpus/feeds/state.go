package feeds

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"
)

// The status of a feed's last fetch.
const (
	StatusOK          = "ok"
	StatusNotModified = "not_modified"
	StatusError       = "error"
)

// FeedState is what Parallax remembers about one feed between fetches.
type FeedState struct {
	Title        string    `json:"title,omitempty"` // the feed's own title, clean
	ETag         string    `json:"etag,omitempty"`
	LastModified string    `json:"last_modified,omitempty"`
	LastFetched  time.Time `json:"last_fetched"` // last attempt
	Status       string    `json:"status,omitempty"`
	Error        string    `json:"error,omitempty"`
	New          int       `json:"new"` // articles the last fetch stored
	// BackoffUntil: the server asked us (429, 503) to wait until then.
	BackoffUntil time.Time `json:"backoff_until"`
	Failures     int       `json:"failures,omitempty"` // 429/503 in a row
	Dead         bool      `json:"dead,omitempty"`     // 410 Gone
	// Seen maps the GUIDs of stored items to their article, so a feed that
	// changes an item's URL does not store it twice, and the reader can
	// show one feed's articles.
	Seen map[string]SeenItem `json:"seen,omitempty"`
}

// SeenItem is a stored item of a feed.
type SeenItem struct {
	At   time.Time `json:"at"`   // when it was first seen
	File string    `json:"file"` // the article's file, relative to the store, '/'-separated
}

// Articles is the number of the feed's articles in the store (several
// GUIDs may have named one article).
func (s *FeedState) Articles() int {
	files := map[string]bool{}
	for _, it := range s.Seen {
		files[it.File] = true
	}
	return len(files)
}

// Files are the paths of the feed's articles under the store's folder dir.
func (s *FeedState) Files(dir string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(s.Seen))
	for _, it := range s.Seen {
		if it.File != "" && !seen[it.File] {
			seen[it.File] = true
			out = append(out, filepath.Join(dir, filepath.FromSlash(it.File)))
		}
	}
	sort.Strings(out)
	return out
}

// State is the fetch state of every feed, keyed by feed URL.
type State struct {
	Feeds map[string]*FeedState `json:"feeds"`
}

const stateVersion = 1

type stateFile struct {
	Version int                   `json:"version"`
	Feeds   map[string]*FeedState `json:"feeds"`
}

// ReadState reads the state at path; a missing file is an empty state. A
// damaged file is an empty state too, with the error to report: state is
// only an optimisation (conditional GET, backoff), never needed to read news.
func ReadState(path string) (*State, error) {
	s := &State{Feeds: map[string]*FeedState{}}
	data, err := readUserFile(path, maxStateBytes)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, err
	}
	var f stateFile
	if err := json.Unmarshal(data, &f); err != nil {
		return s, fmt.Errorf("%s is damaged (%v); feeds will be fetched in full once", path, err)
	}
	for u, fs := range f.Feeds {
		if fs != nil {
			s.Feeds[u] = fs
		}
	}
	return s, nil
}

// Feed returns the state of the feed at url, made if missing.
func (s *State) Feed(url string) *FeedState {
	fs := s.Feeds[url]
	if fs == nil {
		fs = &FeedState{}
		s.Feeds[url] = fs
	}
	return fs
}

// Save writes the state to path atomically, under a lock, merged with what
// another process saved meanwhile: for each feed the later fetch wins.
func (s *State) Save(path string) error {
	unlock, err := lockFile(path)
	if err != nil {
		return err
	}
	defer unlock()
	disk, _ := ReadState(path)
	merged := map[string]*FeedState{}
	for u, fs := range disk.Feeds {
		merged[u] = fs
	}
	for u, fs := range s.Feeds {
		if d := merged[u]; d == nil || !d.LastFetched.After(fs.LastFetched) {
			merged[u] = fs
		}
	}
	data, err := json.Marshal(stateFile{Version: stateVersion, Feeds: merged})
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'), 0o600)
}

// clone copies a feed's state, so a save can marshal it while the fetch
// goes on changing the original.
func (fs *FeedState) clone() *FeedState {
	c := *fs
	c.Seen = make(map[string]SeenItem, len(fs.Seen))
	for k, v := range fs.Seen {
		c.Seen[k] = v
	}
	return &c
}

// ForgetFeeds deletes the saved state of the feeds at urls (a feed removed,
// or added again: a feed once gone or backing off starts afresh), under
// the state's lock. The articles stay in the store.
func ForgetFeeds(path string, urls ...string) error {
	unlock, err := lockFile(path)
	if err != nil {
		return err
	}
	defer unlock()
	disk, err := ReadState(path)
	if err != nil {
		return err
	}
	changed := false
	for _, u := range urls {
		if _, ok := disk.Feeds[u]; ok {
			delete(disk.Feeds, u)
			changed = true
		}
	}
	if !changed {
		return nil
	}
	data, err := json.Marshal(stateFile{Version: stateVersion, Feeds: disk.Feeds})
	if err != nil {
		return err
	}
	return writeFileAtomic(path, append(data, '\n'), 0o600)
}

package feeds

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/formats"
)

// Result is the outcome of fetching one feed.
type Result struct {
	URL    string `json:"url"`
	Status string `json:"status"` // StatusOK, StatusNotModified or StatusError
	New    int    `json:"new"`
	Error  string `json:"error"`
	// MovedTo is the feed's new URL after a permanent redirect; the
	// subscription should follow it.
	MovedTo string `json:"moved_to,omitempty"`
	// Articles are the paths of the articles stored by this fetch.
	Articles []string `json:"-"`
}

// Fetcher fetches feeds into a Store, keeping their State.
type Fetcher struct {
	opt       Options
	client    *client
	Store     Store
	State     *State
	StatePath string // "" keeps the state in memory only

	mu        sync.Mutex // guards State
	saveMu    sync.Mutex // guards lastSaved; one save at a time
	lastSaved time.Time
}

// NewFetcher makes a fetcher that stores into store and keeps its state at
// statePath (read now; a damaged file is reported and starts afresh).
func NewFetcher(opt Options, store Store, statePath string) (*Fetcher, error) {
	opt = opt.withDefaults()
	if store.made == nil {
		store.made = &sync.Map{}
	}
	f := &Fetcher{opt: opt, client: newClient(opt), Store: store, StatePath: statePath}
	var err error
	f.State = &State{Feeds: map[string]*FeedState{}}
	if statePath != "" {
		f.State, err = ReadState(statePath)
	}
	return f, err
}

// Close releases idle connections.
func (f *Fetcher) Close() { f.client.close() }

// saveEvery bounds how often the state is saved during a fetch, so that a
// kill loses little and 500 feeds do not mean 500 saves.
const saveEvery = 2 * time.Second

// FetchAll fetches every subscription, at most Options.MaxConns at once,
// calling progress (if not nil, from one goroutine at a time) after each.
// One feed's failure never stops the others. The state is saved at the end
// and every few seconds on the way. Results are in subscription order.
func (f *Fetcher) FetchAll(ctx context.Context, subs []Subscription, progress func(done int, r Result)) []Result {
	results := make([]Result, len(subs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var pmu sync.Mutex
	done := 0
	workers := min(f.opt.MaxConns, len(subs))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				r := f.Fetch(ctx, subs[i])
				results[i] = r
				pmu.Lock()
				done++
				if progress != nil {
					progress(done, r)
				}
				pmu.Unlock()
				f.maybeSave(false)
			}
		}()
	}
	for i := range subs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	f.maybeSave(true)
	return results
}

// maybeSave saves the state when it was last saved saveEvery ago (or
// always, when forced). A worker never waits for another's save.
func (f *Fetcher) maybeSave(force bool) {
	if f.StatePath == "" {
		return
	}
	if force {
		f.saveMu.Lock()
	} else if !f.saveMu.TryLock() {
		return
	}
	defer f.saveMu.Unlock()
	now := f.opt.Now()
	if !force && now.Sub(f.lastSaved) < saveEvery {
		return
	}
	f.lastSaved = now
	f.mu.Lock()
	snap := &State{Feeds: make(map[string]*FeedState, len(f.State.Feeds))}
	for u, fs := range f.State.Feeds {
		snap.Feeds[u] = fs.clone()
	}
	f.mu.Unlock()
	snap.Save(f.StatePath)
}

// Fetch fetches one feed: a conditional GET, then each new item stored
// (with its page's full text when the feed gives only a summary and the
// subscription allows it). The feed's state is updated; what was stored
// before is never touched.
func (f *Fetcher) Fetch(ctx context.Context, sub Subscription) Result {
	now := f.opt.Now()
	f.mu.Lock()
	st := f.State.Feed(sub.URL).clone()
	f.mu.Unlock()
	res := Result{URL: sub.URL}
	fail := func(msg string) Result {
		res.Status, res.Error = StatusError, corpus.CleanLine(msg)
		st.Status, st.Error, st.New = res.Status, res.Error, 0
		f.setState(sub.URL, st)
		return res
	}
	switch {
	case st.Dead:
		return fail("gone (HTTP 410): the site removed this feed")
	case now.Before(st.BackoffUntil):
		return fail(fmt.Sprintf("the server asked to wait; next try after %s", st.BackoffUntil.Local().Format("Jan 2 15:04")))
	}
	st.LastFetched = now
	hdr := http.Header{}
	if st.ETag != "" {
		hdr.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		hdr.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := f.client.get(ctx, sub.URL, hdr, f.opt.MaxFeedBytes)
	if err != nil {
		return fail(err.Error())
	}
	switch code := resp.status; {
	case code == http.StatusNotModified:
		st.Status, st.Error, st.New, st.Failures = StatusNotModified, "", 0, 0
		f.setState(sub.URL, st)
		res.Status = StatusNotModified
		return res
	case code == http.StatusGone:
		st.Dead = true
		return fail("gone (HTTP 410): the site removed this feed")
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		st.Failures++
		wait := retryAfter(resp.header, now)
		if wait <= 0 {
			wait = time.Minute << min(st.Failures-1, 10)
		}
		wait = min(wait, 7*24*time.Hour)
		st.BackoffUntil = now.Add(wait)
		return fail(fmt.Sprintf("HTTP %d %s; waiting %s before the next try", code, http.StatusText(code), wait.Round(time.Second)))
	case code < 200 || code > 299:
		return fail(fmt.Sprintf("HTTP %d %s", code, http.StatusText(code)))
	}
	parsed, err := formats.ParseFeedItems(resp.body)
	if err != nil {
		return fail(err.Error())
	}
	if resp.permanent {
		if u, err := CheckURL(resp.finalURL); err == nil && u != sub.URL {
			res.MovedTo = u
		}
	}
	st.Title = parsed.Title
	if err := f.storeItems(ctx, sub, st, parsed, now, &res); err != nil {
		// The disk is the problem, not the feed: keep the validators
		// unchanged so the next fetch retries.
		res.Status, res.Error = StatusError, corpus.CleanLine(err.Error())
		st.Status, st.Error, st.New = res.Status, res.Error, res.New
		f.setState(sub.URL, st)
		return res
	}
	if ctx.Err() != nil {
		return fail("cancelled")
	}
	// Validators are kept only now that every item is stored: a 304 next
	// time must not hide items this fetch failed to keep.
	st.ETag = resp.header.Get("ETag")
	st.LastModified = resp.header.Get("Last-Modified")
	st.Status, st.Error, st.New, st.Failures, st.BackoffUntil = StatusOK, "", res.New, 0, time.Time{}
	f.setState(sub.URL, st)
	if res.MovedTo != "" {
		f.mu.Lock()
		f.State.Feeds[res.MovedTo] = st.clone()
		f.mu.Unlock()
	}
	res.Status = StatusOK
	return res
}

func (f *Fetcher) setState(url string, st *FeedState) {
	f.mu.Lock()
	f.State.Feeds[url] = st
	f.mu.Unlock()
}

// storeItems stores the new items of a parsed feed, with their page's
// text when sub's full-text setting asks for it, noting them in st and res.
// It stops at the first write that fails, or when ctx ends.
func (f *Fetcher) storeItems(ctx context.Context, sub Subscription, st *FeedState, parsed *formats.ParsedFeed, now time.Time, res *Result) error {
	if st.Seen == nil {
		st.Seen = map[string]SeenItem{}
	}
	f.forgetPruned(st, parsed)
	for _, it := range parsed.Items {
		if ctx.Err() != nil {
			return nil
		}
		path, ok := f.isNew(st, sub.URL, it)
		if !ok {
			continue
		}
		a := it.Article
		if wantsPage(sub.Mode(), it) {
			f.fullText(ctx, a)
		}
		if err := f.Store.write(path, newRecord(a, it.GUID, sub.URL, now)); err != nil {
			return err
		}
		if it.GUID != "" {
			st.Seen[it.GUID] = SeenItem{At: now, File: f.Store.rel(path)}
		}
		res.New++
		res.Articles = append(res.Articles, path)
	}
	return nil
}

// isNew reports whether an item is to be stored, and where: not when its
// GUID was stored before (the feed may have changed its URL), nor when an
// article with the same canonical URL is already there (the feed may have
// changed its GUID, or another feed carried it).
func (f *Fetcher) isNew(st *FeedState, feedURL string, it formats.FeedItem) (string, bool) {
	if _, seen := st.Seen[it.GUID]; seen && it.GUID != "" {
		return "", false
	}
	path := f.Store.pathFor(CanonicalURL(it.Article.URL), feedURL, it.GUID)
	if f.Store.has(path) {
		if it.GUID != "" {
			st.Seen[it.GUID] = SeenItem{At: f.opt.Now(), File: f.Store.rel(path)}
		}
		return "", false
	}
	return path, true
}

// forgetPruned drops the feed's stored items whose file retention removed
// and that the feed no longer carries (an item it still carries stays
// seen, so it is not stored again), keeping the state as small as the store.
func (f *Fetcher) forgetPruned(st *FeedState, parsed *formats.ParsedFeed) {
	current := make(map[string]bool, len(parsed.Items))
	for _, it := range parsed.Items {
		current[it.GUID] = true
	}
	for guid, s := range st.Seen {
		if !current[guid] && !f.Store.has(filepath.Join(f.Store.Dir, filepath.FromSlash(s.File))) {
			delete(st.Seen, guid)
		}
	}
}

// wantsPage: the item's linked page is fetched for its text.
func wantsPage(mode FullText, it formats.FeedItem) bool {
	if it.Article.URL == "" {
		return false
	}
	switch mode {
	case FullTextAlways:
		return true
	case FullTextNever:
		return false
	}
	return it.SummaryOnly
}

// fullText replaces a's body with the text of its page, read by the same
// HTML reader as saved pages, when the page gives more than the feed did.
// Any failure keeps the summary.
func (f *Fetcher) fullText(ctx context.Context, a *corpus.Article) {
	resp, err := f.client.get(ctx, a.URL, http.Header{"Accept": {"text/html,application/xhtml+xml"}}, f.opt.MaxPageBytes)
	if err != nil || resp.status != http.StatusOK {
		return
	}
	if ct := resp.header.Get("Content-Type"); ct != "" && !strings.Contains(ct, "html") {
		return
	}
	page, err := formats.ParseHTML(resp.body)
	if err != nil || page.Words <= a.Words {
		return
	}
	a.Blocks, a.Words = page.Blocks, page.Words
	if a.Byline == "" {
		a.Byline = page.Byline
	}
	if !a.HasDate() {
		a.Published = page.Published
	}
}

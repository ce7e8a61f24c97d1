package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// ErrNoFeed: the URL is neither a feed nor a page that announces one.
var ErrNoFeed = errors.New("not a feed, and the page announces none")

// FindFeed returns the feed at rawURL: rawURL itself when it is a feed
// (RSS, Atom, JSON Feed), else the first feed its page announces that
// really is one. title is the feed's own title.
func (f *Fetcher) FindFeed(ctx context.Context, rawURL string) (feedURL, title string, err error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return "", "", err
	}
	resp, err := f.client.get(ctx, u, nil, f.opt.MaxFeedBytes)
	if err != nil {
		return "", "", err
	}
	if resp.status != http.StatusOK {
		return "", "", fmt.Errorf("HTTP %d %s", resp.status, http.StatusText(resp.status))
	}
	if parsed, perr := formats.ParseFeedItems(resp.body); perr == nil {
		return u, parsed.Title, nil
	}
	for _, cand := range Discover(resp.finalURL, resp.body) {
		r, err := f.client.get(ctx, cand, nil, f.opt.MaxFeedBytes)
		if err != nil || r.status != http.StatusOK {
			continue
		}
		if parsed, perr := formats.ParseFeedItems(r.body); perr == nil {
			return cand, parsed.Title, nil
		}
	}
	return "", "", ErrNoFeed
}

// ReadOnce fetches rawURL into the store without subscribing: a feed's
// items (with full text as FullTextAuto), or a page as one article. It
// returns the number of articles stored.
func (f *Fetcher) ReadOnce(ctx context.Context, rawURL string) (int, error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return 0, err
	}
	resp, err := f.client.get(ctx, u, nil, f.opt.MaxFeedBytes)
	if err != nil {
		return 0, err
	}
	if resp.status != http.StatusOK {
		return 0, fmt.Errorf("HTTP %d %s", resp.status, http.StatusText(resp.status))
	}
	if parsed, perr := formats.ParseFeedItems(resp.body); perr == nil {
		var res Result
		err := f.storeItems(ctx, Subscription{URL: u}, &FeedState{}, parsed, f.opt.Now(), &res)
		return res.New, err
	}
	a, err := formats.ParseHTML(resp.body)
	if err != nil {
		return 0, fmt.Errorf("neither a feed nor a readable page: %v", err)
	}
	if a.URL == "" {
		a.URL = u
	}
	path := f.Store.pathFor(CanonicalURL(a.URL), u, "")
	return 1, f.Store.write(path, newRecord(a, "", u, f.opt.Now()))
}

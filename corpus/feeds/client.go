package feeds

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parallax-reader/parallax/corpus"
)

// ProjectURL is named in the User-Agent, so that site owners can find us.
const ProjectURL = "https://github.com/parallax-reader/parallax"

// UserAgent is the User-Agent of a Parallax build: "Parallax/<version>
// (+project URL)".
func UserAgent(version string) string {
	v := strings.Join(strings.Fields(version), "-")
	if v == "" {
		v = "devel"
	}
	return "Parallax/" + v + " (+" + ProjectURL + ")"
}

// Options tune fetching. The zero value is ready to use.
type Options struct {
	UserAgent string        // "" means UserAgent("devel")
	Timeout   time.Duration // a whole request, body included; 0 means 30s
	// MaxFeedBytes and MaxPageBytes cap one response after decompression;
	// 0 means 8 MiB and 4 MiB.
	MaxFeedBytes, MaxPageBytes int64
	PerHost                    int // connections to one host; 0 means 2
	MaxConns                   int // connections in all; 0 means 16
	MaxRedirects               int // 0 means 5
	// Now is the clock (tests); nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent("devel")
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxFeedBytes <= 0 {
		o.MaxFeedBytes = 8 << 20
	}
	if o.MaxPageBytes <= 0 {
		o.MaxPageBytes = 4 << 20
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.MaxConns <= 0 {
		o.MaxConns = 16
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// client makes polite requests: bounded connections per host and in all,
// bounded time, bounded size, a bounded number of redirects, http(s) only.
type client struct {
	opt   Options
	http  *http.Client
	total chan struct{} // one token per request in flight

	mu    sync.Mutex
	hosts map[string]chan struct{} // per host, PerHost tokens
}

func newClient(opt Options) *client {
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: opt.Timeout, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   opt.Timeout,
		ResponseHeaderTimeout: opt.Timeout,
		MaxConnsPerHost:       opt.PerHost,
		MaxIdleConnsPerHost:   opt.PerHost,
		MaxIdleConns:          opt.MaxConns,
		IdleConnTimeout:       30 * time.Second,
		ForceAttemptHTTP2:     true,
	}
	c := &client{opt: opt, total: make(chan struct{}, opt.MaxConns), hosts: map[string]chan struct{}{}}
	c.http = &http.Client{Transport: tr, Timeout: opt.Timeout, CheckRedirect: c.checkRedirect}
	return c
}

func (c *client) close() { c.http.CloseIdleConnections() }

type permanentKey struct{}

// checkRedirect allows MaxRedirects hops to http(s) URLs and notes whether
// every hop so far was permanent (301, 308).
func (c *client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.opt.MaxRedirects {
		return fmt.Errorf("more than %d redirects", c.opt.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to a %s URL refused", req.URL.Scheme)
	}
	if p, ok := req.Context().Value(permanentKey{}).(*bool); ok && req.Response != nil {
		code := req.Response.StatusCode
		*p = *p && (code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect)
	}
	return nil
}

// response is a fetched response, its body read whole (within the cap).
type response struct {
	status    int
	header    http.Header
	body      []byte
	finalURL  string
	permanent bool // redirected, and every redirect was permanent
}

// errTooLarge: the body passed the size cap.
var errTooLarge = errors.New("response too large")

// get fetches rawURL with the extra headers, waiting for a free connection
// to its host and in all. Bodies of non-2xx responses are not kept.
func (c *client) get(ctx context.Context, rawURL string, hdr http.Header, max int64) (*response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("not an http or https URL: %q", corpus.CleanLine(rawURL))
	}
	host := c.hostTokens(strings.ToLower(u.Host))
	select {
	case host <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-host }()
	select {
	case c.total <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-c.total }()

	permanent := true
	req, err := http.NewRequestWithContext(context.WithValue(ctx, permanentKey{}, &permanent), http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	for k, v := range hdr {
		req.Header[k] = v
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, describeError(err)
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header, finalURL: resp.Request.URL.String()}
	r.permanent = permanent && r.finalURL != rawURL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Drain a little so the connection can be reused.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return r, nil
	}
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", errTooLarge, resp.ContentLength, max)
	}
	// The transport has already undone gzip: the cap holds for the
	// decompressed size, so a small bomb cannot fill memory.
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, describeError(err)
	}
	if int64(len(r.body)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", errTooLarge, max)
	}
	return r, nil
}

func (c *client) hostTokens(host string) chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := c.hosts[host]
	if ch == nil {
		ch = make(chan struct{}, c.opt.PerHost)
		c.hosts[host] = ch
	}
	return ch
}

// describeError turns a transport error into one clean line.
func describeError(err error) error {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return errors.New("timed out")
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return errors.New(corpus.CleanLine(err.Error()))
}

// retryAfter reads a Retry-After header (seconds or an HTTP date) as a
// wait from now; 0 when absent or unreadable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

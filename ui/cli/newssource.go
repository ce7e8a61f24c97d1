package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/feeds"
	"github.com/parallax-reader/parallax/ui"
)

// feedsPath is the subscriptions file, next to the configuration file
// ($XDG_CONFIG_HOME/parallax/feeds), so that a run given another
// configuration (tests) gets its own subscriptions too.
func (r *runner) feedsPath() string {
	return filepath.Join(filepath.Dir(r.ConfigPath), "feeds")
}

// readFeeds reads the subscriptions, printing each bad line once.
func (r *runner) readFeeds() (*feeds.List, error) {
	l, err := feeds.ReadList(r.feedsPath())
	if err != nil {
		return nil, fmt.Errorf("%s: %v", r.feedsPath(), err)
	}
	if !r.feedProblemsShown {
		r.feedProblemsShown = true
		for _, p := range l.Problems {
			fmt.Fprintf(r.Stderr, "parallax: %s:%d: %s (line skipped)\n", r.feedsPath(), p.Line, corpus.CleanLine(p.Msg))
		}
	}
	return l, nil
}

// newsSource is the user's fetched news when they have subscriptions and
// did not ask for the seeds: ok reports whether it applies.
func (r *runner) newsSource() (dir string, ok bool) {
	if r.load.seeds {
		return "", false
	}
	l, err := r.readFeeds()
	if err != nil || len(l.Subscriptions()) == 0 {
		return "", false
	}
	dir = feeds.NewsDir()
	// The reader opens an empty store (R fetches) rather than a
	// missing folder.
	os.MkdirAll(dir, 0o755)
	return dir, true
}

// isURL says a PATH argument is a web address to fetch and read once.
func isURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// resolveURLs replaces each URL among paths by a temporary folder holding
// what it gave: a feed's articles (full text fetched as for a
// subscription set to auto) or a page's article. Nothing is subscribed;
// the folders go when the run ends (see cleanup). A URL that cannot be
// read is reported and dropped.
func (r *runner) resolveURLs(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if !isURL(p) {
			out = append(out, p)
			continue
		}
		if dir, ok := r.urlDirs[p]; ok {
			if dir != "" {
				out = append(out, dir)
			}
			continue
		}
		dir, err := r.readURL(p)
		if err != nil {
			fmt.Fprintf(r.Stderr, "parallax: %s: %v\n", corpus.CleanLine(p), err)
		}
		if r.urlDirs == nil {
			r.urlDirs = map[string]string{}
		}
		r.urlDirs[p] = dir
		if dir != "" {
			out = append(out, dir)
		}
	}
	return out
}

func (r *runner) readURL(u string) (string, error) {
	dir, err := os.MkdirTemp("", "parallax-url-")
	if err != nil {
		return "", err
	}
	r.tempDirs = append(r.tempDirs, dir)
	f, err := feeds.NewFetcher(r.fetchOptions(), feeds.Store{Dir: dir}, "")
	if err != nil {
		return "", err
	}
	defer f.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := f.ReadOnce(ctx, u); err != nil {
		return "", err
	}
	return dir, nil
}

// cleanup removes the temporary folders of URLs read once.
func (r *runner) cleanup() {
	for _, d := range r.tempDirs {
		os.RemoveAll(d)
	}
	r.tempDirs = nil
}

// fetchOptions are the fetcher's settings from the configuration.
func (r *runner) fetchOptions() feeds.Options {
	return feeds.Options{UserAgent: feeds.UserAgent(userAgentVersion()), Timeout: r.config.Feeds.Timeout}
}

// userAgentVersion is the short form of Version for the User-Agent: the
// module version, else "devel" and the revision.
func userAgentVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}

// readerNews tells the reader where the news and its feeds are, when it
// opens the user's news (no PATH, subscriptions, no --seeds), so that R
// can fetch; nil otherwise.
func (r *runner) readerNews(paths []string) *ui.News {
	if len(paths) > 0 {
		return nil
	}
	dir, ok := r.newsSource()
	if !ok {
		return nil
	}
	return &ui.News{ListPath: r.feedsPath(), Dir: dir, StatePath: feeds.StatePath(), Fetch: r.fetchOptions()}
}

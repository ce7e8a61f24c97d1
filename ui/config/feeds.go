package config

import (
	"fmt"
	"strings"
	"time"
)

// Feeds are the settings of live news ([feeds] in the file).
type Feeds struct {
	// RefreshOnStart fetches every feed when the reader starts.
	RefreshOnStart bool
	// Interval refreshes the feeds this often while the reader runs; 0
	// means never.
	Interval time.Duration
	// RetentionDays: fetched articles older than this are deleted (not
	// bookmarked ones).
	RetentionDays int
	// Timeout bounds one request.
	Timeout time.Duration
}

// DefaultFeeds are the live-news settings without a file.
func DefaultFeeds() Feeds {
	return Feeds{RetentionDays: 90, Timeout: 30 * time.Second}
}

// minInterval keeps an automatic refresh from hammering servers.
const minInterval = 5 * time.Minute

func (c *Config) parseFeeds(v any, bad func(section, key, msg string)) {
	t, ok := v.(map[string]any)
	if !ok {
		bad("", "feeds", "feeds must be a table: [feeds]")
		return
	}
	for _, k := range sortedKeys(t) {
		v := t[k]
		switch k {
		case "refresh_on_start":
			b, ok := v.(bool)
			if !ok {
				bad("feeds", k, fmt.Sprintf("feeds.refresh_on_start must be true or false; got %s", show(v)))
				continue
			}
			c.Feeds.RefreshOnStart = b
		case "interval":
			d, err := duration(v)
			if err != nil || (d != 0 && d < minInterval) {
				bad("feeds", k, fmt.Sprintf("feeds.interval must be a duration of at least %s such as \"30m\" or \"2h\", or \"0\" for never; got %s", minInterval, show(v)))
				continue
			}
			c.Feeds.Interval = d
		case "timeout":
			d, err := duration(v)
			if err != nil || d <= 0 {
				bad("feeds", k, fmt.Sprintf("feeds.timeout must be a duration such as \"30s\"; got %s", show(v)))
				continue
			}
			c.Feeds.Timeout = d
		case "retention_days":
			n, ok := v.(int64)
			if !ok || n < 1 || n > 100000 {
				bad("feeds", k, fmt.Sprintf("feeds.retention_days must be a number of days, at least 1; got %s", show(v)))
				continue
			}
			c.Feeds.RetentionDays = int(n)
		default:
			bad("feeds", k, fmt.Sprintf("unknown option feeds.%s (ignored)", k))
		}
	}
}

func duration(v any) (time.Duration, error) {
	switch t := v.(type) {
	case string:
		if strings.TrimSpace(t) == "0" {
			return 0, nil
		}
		return time.ParseDuration(strings.TrimSpace(t))
	case int64:
		if t == 0 {
			return 0, nil
		}
	}
	return 0, fmt.Errorf("not a duration")
}

func (f Feeds) toml() string {
	var sb strings.Builder
	sb.WriteString("\n[feeds]             # live news; see 'parallax help feeds'\n")
	fmt.Fprintf(&sb, "refresh_on_start = %v\n", f.RefreshOnStart)
	fmt.Fprintf(&sb, "interval = %q        # \"0\" never\n", durationString(f.Interval))
	fmt.Fprintf(&sb, "retention_days = %d\n", f.RetentionDays)
	fmt.Fprintf(&sb, "timeout = %q\n", durationString(f.Timeout))
	return sb.String()
}

func durationString(d time.Duration) string {
	if d == 0 {
		return "0"
	}
	s := d.String() // "2h0m0s", "30m0s", "30s"
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

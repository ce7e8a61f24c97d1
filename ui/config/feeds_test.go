package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFeedsSettings(t *testing.T) {
	c, probs := Parse("[feeds]\nrefresh_on_start = true\ninterval = \"2h\"\nretention_days = 30\ntimeout = \"10s\"\n")
	want := Feeds{RefreshOnStart: true, Interval: 2 * time.Hour, RetentionDays: 30, Timeout: 10 * time.Second}
	if len(probs) > 0 || c.Feeds != want {
		t.Errorf("got %+v %v, want %+v", c.Feeds, probs, want)
	}
	c, probs = Parse("[feeds]\ninterval = \"10s\"\nretention_days = 0\ntimeout = \"soon\"\nrefresh_on_start = \"yes\"\ncolour = 1\n")
	if c.Feeds != DefaultFeeds() {
		t.Errorf("bad values applied: %+v", c.Feeds)
	}
	var lines []int
	for _, p := range probs {
		lines = append(lines, p.Line)
	}
	if !reflect.DeepEqual(lines, []int{2, 3, 4, 5, 6}) {
		t.Errorf("problem lines %v (%v), want 2-6", lines, probs)
	}
	// --print-config reads back.
	c.Feeds = want
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte(c.TOML()), 0o644)
	back, probs := Load(p)
	if len(probs) > 0 || back.Feeds != want {
		t.Errorf("round trip: %+v %v\n%s", back.Feeds, probs, c.TOML())
	}
	if !strings.Contains(Reference(), "retention_days") {
		t.Error("the reference does not document [feeds]")
	}
}

package cli

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentRunsKeepTheirOwnFlags runs commands side by side in one
// process, as parallel tests or an embedding program would: each run's flags
// must be its own. Several runs share a command with different flags, and
// usage output declares that command's flags too, so flags held anywhere
// but in the run itself show up as a race (under -race) or a wrong output.
func TestConcurrentRunsKeepTheirOwnFlags(t *testing.T) {
	isJSONArray := func(n int) func(string) bool {
		return func(out string) bool {
			var v []map[string]any
			return json.Unmarshal([]byte(out), &v) == nil && (n < 0 || len(v) == n)
		}
	}
	isPlainList := func(out string) bool {
		return strings.HasPrefix(out, "1  2025-12-01  ") && strings.Count(out, "\n") == 5
	}
	isOneSearchHit := func(out string) bool {
		return strings.HasPrefix(out, "1. ") && !strings.Contains(out, "\n2. ") && strings.Contains(out, "1 of 3 matching articles shown")
	}
	cases := []struct {
		args []string
		code int
		ok   func(stdout string) bool
	}{
		{[]string{"list", "--json"}, 0, isJSONArray(5)},
		{[]string{"list"}, 0, isPlainList},
		{[]string{"help", "list"}, 0, func(out string) bool { return strings.HasPrefix(out, "usage: parallax list") }},
		{[]string{"search", "--limit", "1", "Umerov"}, 0, isOneSearchHit},
		{[]string{"search", "Umerov", "--json"}, 0, isJSONArray(3)},
		{[]string{"show", "4", "--json"}, 0, func(out string) bool { return strings.HasPrefix(out, "{") }},
		{[]string{"show", "4"}, 0, func(out string) bool { return strings.HasPrefix(out, "# ") }},
		{[]string{"stories", "--json", "--all"}, 0, isJSONArray(-1)},
		{[]string{"stories"}, 0, func(out string) bool { return strings.HasPrefix(out, "l") && !strings.HasPrefix(out, "[") }},
	}
	const rounds = 3
	type result struct {
		code     int
		out, err string
	}
	results := make([][rounds]result, len(cases))
	var wg sync.WaitGroup
	for i, c := range cases {
		for k := range rounds {
			wg.Add(1)
			go func() {
				defer wg.Done()
				code, out, errOut := run(t, c.args...)
				results[i][k] = result{code, out, errOut}
			}()
		}
	}
	wg.Wait()
	for i, c := range cases {
		for _, r := range results[i] {
			if r.code != c.code || !c.ok(r.out) {
				t.Errorf("parallax %s: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", strings.Join(c.args, " "), r.code, c.code, truncate(r.out, 300), r.err)
			}
		}
	}
}

package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestSearchUmerov(t *testing.T) {
	code, out, _ := run(t, "search", "--json", "Umerov")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res []struct {
		ID         string   `json:"id"`
		Title      string   `json:"title"`
		Outlet     string   `json:"outlet"`
		Score      float64  `json:"score"`
		Snippet    string   `json:"snippet"`
		Highlights [][2]int `json:"highlights"`
		Hits       int      `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		ids = append(ids, r.ID[:3])
		if r.Hits < 1 || r.Score <= 0 || len(r.Highlights) == 0 || r.Snippet[r.Highlights[0][0]:r.Highlights[0][1]] != "Umerov" {
			t.Errorf("result %+v", r)
		}
	}
	slices.Sort(ids)
	if !slices.Equal(ids, []string{"002", "003", "004"}) {
		t.Fatalf("got %v, want the three articles that mention Umerov", ids)
	}
}

func TestSearchPlain(t *testing.T) {
	code, out, _ := run(t, "search", "--limit", "1", "Umerov")
	if code != 0 || !strings.HasPrefix(out, "1. ") || !strings.Contains(out, "[Umerov]") || !strings.Contains(out, "1 of 3 matching articles") {
		t.Fatalf("exit %d\n%s", code, out)
	}
}

func TestSearchErrors(t *testing.T) {
	code, _, errOut := run(t, "search", `"peace plan`)
	if code != 2 || !strings.Contains(errOut, "unbalanced quote") {
		t.Errorf("unbalanced quote: exit %d, %q", code, errOut)
	}
	code, out, errOut := run(t, "search", "--json", "zzzqqqxx")
	if code != 1 || strings.TrimSpace(out) != "[]" || !strings.Contains(errOut, "no article matches") {
		t.Errorf("no match: exit %d, %q, %q", code, out, errOut)
	}
	code, _, errOut = run(t, "search", "Witkof")
	if code != 0 || !strings.Contains(errOut, "witkoff") {
		t.Errorf("fuzzy: exit %d, %q", code, errOut)
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

const storyFixture = "../../corpus/compare/testdata/storyview"

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("not an object: %s", raw)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}

func TestStoryJSONSchema(t *testing.T) {
	code, out, errb := run(t, "story", "--json", "wire", storyFixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var v struct {
		ID, Label string
		Outlets   []struct {
			Outlet   string
			Articles []struct {
				ID, Title, Lead string
				Published       *string
				Words           int
			}
			Distinctive []struct {
				Term  string
				Score float64
				Count int
			}
			Quoted []struct {
				Speaker string
				Count   int
			}
			Omits []struct {
				Article, Text string
				Weight        float64
			}
		}
		Facts []struct {
			Rows []struct {
				Article, Text string
				OwnWords      []string `json:"own_words"`
			}
		}
		Disagreements []struct {
			Thing  string
			Values []struct {
				Article, Outlet, Text string
				Value                 float64
			}
		}
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	// Every object has exactly its documented fields.
	var raw struct {
		Outlets []struct {
			Articles, Distinctive, Quoted, Omits []json.RawMessage
		}
		Facts []struct{ Rows []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	json.Unmarshal([]byte(out), &top)
	want := map[string]string{
		"top":         "disagreements,facts,id,label,outlets",
		"article":     "id,lead,published,title,words",
		"distinctive": "count,score,term",
		"quoted":      "count,speaker",
		"omits":       "article,text,weight",
		"row":         "article,own_words,text",
	}
	check := func(what string, items []json.RawMessage) {
		if len(items) == 0 {
			t.Errorf("no %s to check", what)
		}
		for _, it := range items {
			if k := keysOf(t, it); k != want[what] {
				t.Errorf("%s fields %s, want %s", what, k, want[what])
			}
		}
	}
	if k := keysOf(t, out2raw(out)); k != want["top"] {
		t.Errorf("top fields %s, want %s", k, want["top"])
	}
	for _, o := range raw.Outlets {
		check("article", o.Articles)
		check("distinctive", o.Distinctive)
		check("quoted", o.Quoted)
		check("omits", o.Omits)
	}
	for _, f := range raw.Facts {
		check("row", f.Rows)
	}

	var outlets []string
	for _, o := range v.Outlets {
		outlets = append(outlets, o.Outlet)
	}
	if g, w := strings.Join(outlets, " "), "gpwire.com frontierdaily.com metrotimes.com civicledger.org"; g != w {
		t.Errorf("outlets %s, want %s (order of first report)", g, w)
	}
	fr := v.Outlets[1]
	if a := fr.Articles[0]; a.ID != "frontier" || a.Published == nil || *a.Published != "2026-01-13T23:05:00Z" ||
		!strings.HasPrefix(a.Lead, "RIVERTON, Ohio — The Riverton City Council voted 7-2") || a.Words < 300 {
		t.Errorf("frontier article %+v", a)
	}
	if fr.Distinctive[0].Term != "illegal immigrants" || fr.Distinctive[0].Count != 4 {
		t.Errorf("frontier distinctive %+v", fr.Distinctive)
	}
	if len(v.Disagreements) != 1 || v.Disagreements[0].Thing != "people" {
		t.Errorf("disagreements %+v", v.Disagreements)
	}
	if len(v.Facts) == 0 {
		t.Error("no facts")
	}
}

func out2raw(s string) json.RawMessage { return json.RawMessage(s) }

func TestStoryText(t *testing.T) {
	code, out, errb := run(t, "story", "metro", storyFixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	for _, want := range []string{
		"\nHeadlines and leads\n",
		"gpwire.com                2026-01-13 22:10  first",
		"frontierdaily.com         2026-01-13 23:05  +55m",
		"metrotimes.com            2026-01-14 06:30  +8h20m",
		"distinctive words: undocumented immigrants (4,",
		"quotes: Tom Brandt ×2 (only), Councilman Dale Hoffman (Republican) ×2",
		"civicledger.org: The $4.2 million renovation will be paid for by a state emergency grant.",
		"! people — gpwire.com: 250 people",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if t.Failed() {
		t.Log(out)
	}
}

func TestCompareManyJSON(t *testing.T) {
	code, out, errb := run(t, "compare", "--json", "wire", "frontier", "metro", "ledger", storyFixture)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb)
	}
	var v struct {
		Articles []struct{ ID, Outlet, Title string }
		Rows     []struct {
			Cells []*struct {
				Sentences []int
				Block     int
				Text      string
			}
		}
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("decode: %v\n%s", err, out)
	}
	var ids []string
	for _, a := range v.Articles {
		ids = append(ids, a.ID+"/"+a.Outlet)
	}
	if g, w := strings.Join(ids, " "), "wire/gpwire.com frontier/frontierdaily.com metro/metrotimes.com ledger/civicledger.org"; g != w {
		t.Errorf("articles %s, want %s", g, w)
	}
	var grant []string
	all := 0
	for _, r := range v.Rows {
		if len(r.Cells) != 4 {
			t.Fatalf("row with %d cells", len(r.Cells))
		}
		full := true
		var here []string
		for k, c := range r.Cells {
			full = full && c != nil
			if c != nil && strings.Contains(c.Text, "$4.2 million") && strings.Contains(c.Text, "state emergency grant") {
				here = append(here, v.Articles[k].ID)
			}
		}
		if len(here) > 0 {
			if grant != nil {
				t.Errorf("the grant is in two rows: %v and %v", grant, here)
			}
			grant = here
		}
		if full {
			all++
		}
	}
	if strings.Join(grant, " ") != "wire metro ledger" {
		t.Errorf("grant carried in cells of %v, want wire metro ledger in one row", grant)
	}
	if all < 2 {
		t.Errorf("%d rows have all four articles, want the vote and the capacity at least", all)
	}
	if !strings.Contains(out, "null") {
		t.Error("no gap written as null")
	}
}

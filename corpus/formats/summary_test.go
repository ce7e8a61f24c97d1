package formats

import "testing"

// A record's description is kept as its summary when the record also has
// a main text; when the description is the only text it is the body.
func TestJSONSummary(t *testing.T) {
	for _, c := range []struct{ name, in, summary, body string }{
		{"text and description", `{"title": "T", "maintext": "Chat with us in Facebook Messenger.", "description": "Missile <b>launch</b>\u001b[31m explained."}`, "Missile launch explained.", "Chat with us in Facebook Messenger."},
		{"description only", `{"title": "T", "description": "Missile launch explained.", "url": "https://x.example/a"}`, "", "Missile launch explained."},
	} {
		as, err := ParseJSON([]byte(c.in))
		if err != nil || len(as) != 1 {
			t.Fatalf("%s: %v %v", c.name, as, err)
		}
		if as[0].Summary != c.summary || as[0].Body() != c.body {
			t.Errorf("%s: summary %q body %q, want %q %q", c.name, as[0].Summary, as[0].Body(), c.summary, c.body)
		}
	}
}

package article

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"testing"
	"time"
)

// markKeyPlain is MarkKey's hash as it was first written, streamed into
// sha256 piece by piece: read marks on users' disks are stored under it.
func markKeyPlain(a *Article) string {
	h := sha256.New()
	for _, s := range []string{a.Outlet, a.Title, strconv.FormatInt(a.Published.Unix(), 10)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, b := range a.Blocks {
		h.Write([]byte(b.Text))
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
}

func TestMarkKeyUnchanged(t *testing.T) {
	long := strings.Repeat("A paragraph of prose, long enough to take the pooled buffer past its first size. ", 200)
	for _, a := range []*Article{
		{},
		{Title: "Talks stall", Outlet: "Example News", Published: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC),
			Blocks: []Block{{Kind: Paragraph, Text: "First."}, {Kind: Heading, Text: "Then"}, {Kind: Paragraph, Text: "Ünïcode “quoted” text."}}},
		{Title: "Old", Published: time.Date(1901, 1, 1, 0, 0, 0, 0, time.UTC), Blocks: []Block{{Text: ""}, {Text: long}}},
		{Outlet: "x\x00y", Blocks: []Block{{Text: long + long + long + long}}},
	} {
		if got, want := a.MarkKey(), markKeyPlain(a); got != want {
			t.Errorf("MarkKey(%q) = %s, want %s", a.Title, got, want)
		}
	}
	// One value pinned, so that the plain version cannot drift with it.
	a := &Article{Title: "Talks stall", Outlet: "Example News", Published: time.Date(2025, 3, 4, 5, 6, 7, 0, time.UTC),
		Blocks: []Block{{Kind: Paragraph, Text: "First."}}}
	if got := markKeyPlain(a); got != "sha256:c450d6cece1648acb4e099ac5c743eef" {
		t.Errorf("pinned mark key = %s", got)
	}
}

func BenchmarkMarkKey(b *testing.B) {
	a := &Article{Title: "Talks stall", Outlet: "Example News"}
	for i := 0; i < 15; i++ {
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: strings.Repeat("Prose of a paragraph, ", 15)})
	}
	for b.Loop() {
		a.MarkKey()
	}
}

// blocksSource gives every article the same blocks.
type blocksSource []Block

func (s blocksSource) LoadText(a *Article) error { a.Blocks = s; return nil }

// MarkKey prefers the URL; an article listed without its text has the key
// the store kept, but a copy of it (which is not the article the store
// gave it to) and one whose store kept none make it from the text.
func TestMarkKeySources(t *testing.T) {
	blocks := []Block{{Kind: Paragraph, Text: "Body."}}
	plain := markKeyPlain(&Article{Title: "T", Blocks: blocks})
	if got := (&Article{Title: "T", URL: "https://example.com/a", Blocks: blocks}).MarkKey(); got != "url:https://example.com/a" {
		t.Errorf("with a URL: %s", got)
	}
	a := &Article{Title: "T"}
	a.DeferText(blocksSource(blocks), "sha256:kept")
	if got := a.MarkKey(); got != "sha256:kept" {
		t.Errorf("with a kept key: %s", got)
	}
	cp := *a
	if got := cp.MarkKey(); got != plain {
		t.Errorf("a copy: %s, want %s", got, plain)
	}
	b := &Article{Title: "T"}
	b.DeferText(blocksSource(blocks), "")
	if got := b.MarkKey(); got != plain {
		t.Errorf("no kept key: %s, want %s", got, plain)
	}
}

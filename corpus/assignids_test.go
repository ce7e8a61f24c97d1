package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"
)

// The articles of a feed are named by a hash of their item keys, so that
// an item keeps its ID (and its read mark) when the feed gains items on
// top; items without a key, or sharing one, by their place; and two keys
// whose hashes share the 32 bits an ID keeps are told apart by "~2" on
// the later one, so that no two articles share an ID.
func TestAssignIDs(t *testing.T) {
	// Two item keys whose SHA-256 share their first four bytes (found by
	// trying: about 2^16 keys make a pair likely).
	seen := map[[4]byte]string{}
	var k1, k2 string
	for i := 0; k2 == ""; i++ {
		k := fmt.Sprintf("https://example.org/item/%d", i)
		sum := sha256.Sum256([]byte(k))
		var p [4]byte
		copy(p[:], sum[:4])
		if prev, ok := seen[p]; ok {
			k1, k2 = prev, k
		}
		seen[p] = k
	}
	hash := func(k string) string { s := sha256.Sum256([]byte(k)); return hex.EncodeToString(s[:4]) }
	arts := []*Article{{ItemKey: "guid-a"}, {}, {ItemKey: k1}, {ItemKey: "same"}, {ItemKey: k2}, {ItemKey: "same"}}
	assignIDs("feed", arts)
	want := []string{"feed#" + hash("guid-a"), "feed#2", "feed#" + hash(k1), "feed#4", "feed#5~2", "feed#6"}
	for i, a := range arts {
		if a.ID != want[i] {
			t.Errorf("article %d: %q, want %q", i, a.ID, want[i])
		}
	}
	one := []*Article{{ItemKey: "guid-a"}}
	if assignIDs("file", one); one[0].ID != "file" {
		t.Errorf("a file's one article: %q, want the file's ID", one[0].ID)
	}
}

package storyedits

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpen: any file content opens without a panic, and what it keeps is
// edits that say one thing (join another article, or stand alone).
func FuzzOpen(f *testing.F) {
	f.Add([]byte(`{"version":1,"edits":{"a":{"with":"b"},"c":{"alone":true}}}`))
	f.Add([]byte(`{"version":1,"edits":{"a":{"with":"a"},"":{"alone":true},"b":{}}}`))
	f.Add([]byte(`{"version":2}`))
	f.Add([]byte("\x00\xff{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(t.TempDir(), File)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Skip(err)
		}
		e, _ := Open(p)
		for id, ed := range e.All() {
			if id == "" || ed.Alone == (ed.With != "") || ed.With == id {
				t.Errorf("kept an edit that says nothing: %q %+v", id, ed)
			}
		}
	})
}

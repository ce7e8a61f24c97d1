package cache

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"
)

// MapFile and ReadFile give the whole file and where its body starts,
// refuse a file of another kind or version, and one over the size cap.
func TestMapFileAndReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.cache")
	const magic = "parallax test\n"
	data := binary.AppendUvarint([]byte(magic), 3)
	bodyAt := len(data)
	data = append(data, "body"...)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(string, string, uint64, int64) ([]byte, int, error){"MapFile": MapFile, "ReadFile": ReadFile} {
		t.Run(name, func(t *testing.T) {
			got, at, err := open(path, magic, 3, 0)
			if err != nil || string(got) != string(data) || at != bodyAt {
				t.Fatalf("got %q at %d, %v; want %q at %d", got, at, err, data, bodyAt)
			}
			if _, _, err := open(path, magic, 4, 0); err == nil {
				t.Error("another version was read")
			}
			if _, _, err := open(path, "parallax other\n", 3, 0); err == nil {
				t.Error("another kind was read")
			}
			if _, _, err := open(path, magic, 3, int64(len(data)-1)); err == nil {
				t.Error("a file over the cap was read")
			}
			if _, _, err := open(path, magic, 3, int64(len(data))); err != nil {
				t.Errorf("a file at the cap was refused: %v", err)
			}
		})
	}
}

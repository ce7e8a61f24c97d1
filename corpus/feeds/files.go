package feeds

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/parallax-reader/parallax/corpus/userstate"
)

// ListPath is the subscriptions file: $XDG_CONFIG_HOME/parallax/feeds.
func ListPath() string { return filepath.Join(baseDir("XDG_CONFIG_HOME", xdg.ConfigHome), "feeds") }

// NewsDir is where fetched articles are stored: $XDG_DATA_HOME/parallax/news.
func NewsDir() string { return filepath.Join(baseDir("XDG_DATA_HOME", xdg.DataHome), "news") }

// StatePath is the per-feed fetch state: $XDG_STATE_HOME/parallax/feeds.json.
func StatePath() string { return filepath.Join(userstate.Dir(), "feeds.json") }

func baseDir(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "parallax")
	}
	return filepath.Join(fallback, "parallax")
}

func writeFileAtomic(path string, data []byte, perm fs.FileMode) error {
	return userstate.WriteFileAtomic(path, data, perm)
}

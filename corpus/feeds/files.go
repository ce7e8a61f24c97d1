package feeds

import (
	"os"
	"path/filepath"

	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// ListPath is the subscriptions file: $XDG_CONFIG_HOME/parallax/feeds.
func ListPath() string { return filepath.Join(userfiles.ConfigDir(), "feeds") }

// NewsDir is where fetched articles are stored: $XDG_DATA_HOME/parallax/news.
func NewsDir() string { return filepath.Join(userfiles.DataDir(), "news") }

// StatePath is the per-feed fetch state: $XDG_STATE_HOME/parallax/feeds.json.
func StatePath() string { return filepath.Join(userfiles.StateDir(), "feeds.json") }

// writeFileAtomic is the one atomic write every piece of user state uses.
var writeFileAtomic = userfiles.WriteFileAtomic

// Bounds on the files read here: far above any real subscriptions file or
// state, far below what would hurt.
const (
	maxListBytes  = 4 << 20
	maxStateBytes = 64 << 20
)

// readUserFile reads a regular file of at most max bytes (never a FIFO or a
// device), with the system's error for a missing one.
var readUserFile = userfiles.ReadRegular

// lockFile takes the exclusive lock that makes two processes take turns
// on path, making its folder first.
func lockFile(path string) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return userfiles.Lock(path)
}

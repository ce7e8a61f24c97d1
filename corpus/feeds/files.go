package feeds

import (
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

package userfiles

import (
	"os"
	"path/filepath"

	"github.com/adrg/xdg"
)

// AppDir is the name of Parallax's folder inside each XDG base folder.
const AppDir = "parallax"

// The XDG base folders Parallax uses. The environment is read on every
// call, so that tests (and a caller that changes it) are honoured; a
// relative value is ignored, as the XDG specification requires, and the
// platform default (from github.com/adrg/xdg) applies.

// StateDir is $XDG_STATE_HOME/parallax (~/.local/state/parallax): read
// marks and bookmarks.
func StateDir() string { return base("XDG_STATE_HOME", xdg.StateHome) }

// ConfigDir is $XDG_CONFIG_HOME/parallax (~/.config/parallax).
func ConfigDir() string { return base("XDG_CONFIG_HOME", xdg.ConfigHome) }

// CacheDir is $XDG_CACHE_HOME/parallax (~/.cache/parallax): parsed corpora,
// search snapshots and story groupings, which can be rebuilt at any time.
func CacheDir() string { return base("XDG_CACHE_HOME", xdg.CacheHome) }

// DataDir is $XDG_DATA_HOME/parallax (~/.local/share/parallax): exports.
func DataDir() string { return base("XDG_DATA_HOME", xdg.DataHome) }

func base(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, AppDir)
	}
	return filepath.Join(fallback, AppDir)
}

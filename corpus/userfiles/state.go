package userfiles

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// Set-aside copies of unreadable state files are named NAME.corrupt-TIME;
// the KeepCorrupt newest are kept for the user to look into.
const (
	CorruptInfix = ".corrupt-"
	KeepCorrupt  = 3
)

// ReadStateJSON reads the JSON state file at path (a regular file of at
// most maxSize bytes) into v, whose format version (read by version) must
// be 1..maxVersion. found is false when the file is missing or empty (what
// a full disk or an editor leaves: no state, and nothing to set aside).
// A file that does not parse, or of another version, is set aside
// (SetAside) and reported as warn; err means the file exists but could not
// be read or set aside, and must not be overwritten.
func ReadStateJSON(path string, maxSize int64, v any, version func() int, maxVersion int) (found bool, warn, err error) {
	data, err := ReadRegular(path, maxSize)
	if IsNotExist(err) {
		return false, nil, nil
	}
	if err != nil {
		return false, nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return false, nil, nil
	}
	if jerr := json.Unmarshal(data, v); jerr != nil || version() > maxVersion || version() < 1 {
		why := "unknown format version " + strconv.Itoa(version())
		if jerr != nil {
			why = jerr.Error()
		}
		warn, err := SetAside(path, why)
		return false, warn, err
	}
	return true, nil, nil
}

// SetAside renames an unreadable state file to NAME.corrupt-TIME, keeping
// the KeepCorrupt newest such copies, and says so in warn; err when it
// could not be renamed.
func SetAside(path, why string) (warn, err error) {
	aside := path + CorruptInfix + time.Now().UTC().Format("20060102T150405.000Z")
	if rerr := os.Rename(path, aside); rerr != nil {
		return nil, fmt.Errorf("%s is unreadable (%s) and could not be set aside: %w", path, why, rerr)
	}
	old, _ := filepath.Glob(path + CorruptInfix + "*")
	sort.Strings(old) // the time in the names sorts as text
	for len(old) > KeepCorrupt {
		os.Remove(old[0])
		old = old[1:]
	}
	return fmt.Errorf("%s was unreadable (%s); moved it to %s and started afresh", path, why, aside), nil
}

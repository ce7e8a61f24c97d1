package corpus

import (
	"fmt"
	"strings"
)

// NoSuchFile is the reason a PATH given to load that does not exist is
// skipped with, in the words of ls and grep.
const NoSuchFile = "no such file or directory"

// duplicatePrefix starts the reason of a file skipped as a byte-identical
// copy of another (see dedupe.go).
const duplicatePrefix = "duplicate of "

// Kind is the reason of a skip without what is particular to one file (the
// original of a duplicate, a size, a parser's position), so that skips can
// be counted by kind: "duplicate", "file too large", "malformed JSON".
func (s Skipped) Kind() string {
	if strings.HasPrefix(s.Reason, duplicatePrefix) {
		return "duplicate"
	}
	k := s.Reason
	for _, sep := range []string{" (", ": ", " at line "} {
		if i := strings.Index(k, sep); i > 0 {
			k = k[:i]
		}
	}
	return k
}

// SkipSummary says n files were skipped for one kind: "12 duplicates of
// files already loaded", "3 files: binary file, not text".
func SkipSummary(kind string, n int) string {
	if kind == "duplicate" {
		if n == 1 {
			return "1 duplicate of a file already loaded"
		}
		return fmt.Sprintf("%d duplicates of files already loaded", n)
	}
	if n == 1 {
		return "1 file: " + kind
	}
	return fmt.Sprintf("%d files: %s", n, kind)
}

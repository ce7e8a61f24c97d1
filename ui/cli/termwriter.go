package cli

import (
	"io"

	"github.com/parallax-reader/parallax/corpus"
)

// cleanWriter passes everything the command line prints through
// corpus.CleanStyled, so that no escape sequence or control character in a
// file name, an ID or a crafted cache entry reaches the terminal, whatever
// line prints it. Text that needs nothing is written as it is.
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	s := corpus.CleanStyled(string(p))
	if _, err := io.WriteString(c.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Package langtest holds what the tests of lang's consumers share: the
// texts that every consumer of the analysis chain must read alike. Only
// tests import it.
package langtest

import (
	_ "embed"
	"strings"
)

//go:embed analysis_texts.txt
var analysisTexts string

// Texts are the texts of analysis_texts.txt, one a line, comments left
// out. Search and comparison check that they read each as lang.Folded and
// lang.Stemmed do.
func Texts() []string {
	var out []string
	for _, l := range strings.Split(analysisTexts, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

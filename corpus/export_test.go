package corpus

// Internal functions for the oracle tests in package corpus_test (which
// can import corpus/gen; package corpus cannot).
var (
	TextKey = textKey
)

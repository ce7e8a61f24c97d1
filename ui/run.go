package ui

import (
	"errors"

	"github.com/parallax-reader/parallax/corpus"
)

// Config is what the interactive reader needs to start.
type Config struct {
	Source corpus.Source
	Load   corpus.Options
	Mouse  bool
}

// Run starts the interactive reader. (Placeholder until the reader lands.)
func Run(cfg Config) error {
	return errors.New("the interactive reader is not built yet; use a subcommand")
}

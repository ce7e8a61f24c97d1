package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/parallax-reader/parallax/corpus/userstate"
	"github.com/parallax-reader/parallax/ui"
	"github.com/parallax-reader/parallax/ui/config"
)

// helpTopics are `parallax help TOPIC` pages that are not commands.
var helpTopics = map[string]struct {
	summary string
	print   func(r *runner, w io.Writer)
}{
	"keys":   {"the reader's keys, and the [keys] action names to change them", printKeysTopic},
	"config": {"the configuration file: where it is and every option", printConfigTopic},
}

func printKeysTopic(r *runner, w io.Writer) {
	fmt.Fprintln(w, "Keys of the interactive reader (with your [keys] settings applied).")
	fmt.Fprintln(w)
	fmt.Fprint(w, ui.KeyReference(r.config.Keys))
	fmt.Fprintf(w, "\nChange a key in %s, e.g.\n\n  [keys]\n  bookmark = [\"*\", \"+\"]\n  down = [\"j\", \"down\", \"ctrl+n\"]\n\n", r.ConfigPath)
	fmt.Fprintln(w, "Keys are single characters or names: enter, esc, tab, space, up, down, left, right,")
	fmt.Fprintln(w, "pgup, pgdown, home, end, backspace, delete, f1-f20, ctrl+a-z, alt+KEY. ctrl+c always quits.")
}

func printConfigTopic(r *runner, w io.Writer) {
	fmt.Fprintf(w, `The configuration file is optional: %s
(XDG_CONFIG_HOME, or ~/.config, then parallax/config.toml). Every option is
optional; a bad value is reported with its line and ignored, never fatal.
Read marks and bookmarks are kept in %s.

%s
Example:

  sort = "outlet"
  theme = "auto"
  glamour_style = "dracula"
  max_file_size = "50MB"

  [colors]
  accent = "#7D56F4"
  muted = "245"

  [keys]
  bookmark = ["*", "+"]

'parallax --print-config' prints the effective configuration in this format.
`, r.ConfigPath, userstate.Dir(), config.Reference())
}

// topicNames lists the help topics for the top-level usage.
func topicNames() string {
	var lines []string
	for _, n := range []string{"keys", "config"} {
		lines = append(lines, fmt.Sprintf("  %-10s %s", n, helpTopics[n].summary))
	}
	return strings.Join(lines, "\n")
}

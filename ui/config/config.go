// Package config reads Parallax's optional configuration file,
// $XDG_CONFIG_HOME/parallax/config.toml. Every option is optional; a bad
// value is reported with its line and ignored, never fatal.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/parallax-reader/parallax/corpus/lazyre"
	"github.com/parallax-reader/parallax/corpus/userfiles"
)

// Config is the effective configuration.
type Config struct {
	Sort         string              // "date", "outlet" or "title"
	GroupByStory bool                // start with the list grouped by story
	Theme        string              // "auto", "dark" or "light"
	Colors       map[string]string   // named colours overriding the theme ("accent" = "#7D56F4")
	GlamourStyle string              // "auto" or a glamour style name ("dark", "light", "dracula", ...)
	Keys         map[string][]string // action -> keys, replacing the defaults for that action
	MaxFileSize  int64               // bytes
	Cache        bool                // use the store of parsed files
	Mouse        bool                // wheel scrolling in the reader
	Feeds        Feeds               // live news ([feeds])

	// keyLines remembers where each [keys] entry was written, for CheckKeys.
	keyLines map[string]int
}

// Problem is one thing wrong in the file, which was ignored.
type Problem struct {
	Path string
	Line int // 0 when unknown
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}

// Choices for the enumerated options.
var (
	SortChoices    = []string{"date", "outlet", "title"}
	ThemeChoices   = []string{"auto", "dark", "light"}
	GlamourChoices = []string{"auto", "dark", "light", "dracula", "tokyo-night", "pink", "ascii", "notty"}
	ColorNames     = []string{"accent", "text", "muted", "subtle", "highlight", "shared", "warning", "error", "hit", "current-hit"}
)

// DefaultMaxFileSize matches the loader's default.
const DefaultMaxFileSize = 20 << 20

// Default is the configuration used when there is no file.
func Default() Config {
	return Config{Sort: "date", Theme: "auto", GlamourStyle: "auto", MaxFileSize: DefaultMaxFileSize,
		Cache: true, Feeds: DefaultFeeds(), Colors: map[string]string{}, Keys: map[string][]string{}, keyLines: map[string]int{}}
}

// Path is where the configuration file is read from:
// $XDG_CONFIG_HOME/parallax/config.toml (see userfiles.ConfigDir).
func Path() string { return filepath.Join(userfiles.ConfigDir(), "config.toml") }

// Load reads the file at path. A missing file gives the defaults and no
// problem; anything else that is wrong is a Problem, and the rest applies.
func Load(path string) (Config, []Problem) {
	c := Default()
	data, err := userfiles.ReadRegular(path, maxConfigSize)
	if userfiles.IsNotExist(err) {
		return c, nil
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return c, []Problem{{Path: path, Msg: "cannot read: " + err.Error() + "; the whole file was ignored"}}
	}
	probs := c.parse(string(data))
	for i := range probs {
		probs[i].Path = path
	}
	return c, probs
}

// Parse applies the text of a configuration file to the defaults.
func Parse(text string) (Config, []Problem) {
	c := Default()
	return c, c.parse(text)
}

// maxConfigSize and maxConfigDepth bound what the TOML parser is given: a
// configuration is a few kilobytes and two or three levels deep, and the
// parser's time grows fast with nesting (10,000 nested inline tables took
// over ten seconds).
const (
	maxConfigSize  = 1 << 20
	maxConfigDepth = 16
)

func (c *Config) parse(text string) []Problem {
	if len(text) > maxConfigSize {
		return []Problem{{Msg: fmt.Sprintf("larger than %d KB; the whole file was ignored", maxConfigSize>>10)}}
	}
	if line, ok := withinDepth(text, maxConfigDepth); !ok {
		return []Problem{{Line: line, Msg: fmt.Sprintf("nested deeper than %d levels; the whole file was ignored", maxConfigDepth)}}
	}
	var raw map[string]any
	_, err := toml.Decode(text, &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return []Problem{{Line: pe.Position.Line, Msg: "not valid TOML (" + pe.Message + "); the whole file was ignored"}}
		}
		return []Problem{{Msg: err.Error() + "; the whole file was ignored"}}
	}
	lines := strings.Split(text, "\n")
	var probs []Problem
	bad := func(section, key, msg string) {
		probs = append(probs, Problem{Line: lineOf(lines, section, key), Msg: msg})
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw[k]
		switch k {
		case "sort":
			if s, ok := choice(v, SortChoices); ok {
				c.Sort = s
			} else {
				bad("", k, fmt.Sprintf("sort must be one of %s; got %s", strings.Join(SortChoices, ", "), show(v)))
			}
		case "theme":
			if s, ok := choice(v, ThemeChoices); ok {
				c.Theme = s
			} else {
				bad("", k, fmt.Sprintf("theme must be one of %s; got %s", strings.Join(ThemeChoices, ", "), show(v)))
			}
		case "glamour_style":
			if s, ok := choice(v, GlamourChoices); ok {
				c.GlamourStyle = s
			} else {
				bad("", k, fmt.Sprintf("glamour_style must be one of %s; got %s", strings.Join(GlamourChoices, ", "), show(v)))
			}
		case "group_by_story", "cache", "mouse":
			b, ok := v.(bool)
			if !ok {
				bad("", k, fmt.Sprintf("%s must be true or false; got %s", k, show(v)))
				continue
			}
			switch k {
			case "group_by_story":
				c.GroupByStory = b
			case "cache":
				c.Cache = b
			case "mouse":
				c.Mouse = b
			}
		case "max_file_size":
			n, err := sizeValue(v)
			if err != nil {
				bad("", k, err.Error())
				continue
			}
			c.MaxFileSize = n
		case "colors":
			t, ok := v.(map[string]any)
			if !ok {
				bad("", k, "colors must be a table: [colors]")
				continue
			}
			for _, name := range sortedKeys(t) {
				s, ok := t[name].(string)
				switch {
				case !contains(ColorNames, name):
					bad("colors", name, fmt.Sprintf("unknown colour %q (known: %s)", name, strings.Join(ColorNames, ", ")))
				case !ok || !colorRe.MatchString(s):
					bad("colors", name, fmt.Sprintf("colour %s must be \"#rrggbb\", \"#rgb\" or an ANSI number 0-255; got %s", name, show(t[name])))
				default:
					c.Colors[name] = s
				}
			}
		case "feeds":
			c.parseFeeds(v, bad)
		case "keys":
			t, ok := v.(map[string]any)
			if !ok {
				bad("", k, "keys must be a table: [keys]")
				continue
			}
			for _, action := range sortedKeys(t) {
				ks, ok := stringList(t[action])
				if !ok || len(ks) == 0 {
					bad("keys", action, fmt.Sprintf("keys.%s must be a key or a list of keys, e.g. [\"j\", \"down\"]", action))
					continue
				}
				c.Keys[action] = ks
				c.keyLines[action] = lineOf(lines, "keys", action)
			}
		default:
			bad("", k, fmt.Sprintf("unknown option %q (ignored)", k))
		}
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Line < probs[j].Line })
	return probs
}

// CheckKeys drops key bindings for actions the reader does not have and
// returns a problem for each.
func (c *Config) CheckKeys(path string, known func(action string) bool) []Problem {
	var probs []Problem
	for _, action := range sortedKeys(c.Keys) {
		if !known(action) {
			probs = append(probs, Problem{Path: path, Line: c.keyLines[action], Msg: fmt.Sprintf("unknown action %q in [keys] (ignored)", action)})
			delete(c.Keys, action)
		}
	}
	return probs
}

// KeyLine is the line where [keys] sets action, or 0 when unknown.
func (c *Config) KeyLine(action string) int { return c.keyLines[action] }

var colorRe = lazyre.New(`^(?:#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3}|[0-9]{1,2}|1[0-9]{2}|2[0-4][0-9]|25[0-5])$`)

func choice(v any, choices []string) (string, bool) {
	s, ok := v.(string)
	if !ok {
		return "", false
	}
	s = strings.ToLower(strings.TrimSpace(s))
	return s, contains(choices, s)
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func stringList(v any) ([]string, bool) {
	switch t := v.(type) {
	case string:
		return []string{t}, t != ""
	case []any:
		out := make([]string, 0, len(t))
		for _, e := range t {
			s, ok := e.(string)
			if !ok || s == "" {
				return nil, false
			}
			out = append(out, s)
		}
		return out, true
	}
	return nil, false
}

// sizeValue accepts a number of bytes or a string such as "20MB".
func sizeValue(v any) (int64, error) {
	switch t := v.(type) {
	case int64:
		if t > 0 {
			return t, nil
		}
	case string:
		if n, err := ParseSize(t); err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("max_file_size must be a size such as \"20MB\", \"512K\" or a number of bytes; got %s", show(v))
}

// ParseSize reads "20MB", "512K", "1.5G" or a plain number of bytes.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "K"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"):
		mult = 1 << 30
	}
	t = strings.TrimSpace(strings.TrimRight(t, "KMG"))
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<40 {
		return 0, fmt.Errorf("invalid size %q (want e.g. 20MB, 512K or a number of bytes)", s)
	}
	return int64(n * float64(mult)), nil
}

func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(v)
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// lineOf finds the line where key is set inside [section] ("" for the top
// level): TOML keeps no positions for values, so look for "key =" there.
func lineOf(lines []string, section, key string) int {
	cur := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			cur = strings.Trim(strings.Trim(t, "[]"), " \"")
			continue
		}
		k, _, found := strings.Cut(t, "=")
		if !found {
			continue
		}
		k = strings.Trim(strings.TrimSpace(k), "\"'")
		if cur == section && k == key || section == "" && cur == "" && k == key || cur == "" && k == section+"."+key {
			return i + 1
		}
	}
	return 0
}

// Reference documents every option, for `parallax help config`.
func Reference() string {
	var sb strings.Builder
	opt := func(name, def, doc string) { fmt.Fprintf(&sb, "  %-16s %-10s %s\n", name, def, doc) }
	sb.WriteString("  OPTION           DEFAULT    MEANING\n")
	opt("sort", `"date"`, "initial order of the list: "+strings.Join(SortChoices, ", "))
	opt("group_by_story", "false", "start with the list grouped by story")
	opt("theme", `"auto"`, strings.Join(ThemeChoices, ", ")+" (auto asks the terminal for its background)")
	opt("glamour_style", `"auto"`, "article text style: "+strings.Join(GlamourChoices, ", "))
	opt("max_file_size", `"20MB"`, "skip larger files (also --max-file-size)")
	opt("cache", "true", "keep parsed articles between runs")
	opt("mouse", "false", "wheel scrolling in the reader (also --mouse)")
	opt("[colors]", "", "override theme colours: "+strings.Join(ColorNames, ", "))
	opt("", "", `values are "#rrggbb", "#rgb" or an ANSI colour number 0-255`)
	opt("[keys]", "", `action = ["key", ...] replaces an action's keys; see 'parallax help keys'`)
	opt("[feeds]", "", "live news:")
	opt("  refresh_on_start", "false", "fetch every feed when the reader starts")
	opt("  interval", `"0"`, `refresh the feeds this often in the reader ("30m", "2h"; "0" never)`)
	opt("  retention_days", "90", "delete fetched articles older than this (bookmarks are kept)")
	opt("  timeout", `"30s"`, "give up on one request after this long")
	sb.WriteString("\nNO_COLOR in the environment turns colours off whatever the theme.\n")
	return sb.String()
}

// TOML renders the configuration as a file that Load reads back, for
// `parallax --print-config`.
func (c Config) TOML() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "# Parallax configuration (%s)\n", Path())
	fmt.Fprintf(&sb, "sort = %q           # %s\n", c.Sort, strings.Join(SortChoices, ", "))
	fmt.Fprintf(&sb, "group_by_story = %v\n", c.GroupByStory)
	fmt.Fprintf(&sb, "theme = %q           # %s\n", c.Theme, strings.Join(ThemeChoices, ", "))
	fmt.Fprintf(&sb, "glamour_style = %q   # %s\n", c.GlamourStyle, strings.Join(GlamourChoices, ", "))
	fmt.Fprintf(&sb, "max_file_size = %q\n", humanSize(c.MaxFileSize))
	fmt.Fprintf(&sb, "cache = %v\n", c.Cache)
	fmt.Fprintf(&sb, "mouse = %v\n", c.Mouse)
	sb.WriteString(c.Feeds.toml())
	sb.WriteString("\n[colors]            # " + strings.Join(ColorNames, ", ") + "\n")
	for _, k := range sortedKeys(c.Colors) {
		fmt.Fprintf(&sb, "%s = %q\n", k, c.Colors[k])
	}
	sb.WriteString("\n[keys]              # action = [\"key\", ...]; see ? in the reader\n")
	for _, k := range sortedKeys(c.Keys) {
		q := make([]string, len(c.Keys[k]))
		for i, s := range c.Keys[k] {
			q[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&sb, "%s = [%s]\n", k, strings.Join(q, ", "))
	}
	return sb.String()
}

func humanSize(n int64) string {
	switch {
	case n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

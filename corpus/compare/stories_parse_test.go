package compare

import (
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"
)

// groupingBody writes a grouping section as encodeStories lays it out:
// articles (ID, key), events (label, cohesion, dates, members), lines
// (events). Each part is given raw so that a test can break one rule of
// the section while its checksum (not part of the body) stays good.
type groupingBody struct {
	ids    []string
	events [][]int // members
	lines  [][]int // events
	tail   []byte  // bytes after the lines
}

func (g groupingBody) bytes() []byte {
	var b []byte
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(0.5))
	b = binary.AppendUvarint(b, 3) // days
	b = binary.AppendUvarint(b, uint64(len(g.ids)))
	b = binary.AppendUvarint(b, 0) // joined
	b = binary.AppendUvarint(b, uint64(len(g.ids)))
	for _, id := range g.ids {
		b = appendString(b, id)
		b = binary.LittleEndian.AppendUint32(b, 7)
	}
	b = binary.AppendUvarint(b, uint64(len(g.events)))
	for _, e := range g.events {
		b = appendString(b, "an event")
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(0.9))
		b = binary.LittleEndian.AppendUint64(b, 0)
		b = binary.LittleEndian.AppendUint64(b, 0)
		b = binary.AppendUvarint(b, uint64(len(e)))
		for _, k := range e {
			b = binary.AppendUvarint(b, uint64(k))
		}
	}
	b = binary.AppendUvarint(b, uint64(len(g.lines)))
	for _, l := range g.lines {
		b = binary.AppendUvarint(b, uint64(len(l)))
		for _, e := range l {
			b = binary.AppendUvarint(b, uint64(e))
		}
	}
	return append(b, g.tail...)
}

// A grouping section that breaks a rule of the format is refused with the
// rule it breaks, whatever its checksum says: every article in exactly
// one event, every event in exactly one line, nothing empty, nothing
// after the end.
func TestParseGroupingRefusesBrokenRules(t *testing.T) {
	good := groupingBody{ids: []string{"a", "b", "c"}, events: [][]int{{0, 1}, {2}}, lines: [][]int{{0}, {1}}}
	g, err := parseGrouping(good.bytes())
	if err != nil {
		t.Fatalf("a good section: %v", err)
	}
	if len(g.ids) != 3 || len(g.events) != 2 || len(g.lines) != 2 || g.events[0].label != "an event" || g.base != 3 {
		t.Fatalf("a good section read as %+v", g)
	}
	for _, c := range []struct {
		name string
		body groupingBody
		says string
	}{
		{"an empty event", groupingBody{ids: good.ids, events: [][]int{{0, 1, 2}, {}}, lines: [][]int{{0}, {1}}}, "empty event"},
		{"an article in two events", groupingBody{ids: good.ids, events: [][]int{{0, 1}, {1, 2}}, lines: [][]int{{0}, {1}}}, "article in two events"},
		{"an article in no event", groupingBody{ids: good.ids, events: [][]int{{0}, {2}}, lines: [][]int{{0}, {1}}}, "an article in no event"},
		{"an empty line", groupingBody{ids: good.ids, events: good.events, lines: [][]int{{0, 1}, {}}}, "empty line"},
		{"an event in two lines", groupingBody{ids: good.ids, events: good.events, lines: [][]int{{0, 1}, {1}}}, "event in two lines"},
		{"an event in no line", groupingBody{ids: good.ids, events: good.events, lines: [][]int{{0}}}, "an event in no line"},
		{"trailing bytes", groupingBody{ids: good.ids, events: good.events, lines: good.lines, tail: []byte{0}}, "trailing bytes"},
		{"a member out of range", groupingBody{ids: good.ids, events: [][]int{{0, 1}, {3}}, lines: good.lines}, "event member"},
		{"a line event out of range", groupingBody{ids: good.ids, events: good.events, lines: [][]int{{0}, {2}}}, "line event"},
	} {
		_, err := parseGrouping(c.body.bytes())
		if !errors.Is(err, errDamaged) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want damaged (%s)", c.name, err, c.says)
		}
	}
	// Cut short (by a writer's bug: a cut file fails its checksum first),
	// a section says where it ends too soon.
	long := groupingBody{ids: []string{strings.Repeat("a", 12), strings.Repeat("b", 12), strings.Repeat("c", 12)}, events: good.events, lines: good.lines}
	whole := long.bytes()
	third := 8 + 4 + 2*(1+12+4) // the threshold, four counts of a byte each, two articles
	for _, c := range []struct {
		name string
		body []byte
		says string
	}{
		{"no line count", whole[:len(whole)-5], "line count"},
		{"an ID cut", whole[:third+1+5], "article ID"},
		{"an ID a byte short", whole[:third+1+11], "article ID"},
		{"a key cut", whole[:third+1+12+2], "article key"},
		{"nothing", nil, "threshold"},
	} {
		_, err := parseGrouping(c.body)
		if !errors.Is(err, errDamaged) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v, want damaged (%s)", c.name, err, c.says)
		}
	}
}

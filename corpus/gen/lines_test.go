package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus/formats"
)

// Lines is deterministic, its events run within days and its lines over
// weeks, and its dates are noisy the ways scraped dates are.
func TestLines(t *testing.T) {
	as, labels := Lines(400, 3)
	again, _ := Lines(400, 3)
	if len(as) != 400 || len(labels) != len(as) {
		t.Fatalf("%d articles, %d labels", len(as), len(labels))
	}
	first, last := map[int]time.Time{}, map[int]time.Time{}
	eventDays := map[int][2]time.Time{}
	stamps := map[string]map[time.Time]int{}
	var dateOnly, yearOff int
	for i, a := range as {
		if a.ID != again[i].ID || a.Title != again[i].Title || !a.Published.Equal(again[i].Published) {
			t.Fatalf("not deterministic at %d", i)
		}
		l := labels[i]
		if l.ID != a.ID || !strings.Contains(a.URL, l.TrueDate.Format("/2006/01/02/")) {
			t.Fatalf("label %+v for %s %s", l, a.ID, a.URL)
		}
		if f, ok := first[l.Line]; !ok || l.TrueDate.Before(f) {
			first[l.Line] = l.TrueDate
		}
		if f, ok := last[l.Line]; !ok || l.TrueDate.After(f) {
			last[l.Line] = l.TrueDate
		}
		d := eventDays[l.Event]
		if d[0].IsZero() || l.TrueDate.Before(d[0]) {
			d[0] = l.TrueDate
		}
		if l.TrueDate.After(d[1]) {
			d[1] = l.TrueDate
		}
		eventDays[l.Event] = d
		if stamps[a.Outlet] == nil {
			stamps[a.Outlet] = map[time.Time]int{}
		}
		stamps[a.Outlet][a.Published]++
		switch {
		case a.Published.Sub(l.TrueDate) > 300*24*time.Hour:
			yearOff++
		case a.Published.Hour() == 0 && a.Published.Minute() == 0 && !a.Published.Equal(l.TrueDate):
			dateOnly++
		}
	}
	long := 0
	for line := range first {
		if last[line].Sub(first[line]) > 30*24*time.Hour {
			long++
		}
	}
	for e, d := range eventDays {
		if d[1].Sub(d[0]) > 4*24*time.Hour {
			t.Errorf("event %d spans %v", e, d[1].Sub(d[0]))
		}
	}
	crawled := 0
	for _, m := range stamps {
		for _, n := range m {
			if n >= 3 {
				crawled++
			}
		}
	}
	if long == 0 || crawled == 0 || dateOnly == 0 || yearOff == 0 {
		t.Errorf("lines over a month %d, crawl stamps %d, date-only %d, a year off %d: want some of each", long, crawled, dateOnly, yearOff)
	}
}

// WriteLines writes records the loader reads back with their URLs and
// dates, and a label for each.
func TestWriteLines(t *testing.T) {
	dir := t.TempDir()
	if err := WriteLines(dir, 60, 2); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "lines.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	as, err := formats.ParseJSON(data)
	want, _ := Lines(60, 2)
	if err != nil || len(as) != len(want) {
		t.Fatalf("%d records read back (%v), want %d", len(as), err, len(want))
	}
	for i, a := range as {
		if a.URL != want[i].URL || !a.Published.Equal(want[i].Published) || a.Title != want[i].Title {
			t.Fatalf("record %d: %q %v %q, want %q %v %q", i, a.URL, a.Published, a.Title, want[i].URL, want[i].Published, want[i].Title)
		}
	}
	labels, err := os.ReadFile(filepath.Join(dir, "lines.labels.tsv"))
	if err != nil || strings.Count(string(labels), "\n") != len(want)+1 {
		t.Errorf("labels: %v, %d lines", err, strings.Count(string(labels), "\n"))
	}
}

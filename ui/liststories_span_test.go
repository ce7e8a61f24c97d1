package ui

import (
	"testing"
	"time"
)

func TestDateSpan(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 12, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		first, last time.Time
		want        string
	}{
		{time.Time{}, time.Time{}, ""},
		{d(2025, 12, 1), d(2025, 12, 1), "1 Dec 2025"},
		{d(2025, 11, 28), d(2025, 12, 1), "28 Nov – 1 Dec 2025"},
		{d(2024, 12, 30), d(2025, 1, 2), "30 Dec 2024 – 2 Jan 2025"},
	} {
		if got := dateSpan(c.first, c.last); got != c.want {
			t.Errorf("dateSpan(%v, %v) = %q, want %q", c.first, c.last, got, c.want)
		}
	}
}

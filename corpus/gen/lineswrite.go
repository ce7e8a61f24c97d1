package gen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// WriteLines writes Lines(n, seed) to dir as a scraper's JSON Lines file,
// lines.jsonl (title, url, date_publish, source_domain, maintext: the
// shape news-please writes), and the truth beside it, lines.labels.tsv
// (article id, event, story line, true date), for measuring grouping on
// story lines with noisy dates by hand.
func WriteLines(dir string, n int, seed int64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	as, labels := Lines(n, seed)
	records, err := os.Create(filepath.Join(dir, "lines.jsonl"))
	if err != nil {
		return err
	}
	defer records.Close()
	w := bufio.NewWriter(records)
	enc := json.NewEncoder(w)
	for _, a := range as {
		rec := map[string]string{"id": a.ID, "title": a.Title, "url": a.URL, "source_domain": a.Outlet, "maintext": a.Body()}
		if dateOnly := a.Published.Hour() == 0 && a.Published.Minute() == 0; dateOnly {
			rec["date_publish"] = a.Published.Format("2006-01-02")
		} else {
			rec["date_publish"] = a.Published.Format(time.RFC3339)
		}
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := records.Close(); err != nil {
		return err
	}
	truth, err := os.Create(filepath.Join(dir, "lines.labels.tsv"))
	if err != nil {
		return err
	}
	defer truth.Close()
	tw := bufio.NewWriter(truth)
	fmt.Fprintln(tw, "# id\tevent\tline\ttrue date")
	for _, l := range labels {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", l.ID, l.Event, l.Line, l.TrueDate.Format(time.RFC3339))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	return truth.Close()
}

package gen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parallax-reader/parallax/corpus"
	"github.com/parallax-reader/parallax/corpus/formats"
	"github.com/parallax-reader/parallax/corpus/lang"
)

func TestDeterministic(t *testing.T) {
	a, b := Articles(300, 7), Articles(300, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed gave different articles")
	}
	c := Articles(300, 8)
	if reflect.DeepEqual(a[0].Blocks, c[0].Blocks) {
		t.Fatal("different seeds gave the same first article")
	}
}

func TestShape(t *testing.T) {
	as := Articles(2000, 1)
	outlets := map[string]bool{}
	vocab := map[string]int{}
	total := 0
	var minDate, maxDate time.Time
	ids := map[string]bool{}
	for _, a := range as {
		if ids[a.ID] {
			t.Fatalf("duplicate id %s", a.ID)
		}
		ids[a.ID] = true
		outlets[a.Outlet] = true
		if a.Title == "" || len(a.Blocks) == 0 || strings.Contains(a.Title+a.Body(), "@") {
			t.Fatalf("bad article %s: %q", a.ID, a.Title)
		}
		if minDate.IsZero() || a.Published.Before(minDate) {
			minDate = a.Published
		}
		if a.Published.After(maxDate) {
			maxDate = a.Published
		}
		total += a.Words
		for _, w := range lang.Words(a.Body()) {
			vocab[w]++
		}
	}
	if avg := total / len(as); avg < 550 || avg > 850 {
		t.Errorf("average length %d words, want about 700", avg)
	}
	if len(outlets) < 40 {
		t.Errorf("%d outlets, want many", len(outlets))
	}
	if maxDate.Sub(minDate) < 2*365*24*time.Hour {
		t.Errorf("dates span only %v", maxDate.Sub(minDate))
	}
	if len(vocab) < 3000 {
		t.Errorf("%d distinct words, want a few thousand", len(vocab))
	}
	if vocab["the"] < total/40 {
		t.Errorf("'the' occurs %d times in %d words: not Zipf-like", vocab["the"], total)
	}
}

func TestClustersShareText(t *testing.T) {
	p := newPlan(3000, 3)
	byEvent := map[int][]int{}
	for i, s := range p.slots {
		byEvent[s.event] = append(byEvent[s.event], i)
	}
	checked, sharing := 0, 0
	for _, members := range byEvent {
		if len(members) < 3 {
			continue
		}
		a, b := p.article(members[0]), p.article(members[1])
		if a.a.Outlet == b.a.Outlet {
			t.Errorf("cluster members share outlet %s", a.a.Outlet)
		}
		sa := map[string]bool{}
		for _, s := range lang.SplitSentences(a.a.Body()) {
			sa[s] = true
		}
		shared := 0
		for _, s := range lang.SplitSentences(b.a.Body()) {
			if sa[s] {
				shared++
			}
		}
		if shared > 0 {
			sharing++
		}
		if names(a.a)&names(b.a) == 0 {
			t.Errorf("cluster members %s and %s share no name", a.a.ID, b.a.ID)
		}
		checked++
	}
	if checked < 20 {
		t.Fatalf("only %d clusters of 3+ in 3000 articles", checked)
	}
	if sharing*10 < checked*7 {
		t.Errorf("only %d of %d clusters share a copied sentence", sharing, checked)
	}
}

func TestWriteParses(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 50, 2); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 50 {
		t.Fatalf("%d files", len(ents))
	}
	want := Articles(50, 2)
	data, err := os.ReadFile(filepath.Join(dir, want[0].ID+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := formats.ParseText(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != want[0].Title || !strings.Contains(got.Body(), want[0].Blocks[len(want[0].Blocks)-1].Text) {
		t.Fatalf("parsed file differs: %q vs %q", got.Title, want[0].Title)
	}
}

// names is a 64-bit signature of the capitalised words inside sentences
// (names and places), by transliteration key.
func names(a *corpus.Article) uint64 {
	var sig uint64
	body := a.Body()
	for _, tok := range lang.Tokens(body) {
		w := body[tok.Start:tok.End]
		if tok.Start > 2 && w[0] >= 'A' && w[0] <= 'Z' && body[tok.Start-2] != '.' {
			k := lang.TranslitKey(tok.Text)
			h := uint64(0)
			for i := 0; i < len(k); i++ {
				h = h*31 + uint64(k[i])
			}
			sig |= 1 << (h % 64)
		}
	}
	return sig
}

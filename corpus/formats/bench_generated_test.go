package formats_test

import (
	"strings"
	"testing"

	"github.com/parallax-reader/parallax/corpus/formats"
	"github.com/parallax-reader/parallax/corpus/gen"
)

// BenchmarkParseGenerated measures what a cold open spends per file on
// parsing, on one core: 2,000 generated plain-text articles (the files of
// gencorpus, about 4.6 KB each: title, outlet, date, ~700 words), each
// parsed as the loader parses it (ParseOwned), MB/s of input.
//
//	go test -run '^$' -bench BenchmarkParseGenerated -benchtime 20x ./corpus/formats/
func BenchmarkParseGenerated(b *testing.B) {
	var docs [][]byte
	var size int64
	for i, a := range gen.Articles(2000, 1) {
		d := []byte(gen.Render(a, true, i%3 != 0, i%2 == 0))
		docs = append(docs, d)
		size += int64(len(d))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := formats.ParseOwned("x.txt", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkKeywordGroupsGenerated runs the boilerplate keyword scan (with
// the word count it shares a pass with) over every line of 500 generated
// articles: prose, where almost no word starts a keyword, so the cost is
// the filter at each word start.
//
//	go test -run '^$' -bench BenchmarkKeywordGroupsGenerated ./corpus/formats/
func BenchmarkKeywordGroupsGenerated(b *testing.B) {
	benchLines(b, func(l string) { formats.KeywordGroups(l) })
}

// BenchmarkTidyLineGenerated runs the tidy-line test over every line of
// 500 generated articles (curly quotes and dashes among ASCII prose).
func BenchmarkTidyLineGenerated(b *testing.B) { benchLines(b, func(l string) { formats.TidyLine(l) }) }

// benchLines runs f on every line of 500 generated articles, MB/s of lines.
func benchLines(b *testing.B, f func(string)) {
	var lines []string
	var size int64
	for i, a := range gen.Articles(500, 1) {
		for _, l := range strings.Split(gen.Render(a, true, i%3 != 0, i%2 == 0), "\n") {
			lines = append(lines, l)
			size += int64(len(l))
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, l := range lines {
			f(l)
		}
	}
}

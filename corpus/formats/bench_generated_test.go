package formats_test

import (
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

package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedText is the seed articles joined, the text the benchmarks analyse.
func seedText(b *testing.B) string {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	var sb strings.Builder
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
	}
	return sb.String()
}

func BenchmarkSentences(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text)
	}
}

// BenchmarkStem stems every word of the seeds, as a snapshot's load stems
// its vocabulary.
func BenchmarkStem(b *testing.B) {
	words := Words(seedText(b))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}

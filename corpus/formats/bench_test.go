package formats

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseText measures plain-text parse throughput (MB/s) on the
// seeds, which hold every pattern the parser looks for.
func BenchmarkParseText(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	var docs [][]byte
	total := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := ParseDocument("x.txt", d); err != nil {
				b.Fatal(err)
			}
		}
	}
}

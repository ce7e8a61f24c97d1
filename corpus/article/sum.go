package article

import "github.com/zeebo/xxh3"

// Sum identifies a run of bytes in the store of parsed files: a file's
// bytes (byte-identical files, Article.Origin) and an article's
// normalised text (TextKey). It is XXH3's 128-bit hash, not SHA-256: a
// cold open hashed every file and every text with SHA-256, about a tenth
// of its CPU, where XXH3 takes a fiftieth of that. These sums only name
// content inside the cache (no signature, no user state rests on them) and
// 128 bits keep accidental collisions out of reach; read marks keep their
// SHA-256 key (MarkKey), which is on the user's disk.
type Sum [16]byte

// SumOf is the Sum of b.
func SumOf(b []byte) Sum {
	h := xxh3.Hash128(b)
	var s Sum
	for i := 0; i < 8; i++ {
		s[i] = byte(h.Hi >> (56 - 8*i))
		s[8+i] = byte(h.Lo >> (56 - 8*i))
	}
	return s
}

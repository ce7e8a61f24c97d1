package compare

import (
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// FuzzDecodeStories feeds the stored-grouping decoder bodies with a valid
// header and checksum (so that the fuzzer reaches past the CRC): it must
// refuse or accept without panicking, and what it accepts is a whole
// grouping of the articles.
func FuzzDecodeStories(f *testing.F) {
	as, _ := generateCorpus(12, 5)
	good := encodeStories(GroupStories(as, StoryOptions{}), StoryOptions{})
	head := len(storiesMagic) + 1
	f.Add(good[head : len(good)-4])
	f.Add(good[head : len(good)/2])
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, body []byte) {
		data := append([]byte(storiesMagic), storiesVersion)
		data = append(data, body...)
		data = binary.LittleEndian.AppendUint32(data, crc32.Checksum(data, cache.CRCTable))
		s, err := decodeStories(data, as, StoryOptions{})
		if err != nil {
			return
		}
		checkGrouping(t, s, as)
	})
}

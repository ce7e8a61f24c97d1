package compare

import (
	"context"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/parallax-reader/parallax/corpus/cache"
)

// storedSections splits a stored grouping into its sections' bodies.
func storedSections(t testing.TB, data []byte) (grouping, terms, articles []byte) {
	rest := data[len(storiesMagic)+1:]
	var err error
	var bodies [3][]byte
	for k := range bodies {
		if bodies[k], rest, err = cutSection(rest, "section"); err != nil {
			t.Fatal(err)
		}
	}
	return bodies[0], bodies[1], bodies[2]
}

// FuzzDecodeStories feeds the stored-grouping decoders sections with valid
// lengths and checksums (so that the fuzzer reaches past them): they must
// refuse or accept without panicking; a grouping accepted is a whole
// grouping of the articles, and terms accepted are in range, ascending
// and give every article a fingerprint of normalised weights.
func FuzzDecodeStories(f *testing.F) {
	as, _ := generateCorpus(12, 5)
	grouped, err := groupFrom(context.Background(), as, StoryOptions{})
	if err != nil {
		f.Fatal(err)
	}
	good := encodeStories(grouped, StoryOptions{})
	g, terms, arts := storedSections(f, good)
	f.Add(g, terms, arts)
	f.Add(g[:len(g)/2], terms[:len(terms)/2], arts[:len(arts)/2])
	f.Add(g, terms, arts[:len(arts)-1])
	f.Add([]byte{}, []byte{}, []byte{})
	f.Fuzz(func(t *testing.T, grouping, terms, articles []byte) {
		data := append([]byte(storiesMagic), storiesVersion)
		for _, body := range [][]byte{grouping, terms, articles} {
			data = binary.LittleEndian.AppendUint64(data, uint64(len(body)))
			data = binary.LittleEndian.AppendUint32(data, crc32.Checksum(body, cache.CRCTable))
			data = append(data, body...)
		}
		sg, err := parseStories(data)
		if err != nil {
			return
		}
		if s, err := sg.stories(as, StoryOptions{}); err == nil {
			checkGrouping(t, s, as)
		}
		st, err := sg.readTerms()
		if err != nil {
			return
		}
		if len(st.fps) != len(sg.ids) || len(st.df) != len(st.hashes) {
			t.Fatalf("%d fingerprints for %d articles, %d frequencies for %d terms", len(st.fps), len(sg.ids), len(st.df), len(st.hashes))
		}
		for k, fp := range st.fps {
			for x, tw := range fp {
				if int(tw.t) >= len(st.hashes) || x > 0 && fp[x-1].t >= tw.t || !(tw.w >= 0 && tw.w <= 1.001) {
					t.Fatalf("article %d: fingerprint %v", k, fp)
				}
			}
			for _, list := range [][]uint32{st.names.of(k), st.query.queryOf(k), st.query.indexOf(k)} {
				for x, term := range list {
					if int(term) >= len(st.hashes) || x > 0 && list[x-1] >= term {
						t.Fatalf("article %d: terms %v", k, list)
					}
				}
			}
		}
	})
}

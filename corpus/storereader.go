package corpus

import "errors"

// storeReader decodes the store's formats from a string, checking every
// bound; after the first error every read returns a zero value.
type storeReader struct {
	s   string
	off int
	err error
}

var errTruncated = errors.New("truncated entry")

func (r *storeReader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *storeReader) uvarint() uint64 {
	var x uint64
	for shift := 0; r.err == nil; shift += 7 {
		if r.off >= len(r.s) || shift > 63 {
			r.fail(errTruncated)
			break
		}
		c := r.s[r.off]
		r.off++
		x |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return x
		}
	}
	return 0
}

func (r *storeReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length or count that must fit in what is left.
func (r *storeReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.off) {
		r.fail(errTruncated)
		return 0
	}
	return int(n)
}

func (r *storeReader) fixed(n int) string {
	if r.err != nil || n > len(r.s)-r.off {
		r.fail(errTruncated)
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *storeReader) uint32() uint32 {
	b := r.fixed(4)
	if len(b) < 4 {
		return 0
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (r *storeReader) str() string { return r.fixed(r.count()) }

func (r *storeReader) byte() byte {
	if b := r.fixed(1); b != "" {
		return b[0]
	}
	return 0
}

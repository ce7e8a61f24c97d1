package corpus

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// The store's small files (its manifest, the stored listing) share one
// frame: magic, a uvarint format version, the body, the body's CRC-32C
// (4 bytes, little-endian) and an end marker, so that a file cut short,
// damaged or of another kind is never read as a body.

// seal is the whole file of body: header, body, checksum and end.
func seal(magic string, version uint64, body []byte, end string) []byte {
	out := make([]byte, 0, len(magic)+binary.MaxVarintLen64+len(body)+4+len(end))
	out = append(out, magic...)
	out = binary.AppendUvarint(out, version)
	out = append(out, body...)
	out = binary.LittleEndian.AppendUint32(out, checksum(unsafe.String(unsafe.SliceData(body), len(body))))
	return append(out, end...)
}

// unseal returns the body of a sealed file from what follows its header
// (cache.OpenFile checks the magic and the version), as a string over
// data's bytes, once the end marker and the checksum are found to hold.
func unseal(data []byte, end string) (string, error) {
	n := len(data) - 4 - len(end)
	if n < 0 || string(data[n+4:]) != end {
		return "", errors.New("truncated")
	}
	body := unsafe.String(unsafe.SliceData(data), n)
	if checksum(body) != binary.LittleEndian.Uint32(data[n:]) {
		return "", errors.New("checksum mismatch")
	}
	return body, nil
}

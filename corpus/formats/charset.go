package formats

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/parallax-reader/parallax/corpus/lazyre"
)

// Markup (HTML, XML feeds) says its own encoding; plain files do not. This
// file turns markup bytes into UTF-8 text.

var (
	rxXMLEncoding  = lazyre.New(`(?i)^\s*<\?xml[^>]*?\bencoding\s*=\s*["']?([A-Za-z0-9._:-]+)`)
	rxMetaCharset  = lazyre.New(`(?i)<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)`)
	rxXMLDeclareEn = lazyre.New(`(?i)^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["']?)[A-Za-z0-9._:-]+(["']?)`)
)

// declaredCharset returns the encoding label a document declares in its XML
// declaration or an HTML meta tag within its first 4 KB, or "".
func declaredCharset(data []byte) string {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := rxXMLEncoding.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := rxMetaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// decodeMarkup returns the text of an HTML or XML document as UTF-8. A
// byte-order mark wins, then bytes that are valid UTF-8 with multi-byte
// characters in them, then the declared charset (GB2312, Shift_JIS,
// KOI8-R, ISO-8859-x, ...), then UTF-8 with stray bytes read as
// Windows-1252 (DecodeText).
//
// Valid multi-byte UTF-8 wins over a declared legacy charset because pages
// are re-saved as UTF-8 with the old declaration left in far more often than
// legacy text happens to be valid UTF-8: in GBK, Shift_JIS, EUC-KR, Big5,
// KOI8-R or Latin-1, every non-ASCII character would have to fall on a UTF-8
// lead byte followed by the right number of continuation bytes, which a few
// words of real text never do. Plain ASCII is read with the declared
// charset, which matters for 7-bit encodings such as ISO-2022-JP.
func decodeMarkup(data []byte) string {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return DecodeText(data)
	}
	label := declaredCharset(data)
	if label == "" {
		return DecodeText(data)
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") || name == "replacement" {
		return DecodeText(data)
	}
	if hasMultiByte(data) && utf8.Valid(data) {
		return string(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return DecodeText(data)
	}
	return DecodeText(out)
}

// hasMultiByte reports a byte outside ASCII.
func hasMultiByte(data []byte) bool {
	for _, b := range data {
		if b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// markAsUTF8 rewrites the encoding of an XML declaration to UTF-8, for text
// that decodeMarkup has already decoded.
func markAsUTF8(s string) string {
	head := s
	if len(head) > 512 {
		head = head[:512]
	}
	loc := rxXMLDeclareEn.FindStringSubmatchIndex(head)
	if loc == nil {
		return s
	}
	return s[:loc[0]] + s[loc[2]:loc[3]] + `"UTF-8"` + s[loc[1]:]
}

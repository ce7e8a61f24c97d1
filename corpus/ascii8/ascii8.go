// Package ascii8 classifies eight bytes of text at a time (SWAR: SIMD
// within a register). The per-byte loops of a cold open (word counts,
// keyword scans, text keys) cost a fifth of its CPU; prose is mostly
// ASCII, so most of it can be classified eight bytes per step and only a
// word start, a joiner or a non-ASCII byte handled on its own.
//
// A mask has bit 7 of byte i set when byte i of the word has the property
// (byte 0 is s[i], the first of the eight); every other bit is clear. The
// class functions assume an ASCII word (ASCII(x) true): no sum then carries
// from one byte into the next, so every answer is exact.
package ascii8

import "math/bits"

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
	low7  = 0x7F7F7F7F7F7F7F7F

	// All is the mask of all eight bytes.
	All = highs
	// Spaces is eight spaces.
	Spaces = ' ' * ones
)

// Load returns s[i:i+8] as a little-endian word; s[i] is byte 0. The
// compiler makes the shifts one load.
func Load(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// ASCII reports whether all eight bytes are below 0x80.
func ASCII(x uint64) bool { return x&highs == 0 }

// NonASCII marks the bytes of x at or above 0x80 (any word).
func NonASCII(x uint64) uint64 { return x & highs }

// ASCIIPrefix returns how many of x's bytes come before its first
// non-ASCII byte (8 when there is none) and the mask of those bytes. The
// class functions are exact on those bytes of any word: a sum carries only
// towards later bytes.
func ASCIIPrefix(x uint64) (n int, valid uint64) {
	nx := x & highs
	if nx == 0 {
		return 8, highs
	}
	n = First(nx)
	return n, highs & (1<<(8*n) - 1)
}

// At is 1 when the mask marks byte i, else 0.
func At(m uint64, i int) uint64 { return m >> (8*i + 7) & 1 }

// Zero marks the zero bytes of x exactly (any word, ASCII or not).
func Zero(x uint64) uint64 { return ^((x & low7) + low7 | x | low7) }

// Eq marks the bytes of x equal to c (any word).
func Eq(x uint64, c byte) uint64 { return Zero(x ^ uint64(c)*ones) }

// EitherOf marks the bytes of x equal to a or b, both ASCII: half the work
// of Eq(x, a)|Eq(x, b). Exact on an ASCII word and on the bytes before a
// word's first non-ASCII byte (see ASCIIPrefix).
func EitherOf(x uint64, a, b byte) uint64 {
	notA := (x ^ uint64(a)*ones) + low7 // bit 7 set where the byte is not a
	notB := (x ^ uint64(b)*ones) + low7
	return ^(notA & notB) & highs
}

// Range marks the bytes of an ASCII word in [lo, hi]; 0 < lo <= hi < 0x80.
func Range(x uint64, lo, hi byte) uint64 {
	ge := x + uint64(0x80-lo)*ones // bit 7 set where byte >= lo
	le := x + uint64(0x7F-hi)*ones // bit 7 clear where byte <= hi
	return ge &^ le & highs
}

// Letters marks the ASCII letters of an ASCII word.
func Letters(x uint64) uint64 { return Range(x|0x20*ones, 'a', 'z') }

// Digits marks the ASCII digits of an ASCII word.
func Digits(x uint64) uint64 { return Range(x, '0', '9') }

// Upper marks the upper-case ASCII letters of an ASCII word.
func Upper(x uint64) uint64 { return Range(x, 'A', 'Z') }

// Next shifts a mask by one byte towards the end: the bit of byte i moves
// to byte i+1, so that m&Next(p) marks bytes whose predecessor is in p.
// carry (0 or 1) becomes byte 0's bit: the last byte of the word before.
func Next(m uint64, carry uint64) uint64 { return m<<8 | carry<<7 }

// Last is 1 when the mask marks byte 7, else 0: the carry into Next for
// the following word.
func Last(m uint64) uint64 { return m >> 63 }

// Count is the number of bytes a mask marks: the sum of its bytes as 0 or
// 1, gathered in the top byte by a multiply (no POPCNT, which GOAMD64=v1
// code tests for at each call).
func Count(m uint64) int { return int((m >> 7) * ones >> 56) }

// First is the index (0–7) of the first byte a non-zero mask marks.
func First(m uint64) int { return bits.TrailingZeros64(m) >> 3 }

// DropFirst clears the first byte a non-zero mask marks.
func DropFirst(m uint64) uint64 { return m & (m - 1) }

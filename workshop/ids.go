package workshop

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"
)

// codeAlphabet has no letters or digits that read alike (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V).
const codeAlphabet = "34679ACDEFGHJKMNPQRTWXY"

// codeLen is the length of a new join code: 23^8 ≈ 78 billion codes, so
// that guessing at the rate the web server allows finds an open room with
// a negligible chance (the README's security section gives the arithmetic).
const codeLen = 8

// legacyCodeLen is the length of join codes of rooms opened before codes
// grew to codeLen; such rooms keep their codes.
const legacyCodeLen = 6

// NewCode returns a random join code from crypto/rand.
func NewCode() string {
	buf := make([]byte, codeLen)
	for i := range buf {
		buf[i] = codeAlphabet[randIndex(len(codeAlphabet))]
	}
	return string(buf)
}

// randIndex returns a uniform index in [0, n) from crypto/rand, by rejection.
func randIndex(n int) int {
	limit := 256 - 256%n
	var one [1]byte
	for {
		rand.Read(one[:])
		if int(one[0]) < limit {
			return int(one[0]) % n
		}
	}
}

// NormalizeCode upper-cases a typed join code and drops spaces and dashes.
func NormalizeCode(s string) string {
	s = strings.ToUpper(s)
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' {
			return -1
		}
		return r
	}, s)
}

// ValidCode reports whether s can be a join code.
func ValidCode(s string) bool {
	if len(s) != codeLen && len(s) != legacyCodeLen {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune(codeAlphabet, r) {
			return false
		}
	}
	return true
}

// NewToken returns a secret of 256 random bits, URL-safe.
func NewToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// NewID returns a short random identifier (not a secret).
func NewID() string {
	b := make([]byte, 9)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken is what the store keeps of a token.
func HashToken(tok string) []byte {
	h := sha256.Sum256([]byte(tok))
	return h[:]
}

// TokenMatches compares a presented token with a stored hash in constant time.
func TokenMatches(tok string, hash []byte) bool {
	if tok == "" || len(hash) == 0 {
		return false
	}
	return subtle.ConstantTimeCompare(HashToken(tok), hash) == 1
}
